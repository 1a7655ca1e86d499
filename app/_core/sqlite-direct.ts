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
