// Intake benchmark: POST /api/v1/tickets against `next start` (rate limits off), on SQLite and PostgreSQL.
//   npx tsx scripts/bench/intake.ts [--db sqlite|postgres|both] [--n 2000] [--concurrency 50] [--no-kill]
// Checks: throughput, 0 lost (every 201 is in the database with its body intact), 0 duplicate references.
// Then the crash test: the server is killed (SIGKILL) mid-run and restarted; every ticket that got a 201 must exist.
// Needs a build (`npx next build`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/app/_core/db";

import { benchDatabases, bin, createPgDatabase, freePort, root, startNext } from "../lib/server";
const { values: args } = parseArgs({
  options: { db: { type: "string", default: "both" }, n: { type: "string", default: "2000" }, concurrency: { type: "string", default: "50" }, "no-kill": { type: "boolean", default: false } },
});
const N = Number(args.n);
const C = Number(args.concurrency);


function serverEnv(databaseUrl: string, work: string, base: string): NodeJS.ProcessEnv {
  return {
    ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    AUTH_TRUST_HOST: "true", APP_URL: base, MAIL_DIR: path.join(work, "mail"), UPLOAD_DIR: path.join(work, "uploads"), RATE_LIMITS: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
}

const startServer = (databaseUrl: string, work: string, port: number) =>
  startNext({ port, env: serverEnv(databaseUrl, work, `http://127.0.0.1:${port}`) });

function body(i: number, run: string) {
  return {
    callerType: i % 3 === 0 ? "po-school" : i % 3 === 1 ? "vo-school" : "mbo-institution",
    organisation: `School ${i % 97}`,
    topic: "verzuim-melden",
    question: `Benchmark ${run} vraag ${i}: hoe meld ik ongeoorloofd verzuim van een leerling? Controle é ë ü & <>`.replace("<>", "kleiner/groter"),
    name: `Beller ${i}`,
    email: `beller${i}@bench.test`,
  };
}

/** Posts n tickets at the given concurrency; stops early when `stopAfter` answers came back (for the crash test). */
async function fire(base: string, run: string, n: number, concurrency: number, onAnswer?: (count: number) => void) {
  const ok = new Map<number, string>();
  let failed = 0;
  let next = 0;
  let answered = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}/api/v1/tickets`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body(i, run)) });
          const json = (await res.json().catch(() => null)) as { reference?: string } | null;
          if (res.status === 201 && json?.reference) ok.set(i, json.reference);
          else failed++;
        } catch {
          failed++;
        }
        latencies.push(performance.now() - t0);
        onAnswer?.(++answered);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { ok, failed, seconds, p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0, p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0 };
}

async function verify(databaseUrl: string, run: string, ok: Map<number, string>) {
  const db = createDb(databaseUrl);
  try {
    const tickets = await db.ticket.findMany({
      where: { subject: { startsWith: `Benchmark ${run} ` } },
      select: { reference: true, messages: { where: { kind: "caller" }, select: { body: true } } },
    });
    const byRef = new Map(tickets.map((t) => [t.reference, t.messages[0]?.body]));
    let lost = 0;
    let corrupt = 0;
    for (const [i, ref] of ok) {
      const stored = byRef.get(ref);
      if (stored === undefined) lost++;
      else if (stored !== body(i, run).question) corrupt++;
    }
    const refs = tickets.map((t) => t.reference);
    return { stored: tickets.length, lost, corrupt, duplicates: refs.length - new Set(refs).size };
  } finally {
    await db.$disconnect();
  }
}

function prepare(databaseUrl: string, work: string) {
  const r = spawnSync(path.join(bin, "tsx"), ["scripts/prepare-db.ts"], { cwd: root, env: serverEnv(databaseUrl, work, "http://x"), stdio: "inherit" });
  if (r.status !== 0) throw new Error("prepare-db failed");
}

async function benchOne(kind: "sqlite" | "postgres") {
  const work = path.join(root, "tmp", `bench-intake-${kind}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  let databaseUrl = `file:${path.join(work, "portal.db")}`;
  let dropPg: (() => Promise<void>) | null = null;
  if (kind === "postgres") {
    const created = await createPgDatabase("bench_intake");
    databaseUrl = `${created.url}?connection_limit=20`;
    dropPg = created.drop;
  }
  prepare(databaseUrl, work);
  const port = await freePort();
  let server = await startServer(databaseUrl, work, port);
  // Warm up the routes (first requests compile and connect).
  await fire(server.base, "warmup", 50, 10);

  const run = `${kind}-${Date.now()}`;
  const r = await fire(server.base, run, N, C);
  const v = await verify(databaseUrl, run, r.ok);
  const result: Record<string, unknown> = {
    db: kind, tickets: N, concurrency: C, created: r.ok.size, failed: r.failed, seconds: +r.seconds.toFixed(2),
    ticketsPerSecond: Math.round(r.ok.size / r.seconds), p50ms: +r.p50.toFixed(1), p95ms: +r.p95.toFixed(1), ...v,
  };

  if (!args["no-kill"]) {
    const crashRun = `${kind}-crash-${Date.now()}`;
    const killAt = Math.floor(N / 3);
    const s = server;
    const crash = await fire(s.base, crashRun, N, C, (count) => {
      if (count === killAt) s.stop("SIGKILL");
    });
    server = await startServer(databaseUrl, work, port);
    const cv = await verify(databaseUrl, crashRun, crash.ok);
    result.crash = { acknowledgedBeforeKill: crash.ok.size, lostAfterRestart: cv.lost, corrupt: cv.corrupt, duplicates: cv.duplicates };
  }
  server.stop();
  await dropPg?.();
  return result;
}

benchDatabases(args.db, benchOne).catch((e) => {
  console.error(e);
  process.exit(1);
});
