// Typed codecs for the JSON string columns (SQLite has no JSON type, so arrays and objects are stored as text).
// Every read of such a column goes through its codec instead of a hand-written `JSON.parse(...) as T`, so the shape
// of a column is written down once, next to the schema that checks it. Pure and browser-safe: zod only.
import { z } from "zod";

/** Reads and writes one JSON string column. */
export type JsonColumn<T> = {
  /** The stored text as a value; throws when the text is not JSON or (for checked columns) not of the column's shape. */
  decode(text: string): T;
  /** The value as the text to store. */
  encode(value: T): string;
};

/** A column whose stored value is checked against its schema on every read (a wrong row fails loudly, by name). */
export function jsonColumn<T>(name: string, schema: z.ZodType<T>): JsonColumn<T> {
  return {
    decode(text) {
      const r = schema.safeParse(JSON.parse(text));
      if (!r.success) {
        const i = r.error.issues[0];
        throw new Error(`stored ${name} does not match its shape at "${i?.path.join(".") ?? ""}": ${i?.message}`);
      }
      return r.data;
    },
    encode: (value) => JSON.stringify(value),
  };
}

/**
 * A column whose shape is checked where it is written (a protocol definition, the taxonomy, a Tiptap document) and
 * that is too large to check again on every read: typed, parsed, not re-validated.
 */
export function trustedJsonColumn<T>(): JsonColumn<T> {
  return { decode: (text) => JSON.parse(text) as T, encode: (value) => JSON.stringify(value) };
}

/** Decodes, or returns the fallback when the text is not JSON of the column's shape (a hand-edited row must not break a page). */
export function decodeOr<T>(column: JsonColumn<T>, text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  try {
    return column.decode(text);
  } catch {
    return fallback;
  }
}

/**
 * A JSON list of known strings (desks, scopes, webhook events): a value no longer known is left out when read, so a
 * row written before a value was retired still reads.
 */
export function knownStringList<T extends string>(allowed: readonly T[]): z.ZodType<T[]> {
  return z
    .array(z.unknown())
    .transform((list) => list.filter((x): x is T => (allowed as readonly unknown[]).includes(x)));
}
