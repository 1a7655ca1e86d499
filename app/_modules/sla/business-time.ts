// Business-hours arithmetic for SLAs. Pure: the platform's Intl supplies the time zone rules, so the
// wall-clock hours (09:00–13:00 Europe/Amsterdam) hold on both sides of a DST change.

/** Opening hours of a desk; `days` are ISO weekdays (1 = Monday … 7 = Sunday). */
export type BusinessHours = {
  days: readonly number[];
  open: string; // "HH:MM", local wall clock
  close: string; // "HH:MM", local wall clock, after `open`; "24:00" means midnight at the end of the day
  timeZone?: string; // IANA zone; default "Europe/Amsterdam"
  /** Extra closed dates (YYYY-MM-DD, local), on top of the Dutch public holidays. */
  closedDates?: readonly string[];
};

export type SlaStatus = "ok" | "at-risk" | "breached";

export const DEFAULT_TIME_ZONE = "Europe/Amsterdam";
const DAY_MS = 86_400_000;
// A desk whose days or closed dates leave no business day in this many calendar days is a configuration error.
const MAX_EMPTY_DAYS = 3_700;

// ---------------------------------------------------------------------------------------------
// Holidays

/** Easter Sunday (YYYY-MM-DD) by the Anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

const holidayCache = new Map<number, readonly string[]>();

/** Dutch public holidays of a year (YYYY-MM-DD, sorted); Good Friday is not one, Bevrijdingsdag only in lustrum years. */
export function dutchPublicHolidays(year: number): string[] {
  assertYear(year);
  let list = holidayCache.get(year);
  if (!list) {
    const easter = dateNumber(easterSunday(year));
    const at = (offset: number) => fromDateNumber(easter + offset);
    // Koningsdag moves to Saturday 26 April when the 27th is a Sunday. This is the rule since 2014; it is
    // applied to every year, as earlier Koninginnedagen (30 April) do not matter for ticket SLAs.
    const kingsDay = weekdayOf(dateNumber(ymd(year, 4, 27))) === 7 ? ymd(year, 4, 26) : ymd(year, 4, 27);
    const days = [
      ymd(year, 1, 1), // Nieuwjaarsdag
      at(0), // Eerste Paasdag
      at(1), // Tweede Paasdag
      kingsDay,
      at(39), // Hemelvaartsdag
      at(49), // Eerste Pinksterdag
      at(50), // Tweede Pinksterdag
      ymd(year, 12, 25), // Eerste Kerstdag
      ymd(year, 12, 26), // Tweede Kerstdag
    ];
    if (year % 5 === 0) days.push(ymd(year, 5, 5)); // Bevrijdingsdag: a day off only every fifth year
    list = Object.freeze([...new Set(days)].sort());
    holidayCache.set(year, list);
  }
  return [...list];
}

/** True when a local date (YYYY-MM-DD) is a Dutch public holiday. */
export function isDutchPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return holidaySet(year).has(date);
}

const holidaySets = new Map<number, Set<string>>();
function holidaySet(year: number): Set<string> {
  let set = holidaySets.get(year);
  if (!set) {
    set = new Set(dutchPublicHolidays(year));
    holidaySets.set(year, set);
  }
  return set;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers: a "date number" is days since 1970-01-01 of a local calendar date.

function assertYear(year: number) {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function dateNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDateNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date number; 1970-01-01 was a Thursday. */
function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------------------
// Time zone conversion through Intl

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

/** Local wall-clock fields of an instant; `wall` is those fields read as if they were UTC. */
function localParts(instant: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") fields[p.type] = Number(p.value);
  }
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour % 24, fields.minute, fields.second);
  // Sub-second precision is not in the parts; carry it over so offsets stay whole seconds.
  const ms = ((instant % 1000) + 1000) % 1000;
  return { wall: wall + ms, dayNumber: Math.floor(wall / DAY_MS) };
}

function offsetAt(instant: number, timeZone: string): number {
  return localParts(instant, timeZone).wall - instant;
}

