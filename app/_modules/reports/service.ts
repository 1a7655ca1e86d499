// Reports for the agent workspace (/desk/rapportages): ticket volumes, response and resolution times in business
// hours, SLA compliance, deflection by the question analysis and searches without results.
//
// Cohort rule: every ticket figure is about the tickets *created* in the period (Europe/Amsterdam days), so the
// numbers of one period never change meaning when a later period is added. Tickets answered or resolved after
// the period still count for the week they came in; tickets not yet answered are "pending" in the SLA tallies.
// Tickets merged into another ticket are duplicates and are left out.
//
// Efficiency: tickets are read in id-ordered batches with only the columns the figures need (no subject, no text);
// business-hours durations and medians cannot be computed portably in SQL, so they are computed here. Searches
// and the first-reply fallback are grouped in the database (groupBy works the same on SQLite and PostgreSQL).
import type { Db, Prisma } from "@/app/_core/db";
import { ValidationError, zodIssues } from "@/app/_core/errors";
import { DESK_IDS, visibleDesks, type DeskId, type SessionUser } from "@/app/_core/session";
import type { BusinessHours } from "@/app/_modules/sla/business-time";
import { ticketScope } from "@/app/_modules/tickets/access";
import { CALLER_TYPE_LABELS, CALLER_TYPES, SECTOR_LABELS, SECTORS } from "@/app/_modules/triage/schema";
import { makeReportQuerySchema } from "./schema";
import {
  durationStats,
  encodeCsv,
  firstResponseMs,
  isoWeekKey,
  localDate,
  parseDeskHours,
  resolutionMs,
  slaOutcome,
  slaTally,
  startOfLocalDay,
  addDays,
  weekKeysBetween,
  weekLabel,
  weekStart,
  type CsvCell,
  type DurationStats,
  type SlaOutcome,
  type SlaTally,
} from "./stats";

const BATCH = 5_000;
/** A wizard run still "open" after this long without an update was left: it counts as abandoned. */
export const STALE_RUN_MS = 60 * 60_000;
const DONE = new Set(["resolved", "closed"]);
const NONE_LABEL = "Niet ingevuld";

export type Dimension = "desk" | "sector" | "callerType" | "topic" | "tag";

export type Kpis = {
  created: number;
  answered: number;
  resolved: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
  slaFirstResponse: SlaTally;
  slaResolution: SlaTally;
};

export type WeekRow = {
  week: string;
  label: string;
  start: string;
  created: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
  slaFirstResponseRate: number | null;
  slaResolutionRate: number | null;
};

export type BreakdownRow = { key: string; label: string; total: number; perWeek: number[] };
export type Breakdown = { dimension: Dimension; title: string; rows: BreakdownRow[] };

export type DeflectionOutcome = "submitted" | "answered" | "abandoned" | "open";
export type Deflection = {
  runs: number;
  withSuggestions: number;
  outcomes: Record<DeflectionOutcome, number>;
  /** Runs with suggestions that ended without a ticket (answered + abandoned). */
  withoutTicket: number;
  /** withoutTicket / (withoutTicket + submitted); runs still open are left out. */
  rate: number | null;
  runsWithArticleOpened: number;
  articlesOpened: number;
  weekly: {
    week: string;
    label: string;
    withSuggestions: number;
    withoutTicket: number;
    submitted: number;
    rate: number | null;
  }[];
};

export type Searches = {
  total: number;
  zeroResults: number;
  zeroRate: number | null;
  top: { query: string; count: number; lastSearchedAt: string }[];
};

export type Report = {
  period: { from: string; to: string };
  timeZone: string;
  generatedAt: string;
  desks: { id: DeskId; label: string }[];
  weeks: { key: string; label: string; start: string }[];
  kpis: Kpis;
  kpisByDesk: { desk: DeskId; label: string; kpis: Kpis }[];
  weekly: WeekRow[];
  volume: Record<Dimension, Breakdown>;
  deflection: Deflection;
  searches: Searches;
};

export type BuildReportInput = {
  user: SessionUser;
  from: string;
  to: string;
  /** Narrow to these desks; desks the user may not see are ignored. */
  desks?: readonly string[];
  /** The moment "open and past due" is judged against; defaults to now. */
  now?: Date;
  /** How many zero-result searches to list (default 20). */
  topSearches?: number;
  /** Rows per database read (default 5,000); small values let tests exercise the paging. */
  batchSize?: number;
};

