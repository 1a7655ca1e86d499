// Desk queues: views, filters, sorting, counts per view and keyset paging.
// Keyset (not offset) paging: a page is "the next N after (sort value, id)", which stays as fast on page 4,000 as on
// page 1 and never skips or repeats a ticket when others change in between. The where clauses start with
// deskId (=) + status and sort on resolutionDueAt / createdAt / updatedAt, which the Ticket @@index lines cover.
// Measured at 100,000 tickets (queue.perf.int.test.ts): a page 2–37 ms, a page with the six counts 36–75 ms.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { ValidationError } from "@/app/_core/errors";
import { visibleDesks, type DeskId, type SessionUser } from "@/app/_core/session";
import { deskSlaSettings, riskThreshold, slaSummary, type DeskSlaSettings } from "./desk-sla";
import {
  parseInput,
  QUEUE_VIEWS,
  queueSchema,
  STATUS_VIEW,
  viewStatuses,
  type QueueFilters,
  type QueueSort,
  type QueueView,
} from "./desk-schema";
import type { TicketStatus } from "./schema";

type Direction = "asc" | "desc";
type SortSpec = { field: "resolutionDueAt" | "createdAt" | "updatedAt"; nullable: boolean; direction: Direction };

const SORT_FIELDS: Record<QueueSort, { field: SortSpec["field"]; nullable: boolean; direction: Direction }> = {
  sla: { field: "resolutionDueAt", nullable: true, direction: "asc" },
  created: { field: "createdAt", nullable: false, direction: "asc" },
  updated: { field: "updatedAt", nullable: false, direction: "desc" },
};

/** The column, nullability and direction of a sort. */
export function sortSpec(sort: QueueSort, direction?: Direction): SortSpec {
  const s = SORT_FIELDS[sort];
  return { ...s, direction: direction ?? s.direction };
}

type CursorData = { s: QueueSort; d: Direction; v: string | null; id: string };

/** Encodes the position after a ticket as an opaque cursor. */
export function encodeCursor(sort: QueueSort, direction: Direction, value: Date | null, id: string): string {
  const data: CursorData = { s: sort, d: direction, v: value ? value.toISOString() : null, id };
  return Buffer.from(JSON.stringify(data)).toString("base64url");
}

const BAD_CURSOR = () =>
  new ValidationError("De lijst is veranderd. Laad de lijst opnieuw.", [
    { path: "cursor", message: "Ongeldige positie in de lijst." },
  ]);

/** Decodes a cursor made for this sort; a foreign or damaged cursor is a 400. */
export function decodeCursor(
  cursor: string,
  sort: QueueSort,
  direction: Direction,
): { value: Date | null; id: string } {
  let data: CursorData;
  try {
    data = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorData;
  } catch {
    throw BAD_CURSOR();
  }
  if (
    !data ||
    data.s !== sort ||
    data.d !== direction ||
    typeof data.id !== "string" ||
    !data.id ||
    (data.v !== null && typeof data.v !== "string")
  ) {
    throw BAD_CURSOR();
  }
  const value = data.v === null ? null : new Date(data.v);
  if (value && Number.isNaN(value.getTime())) throw BAD_CURSOR();
  return { value, id: data.id };
}

