// The ticket figures of a report: one pass over the period's tickets (id-ordered batches, only the columns the
// figures need) that tallies response and resolution times in business hours and SLA outcomes — overall, per desk
// and per week — and counts tickets per week by desk, sector, caller type, topic, tag, asking organisation and
// school concerned.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import type { DeskId } from "@/app/_core/session";
import type { BusinessHours } from "@/app/_modules/sla/business-time";
import { CALLER_TYPES, SECTORS } from "@/app/_modules/triage/schema";
import { DIMENSION_TITLES, type Breakdown, type Dimension, type Kpis } from "./report-types";
import {
  durationStats,
  firstResponseMs,
  isoWeekKey,
  resolutionMs,
  slaOutcome,
  slaTally,
  type SlaOutcome,
} from "./stats";

const DONE = new Set(["resolved", "closed"]);
const NONE_LABEL = "Niet ingevuld";

/** The figures of one group of tickets (all, one desk, one week) while the tickets are read. */
export class KpiTally {
  created = 0;
  answered = 0;
  resolved = 0;
  fr: number[] = [];
  res: number[] = [];
  frSla: SlaOutcome[] = [];
  resSla: SlaOutcome[] = [];

  kpis(): Kpis {
    return {
      created: this.created,
      answered: this.answered,
      resolved: this.resolved,
      firstResponse: durationStats(this.fr),
      resolution: durationStats(this.res),
      slaFirstResponse: slaTally(this.frSla),
      slaResolution: slaTally(this.resSla),
    };
  }
}

type TicketRow = {
  id: string;
  deskId: string;
  sector: string | null;
  callerType: string;
  topic: string | null;
  status: string;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  slaPausedMs: number;
  slaPausedAt: Date | null;
  organisationId: string | null;
  schoolId: string | null;
};

const TICKET_SELECT = {
  id: true,
  deskId: true,
  sector: true,
  callerType: true,
  topic: true,
  status: true,
  createdAt: true,
  firstResponseDueAt: true,
  resolutionDueAt: true,
  firstRespondedAt: true,
  resolvedAt: true,
  slaPausedMs: true,
  slaPausedAt: true,
  organisationId: true,
  schoolId: true,
} as const;

/** Tickets per week (one number per report week) for each key of a dimension; "" is "not filled in". */
export type WeekCounts = Map<string, number[]>;

export type TicketFigures = {
  overall: KpiTally;
  perDesk: Map<string, KpiTally>;
  perWeek: KpiTally[];
  counts: Record<Exclude<Dimension, "tag">, WeekCounts>;
  /** The report week (index) of every ticket that was counted. */
  ticketWeek: Map<string, number>;
};

/** Adds one ticket to `key`'s count for week `w`. */
export function bump(m: WeekCounts, key: string | null, w: number, weeks: number) {
  const k = key ?? "";
  let arr = m.get(k);
  if (!arr) m.set(k, (arr = Array.from({ length: weeks }, () => 0)));
  arr[w]!++;
}

/** Replies written without setting firstRespondedAt (imports, older data): the earliest staff reply stands in. */
async function firstReplyFallback(db: Db, ticketWhere: Prisma.TicketWhereInput): Promise<Map<string, Date>> {
  const fallback = new Map<string, Date>();
  const firstReplies = await db.message.groupBy({
    by: ["ticketId"],
    where: { kind: "reply", ticket: { AND: [ticketWhere, { firstRespondedAt: null }] } },
    _min: { createdAt: true },
  });
  for (const r of firstReplies) if (r._min.createdAt) fallback.set(r.ticketId, r._min.createdAt);
  return fallback;
}

