// The codec of AuditEvent.before and .after: any JSON value (each action records its own fields), stored as text.
// Pure (zod only).
import "server-only";
import { z } from "zod";
import { decodeOr, jsonColumn } from "@/app/_lib/json-column";

export const auditValueColumn = jsonColumn<unknown>("AuditEvent.before/after", z.unknown());

/** A value to store in before/after: null when there is none. */
export const encodeAuditValue = (v: unknown): string | null => (v === undefined ? null : auditValueColumn.encode(v));

/** A stored before/after value: the JSON value, null for none, or the text itself when it is not JSON. */
export const readAuditValue = (text: string | null): unknown => decodeOr<unknown>(auditValueColumn, text, text);
