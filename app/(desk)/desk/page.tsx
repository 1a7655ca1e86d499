// GET /desk — the agent's queue: views with counts, filters, sort, keyset paging, and ticket search.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks } from "@/app/_core/session";
import { getTaxonomy } from "@/app/_modules/content/store";
import { listTags } from "@/app/_modules/tickets/desk/tags";
import { QUEUE_VIEW_LABELS, QUEUE_VIEWS, type QueueSort } from "@/app/_modules/tickets/desk-schema";
import { listQueue, type QueueResult } from "@/app/_modules/tickets/queue";
import { CALLER_TYPES, SECTORS } from "@/app/_modules/triage/schema";
import { CHANNEL_LABELS, CHANNELS } from "@/app/_modules/tickets/channel";
import { Highlighted, SlaBadges, StatusBadge } from "./components";
import { AGENT_STATUS_LABELS, callerTypeLabel, deskLabel, formatDateTime, sectorLabel } from "./labels";
import { QueueKeyboard } from "./QueueKeyboard";
import { hasFilters, parseQueueParams, queueHref, type RawParams } from "./queue-params";
import { searchTickets } from "@/app/_modules/tickets/ticket-search";
import "./desk.css";

export const metadata: Metadata = { title: "Werkbak" };
export const dynamic = "force-dynamic";

const SORT_LABELS: Record<QueueSort, string> = {
  sla: "SLA-termijn (eerst de meest dringende)",
  created: "Aangemaakt (oudste eerst)",
  updated: "Laatst bijgewerkt (nieuwste eerst)",
};
const PAGE_SIZE = 25;

