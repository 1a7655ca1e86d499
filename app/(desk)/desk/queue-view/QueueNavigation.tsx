// The queue page's navigation: the desk switch (agents of both desks), the ticket search form, the views with
// their counts, and the help for the queue's keyboard shortcuts.
import Link from "next/link";
import type { DeskId } from "@/app/_core/session";
import { QUEUE_VIEW_LABELS, QUEUE_VIEWS } from "@/app/_modules/tickets/desk-schema";
import type { QueueResult } from "@/app/_modules/tickets/queue";
import { deskLabel } from "../labels";
import { queueHref, type QueueParams } from "../queue-params";

export function DeskSwitch({ p, desks }: { p: QueueParams; desks: readonly DeskId[] }) {
  return (
    <nav aria-label="Helpdesk kiezen" className="desk-switch">
      <ul>
        <li>
          <Link href={queueHref({ ...p, desk: undefined })} aria-current={!p.desk ? "page" : undefined}>
            Alle helpdesks
          </Link>
        </li>
        {desks.map((d) => (
          <li key={d}>
            <Link href={queueHref({ ...p, desk: d })} aria-current={p.desk === d ? "page" : undefined}>
              {deskLabel(d)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function TicketSearchForm({ p }: { p: QueueParams }) {
  return (
    <form method="get" action="/desk" role="search" className="desk-search" aria-label="Vragen zoeken">
      {p.desk && <input type="hidden" name="desk" value={p.desk} />}
      <label htmlFor="desk-q">Zoek in vragen (tekst, organisatie, naam of vraagnummer)</label>
      <div className="desk-search-row">
        <input id="desk-q" name="q" type="search" defaultValue={p.q ?? ""} maxLength={200} autoComplete="off" />
        <button type="submit" className="btn">
          Zoeken
        </button>
        {p.q && (
          <Link href={queueHref({ ...p, q: undefined })} className="btn btn-secondary">
            Terug naar de werkbak
          </Link>
        )}
      </div>
    </form>
  );
}

export function QueueViewsNav({ p, counts }: { p: QueueParams; counts: QueueResult["counts"] }) {
  return (
    <nav aria-label="Lijsten" className="queue-views">
      <ul>
        {QUEUE_VIEWS.map((v) => (
          <li key={v}>
            <Link href={queueHref(p, { view: v })} aria-current={p.view === v ? "page" : undefined}>
              {QUEUE_VIEW_LABELS[v]} <span className="view-count">({counts?.[v] ?? 0})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function QueueShortcutHelp() {
  return (
    <section aria-labelledby="keys-title" className="shortcut-help">
      <h2 id="keys-title">Sneltoetsen</h2>
      <p>Sneltoetsen werken niet als u in een veld typt.</p>
      <dl>
        <dt>
          <kbd>j</kbd>
        </dt>
        <dd>Volgende vraag in de lijst</dd>
        <dt>
          <kbd>k</kbd>
        </dt>
        <dd>Vorige vraag in de lijst</dd>
        <dt>
          <kbd>Enter</kbd> of <kbd>o</kbd>
        </dt>
        <dd>Geselecteerde vraag openen</dd>
        <dt>
          <kbd>/</kbd>
        </dt>
        <dd>Naar het zoekveld</dd>
      </dl>
      <p>
        Op de pagina van een vraag: <kbd>r</kbd> antwoorden, <kbd>n</kbd> interne notitie, <kbd>e</kbd> oplossen,{" "}
        <kbd>j</kbd>/<kbd>k</kbd> volgende of vorige vraag uit deze lijst.
      </p>
    </section>
  );
}