/** The instant at `minutes` after local midnight of a date number; in a DST gap the later offset wins. */
function zonedInstant(dayNumber: number, minutes: number, timeZone: string): number {
  const wall = dayNumber * DAY_MS + minutes * 60_000;
  // Two passes settle the offset; wall times that do not exist (spring-forward gap) resolve forward.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (first === second) return first;
  return Math.max(first, second);
}

// ---------------------------------------------------------------------------------------------
// Business hours

type Resolved = {
  days: Set<number>;
  openMin: number;
  closeMin: number;
  timeZone: string;
  closed: Set<string>;
  windows: Map<number, [number, number] | null>;
};

// Keyed by content, not identity: hours parsed afresh per request still share the cached day windows.
const resolvedCache = new Map<string, Resolved>();

function parseClock(value: string, field: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`Invalid ${field} time: ${value}`);
  return minutes;
}

function resolve(hours: BusinessHours): Resolved {
  const key = JSON.stringify([hours.days, hours.open, hours.close, hours.timeZone ?? null, hours.closedDates ?? null]);
  let r = resolvedCache.get(key);
  if (r) return r;
  const openMin = parseClock(hours.open, "open");
  const closeMin = parseClock(hours.close, "close");
  if (closeMin <= openMin)
    throw new RangeError(`Business hours close (${hours.close}) must be after open (${hours.open})`);
  const days = new Set(hours.days);
  if (days.size === 0 || [...days].some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new RangeError(`Business days must be ISO weekdays 1–7: ${JSON.stringify(hours.days)}`);
  }
  const timeZone = hours.timeZone ?? DEFAULT_TIME_ZONE;
  formatter(timeZone); // throws a RangeError for an unknown zone, early
  r = { days, openMin, closeMin, timeZone, closed: new Set(hours.closedDates ?? []), windows: new Map() };
  if (resolvedCache.size >= 100) resolvedCache.clear();
  resolvedCache.set(key, r);
  return r;
}

/** Nominal length of one business day in milliseconds (4 h for 09:00–13:00). */
export function businessDayMs(hours: BusinessHours): number {
  const r = resolve(hours);
  return (r.closeMin - r.openMin) * 60_000;
}

/** [open, close) instants of a local date, or null when the desk is closed that day. */
function windowOf(dayNumber: number, r: Resolved): [number, number] | null {
  const cached = r.windows.get(dayNumber);
  if (cached !== undefined) return cached;
  let w: [number, number] | null = null;
  const date = fromDateNumber(dayNumber);
  if (r.days.has(weekdayOf(dayNumber)) && !r.closed.has(date) && !holidaySet(Number(date.slice(0, 4))).has(date)) {
    w = [zonedInstant(dayNumber, r.openMin, r.timeZone), zonedInstant(dayNumber, r.closeMin, r.timeZone)];
  }
  // Intl is the slow part; queues ask about the same few weeks over and over.
  if (r.windows.size >= 20_000) r.windows.clear();
  r.windows.set(dayNumber, w);
  return w;
}

/** Walks business windows from the local day containing `from` onwards; stops when `visit` returns true. */
function walkWindows(from: number, r: Resolved, visit: (open: number, close: number) => boolean): void {
  let day = localParts(from, r.timeZone).dayNumber;
  let empty = 0;
  for (;;) {
    const w = windowOf(day, r);
    if (w) {
      empty = 0;
      if (visit(w[0], w[1])) return;
    } else if (++empty > MAX_EMPTY_DAYS) {
      throw new RangeError("Business hours leave no open day");
    }
    day++;
  }
}

function toMs(d: Date, name: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new TypeError(`${name} must be a valid Date`);
  return t;
}

/** True when the instant falls inside business hours (open inclusive, close exclusive). */
export function isBusinessTime(d: Date, hours: BusinessHours): boolean {
  const r = resolve(hours);
  const t = toMs(d, "d");
  const w = windowOf(localParts(t, r.timeZone).dayNumber, r);
  return w !== null && t >= w[0] && t < w[1];
}

/** The instant counting starts from: `d` itself during business hours, else the next opening. */
export function nextBusinessOpening(d: Date, hours: BusinessHours): Date {
  const r = resolve(hours);
  const t = toMs(d, "d");
  let result = t;
  walkWindows(t, r, (open, close) => {
    if (t >= close) return false;
    result = Math.max(open, t);
    return true;
  });
  return new Date(result);
}

