// Intake benchmark: POST /api/v1/tickets against `next start` (rate limits off), on SQLite and PostgreSQL.
//   npx tsx --conditions=react-server scripts/bench/intake.ts [--db sqlite|postgres|both] [--n 2000] [--concurrency 50] [--no-kill]
// Reports: tickets/s; lost (a 201 whose ticket is not in the database with its body intact); duplicates (the same
// question stored twice, or a reference twice); mails per ticket (every ticket must have exactly one confirmation:
// one outbox row, marked sent, and one .eml named by its id); time-to-last-mail (from the last ticket's answer until
// the last confirmation .eml is written; goal ≤ 60 s on SQLite with .eml files).
// Then the crash test: the server is killed (SIGKILL) mid-run and restarted; every ticket that got a 201 must exist,
// tickets stored without an answer are counted, and every ticket still gets exactly one confirmation (the outbox's
// lease frees the dead server's claimed mails; an .eml already written is not written again).
// Needs a build (`npx next build`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/app/_core/db";

import {
  benchDatabases,
  bin,
  createPgDatabase,
  freePort,
  groupCpuMs,
  loadBenchArgs,
  pgBackendCpu,
  root,
  startNext,
} from "../lib/server";
import { readdirSync } from "node:fs";
const args = loadBenchArgs({ n: 2000, concurrency: 50 });
const N = args.n;
const C = args.concurrency;

