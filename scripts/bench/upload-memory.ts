// Memory under large uploads (issue 11, item 7): 30 concurrent POST /api/v1/tickets of 20 MB each (three 5 MB text
// files as base64) against `next start` on loopback, once with the reads unbounded (UPLOAD_CONCURRENCY=1000, as
// before the fix) and once with the default bound (3). Reports the server's resident memory (all processes of its
// group) before, at the peak and 5 s after, the slowest /api/health answer during the load, and the statuses.
// Needs a build (`npx next build`). Bounded: one round of 30 posts per setting.
//   npx tsx --conditions=react-server scripts/bench/upload-memory.ts [--posts 30] [--mb 20]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, freePort, root, startNext } from "../lib/server";

const arg = (name: string, def: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || def;
const POSTS = Math.min(arg("posts", 30), 60);
const MB = Math.min(arg("mb", 20), 21);

/** Resident memory (MB) of every process in the group `pgid`. */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: pgrp
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return Math.round(kb / 1024);
}

function body(): string {
  // Three text files of (MB / 3 * 0.75) MB each: base64 makes the JSON body about MB megabytes.
  const fileBytes = Math.floor(((MB * 1024 * 1024) / 3) * 0.75) - 2048;
  const content = Buffer.alloc(fileBytes, "verzuim ").toString("base64");
  return JSON.stringify({
    callerType: "vo-school",
    organisation: "Stellingwerf College",
    topic: "verzuim-melden",
    name: "Marit Hoekstra",
    email: "marit@stellingwerf.test",
    question: "Hierbij drie bestanden met de verzuimregistratie van deze maand.",
    attachments: [1, 2, 3].map((i) => ({ name: `registratie-${i}.txt`, contentBase64: content })),
  });
}

async function round(concurrency: string) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "upload-bench-"));
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(work, "portal.db")}`,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    AUTH_TRUST_HOST: "true",
    MAIL_DIR: path.join(work, "mail"),
    UPLOAD_DIR: path.join(work, "uploads"),
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMITS: "off",
    SEED_DEMO_DATA: "off",
    UPLOAD_CONCURRENCY: concurrency,
  } as NodeJS.ProcessEnv;
  const prep = spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  if (prep.status !== 0) throw new Error("prepare-db failed");
  const port = await freePort();
  env.APP_URL = `http://127.0.0.1:${port}`;
  const server = await startNext({ port, env, logFile: path.join(work, "server.log") });
  try {
    const pgid = server.proc.pid!;
    const payload = body();
    // Warm up the route once with a small post, then settle.
    await fetch(`${server.base}/api/health`);
    await new Promise((r) => setTimeout(r, 2000));
    const before = groupRssMb(pgid);
    let peak = before;
    let slowestHealthMs = 0;
    let running = true;
    const sampler = (async () => {
      while (running) {
        peak = Math.max(peak, groupRssMb(pgid));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const health = (async () => {
      while (running) {
        const t0 = performance.now();
        await fetch(`${server.base}/api/health`).catch(() => null);
        slowestHealthMs = Math.max(slowestHealthMs, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: POSTS }, () =>
        fetch(`${server.base}/api/v1/tickets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: payload,
        }).then(
          async (r) => (await r.arrayBuffer(), r.status),
          () => 0,
        ),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    await Promise.all([sampler, health]);
    await new Promise((r) => setTimeout(r, 5000));
    const after = groupRssMb(pgid);
    const counts: Record<string, number> = {};
    for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
    return {
      uploadConcurrency: concurrency,
      posts: POSTS,
      mbEach: +(payload.length / 1024 / 1024).toFixed(1),
      rssBeforeMb: before,
      rssPeakMb: peak,
      rssAfter5sMb: after,
      slowestHealthMs: Math.round(slowestHealthMs),
      seconds: +seconds.toFixed(1),
      statuses: counts,
    };
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  for (const c of ["1000", "3"]) console.log(JSON.stringify(await round(c)));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
