// Start-up work of a server process (called from instrumentation.ts).
import { db, isPostgres, tuneSqlite } from "./db";
import { env } from "./env";
import { logUnexpected } from "./errors";

const g = globalThis as unknown as { __portalStarted?: boolean };

/** Tunes the database, builds the search index and starts the periodic workers (once per process). */
export async function startBackgroundWork(): Promise<void> {
  if (g.__portalStarted) return;
  g.__portalStarted = true;
  if (!isPostgres()) await tuneSqlite(db());
  const { ensureArticleIndex } = await import("@/app/_modules/search/service");
  await ensureArticleIndex().catch((e) => logUnexpected("startup:search-index", e));
  if (env().PAGE_CACHE) (await import("@/app/_modules/search/search-page-cache")).registerSearchPageCache();
  // The ticket index is built in the background, so the first agent search does not wait for it.
  void import("@/app/_modules/tickets/ticket-search").then((m) => m.syncTicketIndex(db())).catch((e) => logUnexpected("startup:ticket-index", e));
  const { kickOutbox } = await import("@/app/_modules/mail/outbox");
  const { pruneRateLimits } = await import("@/app/_modules/ratelimit/service");
  const tick = async () => {
    await kickOutbox(db());
    await pruneRateLimits(db()).catch((e) => logUnexpected("prune-rate-limits", e));
    for (const job of periodicJobs) await job().catch((e) => logUnexpected("periodic-job", e));
  };
  setInterval(() => void tick(), 30_000).unref();
  void tick();
}

/** Jobs run every 30 seconds (e.g. scheduled publishing); modules register themselves here. */
export const periodicJobs: (() => Promise<unknown>)[] = [];
periodicJobs.push(() => import("@/app/(editor)/redactie/publishing").then((m) => m.publishDueJob()));
