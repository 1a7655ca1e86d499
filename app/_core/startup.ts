// Start-up work of a server process (called from instrumentation.ts). _core knows no module: each module's
// start-up tasks and periodic jobs are registered through this registry (the wiring is app/background-jobs.ts).
import "server-only";
import { db, isPostgres, tuneSqlite } from "./db";
import { logUnexpected } from "./errors";

type Job = { name: string; run: () => Promise<unknown> };
type Registry = { startup: Job[]; background: Job[]; periodic: Job[] };

const g = globalThis as unknown as { __portalStarted?: boolean; __portalJobs?: Registry };
const registry = (): Registry => (g.__portalJobs ??= { startup: [], background: [], periodic: [] });

/** Registering a name again replaces its job (a module loaded twice does not run its job twice). */
function add(jobs: Job[], job: Job): void {
  const at = jobs.findIndex((j) => j.name === job.name);
  if (at >= 0) jobs[at] = job;
  else jobs.push(job);
}

/** A task the start-up waits for, in the order registered (e.g. building the search index); a failure is logged. */
export function onStartup(name: string, run: () => Promise<unknown>): void {
  add(registry().startup, { name, run });
}

/** A task started at start-up that nothing waits for (e.g. the ticket index); a failure is logged. */
export function inBackground(name: string, run: () => Promise<unknown>): void {
  add(registry().background, { name, run });
}

/** A job run every 30 seconds, in the order registered (e.g. the mail outbox, scheduled publishing). */
export function everyTick(name: string, run: () => Promise<unknown>): void {
  add(registry().periodic, { name, run });
}

/** What is registered, by name (for tests and diagnostics). */
export function registeredJobs(): { startup: string[]; background: string[]; periodic: string[] } {
  const r = registry();
  const names = (jobs: Job[]) => jobs.map((j) => j.name);
  return { startup: names(r.startup), background: names(r.background), periodic: names(r.periodic) };
}

/** Runs one periodic round: every registered job in turn, each failure logged without stopping the others. */
export async function runPeriodicJobs(): Promise<void> {
  for (const job of registry().periodic) await job.run().catch((e) => logUnexpected(job.name, e));
}

/** Tunes the database, runs the start-up tasks and starts the periodic jobs (once per process). */
export async function startBackgroundWork(): Promise<void> {
  if (g.__portalStarted) return;
  g.__portalStarted = true;
  if (!isPostgres()) await tuneSqlite(db());
  const r = registry();
  for (const job of r.startup) await job.run().catch((e) => logUnexpected(`startup:${job.name}`, e));
  for (const job of r.background) void job.run().catch((e) => logUnexpected(`startup:${job.name}`, e));
  setInterval(() => void runPeriodicJobs(), 30_000).unref();
  void runPeriodicJobs();
}