export default async function DeskPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageRole(["agent"], "/desk");
  const desks = visibleDesks(user);
  const raw = await searchParams;
  const p = parseQueueParams(raw, desks);
  const transferred = raw.doorgestuurd === "1";
  const client = db();

  const [taxonomy, tags, colleagues] = await Promise.all([
    getTaxonomy(),
    listTags(client, { user }),
    client.user.findMany({
      where: {
        active: true,
        OR: [{ role: "admin" }, { role: "agent", desks: { some: { deskId: { in: p.desk ? [p.desk] : desks } } } }],
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const topicLabel = (id: string | null) => (id ? (taxonomy.topics.find((t) => t.id === id)?.label ?? id) : "–");

  let queue: QueueResult | null = null;
  let queueError: string | null = null;
  if (!p.q) {
    try {
      queue = await listQueue(client, {
        user,
        desk: p.desk,
        view: p.view,
        filters: p.filters,
        sort: p.sort,
        cursor: p.cursor,
        limit: PAGE_SIZE,
      });
    } catch (e) {
      if (!isExpectedError(e)) throw e;
      // A stale cursor (the list changed shape): start again at the first page.
      queueError = e.message;
      queue = await listQueue(client, {
        user,
        desk: p.desk,
        view: p.view,
        filters: p.filters,
        sort: p.sort,
        limit: PAGE_SIZE,
      });
    }
  }
  const search = p.q ? await searchTickets(client, { user, q: p.q, desk: p.desk, limit: 50 }) : null;
  const deskTitle = p.desk ? deskLabel(p.desk) : desks.length > 1 ? "alle helpdesks" : deskLabel(desks[0] ?? "");

  return (
    <div className="container desk">
      <h1 id="desk-title" tabIndex={-1}>
        Werkbak <span className="muted desk-subtitle">– {deskTitle}</span>
      </h1>

      {transferred && (
        <div className="alert alert-success" role="status">
          <p>De vraag is doorgestuurd naar de andere helpdesk. De beller heeft daarover een e-mail gekregen.</p>
        </div>
      )}
      {desks.length > 1 && (
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
      )}

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

      {search ? (
        <section aria-labelledby="search-title">
          <h2 id="search-title">Zoekresultaten voor “{p.q}”</h2>
          <p role="status">
            {search.hits.length === 0
              ? "Geen vragen gevonden. Probeer andere woorden of een vraagnummer."
              : `${search.hits.length} ${search.hits.length === 1 ? "vraag" : "vragen"} gevonden.`}
          </p>
          {search.hits.length > 0 && (
            <ol className="plain-list search-hits" data-queue-list>
              {search.hits.map((h) => (
                <li key={h.id} data-ticket-row data-reference={h.reference} data-subject={h.subject}>
                  <p className="hit-head">
                    <Link href={`/desk/tickets/${h.reference}`}>
                      {h.reference}: {h.subject}
                    </Link>{" "}
                    <StatusBadge status={h.status} />
                  </p>
                  <p className="muted">
                    {h.organisation} · {h.requesterName} · {deskLabel(h.deskId)} · bijgewerkt{" "}
                    {formatDateTime(h.updatedAt)}
                  </p>
                  {h.snippetHtml && (
                    <p className="hit-snippet">
                      <Highlighted html={h.snippetHtml} />
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : queue ? (
        <>
          <nav aria-label="Lijsten" className="queue-views">
            <ul>
              {QUEUE_VIEWS.map((v) => (
                <li key={v}>
                  <Link href={queueHref(p, { view: v })} aria-current={p.view === v ? "page" : undefined}>
                    {QUEUE_VIEW_LABELS[v]} <span className="view-count">({queue!.counts?.[v] ?? 0})</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <details className="queue-filters" open={hasFilters(p.filters) || p.sort !== "sla" ? true : undefined}>
            <summary>Filteren en sorteren{hasFilters(p.filters) ? " (filters actief)" : ""}</summary>
            <form method="get" action="/desk">
              {p.desk && <input type="hidden" name="desk" value={p.desk} />}
              <input type="hidden" name="view" value={p.view} />
              <fieldset className="filter-status">
                <legend>Status</legend>
                {(Object.keys(AGENT_STATUS_LABELS) as (keyof typeof AGENT_STATUS_LABELS)[]).map((s) => (
                  <label key={s} className="choice">
                    <input type="checkbox" name="status" value={s} defaultChecked={p.filters.status?.includes(s)} />{" "}
                    {AGENT_STATUS_LABELS[s]}
                  </label>
                ))}
              </fieldset>
              <div className="filter-grid">
                <div className="field">
                  <label htmlFor="f-topic">Onderwerp</label>
                  <select id="f-topic" name="topic" defaultValue={p.filters.topic ?? ""}>
                    <option value="">Alle onderwerpen</option>
                    {taxonomy.topics.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="f-sector">Sector</label>
                  <select id="f-sector" name="sector" defaultValue={p.filters.sector ?? ""}>
                    <option value="">Alle sectoren</option>
                    {SECTORS.map((s) => (
                      <option key={s} value={s}>
                        {sectorLabel(s)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="f-caller">Soort beller</label>
                  <select id="f-caller" name="callerType" defaultValue={p.filters.callerType ?? ""}>
                    <option value="">Alle bellers</option>
                    {CALLER_TYPES.map((c) => (
                      <option key={c} value={c}>
                        {callerTypeLabel(c)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="f-channel">Kanaal</label>
                  <select id="f-channel" name="channel" defaultValue={p.filters.channel ?? ""}>
                    <option value="">Alle kanalen</option>
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {CHANNEL_LABELS[c]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="f-tag">Tag</label>
                  <select id="f-tag" name="tag" defaultValue={p.filters.tag ?? ""}>
                    <option value="">Alle tags</option>
                    {tags.map((t) => (
                      <option key={t.id} value={t.name}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="f-assignee">Toegewezen aan</label>
                  <select id="f-assignee" name="assignee" defaultValue={p.filters.assignee ?? ""}>
                    <option value="">Iedereen</option>
                    <option value="me">Mij</option>
                    <option value="none">Niemand</option>
                    {colleagues
                      .filter((c) => c.id !== user.id)
                      .map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="f-sort">Sorteren op</label>
                  <select id="f-sort" name="sort" defaultValue={p.sort}>
                    {(Object.keys(SORT_LABELS) as QueueSort[]).map((s) => (
                      <option key={s} value={s}>
                        {SORT_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="btn-row">
                <button type="submit" className="btn">
                  Filter toepassen
                </button>
                {(hasFilters(p.filters) || p.sort !== "sla") && (
                  <Link href={queueHref({ ...p, filters: {}, sort: "sla" })} className="btn btn-secondary">
                    Filters wissen
                  </Link>
                )}
              </div>
            </form>
          </details>

          {queueError && (
            <div className="alert alert-warning" role="status">
              <p>{queueError}</p>
            </div>
          )}

          <h2 className="queue-heading">
            {QUEUE_VIEW_LABELS[p.view]}
            {p.cursor ? " (volgende pagina)" : ""}
          </h2>
          {queue.items.length === 0 ? (
            <p>Er staan geen vragen in deze lijst.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table queue-table" data-queue-list>
                <caption className="visually-hidden">
                  {QUEUE_VIEW_LABELS[p.view]}: {queue.items.length} {queue.items.length === 1 ? "vraag" : "vragen"},
                  gesorteerd op {SORT_LABELS[p.sort]}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Vraag</th>
                    <th scope="col">Beller</th>
                    <th scope="col">Status</th>
                    <th scope="col">SLA</th>
                    <th scope="col">Onderwerp en tags</th>
                    <th scope="col">Behandelaar</th>
                    <th scope="col">{p.sort === "updated" ? "Bijgewerkt" : "Binnengekomen"}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.items.map((t) => (
                    <tr key={t.id} data-ticket-row data-reference={t.reference} data-subject={t.subject}>
                      <td>
                        <Link href={`/desk/tickets/${t.reference}`} className="queue-link">
                          <span className="queue-ref">{t.reference}</span> {t.subject}
                        </Link>
                        {queue!.desks.length > 1 && <span className="muted queue-desk"> · {deskLabel(t.deskId)}</span>}
                      </td>
                      <td>
                        {t.requester.organisation}
                        <span className="muted block">
                          {callerTypeLabel(t.callerType)}
                          {t.sector ? ` · ${t.sector.toUpperCase()}` : ""}
                        </span>
                        <span className="muted block" data-channel={t.channel}>
                          via {CHANNEL_LABELS[t.channel as keyof typeof CHANNEL_LABELS] ?? t.channel}
                        </span>
                      </td>
                      <td>
                        <StatusBadge status={t.status} />
                      </td>
                      <td>
                        <SlaBadges sla={t.sla} compact />
                      </td>
                      <td>
                        {topicLabel(t.topic)}
                        {t.tags.length > 0 && (
                          <span className="block">
                            {t.tags.map((g) => (
                              <span key={g} className="tag">
                                {g}
                              </span>
                            ))}
                          </span>
                        )}
                      </td>
                      <td>
                        {t.assignee ? (
                          t.assignee.id === user.id ? (
                            "Ik"
                          ) : (
                            t.assignee.name
                          )
                        ) : (
                          <span className="muted">Niemand</span>
                        )}
                      </td>
                      <td>{formatDateTime(p.sort === "updated" ? t.updatedAt : t.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Pagina's" className="pager">
            {p.cursor && (
              <Link href={queueHref(p)} className="btn btn-secondary">
                Naar de eerste pagina
              </Link>
            )}
            {queue.nextCursor && (
              <Link href={queueHref(p, { cursor: queue.nextCursor })} className="btn btn-secondary" rel="next">
                Volgende pagina
              </Link>
            )}
          </nav>
        </>
      ) : null}

      <QueueKeyboard />
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
    </div>
  );
}