// ---------------------------------------------------------------------------------------------

class Acc {
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
} as const;

const DIMENSION_TITLES: Record<Dimension, string> = {
  desk: "Tickets per helpdesk",
  sector: "Tickets per sector",
  callerType: "Tickets per soort melder",
  topic: "Tickets per onderwerp",
  tag: "Tickets per tag",
};

async function topicLabels(db: Db): Promise<Map<string, string>> {
  const row = await db.setting.findUnique({ where: { key: "taxonomy" }, select: { value: true } });
  if (!row) return new Map();
  try {
    const parsed = JSON.parse(row.value) as { taxonomy?: { topics?: { id: string; label: string }[] } };
    return new Map((parsed.taxonomy?.topics ?? []).map((t) => [t.id, t.label]));
  } catch {
    return new Map();
  }
}

/** Validates a period and the user's desks; throws a ValidationError with Dutch messages. */
function checkInput(input: BuildReportInput): { from: string; to: string; deskIds: DeskId[] } {
  if (!input.from || !input.to) {
    throw new ValidationError("De periode klopt niet.", [
      { path: input.from ? "to" : "from", message: "Kies een begin- en een einddatum." },
    ]);
  }
  const parsed = makeReportQuerySchema(() => input.to).safeParse({
    from: input.from,
    to: input.to,
    desk: input.desks ? [...input.desks] : undefined,
  });
  if (!parsed.success) throw new ValidationError("De periode klopt niet.", zodIssues(parsed.error));
  const visible = visibleDesks(input.user);
  const wanted = parsed.data.desks;
  const deskIds = DESK_IDS.filter((d) => visible.includes(d) && (!wanted || wanted.includes(d)));
  return { from: parsed.data.from, to: parsed.data.to, deskIds };
}

