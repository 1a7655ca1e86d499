// The queue as a table (one row per ticket, j/k move through it) and the keyset pager under it.
import Link from "next/link";
import { QUEUE_VIEW_LABELS } from "@/app/_modules/tickets/desk-schema";
import { channelLabel } from "@/app/_modules/tickets/channel";
import type { QueueResult } from "@/app/_modules/tickets/queue";
import { SlaBadges, StatusBadge } from "../components";
import { callerTypeLabel, deskLabel, formatDateTime } from "../labels";
import { queueHref, type QueueParams } from "../queue-params";
import { SORT_LABELS } from "./QueueFilterForm";

type QueueItem = QueueResult["items"][number];

export function QueueTable({
  queue,
  p,
  userId,
  topicLabel,
}: {
  queue: QueueResult;
  p: QueueParams;
  userId: string;
  topicLabel: (id: string | null) => string;
}) {
  if (queue.items.length === 0) return <p>Er staan geen vragen in deze lijst.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table queue-table" data-queue-list>
        <caption className="visually-hidden">
          {QUEUE_VIEW_LABELS[p.view]}: {queue.items.length} {queue.items.length === 1 ? "vraag" : "vragen"}, gesorteerd
          op {SORT_LABELS[p.sort]}
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
            <QueueRow
              key={t.id}
              t={t}
              showDesk={queue.desks.length > 1}
              byUpdated={p.sort === "updated"}
              userId={userId}
              topicLabel={topicLabel}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QueueRow({
  t,
  showDesk,
  byUpdated,
  userId,
  topicLabel,
}: {
  t: QueueItem;
  showDesk: boolean;
  byUpdated: boolean;
  userId: string;
  topicLabel: (id: string | null) => string;
}) {
  return (
    <tr data-ticket-row data-reference={t.reference} data-subject={t.subject}>
      <td>
        <Link href={`/desk/tickets/${t.reference}`} className="queue-link">
          <span className="queue-ref">{t.reference}</span> {t.subject}
        </Link>
        {showDesk && <span className="muted queue-desk"> · {deskLabel(t.deskId)}</span>}
      </td>
      <td>
        {t.requester.organisation}
        <span className="muted block">
          {callerTypeLabel(t.callerType)}
          {t.sector ? ` · ${t.sector.toUpperCase()}` : ""}
        </span>
        <span className="muted block" data-channel={t.channel}>
          via {channelLabel(t.channel)}
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
      <td>{t.assignee ? t.assignee.id === userId ? "Ik" : t.assignee.name : <span className="muted">Niemand</span>}</td>
      <td>{formatDateTime(byUpdated ? t.updatedAt : t.createdAt)}</td>
    </tr>
  );
}

export function QueuePager({ p, nextCursor }: { p: QueueParams; nextCursor: string | null }) {
  return (
    <nav aria-label="Pagina's" className="pager">
      {p.cursor && (
        <Link href={queueHref(p)} className="btn btn-secondary">
          Naar de eerste pagina
        </Link>
      )}
      {nextCursor && (
        <Link href={queueHref(p, { cursor: nextCursor })} className="btn btn-secondary" rel="next">
          Volgende pagina
        </Link>
      )}
    </nav>
  );
}
