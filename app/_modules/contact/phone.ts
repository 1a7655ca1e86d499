// Phone numbers, normalised with libphonenumber-js (Dutch numbers by default): E.164 for storing and matching,
// the national form for people.
import "server-only";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

export type NormalisedPhone = { e164: string; national: string };

/** The number in E.164 and national form, or null when it is not a possible phone number. */
export function normalisePhone(raw: string): NormalisedPhone | null {
  const p = parsePhoneNumberFromString(raw.trim(), "NL");
  if (!p || !p.isPossible()) return null;
  return { e164: p.number, national: p.formatNational() };
}

/**
 * The ways the same number may have been stored by older records (as typed: E.164, national with or without
 * separators), for an exact-match lookup.
 */
export function phoneVariants(raw: string): string[] {
  const n = normalisePhone(raw);
  if (!n) return [raw.trim()];
  const digits = n.national.replace(/\D/g, "");
  return [...new Set([n.e164, n.national, digits, raw.trim(), n.e164.replace(/^\+/, "00")])];
}
