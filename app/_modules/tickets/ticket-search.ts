// Ticket search for the agent workspace: one ticket index in the configured search engine (embedded or
// Meilisearch), brought up to date with the database at start (never cleared: what changed is upserted, what is
// gone is deleted) and before every search (tickets changed since the last sync are re-indexed). Every search filters on `deskId IN` the
// user's visible desks, and the hits are checked once more against the database through ticketScope, so a stale
// index entry (a ticket moved to another desk a moment ago, or merged away) is never shown.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { DESK_IDS, visibleDesks, type SessionUser } from "@/app/_core/session";
import {
  createSearchEngine,
  TICKET_INDEX,
  ticketIndexSettings,
  type SearchEngine,
  type SearchIndex,
} from "@/app/_modules/search";
import { syncIndexBatches, withRevision, type SyncResult } from "@/app/_modules/search/sync";
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
  id: true,
  reference: true,
  subject: true,
  deskId: true,
  status: true,
  topic: true,
  assigneeId: true,
  createdAt: true,
  updatedAt: true,
  mergedIntoId: true,
  requester: { select: { name: true, organisation: true } },
  tags: { select: { tag: { select: { name: true } } } },
  messages: {
    where: { kind: { in: ["caller", "reply", "note"] } },
    orderBy: { createdAt: "asc" },
    select: { body: true },
  },
} satisfies Prisma.TicketSelect;

type DocRow = {
  id: string;
  reference: string;
  subject: string;
  deskId: string;
  status: string;
  topic: string | null;
  assigneeId: string | null;
  createdAt: Date;
  updatedAt: Date;
  mergedIntoId: string | null;
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
    id: t.id,
    reference: t.reference,
    subject: t.subject,
    bodyText: body.slice(0, BODY_MAX),
    organisation: t.requester.organisation,
    requesterName: t.requester.name,
    deskId: t.deskId,
    status: t.status,
    priority: 0,
    topic: t.topic ?? "",
    tags: t.tags.map((x) => x.tag.name).sort(),
    assigneeId: t.assigneeId ?? "",
    createdAt: t.createdAt.getTime(),
    updatedAt: t.updatedAt.getTime(),
  };
}

function state(engine?: SearchEngine): State {
  const e = engine ?? createSearchEngine(process.env);
  if (!g.__ticketSearch || g.__ticketSearch.engine !== e)
    g.__ticketSearch = { engine: e, syncedUpTo: null, running: null };
  return g.__ticketSearch;
}

const indexOf = (s: State): SearchIndex<TicketDoc> => s.engine.index<TicketDoc>(TICKET_INDEX);

/**
 * The first sync in a process brings the shared index up to date without clearing it (other instances keep
 * serving meanwhile): tickets whose content changed are upserted, tickets gone or merged away are deleted, and a
 * current index gets no write (search/sync.ts). Later syncs write the tickets changed since the last one.
 */
async function runSync(db: Db, s: State): Promise<SyncResult | null> {
  const index = indexOf(s);
  let maxSeen = s.syncedUpTo;
  const seen = (rows: DocRow[]) => {
    for (const r of rows) if (!maxSeen || r.updatedAt > maxSeen) maxSeen = r.updatedAt;
  };
  if (s.syncedUpTo === null) {
    const result = await syncIndexBatches(
      index,
      ticketIndexSettings(),
      (async function* () {
        for await (const rows of ticketBatches(db, {})) {
          seen(rows);
          yield rows.filter((r) => !r.mergedIntoId).map(toTicketDoc);
        }
      })(),
    );
    s.syncedUpTo = maxSeen ?? new Date(0);
    return result;
  }
  const since = new Date(s.syncedUpTo.getTime() - OVERLAP_MS);
  // A delta is read per desk, so the (deskId, updatedAt) index serves it; a transferred ticket has a new updatedAt
  // and is found under its new desk.
  for (const deskId of DESK_IDS) {
    for await (const rows of ticketBatches(db, { deskId, updatedAt: { gte: since } })) {
      const live = rows.filter((r) => !r.mergedIntoId);
      const gone = rows.filter((r) => r.mergedIntoId).map((r) => r.id);
      // With their revision, so the next start-up sees them as current.
      if (live.length) await index.addDocuments(live.map((r) => withRevision(toTicketDoc(r))));
      if (gone.length) await index.deleteDocuments(gone);
      seen(rows);
    }
  }
  s.syncedUpTo = maxSeen ?? new Date(0);
  return null;
}

/** The tickets matching `where`, in batches by id. */
async function* ticketBatches(db: Db, where: Prisma.TicketWhereInput): AsyncGenerator<DocRow[]> {
  let cursor: string | null = null;
  for (;;) {
    const rows: DocRow[] = await db.ticket.findMany({
      where: { AND: [where, cursor ? { id: { gt: cursor } } : {}] },
      orderBy: { id: "asc" },
      take: BATCH,
      select: docSelect,
    });
    if (!rows.length) return;
    yield rows;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}

/**
 * Brings the ticket index up to date (one sync at a time per process; callers arriving meanwhile wait for it).
 * Returns what the first sync in this process wrote (null for a delta).
 */
export async function syncTicketIndex(db: Db, engine?: SearchEngine): Promise<SyncResult | null> {
  const s = state(engine);
  while (s.running) await s.running.catch(() => {});
  const run = runSync(db, s);
  s.running = run
    .then(
      () => {},
      () => {},
    )
    .finally(() => {
      s.running = null;
    });
  return run;
}

/** Forgets the sync position, so the next search syncs the whole index again, as at start (tests, and after a restore). */
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
  const select = {
    id: true,
    reference: true,
    subject: true,
    status: true,
    deskId: true,
    updatedAt: true,
    requester: { select: { name: true, organisation: true } },
  } satisfies Prisma.TicketSelect;

  const ref = parseReference(q);
  if (ref) {
    const t = await db.ticket.findFirst({ where: { AND: [scope, await referenceWhere(db, ref)] }, select });
    if (!t) return { hits: [], total: 0 };
    return {
      hits: [{ ...t, organisation: t.requester.organisation, requesterName: t.requester.name, snippetHtml: "" }],
      total: 1,
    };
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
      ...t,
      organisation: t.requester.organisation,
      requesterName: t.requester.name,
      snippetHtml: /<mark>/.test(f.bodyText ?? "") ? f.bodyText! : "",
    });
  }
  return { hits, total: Math.max(hits.length, res.estimatedTotalHits - (res.hits.length - hits.length)) };
}
