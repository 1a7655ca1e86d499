// Ticket search for the agent workspace: one ticket index in the configured search engine (embedded or
// Meilisearch), built lazily from the database on the first search in this process and brought up to date before
// every search (tickets changed since the last sync are re-indexed). Every search filters on `deskId IN` the
// user's visible desks, and the hits are checked once more against the database through ticketScope, so a stale
// index entry (a ticket moved to another desk a moment ago, or merged away) is never shown.
import type { Db, Prisma } from "@/app/_core/db";
import { DESK_IDS, visibleDesks, type SessionUser } from "@/app/_core/session";
import { createSearchEngine, TICKET_INDEX, ticketIndexSettings, type SearchEngine, type SearchIndex } from "@/app/_modules/search";
import { ticketScope } from "@/app/_modules/tickets/access";
import { parseReference, referenceWhere } from "@/app/_modules/tickets/reference";

export type TicketDoc = {
  id: string;
  reference: string;
  subject: string;
  bodyText: string;
  organisation: string;
  requesterName: string;
  deskId: string;
  status: string;
  priority: number;
  topic: string;
  tags: string[];
  assigneeId: string;
  createdAt: number;
  updatedAt: number;
};

const BATCH = 2_000;
const BODY_MAX = 20_000;
// Re-read a little before the last sync: a transaction that committed just after we read may carry an older updatedAt.
const OVERLAP_MS = 10_000;

type State = { engine: SearchEngine; syncedUpTo: Date | null; running: Promise<void> | null };
const g = globalThis as unknown as { __ticketSearch?: State };

const docSelect = {
  id: true, reference: true, subject: true, deskId: true, status: true, topic: true, assigneeId: true, createdAt: true, updatedAt: true,
  mergedIntoId: true,
  requester: { select: { name: true, organisation: true } },
  tags: { select: { tag: { select: { name: true } } } },
  messages: { where: { kind: { in: ["caller", "reply", "note"] } }, orderBy: { createdAt: "asc" }, select: { body: true } },
} satisfies Prisma.TicketSelect;

type DocRow = {
  id: string; reference: string; subject: string; deskId: string; status: string; topic: string | null; assigneeId: string | null;
  createdAt: Date; updatedAt: Date; mergedIntoId: string | null;
  requester: { name: string; organisation: string };
  tags: { tag: { name: string } }[];
  messages: { body: string }[];
};

/** A ticket row as a search document (caller messages, replies and notes as one text; staff only search it). */
export function toTicketDoc(t: DocRow): TicketDoc {
  let body = "";
  for (const m of t.messages) {
    if (body.length >= BODY_MAX) break;
    body += (body ? "\n" : "") + m.body;
  }
  return {
    id: t.id, reference: t.reference, subject: t.subject, bodyText: body.slice(0, BODY_MAX), organisation: t.requester.organisation,
    requesterName: t.requester.name, deskId: t.deskId, status: t.status, priority: 0, topic: t.topic ?? "",
    tags: t.tags.map((x) => x.tag.name).sort(), assigneeId: t.assigneeId ?? "", createdAt: t.createdAt.getTime(), updatedAt: t.updatedAt.getTime(),
  };
}

function state(engine?: SearchEngine): State {
  const e = engine ?? createSearchEngine(process.env);
  if (!g.__ticketSearch || g.__ticketSearch.engine !== e) g.__ticketSearch = { engine: e, syncedUpTo: null, running: null };
  return g.__ticketSearch;
}

const indexOf = (s: State): SearchIndex<TicketDoc> => s.engine.index<TicketDoc>(TICKET_INDEX);