function serverEnv(databaseUrl: string, work: string, base: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    AUTH_TRUST_HOST: "true",
    APP_URL: base,
    MAIL_DIR: path.join(work, "mail"),
    UPLOAD_DIR: path.join(work, "uploads"),
    RATE_LIMITS: "off",
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
    question:
      `Benchmark ${run} vraag ${i}: hoe meld ik ongeoorloofd verzuim van een leerling? Controle é ë ü & <>`.replace(
        "<>",
        "kleiner/groter",
      ),
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
  let lastAnswerAt = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}/api/v1/tickets`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body(i, run)),
          });
          const json = (await res.json().catch(() => null)) as { reference?: string } | null;
          if (res.status === 201 && json?.reference) ok.set(i, json.reference);
          else failed++;
        } catch {
          failed++;
        }
        latencies.push(performance.now() - t0);
        lastAnswerAt = Date.now();
        onAnswer?.(++answered);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ok,
    failed,
    seconds,
    lastAnswerAt,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
  };
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
    const bodies = tickets.map((t) => t.messages[0]?.body ?? "");
    const acknowledged = new Set(ok.values());
    return {
      stored: tickets.length,
      lost,
      corrupt,
      // The same question stored twice (a retried or doubled write) and the same reference twice.
      duplicates: bodies.length - new Set(bodies).size,
      duplicateReferences: refs.length - new Set(refs).size,
      storedWithoutAck: refs.filter((r) => !acknowledged.has(r)).length,
    };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Waits until every ticket of the run has its confirmation delivered (or the timeout passes), then counts per ticket:
 * outbox rows, rows marked sent, and .eml files named by those rows' ids. Returns when the last file appeared.
 */
async function mailCheck(databaseUrl: string, run: string, mailDir: string, timeoutMs: number) {
  const db = createDb(databaseUrl);
  try {
    const until = Date.now() + timeoutMs;
    let lastNewFileAt = Date.now();
    let seen = 0;
    for (;;) {
      const tickets = await db.ticket.findMany({
        where: { subject: { startsWith: `Benchmark ${run} ` } },
        select: { id: true },
      });
      const ids = tickets.map((t) => t.id);
      const rows: { id: string; ticketId: string | null; status: string }[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        rows.push(
          ...(await db.mailOutbox.findMany({
            where: { ticketId: { in: ids.slice(i, i + 500) } },
            select: { id: true, ticketId: true, status: true },
          })),
        );
      }
      const files = new Set(
        readdirSync(mailDir, { withFileTypes: true })
          .filter((f) => f.isFile() && f.name.endsWith(".eml"))
          .map((f) => f.name.slice(0, -4)),
      );
      const withFile = rows.filter((r) => files.has(r.id)).length;
      if (withFile > seen) {
        seen = withFile;
        lastNewFileAt = Date.now();
      }
      const perTicket = new Map<string, { rows: number; files: number }>();
      for (const id of ids) perTicket.set(id, { rows: 0, files: 0 });
      for (const r of rows) {
        const p = perTicket.get(r.ticketId!)!;
        p.rows++;
        if (files.has(r.id) && r.status === "sent") p.files++;
      }
      const counts = [...perTicket.values()];
      const done = counts.every((c) => c.files >= 1);
      if (done || Date.now() > until) {
        return {
          lastMailAt: lastNewFileAt,
          mailsPerTicket: {
            exactlyOne: counts.filter((c) => c.rows === 1 && c.files === 1).length,
            none: counts.filter((c) => c.files === 0).length,
            moreThanOne: counts.filter((c) => c.rows > 1 || c.files > 1).length,
          },
          complete: done,
        };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await db.$disconnect();
  }
}

function prepare(databaseUrl: string, work: string) {
  const r = spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
    cwd: root,
    env: serverEnv(databaseUrl, work, "http://x"),
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("prepare-db failed");
}

async function benchOne(kind: "sqlite" | "postgres") {
  const work = path.join(root, "tmp", `bench-intake-${kind}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  let databaseUrl = `file:${path.join(work, "portal.db")}`;
  let dropPg: (() => Promise<void>) | null = null;
  if (kind === "postgres") {
    // The server's pool is the documented default (db.ts PG_POOL_DEFAULT); --pool overrides it for a comparison.
    const created = await createPgDatabase("pgbench_intake");
    databaseUrl = args.pool ? `${created.url}?connection_limit=${args.pool}` : created.url;
    dropPg = created.drop;
  }
  prepare(databaseUrl, work);
  const port = await freePort();
  let server = await startServer(databaseUrl, work, port);
  // Warm up the routes (first requests compile and connect).
  await fire(server.base, "warmup", 50, 10);

  const mailDir = path.join(work, "mail");
  const run = `${kind}-${Date.now()}`;
  // CPU per ticket: of the server's process group and (PostgreSQL) of the backends serving it; less sensitive to the
  // machine's load than tickets/s.
  const serverCpu0 = groupCpuMs(server.proc.pid!);
  const dbCpu = kind === "postgres" ? pgBackendCpu(databaseUrl) : null;
  await dbCpu?.start();
  const r = await fire(server.base, run, N, C);
  const serverCpuMs = groupCpuMs(server.proc.pid!) - serverCpu0;
  const dbCpuMs = (await dbCpu?.stop()) ?? null;
  const v = await verify(databaseUrl, run, r.ok);
  const m = await mailCheck(databaseUrl, run, mailDir, 120_000);
  const result: Record<string, unknown> = {
    db: kind,
    tickets: N,
    concurrency: C,
    created: r.ok.size,
    failed: r.failed,
    seconds: +r.seconds.toFixed(2),
    ticketsPerSecond: Math.round(r.ok.size / r.seconds),
    p50ms: +r.p50.toFixed(1),
    p95ms: +r.p95.toFixed(1),
    serverCpuMsPerTicket: +(serverCpuMs / N).toFixed(2),
    ...(dbCpuMs === null ? {} : { dbCpuMsPerTicket: +(dbCpuMs / N).toFixed(2) }),
    pool: kind === "postgres" ? Number(new URL(databaseUrl).searchParams.get("connection_limit") ?? 10) : null,
    loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
    ...v,
    mailsPerTicket: m.mailsPerTicket,
    timeToLastMailSeconds: +((m.lastMailAt - r.lastAnswerAt) / 1000).toFixed(1),
    allMailed: m.complete,
  };

  if (!args.noKill) {
    const crashRun = `${kind}-crash-${Date.now()}`;
    const killAt = Math.floor(N / 3);
    const s = server;
    const crash = await fire(s.base, crashRun, N, C, (count) => {
      if (count === killAt) s.stop("SIGKILL");
    });
    server = await startServer(databaseUrl, work, port);
    const cv = await verify(databaseUrl, crashRun, crash.ok);
    // The killed server's claimed mails wait for their lease (60 s) and the next tick (30 s).
    const cm = await mailCheck(databaseUrl, crashRun, mailDir, 150_000);
    result.crash = {
      acknowledgedBeforeKill: crash.ok.size,
      stored: cv.stored,
      lostAfterRestart: cv.lost,
      corrupt: cv.corrupt,
      duplicates: cv.duplicates,
      duplicateReferences: cv.duplicateReferences,
      storedWithoutAck: cv.storedWithoutAck,
      mailsPerTicket: cm.mailsPerTicket,
      allMailed: cm.complete,
    };
  }
  server.stop();
  await dropPg?.();
  return result;
}

benchDatabases(args.db, benchOne).catch((e) => {
  console.error(e);
  process.exit(1);
});
