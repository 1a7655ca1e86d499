// The verzuimcheck's input side without a validation library, shared by the browser forms and the server: the
// event and leave kinds with their Dutch labels, the forms' limits, Dutch dates and numbers, and reading pasted
// spreadsheet lines into absence events (with an error per unreadable line).
// Browser-safe: only type imports from the engine, so neither the YAML parser nor zod is shipped by this file.
import { findPersonalNumbers } from "../privacy/personal-number";
import { isoOf, isWeekday, parseDay } from "./engine/dates";
import type { LeaveKind } from "./engine/definition";
import type { AbsenceEvent, DateRange, EventType } from "./engine/evaluate";

export const CHECK_EVENT_TYPES = ["late", "unexcused", "sick", "authorized"] as const satisfies readonly EventType[];
export const CHECK_LEAVE_KINDS = [
  "vakantieverlof",
  "gewichtige-omstandigheden",
] as const satisfies readonly LeaveKind[];

/** Dutch labels of the event types, as the form shows them. */
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  late: "Te laat",
  unexcused: "Ongeoorloofd afwezig (gespijbeld)",
  sick: "Ziek",
  authorized: "Geoorloofd afwezig (verlof, dokter)",
};

export const LEAVE_KIND_LABELS: Record<LeaveKind, string> = {
  vakantieverlof: "Vakantieverlof (door het beroep van een ouder)",
  "gewichtige-omstandigheden": "Verlof om gewichtige omstandigheden",
};

/** Limits of the forms; far above real use, they keep a pasted export and the work per request bounded. */
export const CHECK_LIMITS = {
  pastedChars: 200_000,
  events: 5_000,
  rows: 200,
  holidays: 30,
  hoursPerDay: 24,
  count: 1_000,
  sickHoursPerYear: 5_000,
  /** 4 weeks of 24 hours: more cannot fit in the window. */
  hoursIn4Weeks: 672,
  weeks: 52,
  leaveSchoolDays: 200,
} as const;

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

// ---------------------------------------------------------------------------------------------
// Dates, numbers and types the Dutch way

/** Today's date in the Netherlands (YYYY-MM-DD), whatever the server's or browser's time zone. */
export function todayInAmsterdam(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

const pad2 = (s: string) => s.padStart(2, "0");

/** A date as written in a Dutch spreadsheet (2026-03-02, 2-3-2026, 02-03-2026, 2/3/2026, 2.3.2026) → YYYY-MM-DD, or null. */
export function parseDutchDate(input: string): string | null {
  const s = input.trim();
  let y: string, m: string, d: string;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [, y, m, d] = match;
  else {
    match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(s);
    if (!match) return null;
    [, d, , m, y] = match;
  }
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  return parseDay(iso) === null ? null : iso;
}

/** True when the text has the shape of a date, real or not (so "31-02-2026" gets a date message). */
function looksLikeDate(s: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(s);
}

/**
 * A non-negative number written the Dutch way: "1,5", "1.5", "2", "2 uur", "1:30" (hours and minutes); null when
 * it is not one.
 */
export function parseDutchNumber(input: string): number | null {
  const s = input
    .trim()
    .toLowerCase()
    .replace(/\s*(uren|uur|u|h)\.?$/, "");
  const time = /^(\d{1,3}):([0-5]\d)$/.exec(s);
  if (time) return Number(time[1]) + Number(time[2]) / 60;
  if (!/^\d{1,6}([.,]\d{1,4})?$/.test(s)) return null;
  return Number(s.replace(",", "."));
}

const TYPE_WORDS: Record<string, EventType> = {};
const addWords = (type: EventType, words: string[]) => words.forEach((w) => (TYPE_WORDS[w] = type));
addWords("late", ["te laat", "laat", "telaat", "te-laat", "te laat gekomen", "laatkomer", "late"]);
addWords("unexcused", [
  "ongeoorloofd",
  "ongeoorloofd afwezig",
  "ongeoorloofd verzuim",
  "ongeoorloofde afwezigheid",
  "gespijbeld",
  "spijbelen",
  "spijbel",
  "unexcused",
  "unauthorised",
  "unauthorized",
]);
addWords("sick", ["ziek", "ziekte", "ziekgemeld", "ziek gemeld", "ziekmelding", "ziekteverzuim", "sick"]);
addWords("authorized", [
  "geoorloofd",
  "geoorloofd afwezig",
  "geoorloofd verzuim",
  "geoorloofde afwezigheid",
  "verlof",
  "met toestemming",
  "toestemming",
  "authorized",
  "authorised",
]);

/** A type word (Dutch: te laat, ongeoorloofd, gespijbeld, ziek, geoorloofd, verlof …; or an English id) → event type. */
export function parseEventType(input: string): EventType | null {
  const key = input
    .trim()
    .toLowerCase()
    .replace(/[.:!]+$/, "")
    .replace(/\s+/g, " ");
  return TYPE_WORDS[key] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Pasted spreadsheet lines

export type PastedLineIssue = { line: number; text: string; message: string };
export type PastedEvents = {
  events: AbsenceEvent[];
  /** Lines that cannot be read; the check refuses to run while there are any. */
  errors: PastedLineIssue[];
  /** Lines that were read, with something the user should know (e.g. no hours). */
  notes: PastedLineIssue[];
  /** The line number of a skipped header row, or null. */
  headerLine: number | null;
  /** Non-empty lines. */
  lineCount: number;
};

const HEADER_WORD =
  /^(datum|date|dag|day|soort|type|verzuim|verzuimsoort|registratie|reden|categorie|omschrijving|uren|uur|hours|aantal|lesuren)\b/i;

/** Splits one line on its separator (tab, then ;, then ,), honouring "quoted fields". */
function splitFields(line: string): { fields: string[]; separator: string } {
  const separator = line.includes("\t") ? "\t" : line.includes(";") ? ";" : ",";
  const fields: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === "") {
      quoted = true;
      cur = "";
    } else if (c === separator) {
      fields.push(cur);
      cur = "";
    } else cur += c;
  }
  fields.push(cur);
  return { fields: fields.map((f) => f.trim()), separator };
}

