// Detects Dutch personal numbers (BSN, onderwijsnummer) in free text so forms can refuse them and logs can drop them.
// Pure and browser-safe: no Node APIs, only zod for the form helper.
import type { z } from "zod";

export type PersonalNumberKind = "bsn" | "onderwijsnummer";
export type PersonalNumberMatch = { kind: PersonalNumberKind; start: number; end: number };

export const PERSONAL_NUMBER_MESSAGE =
  "Dit lijkt op een BSN of onderwijsnummer. Haal het nummer weg: wij mogen dit niet bewaren. Noem liever de schoolcode of het meldingsnummer.";

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/** The "elfproef" weighted sum of a 9-digit string, reduced to 0..10. */
function elevenRemainder(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i] * (digits.charCodeAt(i) - 48);
  return ((sum % 11) + 11) % 11;
}

/** Pads 8 digits to 9 (old BSNs); anything else that is not 8 or 9 digits returns null. */
function toNine(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 9) return digits;
  if (digits.length === 8) return "0" + digits;
  return null;
}

/** True when the digits (8 or 9, no separators) form a valid BSN. */
export function isValidBsn(digits: string): boolean {
  const d = toNine(digits);
  return d !== null && !/^0+$/.test(d) && elevenRemainder(d) === 0;
}

/** True when the 9 digits form a valid onderwijsnummer (starts with 10, weighted sum leaves 5 mod 11). */
export function isValidOnderwijsnummer(digits: string): boolean {
  return /^10\d{7}$/.test(digits) && elevenRemainder(digits) === 5;
}

/** Which kind of personal number the digits are, if any. */
export function personalNumberKind(digits: string): PersonalNumberKind | null {
  if (isValidBsn(digits)) return "bsn";
  if (isValidOnderwijsnummer(digits)) return "onderwijsnummer";
  return null;
}

// Digit groups joined by at most one space, dot, dash or underscore: "123 456 782", "1234.56.782", "050-599 77 66".
const RUN = /\d+(?:[ \u00a0.\-_]\d+)*/g;

// Labels that make the following number something else (phone, company, ticket): a checksum hit there is chance.
const OTHER_LABEL =
  /(?:\btel|telefoon\w*|mobiel\w*|gsm|\bfax|\bbel(?:len)?|kvk|k\.v\.k|rsin|btw|iban|rekening\w*|meldingsnummer|meldingnummer|ticket\w*|zaaknummer|dossiernummer|kenmerk|factuur\w*|ordernummer|klantnummer|referentie\w*|postbus)\W{0,4}$/i;
const PERSONAL_LABEL = /(?:bsn|burgerservicenummer|sofi\w*|onderwijsnummer|pgn|persoonsgebonden\s+nummer)\W{0,4}$/i;
// International prefix or a separate area code right before the run: the run is the rest of a phone number.
const PHONE_PREFIX =
  /(?:(?:\+|\b00)\d{1,3}[\s.-]*(?:\(0\)[\s.-]*)?|\(0\)[\s.-]*|\(0\d{1,3}\)[\s.-]*|\b0\d{1,3}\s*[-\u2013/]\s*)$/;

function isDateShaped(groups: string[]): boolean {
  const n = groups.map(Number);
  const dm = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12;
  const year = (y: number) => y >= 1900 && y <= 2099;
  if (groups.length === 3) {
    const [a, b, c] = groups;
    if (c.length === 4 && a.length <= 2 && b.length <= 2) return dm(n[0], n[1]) && year(n[2]);
    if (a.length === 4 && b.length <= 2 && c.length <= 2) return year(n[0]) && dm(n[2], n[1]);
  }
  if (groups.length === 1 && groups[0].length === 8) {
    const s = groups[0];
    const ymd = year(+s.slice(0, 4)) && dm(+s.slice(6, 8), +s.slice(4, 6));
    const dmy = dm(+s.slice(0, 2), +s.slice(2, 4)) && year(+s.slice(4, 8));
    return ymd || dmy;
  }
  return false;
}

/** Finds BSNs and onderwijsnummers in text, also when written in groups; phone numbers, dates and longer runs are skipped. */
export function findPersonalNumbers(text: string): PersonalNumberMatch[] {
  const found: PersonalNumberMatch[] = [];
  for (const m of text.matchAll(RUN)) {
    const runStart = m.index;
    let start = runStart;
    let raw = m[0];
    // Part of a longer token such as a decimal ("1.234.567,89") or a time: leave it.
    const after = text.slice(start + raw.length, start + raw.length + 2);
    if (/^[,:/]\d/.test(after)) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    if (/\d[,:/]$/.test(before)) continue;
    if (/\+$/.test(before)) continue;

    let groups = raw.split(/[ \u00a0.\-_]/);
    // A lone digit separated by a space is a separate number ("groep 7 123456782"), not part of this one.
    while (groups.length > 1 && groups[0].length === 1 && raw[1] === " ") {
      raw = raw.slice(2);
      start += 2;
      groups = groups.slice(1);
    }
    while (groups.length > 1 && groups[groups.length - 1].length === 1 && raw[raw.length - 2] === " ") {
      raw = raw.slice(0, -2);
      groups = groups.slice(0, -1);
    }
    const digits = groups.join("");
    if (digits.length !== 8 && digits.length !== 9) continue;
    if (isDateShaped(groups)) continue;

    const context = text.slice(Math.max(0, runStart - 40), runStart);
    if (!PERSONAL_LABEL.test(context) && (OTHER_LABEL.test(context) || PHONE_PREFIX.test(context))) continue;

    const kind = personalNumberKind(digits);
    if (kind) found.push({ kind, start, end: start + raw.length });
  }
  return found;
}

/** True when the text holds something that passes as a BSN or onderwijsnummer. */
export function containsPersonalNumber(text: string): boolean {
  return findPersonalNumbers(text).length > 0;
}

/** Removes digit runs of 6 or more digits (groups joined by a space, dot or dash count as one run), for logs. */
export function redactLongDigitRuns(text: string): string {
  const out = text.replace(RUN, (run) => (run.replace(/\D/g, "").length >= 6 ? "" : run));
  return out
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([.,;:!?])/g, "$1")
    .trim();
}

/** True when a file name (extension ignored) holds a BSN or onderwijsnummer, e.g. "verzuim_123456782.pdf". */
export function fileNameHasPersonalNumber(name: string): boolean {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{1,5}$/, "");
  // Digits glued to letters are common in file names ("bsn123456782"); split them apart first.
  const spaced = base.replace(/([A-Za-z])(?=\d)|(\d)(?=[A-Za-z])/g, "$1$2 ");
  return containsPersonalNumber(spaced);
}

/** The zod refinement check: true when the value holds no personal number. */
export const hasNoPersonalNumber = (value: string): boolean => !containsPersonalNumber(value);

/** Wraps a string schema so values with a BSN or onderwijsnummer fail with the Dutch message. */
export function noPersonalNumber<T extends z.ZodType<string>>(schema: T): T {
  return schema.refine(hasNoPersonalNumber, { message: PERSONAL_NUMBER_MESSAGE }) as T;
}
