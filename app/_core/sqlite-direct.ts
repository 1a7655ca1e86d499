// Direct better-sqlite3 connections for the few hot writes on the embedded SQLite database (a new ticket, the
// search log), where Prisma's per-query work (statement preparation, query compilation, per-row mapping) is
// the cost. The rows are exactly what Prisma writes: ISO dates with "+00:00", booleans as integers. PostgreSQL
// always goes through Prisma.
import "server-only";
import Database from "better-sqlite3";
import { sqlitePath } from "./db";

const connections = new Map<string, Database.Database>();

/** One connection per process and database file, with the same settings as the Prisma connection. */
export function sqliteConnection(url: string): Database.Database {
  const file = sqlitePath(url);
  let conn = connections.get(file);
  if (!conn) {
    conn = new Database(file, { timeout: 15_000 });
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.pragma("foreign_keys = ON");
    connections.set(file, conn);
  }
  return conn;
}

/** A date as Prisma stores it in SQLite. */
export const sqliteIso = (d: Date | null) => (d ? d.toISOString().replace("Z", "+00:00") : null);

const sqliteValue = (v: unknown) =>
  v instanceof Date ? sqliteIso(v) : typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);

/**
 * Writes many rows in one IMMEDIATE transaction with prepared statements (one per table and set of columns), for
 * bulk writes such as the demo history, where Prisma's createMany spends milliseconds per row. Rows are keyed by
 * column (field) name; an undefined value leaves the column to its database default. Columns Prisma fills itself
 * (@default(now()), @updatedAt, @default(cuid())) must be given. `more` runs inside the same transaction.
 */
export function sqliteInsertAll(
  url: string,
  tables: { table: string; rows: readonly object[] }[],
  more?: (conn: Database.Database) => void,
): void {
  const conn = sqliteConnection(url);
  const statements = new Map<string, Database.Statement>();
  conn
    .transaction(() => {
      for (const { table, rows } of tables) {
        for (const row of rows as Record<string, unknown>[]) {
          const keys = Object.keys(row).filter((k) => row[k] !== undefined);
          const signature = `${table}|${keys.join(",")}`;
          let st = statements.get(signature);
          if (!st) {
            const cols = keys.map((k) => `"${k}"`).join(", ");
            st = conn.prepare(`INSERT INTO "${table}" (${cols}) VALUES (${keys.map(() => "?").join(", ")})`);
            statements.set(signature, st);
          }
          st.run(keys.map((k) => sqliteValue(row[k])));
        }
      }
      more?.(conn);
    })
    .immediate();
}
