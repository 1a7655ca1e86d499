// Start-up and idle memory of `npm start` (the embedded default), with an existing build and a fresh database.
//   npx tsx --conditions=react-server scripts/bench/startup.ts [--runs 3] [--idle-seconds 10]
// Per run: a fresh data folder, `npm start` on a free port; reports the seconds until /api/health answers, then,
// after the server has been idle, the resident memory (RSS) of every process in the `npm start` tree and its sum.
// Needs a build (`npx next build`). Goals (issue #18): start-up ≤ 3 s, idle tree ≤ 220 MB.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, root } from "../lib/server";

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "3" }, "idle-seconds": { type: "string", default: "10" } },
});
const runs = Number(args.runs);
const idleMs = Number(args["idle-seconds"]) * 1000;
if (!(runs > 0) || !(idleMs >= 0)) {
  console.error("--runs must be positive and --idle-seconds a number");
  process.exit(2);
}
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No build: run `npx next build` first.");
  process.exit(2);
}

/** Every process in the tree under pid: [pid, rss KB, command]. */
function tree(pid: number): { pid: number; rssMb: number; command: string }[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,args="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/)!)
    .map((m) => ({ pid: +m[1]!, ppid: +m[2]!, rss: +m[3]!, command: m[4]! }));
  const out: { pid: number; rssMb: number; command: string }[] = [];
  const walk = (p: number) => {
    for (const r of rows.filter((x) => x.pid === p))
      out.push({ pid: r.pid, rssMb: +(r.rss / 1024).toFixed(1), command: r.command.slice(0, 60) });
    for (const c of rows.filter((x) => x.ppid === p)) walk(c.pid);
  };
  walk(pid);
  return out;
}

async function once(i: number) {
  const work = path.join(root, "tmp", `bench-startup-${i}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn("npm", ["start"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${path.join(work, "portal.db")}`,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
      MAIL_DIR: path.join(work, "mail"),
      UPLOAD_DIR: path.join(work, "uploads"),
      INBOUND_SMTP_PORT: String(await freePort()),
    },
    stdio: "ignore",
    detached: true,
  });
  try {
    let up = false;
    while (performance.now() - t0 < 120_000 && !up) {
      up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 50));
    }
    if (!up) throw new Error("npm start did not answer within 120 s");
    const startSeconds = +((performance.now() - t0) / 1000).toFixed(2);
    await new Promise((r) => setTimeout(r, idleMs));
    const procs = tree(proc.pid!);
    return { run: i, startSeconds, idleTreeMb: +procs.reduce((s, p) => s + p.rssMb, 0).toFixed(1), processes: procs };
  } finally {
    try {
      process.kill(-proc.pid!, "SIGTERM");
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main() {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(i);
    console.log(JSON.stringify(r));
    results.push(r);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify({
      summary: true,
      runs,
      loadAverage: (await import("node:os")).loadavg().map((x) => +x.toFixed(1)),
      medianStartSeconds: med(results.map((r) => r.startSeconds)),
      medianIdleTreeMb: med(results.map((r) => r.idleTreeMb)),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
