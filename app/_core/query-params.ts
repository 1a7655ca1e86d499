import "server-only";
import { cleanText } from "./text";

/** Query parameters as a record, text cleaned (text.ts); a repeated parameter becomes an array (so a schema can refuse it). */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [rawKey, rawValue] of params) {
    const k = cleanText(rawKey);
    const v = cleanText(rawValue);
    const prev = raw[k];
    raw[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return raw;
}
