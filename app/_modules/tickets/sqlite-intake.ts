// The one hot write of the portal — a new ticket — on the embedded SQLite database, with prepared statements
// in one IMMEDIATE transaction (it takes the write lock at BEGIN, so a concurrent writer waits on the busy timeout
// instead of failing to upgrade a read lock). Through Prisma the same write costs about 6 ms of CPU (statement
// preparation per query, query compilation), which caps intake near 100 tickets/s; here it is well under 1 ms.
// It writes exactly the rows of ticket-rows.ts, every column they carry, converted as Prisma stores them (ISO dates
// with "+00:00", booleans as integers); ticket-rows.int.test.ts compares both writers column by column, and
// PostgreSQL always uses Prisma.
import "server-only";
import type Database from "better-sqlite3";
import { sqlitePath } from "@/app/_core/db";
import { sqliteConnection, sqliteIso } from "@/app/_core/sqlite-direct";
import type { TicketNumbering, TicketRows } from "./ticket-rows";

/** Takes the next number for a desk and year, builds the ticket's rows for it and writes them, in one transaction. */
type Writer = (
  deskId: string,
  year: number,
  build: (numbering: TicketNumbering) => TicketRows,
) => { rows: TicketRows; number: number };
const writers = new Map<string, Writer>();

type Value = string | number | bigint | Buffer | null;
const sqliteValue = (v: unknown): Value =>
  v instanceof Date ? sqliteIso(v) : typeof v === "boolean" ? (v ? 1 : 0) : v === undefined ? null : (v as Value);

/** Inserts plain row objects into one table: one prepared statement per column list, so every column is written. */
function rowInserter(conn: Database.Database, table: string) {
  const statements = new Map<string, Database.Statement>();
  return (row: object) => {
    const columns = Object.keys(row);
    const key = columns.join(",");
    let st = statements.get(key);
    if (!st) {
      const names = columns.map((c) => `"${c}"`).join(", ");
      st = conn.prepare(`INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
      statements.set(key, st);
    }
    st.run(...Object.values(row).map(sqliteValue));
  };
}

/**
 * Prepared statements for a new ticket on a connection: the next number for a desk and year, and the inserts of
 * its rows in foreign-key order. Run both inside one transaction (here, and in the e-mail channel's group commit).
 */
export function ticketRowsInserter(conn: Database.Database) {
  const counter = conn.prepare(
    `INSERT INTO "TicketCounter" ("deskId", "year", "value") VALUES (?, ?, 1)
     ON CONFLICT ("deskId", "year") DO UPDATE SET "value" = "value" + 1 RETURNING "value"`,
  );
  const insert = {
    requester: rowInserter(conn, "Requester"),
    ticket: rowInserter(conn, "Ticket"),
    message: rowInserter(conn, "Message"),
    attachment: rowInserter(conn, "Attachment"),
    audit: rowInserter(conn, "AuditEvent"),
    outbox: rowInserter(conn, "MailOutbox"),
    webhookDelivery: rowInserter(conn, "WebhookDelivery"),
  };
  return {
    nextNumber: (deskId: string, year: number) => (counter.get(deskId, year) as { value: number }).value,
    insert(rows: TicketRows) {
      if (rows.requester) insert.requester(rows.requester);
      insert.ticket(rows.ticket);
      for (const r of rows.messages) insert.message(r);
      for (const r of rows.attachments) insert.attachment(r);
      for (const r of rows.audit) insert.audit(r);
      for (const r of rows.outbox) insert.outbox(r);
      for (const r of rows.webhookDeliveries) insert.webhookDelivery(r);
    },
  };
}

/** The ticket writer for a SQLite database URL (one connection per process and file). */
export function sqliteTicketWriter(url: string): Writer {
  const file = sqlitePath(url);
  const existing = writers.get(file);
  if (existing) return existing;
  const conn = sqliteConnection(url);
  const inserter = ticketRowsInserter(conn);
  const write = conn.transaction((deskId: string, year: number, build: (n: TicketNumbering) => TicketRows) => {
    const number = inserter.nextNumber(deskId, year);
    const rows = build({ year, number });
    inserter.insert(rows);
    return { rows, number };
  });
  const fn: Writer = (deskId, year, build) => write.immediate(deskId, year, build);
  writers.set(file, fn);
  return fn;
}
