// Article validity periods (issue #19): "geldig vanaf" / "geldig tot" (Article.validFrom / validUntil, days at
// midnight UTC, both inclusive, in the Dutch calendar day). Before validFrom an article is published ahead: not in
// search or listings yet; after validUntil it has expired: out of search and listings, its page stays reachable
// with a notice and a link to the current article (the editor's successorId, else the newest current article on
// the same topic). Search filters on the same days (validFromDay / validUntilDay numbers in the document), so both
// engines drop an article on its boundary without a re-index.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { dateToDay, dayToDate } from "./fields";

/** Today's date in the Netherlands, "YYYY-MM-DD" (a school year and a law change start on a Dutch day). */
const DUTCH_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });
export function dutchDay(now: Date = new Date()): string {
  return DUTCH_DAY.format(now);
}

/** A day as a number for the search filter: 2027-08-01 → 20270801. */
export const dayNumber = (day: string): number => Number(day.replaceAll("-", ""));
/** No start / no end in the search document. */
export const OPEN_START = 0;
export const OPEN_END = 99991231;

/** The search filter of the articles in force on a day (both engines). */
export function validityFilter(day: string): string {
  const n = dayNumber(day);
  return `validFromDay <= ${n} AND validUntilDay >= ${n}`;
}

/** Prisma condition: published articles in force on the day (no dates = always). */
export function currentWhere(day: string = dutchDay()): Prisma.ArticleWhereInput {
  const d = dayToDate(day)!;
  return {
    status: "published",
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: d } }] },
      { OR: [{ validUntil: null }, { validUntil: { gte: d } }] },
    ],
  };
}

export type Validity = { validFrom: Date | null; validUntil: Date | null };
export type ValidityState = "current" | "upcoming" | "expired";

export function validityState(a: Validity, day: string = dutchDay()): ValidityState {
  const from = dateToDay(a.validFrom);
  const until = dateToDay(a.validUntil);
  if (from && day < from) return "upcoming";
  if (until && day > until) return "expired";
  return "current";
}

/** The article that is current instead of an expired (or upcoming) one: the editor's pick, else the newest on its topic. */
export async function currentSuccessor(
  db: Db,
  a: { id: string; topic: string; successorId: string | null },
  day: string = dutchDay(),
): Promise<{ slug: string; title: string } | null> {
  const where = currentWhere(day);
  if (a.successorId) {
    const s = await db.article.findFirst({
      where: { ...where, id: a.successorId },
      select: { slug: true, title: true },
    });
    if (s) return s;
  }
  return db.article.findFirst({
    where: { ...where, topic: a.topic, id: { not: a.id }, validFrom: { not: null } },
    orderBy: [{ validFrom: "desc" }, { publishedAt: "desc" }],
    select: { slug: true, title: true },
  });
}

/** No validity period: always in force. */
export const VALIDITY_NONE: Validity = { validFrom: null, validUntil: null };