/** All report sections for the tickets of the desks this user may see, created between `from` and `to` (inclusive, Amsterdam days). */
export async function buildReport(db: Db, input: BuildReportInput): Promise<Report> {
  const { from, to, deskIds } = checkInput(input);
  const now = input.now ?? new Date();
  const batchSize = Math.max(1, Math.floor(input.batchSize ?? BATCH));
  const start = startOfLocalDay(from);
  const end = startOfLocalDay(addDays(to, 1));
  const weekKeys = weekKeysBetween(from, to);
  const weekIdx = new Map(weekKeys.map((k, i) => [k, i]));
  const currentYear = Number(to.slice(0, 4));
  const weeks = weekKeys.map((key) => ({ key, label: weekLabel(key, currentYear), start: weekStart(key) }));

  const ticketWhere: Prisma.TicketWhereInput = {
    AND: [
      ticketScope(input.user),
      { deskId: { in: deskIds } },
      { createdAt: { gte: start, lt: end } },
      { mergedIntoId: null },
    ],
  };

  const [deskRows, topics] = await Promise.all([
    db.desk.findMany({ where: { id: { in: deskIds } }, select: { id: true, shortName: true, hours: true } }),
    topicLabels(db),
  ]);
  const deskHours = new Map<string, BusinessHours>(deskRows.map((d) => [d.id, parseDeskHours(d.hours)]));
  const deskLabel = new Map(deskRows.map((d) => [d.id, d.shortName]));
  const desks = deskIds.filter((d) => deskHours.has(d)).map((id) => ({ id, label: deskLabel.get(id) ?? id }));

  // Replies written without setting firstRespondedAt (imports, older data): the earliest staff reply stands in.
  const fallback = new Map<string, Date>();
  if (desks.length > 0) {
    const firstReplies = await db.message.groupBy({
      by: ["ticketId"],
      where: { kind: "reply", ticket: { AND: [ticketWhere, { firstRespondedAt: null }] } },
      _min: { createdAt: true },
    });
    for (const r of firstReplies) if (r._min.createdAt) fallback.set(r.ticketId, r._min.createdAt);
  }

  const overall = new Acc();
  const perDesk = new Map(desks.map((d) => [d.id as string, new Acc()]));
  const perWeek = weekKeys.map(() => new Acc());
  const counts: Record<Exclude<Dimension, "tag">, Map<string, number[]>> = {
    desk: new Map(desks.map((d) => [d.id as string, weekKeys.map(() => 0)])),
    sector: new Map(SECTORS.map((s) => [s as string, weekKeys.map(() => 0)])),
    callerType: new Map(CALLER_TYPES.map((c) => [c as string, weekKeys.map(() => 0)])),
    topic: new Map(),
  };
  const ticketWeek = new Map<string, number>();
  const bump = (m: Map<string, number[]>, key: string | null, w: number) => {
    const k = key ?? "";
    let arr = m.get(k);
    if (!arr) m.set(k, (arr = weekKeys.map(() => 0)));
    arr[w]!++;
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
      ticketWeek.set(t.id, w);
      const respondedAt = t.firstRespondedAt ?? fallback.get(t.id) ?? null;
      const done = DONE.has(t.status);
      const fr = firstResponseMs(t.createdAt, respondedAt, hours);
      const res = done ? resolutionMs(t.createdAt, t.resolvedAt, t.slaPausedMs, hours) : null;
      const paused = !!t.slaPausedAt && !done;
      const frSla = slaOutcome({ dueAt: t.firstResponseDueAt, doneAt: respondedAt, now, paused, closedUndone: done });
      const resSla = slaOutcome({ dueAt: t.resolutionDueAt, doneAt: done ? t.resolvedAt : null, now, paused });
      for (const acc of [overall, perDesk.get(t.deskId)!, perWeek[w]!]) {
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
      bump(counts.desk, t.deskId, w);
      bump(counts.sector, t.sector, w);
      bump(counts.callerType, t.callerType, w);
      bump(counts.topic, t.topic, w);
    }
    if (batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }

  // Tags: only the (ticketId, tagId) pairs, then the names of the tags that occur.
  const tagCounts = new Map<string, number[]>();
  if (ticketWeek.size > 0) {
    const pairs = await db.ticketTag.findMany({
      where: { ticket: ticketWhere },
      select: { ticketId: true, tagId: true },
    });
    for (const p of pairs) {
      const w = ticketWeek.get(p.ticketId);
      if (w !== undefined) bump(tagCounts, p.tagId, w);
    }
  }
  const tagNames = new Map(
    tagCounts.size === 0
      ? []
      : (await db.tag.findMany({ where: { id: { in: [...tagCounts.keys()] } }, select: { id: true, name: true } })).map(
          (t) => [t.id, t.name],
        ),
  );

  const breakdown = (
    dimension: Dimension,
    m: Map<string, number[]>,
    label: (k: string) => string,
    keepOrder: boolean,
  ): Breakdown => {
    const rows = [...m].map(([key, perWeekCounts]) => ({
      key,
      label: key === "" ? NONE_LABEL : label(key),
      total: perWeekCounts.reduce((a, b) => a + b, 0),
      perWeek: perWeekCounts,
    }));
    if (!keepOrder) rows.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "nl"));
    return { dimension, title: DIMENSION_TITLES[dimension], rows };
  };

  const [deflection, searches] = await Promise.all([
    deflectionSection(db, start, end, weekKeys, currentYear, now, batchSize),
    searchSection(db, start, end, input.topSearches ?? 20),
  ]);

  return {
    period: { from, to },
    timeZone: "Europe/Amsterdam",
    generatedAt: now.toISOString(),
    desks,
    weeks,
    kpis: overall.kpis(),
    kpisByDesk: desks.map((d) => ({ desk: d.id, label: d.label, kpis: perDesk.get(d.id)!.kpis() })),
    weekly: weeks.map((wk, i) => {
      const k = perWeek[i]!.kpis();
      return {
        week: wk.key,
        label: wk.label,
        start: wk.start,
        created: k.created,
        firstResponse: k.firstResponse,
        resolution: k.resolution,
        slaFirstResponseRate: k.slaFirstResponse.rate,
        slaResolutionRate: k.slaResolution.rate,
      };
    }),
    volume: {
      desk: breakdown("desk", counts.desk, (k) => deskLabel.get(k) ?? k, true),
      sector: breakdown("sector", counts.sector, (k) => SECTOR_LABELS[k as keyof typeof SECTOR_LABELS] ?? k, true),
      callerType: breakdown(
        "callerType",
        counts.callerType,
        (k) => CALLER_TYPE_LABELS[k as keyof typeof CALLER_TYPE_LABELS] ?? k,
        false,
      ),
      topic: breakdown("topic", counts.topic, (k) => topics.get(k) ?? k, false),
      tag: breakdown("tag", tagCounts, (k) => tagNames.get(k) ?? k, false),
    },
    deflection,
    searches,
  };
}

