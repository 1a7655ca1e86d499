// The e-mail channel's write path on the embedded SQLite database: prepared statements (better-sqlite3) on a
// connection of its own, and group commit. Through Prisma one new ticket from a mail cost about 20 ms of CPU
// (query compilation and statement preparation for some ten queries), which capped the receiver near 35 mails/s;
// here its rows (the one row builder's, tickets/ticket-rows.ts, inserted by tickets/sqlite-intake.ts's statements)
// are written in well under a millisecond. The inbound tests run this path on SQLite, the Prisma path on PostgreSQL.
//
// Group commit: mails whose rows are ready in the same turn of the event loop are written in one IMMEDIATE
// transaction, each inside its own savepoint, so one failing mail rolls back alone. Every mail's promise settles
// only after the COMMIT: the SMTP receiver answers 250 (the IMAP poller moves the mail) only then.
//
// The connection waits for no lock (busy timeout 0): a synchronous wait would block the event loop, and with it a
// Prisma transaction of this process that holds the lock. When the database is busy the group is tried again a
// few milliseconds later, for at most BUSY_LIMIT_MS. The mail module's own Prisma transactions on SQLite run
// inside `exclusive()`, so a group never commits between their read and their write (SQLITE_BUSY_SNAPSHOT).
import "server-only";
import Database from "better-sqlite3";
import { sqlitePath } from "@/app/_core/db";
import { sqliteIso as iso } from "@/app/_core/sqlite-direct";

/** A group holds at most this many mails. */
const MAX_GROUP = 64;
/** How long a group waits for a busy database before its mails fail (451: the sender retries). */
const BUSY_LIMIT_MS = 15_000;

type Job = { run: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void; since: number };

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

export class MailWriter {
  readonly conn: Database.Database;
  private queue: Job[] = [];
  private scheduled = false;
  private holds = 0;
  private busyDelay = 1;
  private readonly statements = new Map<string, Database.Statement>();
  /** Groups committed and mails in them (diagnostics and tests). */
  readonly stats = { groups: 0, mails: 0, busyRetries: 0 };

  constructor(file: string) {
    this.conn = new Database(file, { timeout: 0 });
    this.conn.pragma("journal_mode = WAL");
    this.conn.pragma("synchronous = NORMAL");
    this.conn.pragma("foreign_keys = ON");
  }

  /** A prepared statement, prepared once per connection. */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.conn.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs `run` (synchronous, on `conn`) in the next group; resolves after the group's COMMIT. */
  write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (v: unknown) => void, reject, since: Date.now() });
      this.schedule(0);
    });
  }

  /** Runs `fn` (a Prisma transaction of the mail module) while no group commits. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.holds++;
    try {
      return await fn();
    } finally {
      this.holds--;
      if (!this.holds && this.queue.length) this.schedule(0);
    }
  }

  private schedule(delayMs: number) {
    if (this.scheduled) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      this.flush();
    };
    if (delayMs > 0) setTimeout(go, delayMs);
    else setImmediate(go);
  }

  private flush() {
    if (this.holds || !this.queue.length) return;
    try {
      this.conn.exec("BEGIN IMMEDIATE");
    } catch (e) {
      if (!isBusy(e)) return this.failAll(this.queue.splice(0), e);
      this.stats.busyRetries++;
      const now = Date.now();
      this.failAll(
        this.queue.filter((j) => now - j.since > BUSY_LIMIT_MS),
        e,
      );
      this.queue = this.queue.filter((j) => now - j.since <= BUSY_LIMIT_MS);
      this.busyDelay = Math.min(this.busyDelay * 2, 50);
      return this.schedule(this.busyDelay);
    }
    this.busyDelay = 1;
    const group = this.queue.splice(0, MAX_GROUP);
    const outcomes = group.map((job) => {
      try {
        // Nested in the open transaction, better-sqlite3 runs it in a SAVEPOINT: a failure rolls back this mail only.
        return { ok: true as const, value: this.conn.transaction(job.run)() };
      } catch (error) {
        return { ok: false as const, error };
      }
    });
    try {
      this.conn.exec("COMMIT");
    } catch (e) {
      if (this.conn.inTransaction) this.conn.exec("ROLLBACK");
      this.failAll(group, e);
      if (this.queue.length) this.schedule(0);
      return;
    }
    this.stats.groups++;
    this.stats.mails += group.length;
    group.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
    if (this.queue.length) this.schedule(0);
  }

  private failAll(jobs: Job[], e: unknown) {
    for (const j of jobs) j.reject(e);
  }
}

const g = globalThis as unknown as { __portalMailWriters?: Map<string, MailWriter> };

/** The mail writer of a SQLite database URL (one connection per process and file). */
export function mailWriter(url: string): MailWriter {
  const file = sqlitePath(url);
  const writers = (g.__portalMailWriters ??= new Map());
  let w = writers.get(file);
  if (!w) {
    w = new MailWriter(file);
    writers.set(file, w);
  }
  return w;
}

export { iso };
