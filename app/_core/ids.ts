// Ids made in the app (for rows written in batches or by prepared statements).
import { randomBytes } from "node:crypto";

/** A collision-resistant id in cuid's alphabet (lowercase letters and digits), so ids sort alike everywhere. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(12).toString("hex")}`;
}