/** With "," as separator a decimal comma splits a number in two ("1,5" → "1" and "5"): join such a pair back. */
function joinDecimalComma(fields: string[]): string[] {
  const numbers = fields.filter((f) => /^\d+$/.test(f)).length;
  if (numbers < 2) return fields;
  const out: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    if (/^\d{1,3}$/.test(fields[i]) && /^\d{1,2}$/.test(fields[i + 1] ?? "") && !looksLikeDate(fields[i])) {
      out.push(`${fields[i]},${fields[i + 1]}`);
      i++;
    } else out.push(fields[i]);
  }
  return out;
}

const TYPE_HINT = "Gebruik te laat, ongeoorloofd (of gespijbeld), ziek of geoorloofd (of verlof).";
export const DATE_HINT = "Schrijf de datum als 2-3-2026 of 2026-03-02.";
const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

type LineResult = { event: AbsenceEvent; note?: string } | { error: string } | { header: true };

function readLine(raw: string, firstLine: boolean): LineResult {
  if (findPersonalNumbers(raw).length > 0)
    return {
      error:
        "Deze regel lijkt een BSN of onderwijsnummer te bevatten. Haal het nummer weg: de check heeft het niet nodig.",
    };
  const split = splitFields(raw);
  let fields = split.fields.filter((f) => f !== "");
  if (split.separator === ",") fields = joinDecimalComma(fields);

  const dates: string[] = [];
  const badDates: string[] = [];
  const types: EventType[] = [];
  const numbers: number[] = [];
  const unknown: string[] = [];
  let negative = false;
  for (const f of fields) {
    const date = parseDutchDate(f);
    const type = date ? null : parseEventType(f);
    const num = date || type ? null : parseDutchNumber(f);
    if (date) dates.push(date);
    else if (type) types.push(type);
    else if (num !== null) numbers.push(num);
    else if (looksLikeDate(f)) badDates.push(f);
    else if (/^-\s*\d/.test(f)) negative = true;
    else unknown.push(f);
  }
  if (firstLine && dates.length === 0 && badDates.length === 0 && fields.some((f) => HEADER_WORD.test(f)))
    return { header: true };

  const what = unknown.length > 0 ? `"${shorten(unknown[0])}"` : "";
  if (badDates.length > 0)
    return { error: `De datum "${shorten(badDates[0])}" bestaat niet of kan niet worden gelezen. ${DATE_HINT}` };
  if (dates.length === 0)
    return {
      error: what
        ? `Kan ${what} niet lezen als datum. ${DATE_HINT}`
        : `Er staat geen datum op deze regel. ${DATE_HINT}`,
    };
  if (types.length === 0)
    return { error: what ? `Onbekende soort ${what}. ${TYPE_HINT}` : `De soort ontbreekt. ${TYPE_HINT}` };
  if (what)
    return { error: `Kan ${what} niet lezen. Een regel heeft alleen een datum, een soort en uren (geen naam).` };
  if (negative) return { error: "Het aantal uren mag niet negatief zijn." };
  if (dates.length > 1) return { error: "Er staan twee datums op deze regel. Zet elke melding op een eigen regel." };
  if (types.length > 1) return { error: "Er staan twee soorten op deze regel. Zet elke melding op een eigen regel." };
  if (numbers.length > 1)
    return {
      error: "Er staan twee getallen op deze regel. Schrijf een kommagetal als 1,5 of zet het tussen aanhalingstekens.",
    };
  const type = types[0];
  const hours = numbers[0];
  if (hours !== undefined && hours > CHECK_LIMITS.hoursPerDay)
    return {
      error: `${String(hours).replace(".", ",")} uur op één dag kan niet. Vul het aantal klokuren van die dag in.`,
    };
  const event: AbsenceEvent = { date: dates[0], type };
  if (hours !== undefined && type !== "late") event.hours = Math.round(hours * 100) / 100;
  if (hours === undefined && type === "unexcused")
    return { event, note: "Geen uren ingevuld: telt als 1 keer spijbelen, met 0 uur." };
  if (hours === undefined && type === "sick")
    return { event, note: "Geen uren ingevuld: telt niet mee bij de ziekte-uren." };
  return { event };
}

