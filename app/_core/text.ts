// Text hygiene at the boundary: every string that comes in through a server action, a route handler (body and
// query) or a search-page query passes cleanText() before any schema sees it, so no field can forget it.
// PostgreSQL refuses NUL in text, lone surrogates are not valid UTF-8, and other control characters only ever
// come from scripts or broken copy-paste. Tab and newline stay; CR LF and lone CR become a newline.
import "server-only";
import { ValidationError } from "./errors";

// C0 controls except tab (09) and newline (0A), DEL, and C1 controls. CR is handled before this runs.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string without NUL, other control characters (tab and newline stay) and lone surrogates (→ U+FFFD). */
export function cleanText(s: string): string {
  let out = s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
  out = out.replace(CONTROL, "");
  return out.replace(LONE_SURROGATE, "\uFFFD");
}

/** Deepest nesting accepted in a request: far more than any form or API body of this portal needs. */
export const MAX_INPUT_DEPTH = 64;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of the input with every string cleaned: plain objects (keys too), arrays and FormData (text entries;
 * files are kept as they are). Anything else (numbers, Files, Dates…) is returned unchanged. Refuses input nested
 * deeper than MAX_INPUT_DEPTH with a 400 instead of overflowing the stack.
 */
export function cleanInput<T>(value: T, depth = 0): T {
  if (depth > MAX_INPUT_DEPTH) {
    throw new ValidationError("De invoer is te diep genest.", [
      { path: "", message: "Stuur minder diep geneste gegevens." },
    ]);
  }
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanInput(v, depth + 1)) as T;
  if (typeof FormData !== "undefined" && value instanceof FormData) {
    const out = new FormData();
    for (const [k, v] of value.entries()) {
      if (typeof v === "string") out.append(cleanText(k), cleanText(v));
      else out.append(cleanText(k), v);
    }
    return out as T;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanInput(v, depth + 1);
    return out as T;
  }
  return value;
}