/** Reads the tickets of `ticketWhere` in batches and tallies every figure of the report's ticket sections. */
export async function tallyTickets(
  db: Db,
  opts: {
    ticketWhere: Prisma.TicketWhereInput;
    desks: { id: DeskId }[];
    deskHours: Map<string, BusinessHours>;
    weekKeys: string[];
    now: Date;
    batchSize: number;
  },
): Promise<TicketFigures> {
  const { ticketWhere, desks, deskHours, weekKeys, now, batchSize } = opts;
  const weekIdx = new Map(weekKeys.map((k, i) => [k, i]));
  const zeros = () => weekKeys.map(() => 0);
  const fallback = desks.length > 0 ? await firstReplyFallback(db, ticketWhere) : new Map<string, Date>();
  const figures: TicketFigures = {
    overall: new KpiTally(),
    perDesk: new Map(desks.map((d) => [d.id as string, new KpiTally()])),
    perWeek: weekKeys.map(() => new KpiTally()),
    counts: {
      desk: new Map(desks.map((d) => [d.id as string, zeros()])),
      sector: new Map(SECTORS.map((s) => [s as string, zeros()])),
      callerType: new Map(CALLER_TYPES.map((c) => [c as string, zeros()])),
      topic: new Map(),
      organisation: new Map(),
      school: new Map(),
    },
    ticketWeek: new Map(),
  };

  let cursor: string | undefined;
  while (desks.length > 0) {
    const batch: TicketRow[] = await db.ticket.findMany({
      where: ticketWhere,
      select: TICKET_SELECT,
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const t of batch) {
      const hours = deskHours.get(t.deskId);
      const w = weekIdx.get(isoWeekKey(t.createdAt));
      if (!hours || w === undefined) continue;
      addTicket(figures, t, w, { hours, respondedAt: t.firstRespondedAt ?? fallback.get(t.id) ?? null, now });
      figures.ticketWeek.set(t.id, w);
      const { counts } = figures;
      bump(counts.desk, t.deskId, w, weekKeys.length);
      bump(counts.sector, t.sector, w, weekKeys.length);
      bump(counts.callerType, t.callerType, w, weekKeys.length);
      bump(counts.topic, t.topic, w, weekKeys.length);
      // Only linked tickets: these are top lists, not a split of every ticket.
      if (t.organisationId) bump(counts.organisation, t.organisationId, w, weekKeys.length);
      if (t.schoolId) bump(counts.school, t.schoolId, w, weekKeys.length);
    }
    if (batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  return figures;
}

/** Adds one ticket's durations and SLA outcomes to the overall, desk and week tallies. */
function addTicket(
  figures: TicketFigures,
  t: TicketRow,
  w: number,
  { hours, respondedAt, now }: { hours: BusinessHours; respondedAt: Date | null; now: Date },
) {
  const done = DONE.has(t.status);
  const fr = firstResponseMs(t.createdAt, respondedAt, hours);
  const res = done ? resolutionMs(t.createdAt, t.resolvedAt, t.slaPausedMs, hours) : null;
  const paused = !!t.slaPausedAt && !done;
  const frSla = slaOutcome({ dueAt: t.firstResponseDueAt, doneAt: respondedAt, now, paused, closedUndone: done });
  const resSla = slaOutcome({ dueAt: t.resolutionDueAt, doneAt: done ? t.resolvedAt : null, now, paused });
  for (const acc of [figures.overall, figures.perDesk.get(t.deskId)!, figures.perWeek[w]!]) {
    acc.created++;
    if (fr !== null) {
      acc.answered++;
      acc.fr.push(fr);
    }
    if (res !== null) {
      acc.resolved++;
      acc.res.push(res);
    }
    acc.frSla.push(frSla);
    acc.resSla.push(resSla);
  }
}

/** Tickets per week per tag: only the (ticketId, tagId) pairs are read, then the names of the tags that occur. */
export async function countTags(
  db: Db,
  ticketWhere: Prisma.TicketWhereInput,
  ticketWeek: Map<string, number>,
  weeks: number,
): Promise<{ tagCounts: WeekCounts; tagNames: Map<string, string> }> {
  const tagCounts: WeekCounts = new Map();
  if (ticketWeek.size > 0) {
    const pairs = await db.ticketTag.findMany({
      where: { ticket: ticketWhere },
      select: { ticketId: true, tagId: true },
    });
    for (const p of pairs) {
      const w = ticketWeek.get(p.ticketId);
      if (w !== undefined) bump(tagCounts, p.tagId, w, weeks);
    }
  }
  const tagNames = new Map(
    tagCounts.size === 0
      ? []
      : (await db.tag.findMany({ where: { id: { in: [...tagCounts.keys()] } }, select: { id: true, name: true } })).map(
          (t) => [t.id, t.name],
        ),
  );
  return { tagCounts, tagNames };
}

/** One dimension's rows: labelled ("" is "Niet ingevuld"), totalled, and sorted by total unless its order is fixed. */
export function breakdown(
  dimension: Dimension,
  m: WeekCounts,
  label: (k: string) => string,
  keepOrder: boolean,
): Breakdown {
  const rows = [...m].map(([key, perWeekCounts]) => ({
    key,
    label: key === "" ? NONE_LABEL : label(key),
    total: perWeekCounts.reduce((a, b) => a + b, 0),
    perWeek: perWeekCounts,
  }));
  if (!keepOrder) rows.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "nl"));
  return { dimension, title: DIMENSION_TITLES[dimension], rows };
}