/**
 * Reads lines pasted from a spreadsheet export: date, type and hours in any order, separated by tab, ";" or ",".
 * A header row (first line) is skipped; every line that cannot be read gets an error with its line number.
 */
export function parsePastedEvents(text: string): PastedEvents {
  const out: PastedEvents = { events: [], errors: [], notes: [], headerLine: null, lineCount: 0 };
  const lines = text.split(/\r\n|\r|\n/);
  let first = true;
  lines.forEach((raw, i) => {
    if (raw.trim() === "") return;
    out.lineCount++;
    const line = i + 1;
    const r = readLine(raw, first);
    first = false;
    const shown = shorten(raw.replace(/\t/g, "  ").trim());
    if ("header" in r) out.headerLine = line;
    else if ("error" in r) out.errors.push({ line, text: shown, message: r.error });
    else {
      out.events.push(r.event);
      if (r.note) out.notes.push({ line, text: shown, message: r.note });
    }
  });
  return out;
}

/** One sentence for the form's error summary, naming the lines that cannot be read. */
export function pastedErrorSummary(errors: readonly PastedLineIssue[]): string {
  const nums = errors.map((e) => e.line);
  const list =
    nums.length <= 5
      ? nums.join(", ").replace(/, (\d+)$/, " en $1")
      : `${nums.slice(0, 5).join(", ")} en ${nums.length - 5} andere`;
  return nums.length === 1
    ? `Regel ${list} kan niet worden gelezen. Verbeter of verwijder deze regel.`
    : `De regels ${list} kunnen niet worden gelezen. Verbeter of verwijder deze regels.`;
}

/** The school days (Mon–Fri) from start to end inclusive, the summer holiday skipped. */
export function schoolDaysBetween(start: string, end: string, summer?: DateRange): number {
  const a = parseDay(start);
  const b = parseDay(end);
  if (a === null || b === null || b < a) return 0;
  const s = summer ? parseDay(summer.start) : null;
  const e = summer ? parseDay(summer.end) : null;
  let n = 0;
  for (let d = a; d <= b; d++) if (isWeekday(d) && !(s !== null && e !== null && d >= s && d <= e)) n++;
  return n;
}

/** A YYYY-MM-DD date in Dutch words, e.g. "2 maart 2026". */
export function dutchDate(iso: string): string {
  const day = parseDay(iso);
  if (day === null) return iso;
  const [y, m, d] = isoOf(day).split("-").map(Number);
  const months = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ];
  return `${d} ${months[m - 1]} ${y}`;
}