/** The JavaScript twin of keysetOrder, to merge per-desk pages (ids are cuids: code-point order = database order). */
export function compareRows(spec: SortSpec) {
  const sign = spec.direction === "asc" ? 1 : -1;
  return (a: { id: string } & Partial<Record<SortSpec["field"], Date | null>>, b: typeof a): number => {
    const x = a[spec.field] ?? null;
    const y = b[spec.field] ?? null;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1; // nulls last in both directions
    } else if (x.getTime() !== y.getTime()) return sign * (x.getTime() - y.getTime());
    return sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

/** Order by the sort column (nulls last), then id, both in the sort's direction. */
export function keysetOrder(spec: SortSpec): Prisma.TicketOrderByWithRelationInput[] {
  const col = spec.nullable ? { sort: spec.direction, nulls: "last" as const } : spec.direction;
  return [{ [spec.field]: col } as Prisma.TicketOrderByWithRelationInput, { id: spec.direction }];
}

/** Tickets strictly after the cursor position in keysetOrder(spec). */
export function keysetAfter(spec: SortSpec, after: { value: Date | null; id: string }): Prisma.TicketWhereInput {
  const op = spec.direction === "asc" ? "gt" : "lt";
  if (after.value === null) return { [spec.field]: null, id: { [op]: after.id } };
  return {
    OR: [
      { [spec.field]: { [op]: after.value } },
      { [spec.field]: after.value, id: { [op]: after.id } },
      // Nulls sort last in both directions, so they all come after any dated ticket.
      ...(spec.nullable ? [{ [spec.field]: null }] : []),
    ],
  };
}

const OPEN_STATUSES = ["new", "open", "waiting"];

/** The statuses a view can hold (every view is limited to some). */
const VIEW_STATUSES: Record<QueueView, readonly string[]> = {
  nieuw: ["new"],
  open: ["open"],
  wacht: ["waiting"],
  mijn: OPEN_STATUSES,
  "sla-risico": ["new", "open"],
  opgelost: ["resolved", "closed"],
};

/** The where clause of a view. `riskBefore` holds, per desk, the instant before which a due time is at risk. */
export function viewWhere(
  view: QueueView,
  userId: string,
  riskBefore: Partial<Record<DeskId, Date>>,
): Prisma.TicketWhereInput {
  switch (view) {
    case "nieuw":
    case "open":
    case "wacht":
    case "opgelost": {
      const statuses = viewStatuses(view);
      return statuses.length === 1 ? { status: statuses[0] } : { status: { in: statuses } };
    }
    case "mijn":
      return { assigneeId: userId, status: { in: OPEN_STATUSES } };
    case "sla-risico": {
      // Waiting tickets are paused, so never at risk; a met first response no longer counts.
      const perDesk = Object.entries(riskBefore).map(([deskId, before]) => ({
        deskId,
        OR: [{ resolutionDueAt: { lt: before } }, { firstRespondedAt: null, firstResponseDueAt: { lt: before } }],
      }));
      return { status: { in: ["new", "open"] }, OR: perDesk.length ? perDesk : [{ id: { in: [] } }] };
    }
  }
}

/** The where clause of the filters. `status` narrows a view; it does not widen it. */
export function filtersWhere(
  f: QueueFilters,
  userId: string,
  opts: { withStatus: boolean },
): Prisma.TicketWhereInput[] {
  const and: Prisma.TicketWhereInput[] = [];
  if (opts.withStatus && f.status?.length) and.push({ status: { in: f.status } });
  if (f.topic) and.push({ topic: f.topic });
  if (f.sector) and.push({ sector: f.sector });
  if (f.callerType) and.push({ callerType: f.callerType });
  if (f.channel) and.push({ channel: f.channel });
  if (f.tag) and.push({ tags: { some: { tag: { name: f.tag } } } });
  if (f.assignee) and.push({ assigneeId: f.assignee === "none" ? null : f.assignee === "me" ? userId : f.assignee });
  return and;
}

const itemSelect = {
  id: true,
  reference: true,
  subject: true,
  status: true,
  deskId: true,
  topic: true,
  sector: true,
  callerType: true,
  channel: true,
  createdAt: true,
  updatedAt: true,
  firstResponseDueAt: true,
  resolutionDueAt: true,
  firstRespondedAt: true,
  resolvedAt: true,
  closedAt: true,
  slaPausedAt: true,
  slaPausedMs: true,
  assignee: { select: { id: true, name: true } },
  requester: { select: { name: true, organisation: true } },
  tags: { select: { tag: { select: { name: true } } } },
} satisfies Prisma.TicketSelect;

export type QueueItem = Omit<Prisma.TicketGetPayload<{ select: typeof itemSelect }>, "tags"> & {
  tags: string[];
  sla: ReturnType<typeof slaSummary>;
};
export type QueueResult = {
  items: QueueItem[];
  nextCursor: string | null;
  counts: Record<QueueView, number> | null;
  desks: DeskId[];
};

/**
 * A page of a desk's queue: `desk` omitted = every desk the user sees. Counts per view apply the filters except
 * status (so the tabs tell how many of "these" tickets each view holds).
 */
export async function listQueue(
  db: Db,
  opts: {
    user: SessionUser;
    desk?: DeskId;
    view?: QueueView;
    filters?: QueueFilters;
    sort?: QueueSort;
    direction?: Direction;
    cursor?: string | null;
    limit?: number;
    withCounts?: boolean;
    now?: Date;
  },
): Promise<QueueResult> {
  const { user } = opts;
  const input = parseInput(queueSchema, {
    desk: opts.desk,
    view: opts.view,
    filters: opts.filters,
    sort: opts.sort,
    direction: opts.direction,
    cursor: opts.cursor,
    limit: opts.limit,
    withCounts: opts.withCounts,
  });
  const now = opts.now ?? new Date();
  const desks = visibleDesks(user).filter((d) => !input.desk || d === input.desk);
  const deskRows = desks.length ? await db.desk.findMany({ where: { id: { in: desks } } }) : [];
  const settings = new Map<string, DeskSlaSettings>(deskRows.map((d) => [d.id, deskSlaSettings(d)]));
  const riskBefore: Partial<Record<DeskId, Date>> = {};
  for (const [id, s] of settings) riskBefore[id as DeskId] = riskThreshold(now, s.hours);

  // One query per desk and status, merged: each is `deskId = ? AND status = ?` ordered by the sort column, which an
  // index scan answers in order and stops after limit + 1 rows. With `deskId IN (…)` SQLite plans this ORDER BY poorly
  // (100 ms against 2 ms at 100,000 tickets); with `status IN (…)` (Mijn, SLA-risico, Opgelost) PostgreSQL reads every
  // matching ticket of the desk and sorts them (2,000–5,000 heap rows, 60–390 ms at 100,000 tickets under load; see
  // scripts/bench/desk-plans.ts). Each desk comes from visibleDesks(user), the rule ticketScope applies, so the access
  // rule is still in every where clause; the view's own where clause stays too.
  const spec = sortSpec(input.sort, input.direction);
  const after = input.cursor ? decodeCursor(input.cursor, input.sort, spec.direction) : null;
  const parts = desks.flatMap((deskId) =>
    VIEW_STATUSES[input.view].map((status) => {
      const page: Prisma.TicketWhereInput[] = [
        { deskId },
        { status },
        { mergedIntoId: null },
        viewWhere(input.view, user.id, riskBefore),
        ...filtersWhere(input.filters, user.id, { withStatus: true }),
      ];
      if (after) page.push(keysetAfter(spec, after));
      return { AND: page } satisfies Prisma.TicketWhereInput;
    }),
  );
  const find = <S extends Prisma.TicketSelect>(where: Prisma.TicketWhereInput, select: S) =>
    db.ticket.findMany({ where, orderBy: keysetOrder(spec), take: input.limit + 1, select });
  let rows: Prisma.TicketGetPayload<{ select: typeof itemSelect }>[];
  if (parts.length === 1) rows = await find(parts[0]!, itemSelect);
  else {
    // Several parts: find the page's ids (and sort values) first, then read the page's rows with their relations
    // once, rather than the relations of every part's candidates.
    const keySelect = { id: true, resolutionDueAt: true, createdAt: true, updatedAt: true } as const;
    const keys = (await Promise.all(parts.map((where) => find(where, keySelect)))).flat();
    const ids = keys
      .sort(compareRows(spec))
      .slice(0, input.limit + 1)
      .map((k) => k.id);
    rows = await db.ticket.findMany({ where: { id: { in: ids } }, select: itemSelect });
  }
  rows.sort(compareRows(spec));
  const more = rows.length > input.limit;
  const pageRows = rows.slice(0, input.limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = more && last ? encodeCursor(input.sort, spec.direction, last[spec.field], last.id) : null;

  const counts = input.withCounts ? await viewCounts(db, user.id, desks, input.filters, riskBefore) : null;

  const items: QueueItem[] = pageRows.map((r) => {
    const hours = settings.get(r.deskId)?.hours;
    return {
      ...r,
      tags: r.tags.map((t) => t.tag.name).sort(),
      sla: hours ? slaSummary(r, hours, now) : { firstResponse: "none", resolution: "none" },
    };
  });
  return { items, nextCursor, counts, desks };
}

// Counts per view, per desk: one grouped count over status (nieuw, open, wacht, opgelost) plus the two views
// that are not a status (mijn, sla-risico). On PostgreSQL two partial indexes (migration pg_queue_count_indexes,
// checked by queue-indexes.int.test.ts) make the SLA-risico count and the counts with a tag filter index-only reads.
// Cached per user, filter set and the desks' latest change (an indexed
// max lookup), so any change to a ticket shows at once; the short TTL covers SLA risk, which moves with time.
const COUNT_TTL_MS = 5_000;
const countCache = new Map<string, { at: number; value: Promise<Record<QueueView, number>> }>();

async function viewCounts(
  db: Db,
  userId: string,
  desks: DeskId[],
  filters: QueueFilters,
  riskBefore: Partial<Record<DeskId, Date>>,
): Promise<Record<QueueView, number>> {
  // The newest change per desk as ORDER BY … LIMIT 1, which both databases answer from the (deskId, updatedAt) index.
  // Not aggregate({ _max }): Prisma wraps that in a subquery with OFFSET, and PostgreSQL then reads every ticket of
  // the desk (a sequential scan, 100–180 ms at 100,000 tickets, on every queue page).
  const versions = await Promise.all(
    desks.map((deskId) =>
      db.ticket
        .findFirst({ where: { deskId }, orderBy: { updatedAt: "desc" }, select: { updatedAt: true } })
        .then((r) => r?.updatedAt.getTime() ?? 0),
    ),
  );
  const key = JSON.stringify([userId, desks, filters, versions]);
  const hit = countCache.get(key);
  if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.value;
  const value = (async () => {
    const totals = Object.fromEntries(QUEUE_VIEWS.map((v) => [v, 0])) as Record<QueueView, number>;
    const extra = filtersWhere(filters, userId, { withStatus: false });
    await Promise.all(
      desks.map(async (deskId) => {
        const base: Prisma.TicketWhereInput[] = [{ deskId }, { mergedIntoId: null }, ...extra];
        const [byStatus, mine, risk] = await Promise.all([
          db.ticket.groupBy({ by: ["status"], where: { AND: base }, _count: { _all: true } }),
          db.ticket.count({ where: { AND: [...base, viewWhere("mijn", userId, riskBefore)] } }),
          db.ticket.count({ where: { AND: [...base, viewWhere("sla-risico", userId, riskBefore)] } }),
        ]);
        for (const row of byStatus) {
          const n = row._count._all;
          const view = STATUS_VIEW[row.status as TicketStatus];
          if (view) totals[view] += n;
        }
        totals.mijn += mine;
        totals["sla-risico"] += risk;
      }),
    );
    return totals;
  })();
  countCache.set(key, { at: Date.now(), value });
  if (countCache.size > 500)
    for (const [k, v] of countCache) if (Date.now() - v.at >= COUNT_TTL_MS) countCache.delete(k);
  value.catch(() => countCache.delete(key));
  return value;
}

/** Forgets cached counts (after a change made by this process, so its own user sees it at once). */
export function clearQueueCounts(): void {
  countCache.clear();
}
