// GET /desk — the agent's queue: views with counts, filters, sort, keyset paging, and ticket search.
// The server-rendered parts live in ./queue-view.
import type { Metadata } from "next";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks, type SessionUser } from "@/app/_core/session";
import { getTaxonomy } from "@/app/_modules/content/store";
import { countChangedSinceReply } from "@/app/_modules/provenance/changed";
import { listTags } from "@/app/_modules/tickets/desk/tags";
import { QUEUE_VIEW_LABELS } from "@/app/_modules/tickets/desk-schema";
import { listQueue, type QueueResult } from "@/app/_modules/tickets/queue";
import { searchTickets } from "@/app/_modules/tickets/ticket-search";
import { deskLabel } from "./labels";
import { QueueKeyboard } from "./QueueKeyboard";
import { parseQueueParams, type QueueParams, type RawParams } from "./queue-params";
import { QueueFilterForm } from "./queue-view/QueueFilterForm";
import { DeskSwitch, QueueShortcutHelp, QueueViewsNav, TicketSearchForm } from "./queue-view/QueueNavigation";
import { QueuePager, QueueTable } from "./queue-view/QueueTable";
import { TicketSearchResults } from "./queue-view/TicketSearchResults";
import "./desk.css";

export const metadata: Metadata = { title: "Werkbak" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 25;

/** One page of the queue; a stale cursor (the list changed shape) starts again at the first page, with a notice. */
async function loadQueue(
  client: ReturnType<typeof db>,
  user: SessionUser,
  p: QueueParams,
): Promise<{ queue: QueueResult; queueError: string | null }> {
  const input = { user, desk: p.desk, view: p.view, filters: p.filters, sort: p.sort, limit: PAGE_SIZE };
  try {
    return { queue: await listQueue(client, { ...input, cursor: p.cursor }), queueError: null };
  } catch (e) {
    if (!isExpectedError(e)) throw e;
    return { queue: await listQueue(client, input), queueError: e.message };
  }
}

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

  const { queue, queueError } = p.q ? { queue: null, queueError: null } : await loadQueue(client, user, p);
  const search = p.q ? await searchTickets(client, { user, q: p.q, desk: p.desk, limit: 50 }) : null;
  const changedCount = await countChangedSinceReply(client, user);
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
      {changedCount > 0 && (
        <p className="alert alert-warning changed-since-link">
          <a href="/desk/gewijzigd">
            Gewijzigd sinds uw antwoord: {changedCount} {changedCount === 1 ? "vraag" : "vragen"}
          </a>{" "}
          – een artikel of regel waar een antwoord op steunde, is veranderd.
        </p>
      )}
      {desks.length > 1 && <DeskSwitch p={p} desks={desks} />}
      <TicketSearchForm p={p} />

      {search ? (
        <TicketSearchResults q={p.q ?? ""} search={search} />
      ) : queue ? (
        <>
          <QueueViewsNav p={p} counts={queue.counts} />
          <QueueFilterForm
            p={p}
            topics={taxonomy.topics}
            tags={tags}
            colleagues={colleagues.filter((c) => c.id !== user.id)}
          />
          {queueError && (
            <div className="alert alert-warning" role="status">
              <p>{queueError}</p>
            </div>
          )}
          <h2 className="queue-heading">
            {QUEUE_VIEW_LABELS[p.view]}
            {p.cursor ? " (volgende pagina)" : ""}
          </h2>
          <QueueTable queue={queue} p={p} userId={user.id} topicLabel={topicLabel} />
          <QueuePager p={p} nextCursor={queue.nextCursor} />
        </>
      ) : null}

      <QueueKeyboard />
      <QueueShortcutHelp />
    </div>
  );
}
