// The one hot write of the portal — a new ticket — on PostgreSQL, around Prisma: two round trips on the pg pool
// Prisma's adapter runs on (app/_core/db.ts pgPoolOf). First the number (an atomic upsert of the desk's counter,
// autocommitted, so a failed ticket leaves a gap and never a duplicate — as nextTicketNumber does), then every row
// of the ticket in ONE statement: data-modifying CTEs, one per table, which PostgreSQL runs as one atomic statement
// (foreign keys are checked at its end, so the ticket may name the requester inserted beside it). Through Prisma the
// same ticket took nine round trips (the counter, BEGIN, five inserts, COMMIT) and Prisma's per-query CPU.
// It writes exactly the rows of ticket-rows.ts, every column they carry, as Prisma stores them (dates as UTC
// timestamp(3)); ticket-rows.int.test.ts compares both writers column by column on PostgreSQL.
import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import type { TicketNumbering, TicketRows } from "./ticket-rows";

type Value = string | number | boolean | null;
// timestamp(3) without time zone holds UTC (as Prisma writes it); an ISO string's "Z" is ignored on input.
const pgValue = (v: unknown): Value => (v instanceof Date ? v.toISOString() : v === undefined ? null : (v as Value));

const COUNTER = `INSERT INTO "TicketCounter" ("deskId", "year", "value") VALUES ($1, $2, 1)
  ON CONFLICT ("deskId", "year") DO UPDATE SET "value" = "TicketCounter"."value" + 1 RETURNING "value"`;

/** Tables in foreign-key order, with the rows of each. */
function tablesOf(rows: TicketRows): [string, object[]][] {
  return [
    ["Requester", rows.requester ? [rows.requester] : []],
    ["Ticket", [rows.ticket]],
    ["Message", rows.messages],
    ["Attachment", rows.attachments],
    ["AuditEvent", rows.audit],
    ["MailOutbox", rows.outbox],
    ["WebhookDelivery", rows.webhookDeliveries],
  ];
}

/** One INSERT … with CTEs for all of a ticket's rows, and its parameters. Every column each row object carries. */
export function ticketInsertStatement(rows: TicketRows): { text: string; values: Value[] } {
  const values: Value[] = [];
  const parts: string[] = [];
  for (const [table, list] of tablesOf(rows)) {
    if (!list.length) continue;
    const columns = Object.keys(list[0]!);
    const tuples = list.map((row) => {
      const r = row as Record<string, unknown>;
      if (Object.keys(r).length !== columns.length) throw new Error(`${table}: rows with different columns`);
      return `(${columns.map((c) => `$${values.push(pgValue(r[c]))}`).join(", ")})`;
    });
    const names = columns.map((c) => `"${c}"`).join(", ");
    parts.push(`"w${parts.length}" AS (INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")})`);
  }
  return { text: `WITH ${parts.join(",\n")}\nSELECT 1`, values };
}

/** A prepared statement's name per text: PostgreSQL parses and plans each shape once per connection. */
const statementName = (text: string) => `ticket_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;

/** Takes the next number for a desk and year, builds the ticket's rows for it and writes them. */
export async function pgWriteTicket(
  pool: pg.Pool,
  deskId: string,
  year: number,
  build: (numbering: TicketNumbering) => TicketRows,
): Promise<{ rows: TicketRows; number: number }> {
  const counter = await pool.query<{ value: number }>({
    name: "ticket_counter",
    text: COUNTER,
    values: [deskId, year],
  });
  const number = counter.rows[0]!.value;
  const rows = build({ year, number });
  const { text, values } = ticketInsertStatement(rows);
  await pool.query({ name: statementName(text), text, values });
  return { rows, number };
}
