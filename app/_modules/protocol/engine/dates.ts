// Calendar arithmetic on plain dates (YYYY-MM-DD). Days are counted as integers since 1970-01-01 (UTC), so
// there is no time zone or DST in play: a school day is a calendar date, not an instant.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a YYYY-MM-DD date, or null when it is not a real calendar date. */
export function parseDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year as written.
  back.setUTCFullYear(y);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(back.getTime() / DAY_MS);
}

/** Day number of a date the caller has already validated; throws a RangeError otherwise. */
export function dayOf(iso: string, what = "date"): number {
  const n = parseDay(iso);
  if (n === null) throw new RangeError(`${what} is not a real YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return n;
}

/** True when the string is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(iso: string): boolean {
  return parseDay(iso) !== null;
}

/** YYYY-MM-DD of a day number. */
export function isoOf(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday to Friday. */
export function isWeekday(day: number): boolean {
  return isoWeekday(day) <= 5;
}

/** The school year (1 August – 31 July) that contains the day, as day numbers. */
export function schoolYearOf(day: number): { start: number; end: number } {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  // Month index 7 is August, the first month of a Dutch school year.
  const startYear = d.getUTCMonth() >= 7 ? y : y - 1;
  return { start: dayFromYmd(startYear, 8, 1), end: dayFromYmd(startYear + 1, 7, 31) };
}

function dayFromYmd(y: number, month: number, d: number): number {
  const date = new Date(Date.UTC(2000, month - 1, d));
  date.setUTCFullYear(y);
  return Math.round(date.getTime() / DAY_MS);
}

/** Inclusive date ranges, merged for fast look-ups ("is this day inside a holiday?"). */
export class DayRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(ranges: readonly { start: number; end: number }[]) {
    const sorted = ranges.filter((r) => r.start <= r.end).sort((a, b) => a.start - b.start);
    for (const r of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && r.start <= this.ends[last] + 1) this.ends[last] = Math.max(this.ends[last], r.end);
      else {
        this.starts.push(r.start);
        this.ends.push(r.end);
      }
    }
  }

  /** Builds the set from YYYY-MM-DD ranges; throws a RangeError on a date that is not real. */
  static fromIso(ranges: readonly { start: string; end: string }[] | undefined): DayRanges {
    return new DayRanges(
      (ranges ?? []).map((r) => ({ start: dayOf(r.start, "holiday start"), end: dayOf(r.end, "holiday end") })),
    );
  }

  get isEmpty(): boolean {
    return this.starts.length === 0;
  }

  /** The merged range containing the day, or null. */
  rangeOf(day: number): { start: number; end: number } | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (day < this.starts[mid]) hi = mid - 1;
      else if (day > this.ends[mid]) lo = mid + 1;
      else return { start: this.starts[mid], end: this.ends[mid] };
    }
    return null;
  }

  /** True when the day lies inside one of the ranges. */
  has(day: number): boolean {
    return this.rangeOf(day) !== null;
  }
}
