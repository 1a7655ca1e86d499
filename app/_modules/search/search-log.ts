// The search log behind the content-gap report: each search queued with its id, written in batches off the
// request path, one row per settled search (log-policy.ts), digit runs of 6+ removed so no BSN is ever kept.
import "server-only";
import { db, isPostgres } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { logUnexpected } from "@/app/_core/errors";
import { newId } from "@/app/_core/ids";
import { sqliteConnection, sqliteIso } from "@/app/_core/sqlite-direct";
import { cleanText } from "@/app/_core/text";
import { redactLongDigitRuns } from "@/app/_modules/privacy/personal-number";
import { admitSearchLogs, SettleBuffer } from "./log-policy";
import { fold } from "./text";

// Search-log rows are written in batches off the request path (every 300 ms or 200 rows): a search answers
// without waiting for a database write. Ids are made here, so a result page can link its clicks at once.
// The queue is one per process (on globalThis), shared by every bundle that logs: the page cache logs from the
// start-up bundle, and a click on the article page must be able to flush that search first.
// Which searches are logged at all (settled ones, a limited number per visitor) is log-policy.ts.
export type PendingLog = {
  id: string;
  query: string;
  normalized: string;
  resultCount: number;
  source: string;
  createdAt: Date;
  visitor?: string;
};
const log = ((globalThis as unknown as { __kbSearchLog?: SearchLogQueue }).__kbSearchLog ??= {
  pending: [],
  timer: null,
  flushing: Promise.resolve(),
});
type SearchLogQueue = {
  pending: PendingLog[];
  timer: ReturnType<typeof setTimeout> | null;
  flushing: Promise<void>;
  settle?: SettleBuffer<PendingLog>;
};
const settle = (log.settle ??= new SettleBuffer<PendingLog>((row) => enqueueSearchLog(row)));

/** Writes queued search-log rows now (also called before a click is recorded and by tests). */
export function flushSearchLog(): Promise<void> {
  if (log.timer) {
    clearTimeout(log.timer);
    log.timer = null;
  }
  const batch = log.pending.splice(0, log.pending.length);
  if (!batch.length) return log.flushing;
  log.flushing = log.flushing
    .then(() => admitSearchLogs(db(), batch, { limitsOn: env().RATE_LIMITS }))
    .then(async (rows) => void (await writeSearchLog(rows)))
    .catch((e) => logUnexpected("searchLog.flush", e));
  return log.flushing;
}

/**
 * Writes a batch in one statement/transaction. If the batch fails, each row is written on its own, so one bad
 * row (whatever slipped past the cleaning in logSearch) costs only itself, never the other searches of the window.
 * Returns how many rows were stored.
 */
export async function writeSearchLog(rows: PendingLog[]): Promise<number> {
  try {
    await writeRows(rows);
    return rows.length;
  } catch (e) {
    if (rows.length === 1) {
      logUnexpected("searchLog.row", e);
      return 0;
    }
  }
  let stored = 0;
  let failed = 0;
  for (const r of rows) {
    try {
      await writeRows([r]);
      stored++;
    } catch {
      failed++;
    }
  }
  if (failed)
    logUnexpected("searchLog.batch", new Error(`${failed} of ${rows.length} search-log rows could not be stored`));
  return stored;
}

// On SQLite one prepared statement in one transaction: through Prisma a batch of 200 costs ~17 ms of CPU.
const sqliteLogWriters = new Map<string, (rows: PendingLog[]) => void>();
async function writeRows(rows: PendingLog[]): Promise<void> {
  if (isPostgres()) {
    await db().searchLog.createMany({ data: rows });
    return;
  }
  const url = env().DATABASE_URL;
  let write = sqliteLogWriters.get(url);
  if (!write) {
    const conn = sqliteConnection(url);
    const insert = conn.prepare(
      `INSERT INTO "SearchLog" ("id", "query", "normalized", "resultCount", "source", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const tx = conn.transaction((batch: PendingLog[]) => {
      for (const r of batch) insert.run(r.id, r.query, r.normalized, r.resultCount, r.source, sqliteIso(r.createdAt));
    });
    // IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout applies.
    write = (batch) => tx.immediate(batch);
    sqliteLogWriters.set(url, write);
  }
  write(rows);
}

/**
 * Queues a search for the content-gap report (digit runs of 6+ removed). Returns the log id. With the visitor's
 * address, an autocomplete search waits until it settles and a submitted one replaces its own prefixes
 * (log-policy.ts).
 */
export function logSearch(entry: {
  query: string;
  resultCount: number;
  source: "portal" | "api" | "autocomplete";
  visitor?: string;
}): string | null {
  const query = redactLongDigitRuns(cleanText(entry.query)).replace(/\s+/g, " ").trim().slice(0, 200);
  if (!query) return null;
  const id = newId();
  const row: PendingLog = {
    id,
    query,
    normalized: fold(query).toLowerCase(),
    resultCount: entry.resultCount,
    source: entry.source,
    createdAt: new Date(),
    visitor: entry.visitor,
  };
  if (!entry.visitor) enqueueSearchLog(row);
  else if (entry.source === "autocomplete") settle.typing(entry.visitor, row);
  else settle.submitted(entry.visitor, row);
  return id;
}

function enqueueSearchLog(row: PendingLog): void {
  log.pending.push(row);
  if (log.pending.length >= 200) void flushSearchLog();
  else log.timer ??= setTimeout(() => void flushSearchLog(), 300);
}

/** Records which article a search led to. */
export async function logSearchClick(searchId: string, slug: string): Promise<void> {
  settle.releaseId(searchId);
  await flushSearchLog();
  await db().searchLog.updateMany({ where: { id: searchId, clickedSlug: null }, data: { clickedSlug: slug } });
}
