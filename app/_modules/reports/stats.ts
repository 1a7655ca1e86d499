// Pure building blocks of the reports: percentiles, ISO weeks in the desk's time zone, SLA outcomes,
// business-hours durations and CSV. No Prisma, no Next.js: the service and the tests call these directly.
import "server-only";
import { deskHoursColumn } from "@/app/_modules/desks/columns";
import { businessMsBetween, DEFAULT_TIME_ZONE, type BusinessHours } from "@/app/_modules/sla/business-time";

const DAY_MS = 86_400_000;
export const REPORT_TIME_ZONE = DEFAULT_TIME_ZONE;

// ---------------------------------------------------------------------------------------------
// Percentiles
//
// p90 uses the nearest-rank method: the smallest observed value with at least 90% of the values at or below it
// (rank ⌈0.9·n⌉). It is always a duration that really happened, which is easier to explain ("9 out of 10 questions
// got an answer within X") than an interpolated value. The median is the ordinary median (the mean of the two
// middle values for an even count), which is what people expect when they compare with a spreadsheet's MEDIAN().

const ascending = (a: number, b: number) => a - b;

/** Nearest-rank percentile (0 < p ≤ 100) of the finite values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile must be in (0, 100]: ${p}`);
  const sorted = values.filter(Number.isFinite).sort(ascending);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Median of the finite values (mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter(Number.isFinite).sort(ascending);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type DurationStats = { count: number; medianMs: number | null; p90Ms: number | null };

/** Count, median and p90 of a list of durations in milliseconds. */
export function durationStats(values: readonly number[]): DurationStats {
  const finite = values.filter(Number.isFinite);
  return { count: finite.length, medianMs: median(finite), p90Ms: percentile(finite, 90) };
}

// ---------------------------------------------------------------------------------------------
// Calendar: local dates (YYYY-MM-DD) and ISO weeks in a time zone

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** True for a real calendar date written as YYYY-MM-DD (no 2026-02-30). */
export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function dayNumber(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split("-").map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string): number {
  const f: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant)))
    if (p.type !== "literal") f[p.type] = Number(p.value);
  return Date.UTC(f.year!, f.month! - 1, f.day!, f.hour! % 24, f.minute!, f.second!);
}

