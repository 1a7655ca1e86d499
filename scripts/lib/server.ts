// Shared by the browser-test runner and the benchmarks: a free port, `next start` in its own process group
// (so killing it leaves no orphan next-server), and a throwaway PostgreSQL database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

export const root = path.resolve(__dirname, "..", "..");
export const bin = path.join(root, "node_modules", ".bin");

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export type RunningServer = { proc: ChildProcess; base: string; stop(signal?: NodeJS.Signals): void };

/** Starts `next start` on 127.0.0.1:port and waits until /api/health answers (throws after `timeoutMs`). */
export async function startNext(opts: {
  port: number;
  env: NodeJS.ProcessEnv;
  logFile?: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const proc = spawn(path.join(bin, "next"), ["start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: root,
    env: opts.env,
    stdio: ["ignore", opts.logFile ? "pipe" : "ignore", opts.logFile ? "pipe" : "inherit"],
    detached: true,
  });
  if (opts.logFile) {
    const log = fs.createWriteStream(opts.logFile);
    proc.stdout?.pipe(log);
    proc.stderr?.pipe(log);
  }
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    try {
      process.kill(-proc.pid!, signal);
    } catch {}
  };
  const until = Date.now() + (opts.timeoutMs ?? 60_000);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { proc, base, stop };
  }
  stop();
  throw new Error(
    `next start did not come up on ${base}${opts.logFile ? `; see ${opts.logFile}` : " (is there a build? run `npx next build`)"}`,
  );
}

/** Creates a fresh PostgreSQL database (dropped by `drop`). */
export async function createPgDatabase(
  prefix: string,
  admin = "postgresql://postgres@127.0.0.1:5432/postgres",
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs a benchmark for `--db sqlite|postgres|both`, printing one JSON line per database, then exits. */
export async function benchDatabases(
  which: string | undefined,
  bench: (kind: "sqlite" | "postgres") => Promise<unknown>,
): Promise<never> {
  if (which !== undefined && !["sqlite", "postgres", "both"].includes(which)) {
    console.error(`--db must be sqlite, postgres or both (got "${which}")`);
    process.exit(2);
  }
  const kinds =
    which === "both" ? (["sqlite", "postgres"] as const) : ([which === "postgres" ? "postgres" : "sqlite"] as const);
  for (const k of kinds) console.log(JSON.stringify(await bench(k)));
  process.exit(0);
}

/**
 * The arguments every load benchmark takes: `--db sqlite|postgres|both`, `--n`, `--concurrency`, `--no-kill`, and
 * `--pool` (the server's PostgreSQL connections; default: the app's own default, db.ts PG_POOL_DEFAULT).
 * A wrong value stops the bench with exit 2 and a message naming the flag.
 */
export function loadBenchArgs(defaults: { n: number; concurrency: number }) {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "both" },
      n: { type: "string", default: String(defaults.n) },
      concurrency: { type: "string", default: String(defaults.concurrency) },
      "no-kill": { type: "boolean", default: false },
      pool: { type: "string" },
    },
  });
  const n = Number(values.n);
  const concurrency = Number(values.concurrency);
  if (!["sqlite", "postgres", "both"].includes(values.db!)) {
    console.error(`--db must be sqlite, postgres or both (got "${values.db}")`);
    process.exit(2);
  }
  if (!(n > 0) || !(concurrency > 0) || !Number.isInteger(n) || !Number.isInteger(concurrency)) {
    console.error("--n and --concurrency must be positive whole numbers");
    process.exit(2);
  }
  const pool = values.pool === undefined ? undefined : Number(values.pool);
  if (pool !== undefined && !(Number.isInteger(pool) && pool > 0)) {
    console.error("--pool must be a positive whole number");
    process.exit(2);
  }
  return { db: values.db!, n, concurrency, noKill: values["no-kill"]!, pool };
}

/** CPU milliseconds used so far by one process, from /proc (0 where /proc is missing or the process ended). */
function procCpu(pid: string): { pgrp: number; ms: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // f[0] is field 3 (state): pgrp is field 5, utime and stime are fields 14 and 15 (USER_HZ = 100 on Linux).
    return { pgrp: Number(f[2]), ms: ((Number(f[11]) + Number(f[12])) / 100) * 1000 };
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds used so far by a process group (a server: `next start` and its children), from /proc; 0 where
 * /proc is missing. Independent of the machine's load, unlike requests/s.
 */
export function groupCpuMs(pgid: number): number {
  let ms = 0;
  for (const pid of fs.existsSync("/proc") ? fs.readdirSync("/proc") : []) {
    if (!/^\d+$/.test(pid)) continue;
    const p = procCpu(pid);
    if (p?.pgrp === pgid) ms += p.ms;
  }
  return ms;
}

/**
 * CPU of the PostgreSQL backends serving one database (their pids from pg_stat_activity, their CPU from /proc, as
 * the database runs on this machine). `start()` then `stop()` gives the milliseconds used in between.
 */
export function pgBackendCpu(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const sample = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const r = await c.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      return new Map(r.rows.map((row) => [row.pid, procCpu(String(row.pid))?.ms ?? 0]));
    } finally {
      await c.end();
    }
  };
  let before = new Map<number, number>();
  return {
    async start() {
      before = await sample();
    },
    async stop(): Promise<number> {
      let ms = 0;
      for (const [pid, cpu] of await sample()) ms += cpu - (before.get(pid) ?? 0);
      return ms;
    },
  };
}