/** The instant after `ms` business milliseconds from `start`; time outside business hours does not count. */
export function addBusinessTime(start: Date, ms: number, hours: BusinessHours): Date {
  const r = resolve(hours);
  const t = toMs(start, "start");
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Business time must be a non-negative number: ${ms}`);
  if (ms === 0) return new Date(t);
  let remaining = ms;
  let result = t;
  walkWindows(t, r, (open, close) => {
    const from = Math.max(open, t);
    if (from >= close) return false;
    const available = close - from;
    // Ending exactly at closing time is due at closing time, not at the next opening.
    if (remaining <= available) {
      result = from + remaining;
      return true;
    }
    remaining -= available;
    return false;
  });
  return new Date(result);
}

/** `start` plus business days, each as long as one business day; Friday 12:59 + 1 is the next business day 12:59. */
export function addBusinessDays(start: Date, days: number, hours: BusinessHours): Date {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`Business days must be a non-negative number: ${days}`);
  return addBusinessTime(start, Math.round(days * businessDayMs(hours)), hours);
}

/** Business milliseconds between two instants; 0 when `b` is not after `a`. */
export function businessMsBetween(a: Date, b: Date, hours: BusinessHours): number {
  const r = resolve(hours);
  const from = toMs(a, "a");
  const to = toMs(b, "b");
  if (to <= from) return 0;
  let total = 0;
  walkWindows(from, r, (open, close) => {
    if (open >= to) return true;
    const s = Math.max(open, from);
    const e = Math.min(close, to);
    if (e > s) total += e - s;
    return close >= to;
  });
  return total;
}

// ---------------------------------------------------------------------------------------------
// SLA

/** Business milliseconds covered by pause periods (an open pause runs until `now`); overlaps count once. */
export function pausedBusinessMs(
  pauses: readonly { from: Date; to?: Date | null }[],
  now: Date,
  hours: BusinessHours,
): number {
  const spans = pauses
    .map((p) => [toMs(p.from, "pause.from"), p.to ? toMs(p.to, "pause.to") : toMs(now, "now")] as const)
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = NaN;
  let curEnd = NaN;
  for (const [s, e] of spans) {
    if (Number.isNaN(curStart) || s > curEnd) {
      if (!Number.isNaN(curStart)) total += businessMsBetween(new Date(curStart), new Date(curEnd), hours);
      curStart = s;
      curEnd = e;
    } else {
      curEnd = Math.max(curEnd, e);
    }
  }
  if (!Number.isNaN(curStart)) total += businessMsBetween(new Date(curStart), new Date(curEnd), hours);
  return total;
}

/** SLA due times from creation; business time spent waiting for the caller (`pausedMs`) pushes both out. */
export function computeSlaDueTimes(input: {
  createdAt: Date;
  pausedMs?: number;
  hours: BusinessHours;
  firstResponseBusinessDays: number;
  resolutionBusinessDays: number;
}): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  const { createdAt, hours } = input;
  const paused = input.pausedMs ?? 0;
  if (!Number.isFinite(paused) || paused < 0) throw new RangeError(`pausedMs must be a non-negative number: ${paused}`);
  const dayMs = businessDayMs(hours);
  const due = (days: number) => {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`SLA business days must be non-negative: ${days}`);
    return addBusinessTime(createdAt, Math.round(days * dayMs) + paused, hours);
  };
  return {
    firstResponseDueAt: due(input.firstResponseBusinessDays),
    resolutionDueAt: due(input.resolutionBusinessDays),
  };
}

/** 'breached' once `now` reaches `dueAt`; 'at-risk' with less than a quarter business day left; else 'ok'. */
export function slaStatus(dueAt: Date, now: Date, hours: BusinessHours): SlaStatus {
  if (toMs(now, "now") >= toMs(dueAt, "dueAt")) return "breached";
  const left = businessMsBetween(now, dueAt, hours);
  return left < businessDayMs(hours) / 4 ? "at-risk" : "ok";
}