async function deflectionSection(
  db: Db,
  start: Date,
  end: Date,
  weekKeys: string[],
  currentYear: number,
  now: Date,
  batchSize: number,
): Promise<Deflection> {
  const weekIdx = new Map(weekKeys.map((k, i) => [k, i]));
  const weekly = weekKeys.map((week) => ({
    week,
    label: weekLabel(week, currentYear),
    withSuggestions: 0,
    withoutTicket: 0,
    submitted: 0,
    rate: null as number | null,
  }));
  const outcomes: Record<DeflectionOutcome, number> = { submitted: 0, answered: 0, abandoned: 0, open: 0 };
  let withSuggestions = 0;
  let runsWithArticleOpened = 0;
  let articlesOpened = 0;
  const where = { createdAt: { gte: start, lt: end } };
  // Runs without suggestions only matter as a count; the rest is read in narrow batches.
  const runs = await db.deflectionRun.count({ where });
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.deflectionRun.findMany({
      where: { ...where, suggestionsShown: { gt: 0 } },
      select: { id: true, createdAt: true, updatedAt: true, outcome: true, articlesOpened: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const r of batch) {
      withSuggestions++;
      if (r.articlesOpened > 0) runsWithArticleOpened++;
      articlesOpened += r.articlesOpened;
      let outcome: DeflectionOutcome =
        r.outcome === "submitted" || r.outcome === "answered" || r.outcome === "abandoned" ? r.outcome : "open";
      if (outcome === "open" && now.getTime() - r.updatedAt.getTime() > STALE_RUN_MS) outcome = "abandoned";
      outcomes[outcome]++;
      const w = weekIdx.get(isoWeekKey(r.createdAt));
      if (w === undefined) continue;
      const row = weekly[w]!;
      row.withSuggestions++;
      if (outcome === "submitted") row.submitted++;
      else if (outcome !== "open") row.withoutTicket++;
    }
    if (batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  for (const row of weekly)
    row.rate = row.withoutTicket + row.submitted === 0 ? null : row.withoutTicket / (row.withoutTicket + row.submitted);
  const withoutTicket = outcomes.answered + outcomes.abandoned;
  return {
    runs,
    withSuggestions,
    outcomes,
    withoutTicket,
    rate: withoutTicket + outcomes.submitted === 0 ? null : withoutTicket / (withoutTicket + outcomes.submitted),
    runsWithArticleOpened,
    articlesOpened,
    weekly,
  };
}

async function searchSection(db: Db, start: Date, end: Date, limit: number): Promise<Searches> {
  const period = { createdAt: { gte: start, lt: end } };
  const [total, zeroResults, groups] = await Promise.all([
    db.searchLog.count({ where: period }),
    db.searchLog.count({ where: { ...period, resultCount: 0 } }),
    db.searchLog.groupBy({
      by: ["normalized"],
      where: { ...period, resultCount: 0, normalized: { not: "" } },
      _count: { normalized: true },
      _max: { createdAt: true },
      orderBy: [{ _count: { normalized: "desc" } }, { normalized: "asc" }],
      take: Math.max(1, Math.min(200, limit)),
    }),
  ]);
  return {
    total,
    zeroResults,
    zeroRate: total === 0 ? null : zeroResults / total,
    top: groups.map((g) => ({
      query: g.normalized,
      count: g._count.normalized,
      lastSearchedAt: g._max.createdAt?.toISOString() ?? "",
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

export const REPORT_SECTIONS = [
  { id: "summary", title: "Overzicht per helpdesk", file: "overzicht" },
  { id: "weekly", title: "Reactie- en oplostijd per week", file: "per-week" },
  { id: "desk", title: DIMENSION_TITLES.desk, file: "tickets-per-helpdesk" },
  { id: "sector", title: DIMENSION_TITLES.sector, file: "tickets-per-sector" },
  { id: "callerType", title: DIMENSION_TITLES.callerType, file: "tickets-per-soort-melder" },
  { id: "topic", title: DIMENSION_TITLES.topic, file: "tickets-per-onderwerp" },
  { id: "tag", title: DIMENSION_TITLES.tag, file: "tickets-per-tag" },
  { id: "deflection", title: "Vragen opgelost zonder ticket", file: "zonder-ticket" },
  { id: "searches", title: "Zoekvragen zonder resultaat", file: "zoeken-zonder-resultaat" },
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number]["id"];

/** True for a known CSV section id (use to validate `?section=`). */
export function isReportSection(value: unknown): value is ReportSection {
  return REPORT_SECTIONS.some((s) => s.id === value);
}

/** File name for a section's CSV download, e.g. "rapportage-per-week-2026-02-02-tot-2026-03-29.csv". */
export function csvFileName(report: Pick<Report, "period">, section: ReportSection): string {
  const s = REPORT_SECTIONS.find((x) => x.id === section)!;
  return `rapportage-${s.file}-${report.period.from}-tot-${report.period.to}.csv`;
}

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100);
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function kpiCells(k: Kpis): CsvCell[] {
  return [
    k.created,
    k.answered,
    hours(k.firstResponse.medianMs),
    hours(k.firstResponse.p90Ms),
    k.resolved,
    hours(k.resolution.medianMs),
    hours(k.resolution.p90Ms),
    k.slaFirstResponse.met,
    k.slaFirstResponse.breached,
    k.slaFirstResponse.pending,
    pct(k.slaFirstResponse.rate),
    k.slaResolution.met,
    k.slaResolution.breached,
    k.slaResolution.pending,
    pct(k.slaResolution.rate),
  ];
}

/** One report section as CSV (`;`-separated, decimal comma, UTF-8 with BOM, formula-safe); hours are business hours. */
export function reportToCsv(report: Report, section: ReportSection): string {
  let rows: CsvCell[][];
  switch (section) {
    case "summary":
      rows = [
        [
          "Helpdesk",
          "Tickets",
          "Beantwoord",
          "Eerste reactie mediaan (uur)",
          "Eerste reactie p90 (uur)",
          "Opgelost",
          "Oplostijd mediaan (uur)",
          "Oplostijd p90 (uur)",
          "Eerste reactie op tijd",
          "Eerste reactie te laat",
          "Eerste reactie loopt nog",
          "Eerste reactie op tijd (%)",
          "Oplossing op tijd",
          "Oplossing te laat",
          "Oplossing loopt nog",
          "Oplossing op tijd (%)",
        ],
        ...report.kpisByDesk.map((d) => [d.label, ...kpiCells(d.kpis)]),
        ["Totaal", ...kpiCells(report.kpis)],
      ];
      break;
    case "weekly":
      rows = [
        [
          "Week",
          "Begint op",
          "Tickets",
          "Eerste reactie mediaan (uur)",
          "Eerste reactie p90 (uur)",
          "Oplostijd mediaan (uur)",
          "Oplostijd p90 (uur)",
          "Eerste reactie op tijd (%)",
          "Oplossing op tijd (%)",
        ],
        ...report.weekly.map((w) => [
          w.week,
          w.start,
          w.created,
          hours(w.firstResponse.medianMs),
          hours(w.firstResponse.p90Ms),
          hours(w.resolution.medianMs),
          hours(w.resolution.p90Ms),
          pct(w.slaFirstResponseRate),
          pct(w.slaResolutionRate),
        ]),
      ];
      break;
    case "desk":
    case "sector":
    case "callerType":
    case "topic":
    case "tag": {
      const b = report.volume[section];
      const head = { desk: "Helpdesk", sector: "Sector", callerType: "Soort melder", topic: "Onderwerp", tag: "Tag" }[
        section
      ];
      rows = [
        [head, "Code", "Totaal", ...report.weeks.map((w) => w.key)],
        ...b.rows.map((r) => [r.label, r.key, r.total, ...r.perWeek]),
      ];
      break;
    }
    case "deflection": {
      const d = report.deflection;
      rows = [
        [
          "Week",
          "Vraaganalyses met suggesties",
          "Zonder ticket afgerond",
          "Toch ticket ingediend",
          "Zonder ticket (%)",
        ],
        ...d.weekly.map((w) => [w.week, w.withSuggestions, w.withoutTicket, w.submitted, pct(w.rate)]),
        ["Totaal", d.withSuggestions, d.withoutTicket, d.outcomes.submitted, pct(d.rate)],
      ];
      break;
    }
    case "searches":
      rows = [
        ["Zoekvraag", "Aantal keer", "Laatst gezocht"],
        ...report.searches.top.map((s) => [
          s.query,
          s.count,
          s.lastSearchedAt ? localDate(new Date(s.lastSearchedAt)) : "",
        ]),
      ];
      break;
    default: {
      const never: never = section;
      throw new ValidationError(`Onbekend onderdeel: ${String(never)}`);
    }
  }
  return encodeCsv(rows);
}