/** Writes tickets changed since the last sync (all tickets the first time) to the index; merged tickets leave it. */
async function runSync(db: Db, s: State): Promise<void> {
  const index = indexOf(s);
  const full = s.syncedUpTo === null;
  if (full) {
    await index.updateSettings(ticketIndexSettings());
    await index.deleteAllDocuments();
  }
  const since = s.syncedUpTo ? new Date(s.syncedUpTo.getTime() - OVERLAP_MS) : null;
  let maxSeen = s.syncedUpTo;
  // A delta is read per desk, so the (deskId, updatedAt) index serves it; a transferred ticket has a new updatedAt
  // and is found under its new desk.
  const passes: Prisma.TicketWhereInput[] = since ? DESK_IDS.map((deskId) => ({ deskId, updatedAt: { gte: since } })) : [{}];
  for (const where of passes) {
    let cursor: string | null = null;
    for (;;) {
      const rows: DocRow[] = await db.ticket.findMany({
        where: { AND: [where, cursor ? { id: { gt: cursor } } : {}] },
        orderBy: { id: "asc" },
        take: BATCH,
        select: docSelect,
      });
      if (!rows.length) break;
      const live = rows.filter((r) => !r.mergedIntoId);
      const gone = rows.filter((r) => r.mergedIntoId).map((r) => r.id);
      if (live.length) await index.addDocuments(live.map(toTicketDoc));
      if (gone.length && !full) await index.deleteDocuments(gone);
      for (const r of rows) if (!maxSeen || r.updatedAt > maxSeen) maxSeen = r.updatedAt;
      cursor = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) break;
    }
  }
  s.syncedUpTo = maxSeen ?? new Date(0);
}

/** Brings the ticket index up to date (one sync at a time per process; callers arriving meanwhile wait for it). */
export async function syncTicketIndex(db: Db, engine?: SearchEngine): Promise<void> {
  const s = state(engine);
  while (s.running) await s.running.catch(() => {});
  s.running = runSync(db, s).finally(() => {
    s.running = null;
  });
  await s.running;
}

/** Forgets the sync position, so the next search rebuilds the index (tests, and after a restore). */
export function resetTicketIndex(): void {
  if (g.__ticketSearch) g.__ticketSearch.syncedUpTo = null;
}

export type TicketSearchHit = {
  id: string;
  reference: string;
  subject: string;
  status: string;
  deskId: string;
  organisation: string;
  requesterName: string;
  updatedAt: Date;
  /** Escaped text with <mark> around the matched words: safe to render as HTML. */
  snippetHtml: string;
};

const quote = (v: string) => `"${v.replace(/["\\]/g, "")}"`;

/**
 * Searches the tickets of the desks the user may see (optionally one of them). A reference (PO-2026-000123) is
 * looked up directly, also a reference the ticket had before a transfer. Returns at most `limit` hits, newest match first within equal relevance.
 */
export async function searchTickets(
  db: Db,
  opts: { user: SessionUser; q: string; desk?: string; limit?: number; engine?: SearchEngine },
): Promise<{ hits: TicketSearchHit[]; total: number }> {
  const desks = visibleDesks(opts.user).filter((d) => !opts.desk || d === opts.desk);
  const q = opts.q.trim().slice(0, 200);
  if (!desks.length || !q) return { hits: [], total: 0 };
  const limit = Math.min(Math.max(opts.limit ?? 25, 1), 100);
  const scope = { AND: [ticketScope(opts.user), { deskId: { in: desks } }, { mergedIntoId: null }] };
  const select = { id: true, reference: true, subject: true, status: true, deskId: true, updatedAt: true, requester: { select: { name: true, organisation: true } } } satisfies Prisma.TicketSelect;

  const ref = parseReference(q);
  if (ref) {
    const t = await db.ticket.findFirst({ where: { AND: [scope, referenceWhere(ref)] }, select });
    if (!t) return { hits: [], total: 0 };
    return { hits: [{ ...t, organisation: t.requester.organisation, requesterName: t.requester.name, snippetHtml: "" }], total: 1 };
  }

  await syncTicketIndex(db, opts.engine);
  const res = await indexOf(state(opts.engine)).search(q, {
    filter: `deskId IN [${desks.map(quote).join(", ")}]`,
    limit,
    attributesToHighlight: ["subject", "bodyText"],
    attributesToCrop: ["bodyText:24"],
    highlightPreTag: "<mark>",
    highlightPostTag: "</mark>",
  });
  const ids = res.hits.map((h) => String(h.id));
  // The database has the last word on visibility and on the fields shown.
  const rows = ids.length ? await db.ticket.findMany({ where: { AND: [scope, { id: { in: ids } }] }, select }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: TicketSearchHit[] = [];
  for (const h of res.hits) {
    const t = byId.get(String(h.id));
    if (!t) continue;
    const f = (h._formatted ?? {}) as Record<string, string>;
    hits.push({
      ...t, organisation: t.requester.organisation, requesterName: t.requester.name,
      snippetHtml: /<mark>/.test(f.bodyText ?? "") ? f.bodyText! : "",
    });
  }
  return { hits, total: Math.max(hits.length, res.estimatedTotalHits - (res.hits.length - hits.length)) };
}
