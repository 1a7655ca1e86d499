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
//
// The parts: ./ticket-figures (the pass over the tickets), ./deflection, ./searches, ./csv (downloads) and
// ./report-types (the shapes); this file validates the input and puts the report together.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { decodeOr } from "@/app/_lib/json-column";
import { taxonomySettingColumn } from "@/app/_modules/content/columns";
import { ValidationError, zodIssues } from "@/app/_core/errors";
import { DESK_IDS, visibleDesks, type DeskId } from "@/app/_core/session";
import type { BusinessHours } from "@/app/_modules/sla/business-time";
import { ticketScope } from "@/app/_modules/tickets/access";
import { CALLER_TYPE_LABELS, SECTOR_LABELS } from "@/app/_modules/triage/schema";
import { articleLinkSection } from "./article-links";
import { deflectionSection } from "./deflection";
import type { BuildReportInput, Report, WeekRow } from "./report-types";
import { makeReportQuerySchema } from "./schema";
import { searchSection } from "./searches";
import { addDays, parseDeskHours, startOfLocalDay, weekKeysBetween, weekLabel, weekStart } from "./stats";
import { breakdown, countTags, tallyTickets, type KpiTally } from "./ticket-figures";

export { csvFileName, isReportSection, REPORT_SECTIONS, reportToCsv, type ReportSection } from "./csv";
export { STALE_RUN_MS } from "./deflection";
export type {
  Breakdown,
  BreakdownRow,
  BuildReportInput,
  Deflection,
  DeflectionOutcome,
  Dimension,
  Kpis,
  Report,
  Searches,
  WeekRow,
  ArticleLinks,
} from "./report-types";

const BATCH = 5_000;

/** Name and code of the organisations (and schools) that occur in the report. */
async function organisationLabels(db: Db, ids: string[]): Promise<Map<string, { label: string; code: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.organisation.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, code: true },
  });
  return new Map(rows.map((o) => [o.id, { label: o.name, code: o.code }]));
}

/** An organisation or school breakdown: most tickets first, each row with the organisation's code. */
function organisationBreakdown(
  dimension: "organisation" | "school",
  m: Map<string, number[]>,
  orgs: Map<string, { label: string; code: string | null }>,
) {
  const b = breakdown(dimension, m, (k) => orgs.get(k)?.label ?? "Verwijderde organisatie", false);
  return { ...b, rows: b.rows.map((r) => ({ ...r, code: orgs.get(r.key)?.code ?? null })) };
}

async function topicLabels(db: Db): Promise<Map<string, string>> {
  const row = await db.setting.findUnique({ where: { key: "taxonomy" }, select: { value: true } });
  if (!row) return new Map();
  const parsed = decodeOr(taxonomySettingColumn, row.value, null);
  return new Map((parsed?.taxonomy?.topics ?? []).map((t) => [t.id, t.label]));
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

/** The report's weeks (ISO weeks touching the period), labelled relative to the year the period ends in. */
function reportWeeks(from: string, to: string) {
  const weekKeys = weekKeysBetween(from, to);
  const currentYear = Number(to.slice(0, 4));
  const weeks = weekKeys.map((key) => ({ key, label: weekLabel(key, currentYear), start: weekStart(key) }));
  return { weekKeys, currentYear, weeks };
}

/** One row of the weekly section from that week's tally. */
function weekRow(wk: { key: string; label: string; start: string }, tally: KpiTally): WeekRow {
  const k = tally.kpis();
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
}

/** All report sections for the tickets of the desks this user may see, created between `from` and `to` (inclusive, Amsterdam days). */
export async function buildReport(db: Db, input: BuildReportInput): Promise<Report> {
  const { from, to, deskIds } = checkInput(input);
  const now = input.now ?? new Date();
  const batchSize = Math.max(1, Math.floor(input.batchSize ?? BATCH));
  const start = startOfLocalDay(from);
  const end = startOfLocalDay(addDays(to, 1));
  const { weekKeys, currentYear, weeks } = reportWeeks(from, to);

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

  const figures = await tallyTickets(db, { ticketWhere, desks, deskHours, weekKeys, now, batchSize });
  const { tagCounts, tagNames } = await countTags(db, ticketWhere, figures.ticketWeek, weekKeys.length);
  const [deflection, searches, orgs, articleLinks] = await Promise.all([
    deflectionSection(db, start, end, weekKeys, currentYear, now, batchSize),
    searchSection(db, start, end, input.topSearches ?? 20),
    organisationLabels(db, [...new Set([...figures.counts.organisation.keys(), ...figures.counts.school.keys()])]),
    articleLinkSection(db, {
      ticketWhere,
      deskLabel: (k) => deskLabel.get(k) ?? k,
      topicLabel: (k) => topics.get(k) ?? k,
      batchSize,
    }),
  ]);

  const { counts } = figures;
  return {
    period: { from, to },
    timeZone: "Europe/Amsterdam",
    generatedAt: now.toISOString(),
    desks,
    weeks,
    kpis: figures.overall.kpis(),
    kpisByDesk: desks.map((d) => ({ desk: d.id, label: d.label, kpis: figures.perDesk.get(d.id)!.kpis() })),
    weekly: weeks.map((wk, i) => weekRow(wk, figures.perWeek[i]!)),
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
      organisation: organisationBreakdown("organisation", counts.organisation, orgs),
      school: organisationBreakdown("school", counts.school, orgs),
    },
    deflection,
    searches,
    articleLinks,
  };
}
