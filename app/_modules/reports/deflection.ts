// Deflection by the question analysis: how often the wizard showed articles and the visitor then sent no question,
// per week of the run's start. Runs left open for an hour count as abandoned.
import "server-only";
import type { Db } from "@/app/_core/db";
import type { Deflection, DeflectionOutcome } from "./report-types";
import { isoWeekKey, weekLabel } from "./stats";

/** A wizard run still "open" after this long without an update was left: it counts as abandoned. */
export const STALE_RUN_MS = 60 * 60_000;

/** The deflection figures of the runs started between `start` and `end`, read in id-ordered batches. */
export async function deflectionSection(
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
