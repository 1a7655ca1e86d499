// Ids made in the app (for rows written in batches or by prepared statements).
import "server-only";
import { randomBytes } from "node:crypto";

let lastMs = 0;
let seq = 0;

/**
 * A collision-resistant id in cuid's alphabet (lowercase letters and digits), so ids sort alike everywhere.
 * Ids made by one process sort in the order they were made, also within one millisecond (a per-millisecond
 * counter follows the time), so rows written in one transaction with one timestamp keep their order by id.
 */
export function newId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
  } else seq++;
  return `c${lastMs.toString(36)}${seq.toString(36).padStart(4, "0")}${randomBytes(10).toString("hex")}`;
}