// Intl.formatToParts costs ~15 µs and a report buckets tens of thousands of instants. The offset is looked up
// once per zone and UTC day; only on a day whose offset differs between its first and last millisecond (a DST
// change) is each instant asked exactly.
const offsetCache = new Map<string, number | null>();
function utcOffset(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY_MS);
  const key = `${timeZone}|${day}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    const a = day * DAY_MS;
    const b = a + DAY_MS - 1;
    const offA = wallClock(a, timeZone) - a;
    // wallClock drops milliseconds, so compare at whole seconds.
    const offB = wallClock(b - 999, timeZone) - (b - 999);
    off = offA === offB ? offA : null;
    if (offsetCache.size >= 50_000) offsetCache.clear();
    offsetCache.set(key, off);
  }
  if (off !== null) return off;
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone = REPORT_TIME_ZONE): string {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new TypeError("localDate needs a valid Date");
  return fromDayNumber(Math.floor((t + utcOffset(t, timeZone)) / DAY_MS));
}

/** The instant local midnight starts on a date; Amsterdam never shifts clocks at midnight, other zones resolve forward. */
export function startOfLocalDay(date: string, timeZone = REPORT_TIME_ZONE): Date {
  const wall = dayNumber(date) * DAY_MS;
  const first = wall - (wallClock(wall, timeZone) - wall);
  const second = wall - (wallClock(first, timeZone) - first);
  return new Date(Math.max(first, second));
}

/** ISO week key ("2026-W14") of a local date; the ISO year is the year of that week's Thursday. */
export function isoWeekOfDate(date: string): string {
  const n = dayNumber(date);
  const thursday = n - isoWeekday(date) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
  return `${year}-W${pad(Math.floor((thursday - jan1) / 7) + 1)}`;
}

const weekOfDay = new Map<number, string>();

/** ISO week key ("2026-W14") of an instant, counted in the time zone (Europe/Amsterdam by default). */
export function isoWeekKey(instant: Date, timeZone = REPORT_TIME_ZONE): string {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new TypeError("isoWeekKey needs a valid Date");
  const day = Math.floor((t + utcOffset(t, timeZone)) / DAY_MS);
  let key = weekOfDay.get(day);
  if (key === undefined) {
    key = isoWeekOfDate(fromDayNumber(day));
    if (weekOfDay.size >= 50_000) weekOfDay.clear();
    weekOfDay.set(day, key);
  }
  return key;
}

/** The Monday (YYYY-MM-DD) of an ISO week key. */
export function weekStart(key: string): string {
  const m = WEEK_RE.exec(key);
  if (!m) throw new RangeError(`Not an ISO week key: ${key}`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  // 4 January is always in week 1.
  const jan4 = `${year}-01-04`;
  const monday = addDays(jan4, 1 - isoWeekday(jan4));
  const start = addDays(monday, (week - 1) * 7);
  if (week < 1 || isoWeekOfDate(start) !== key) throw new RangeError(`Week out of range: ${key}`);
  return start;
}

/** Every ISO week key from the week of `from` up to and including the week of `to`, in order. */
export function weekKeysBetween(from: string, to: string): string[] {
  if (daysBetween(from, to) < 0) return [];
  const keys: string[] = [];
  let monday = addDays(from, 1 - isoWeekday(from));
  while (daysBetween(monday, to) >= 0) {
    keys.push(isoWeekOfDate(monday));
    monday = addDays(monday, 7);
  }
  return keys;
}

/** Short Dutch axis label of a week key: "wk 14" (with the year when it differs from `currentYear`). */
export function weekLabel(key: string, currentYear?: number): string {
  const m = WEEK_RE.exec(key);
  if (!m) return key;
  const w = String(Number(m[2]));
  return currentYear !== undefined && Number(m[1]) !== currentYear ? `wk ${w} '${m[1]!.slice(2)}` : `wk ${w}`;
}

// ---------------------------------------------------------------------------------------------
// Bucketing

/** Counts items per key; keys in `order` come first (also with 0), unknown keys after them in first-seen order. */
export function countBy<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string,
  order: readonly string[] = [],
): Map<string, number> {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const k = keyOf(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Groups items per key (Map keeps first-seen order). */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Week keys → counts as an array in the order of `weeks` (0 for weeks without items). */
export function weeklyCounts(weeks: readonly string[], counts: ReadonlyMap<string, number>): number[] {
  return weeks.map((w) => counts.get(w) ?? 0);
}

// ---------------------------------------------------------------------------------------------
// SLA

/** met: done by the due time; breached: done late, or not done and past due; pending: still running or paused; none: no SLA. */
export type SlaOutcome = "met" | "breached" | "pending" | "none";

/**
 * The SLA outcome of one due time. A paused ticket (waiting for the caller) keeps a frozen due time that is
 * recomputed when the pause ends, so it is pending, not breached. A ticket closed without ever being answered
 * has no first response to judge (`closedUndone`) — the same rule as the queue's SLA badge.
 */
export function slaOutcome(input: {
  dueAt: Date | null;
  doneAt: Date | null;
  now: Date;
  paused?: boolean;
  closedUndone?: boolean;
}): SlaOutcome {
  const { dueAt, doneAt, now } = input;
  if (doneAt) return !dueAt ? "none" : doneAt.getTime() <= dueAt.getTime() ? "met" : "breached";
  if (!dueAt || input.closedUndone) return "none";
  if (input.paused) return "pending";
  return now.getTime() > dueAt.getTime() ? "breached" : "pending";
}

export type SlaTally = { met: number; breached: number; pending: number; rate: number | null };

/** Tally of SLA outcomes; `rate` = met / (met + breached), null when nothing was decided yet. */
export function slaTally(outcomes: Iterable<SlaOutcome>): SlaTally {
  const t = { met: 0, breached: 0, pending: 0 };
  for (const o of outcomes) if (o !== "none") t[o]++;
  const decided = t.met + t.breached;
  return { ...t, rate: decided === 0 ? null : t.met / decided };
}

// ---------------------------------------------------------------------------------------------
// Business-hours durations

/** Parses a desk's `hours` JSON column ({ days, open, close }); throws on a malformed value. */
export function parseDeskHours(json: string): BusinessHours {
  const raw = deskHoursColumn.decode(json) as Partial<BusinessHours> | null;
  if (!raw || !Array.isArray(raw.days) || typeof raw.open !== "string" || typeof raw.close !== "string") {
    throw new TypeError(`Desk hours must be { days, open, close }: ${json}`);
  }
  return { days: raw.days, open: raw.open, close: raw.close, timeZone: raw.timeZone, closedDates: raw.closedDates };
}

/** Business milliseconds from creation to the first response; null when not answered (yet). */
export function firstResponseMs(createdAt: Date, respondedAt: Date | null, hours: BusinessHours): number | null {
  return respondedAt ? businessMsBetween(createdAt, respondedAt, hours) : null;
}

/** Business milliseconds from creation to resolution minus the business time spent waiting for the caller, as the SLA counts it. */
export function resolutionMs(
  createdAt: Date,
  resolvedAt: Date | null,
  pausedMs: number,
  hours: BusinessHours,
): number | null {
  if (!resolvedAt) return null;
  return Math.max(0, businessMsBetween(createdAt, resolvedAt, hours) - Math.max(0, pausedMs || 0));
}

// ---------------------------------------------------------------------------------------------
// Formatting (Dutch)

const HOUR_MS = 3_600_000;
const nl1 = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const nl0 = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });

/** Milliseconds as business hours with one decimal: "2,5 uur"; "–" for null. */
export function formatHours(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "–";
  return `${nl1.format(ms / HOUR_MS)} uur`;
}

/** A 0–1 fraction as a Dutch percentage: "87,5%"; "–" for null. */
export function formatPercent(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return "–";
  return `${nl1.format(rate * 100)}%`;
}

/** A count with Dutch thousands separators: "12.345". */
export function formatCount(n: number): string {
  return nl0.format(n);
}

/** A count with its noun in the right number: "1 ticket", "0 tickets", "2 analyses", "1.234 vragen". */
export function formatCountOf(n: number, one: string, many: string): string {
  return `${nl0.format(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// CSV
//
// RFC 4180 quoting and CRLF line ends, but with `;` between fields and a decimal comma in numbers: Excel with
// Dutch regional settings (what the desks use) splits on the list separator `;` and reads "2,5" as a number, so a
// double-click opens the file in columns. A UTF-8 byte order mark makes Excel read é and ë correctly.
// Formula injection (OWASP): a text cell starting with = + - @ (or tab / carriage return) would run as a formula
// in Excel, and search queries are typed by anonymous visitors, so such cells get a leading apostrophe.
// Numbers are written by us and never prefixed, so "-3" stays a number.

export type CsvCell = string | number | boolean | null | undefined;
export type CsvOptions = { separator?: string; decimalComma?: boolean; bom?: boolean };

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text value made safe against spreadsheet formula injection. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: formula-safe, numbers with a decimal comma (default), quoted when it holds a separator, quote or line break. */
export function csvField(cell: CsvCell, opts: CsvOptions = {}): string {
  const sep = opts.separator ?? ";";
  let text: string;
  if (cell === null || cell === undefined) text = "";
  else if (typeof cell === "number") {
    if (!Number.isFinite(cell)) text = "";
    else {
      // Round away float noise (0.1 + 0.2) without scientific notation for ordinary report values.
      const s = String(Math.round(cell * 1e6) / 1e6);
      text = opts.decimalComma === false ? s : s.replace(".", ",");
    }
  } else if (typeof cell === "boolean") text = cell ? "ja" : "nee";
  else text = neutraliseFormula(cell);
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text (CRLF, `;`, BOM by default); the first row is usually the header. */
export function encodeCsv(rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): string {
  const sep = opts.separator ?? ";";
  const body = rows.map((r) => r.map((c) => csvField(c, opts)).join(sep)).join("\r\n");
  return (opts.bom === false ? "" : "\uFEFF") + body + "\r\n";
}
