// HTTP search benchmark: /zoeken (server-rendered page) and GET /api/v1/search under 20 concurrent clients
// (autocannon against `next start` on a fresh seeded SQLite database). Needs a build (`npx next build`).
//   npx tsx --conditions=react-server scripts/bench/search-http.ts [--seconds 10] [--connections 20] [--page-cache on|off|both]
//
// With `--page-cache both` (the default) the same measurements run twice, on a server with the page cache off and
// on one with it on. Every workload is measured in slices that alternate with slices of the floor: `/privacy`, a
// dynamic page with no data (it still gets a fresh CSP nonce per answer); `rpsVsFloor` is the median ratio of a
// workload's requests/s to the floor's in the slice just before it, and `floor` has the floor's own figures.
// Besides requests/s (which depends on what else the machine does), each run reports the server's CPU
// milliseconds per request, read from /proc: what one answer costs, whatever the load.
//
// Two workloads per route:
// - popular: 12 everyday questions in turn, as many visitors ask the same things (result and page caches warm);
// - long tail: every request a different query of three or four words, so nothing is answered from a cache.
// Latency percentiles are computed from every response's time (autocannon's own summary has no p95).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

import { bin, freePort, groupCpuMs, root, startNext } from "../lib/server";
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    "page-cache": { type: "string", default: "both" },
  },
});

const POPULAR = [
  "verzuim melden",
  "16 uur",
  "vakantieverlof",
  "spijbelen",
  "te laat komen",
  "ziekmelding",
  "leerplichtambtenaar",
  "thuiszitters",
  "verlof aanvragen",
  "koppeling certificaat",
  "inschrijven",
  "zorgcoordinator",
];
const A = [
  "verzuim",
  "verlof",
  "leerplicht",
  "ziek",
  "spijbelen",
  "melding",
  "school",
  "gemeente",
  "ouders",
  "leerling",
  "boete",
  "vrijstelling",
  "inschrijving",
  "mbo",
  "thuiszitter",
  "jeugdarts",
  "bron",
  "uitschrijven",
  "verhuizing",
  "religieuze",
];
const B = [
  "melden",
  "aanvragen",
  "termijn",
  "regels",
  "formulier",
  "weken",
  "uren",
  "brief",
  "gesprek",
  "registratie",
  "koppeling",
  "vakantie",
  "feestdag",
  "huwelijk",
  "begrafenis",
  "zorg",
  "ggd",
  "proces",
  "wanneer",
  "waarom",
];
const C = [
  "po",
  "vo",
  "mbo",
  "directeur",
  "mentor",
  "leraar",
  "administratie",
  "leverancier",
  "ambtenaar",
  "jeugdzorg",
  "kind",
  "student",
  "klas",
  "dag",
  "uur",
];
const D = ["", "nieuw", "vraag", "hulp", "uitleg", "voorbeeld", "stappen", "contact", "telefoon", "rooster"];
/** The i-th of 60,000 distinct queries of three or four words. */
const longTail = (i: number) =>
  [
    A[i % A.length],
    B[Math.floor(i / A.length) % B.length],
    C[Math.floor(i / (A.length * B.length)) % C.length],
    D[Math.floor(i / 6_000) % D.length],
  ]
    .join(" ")
    .trim();

type Run = {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** Server CPU (all its processes) per answered request, ms. */
  cpuMsPerRequest: number;
};
type Slice = { requests: number; seconds: number; times: number[]; non2xx: number; errors: number; cpuMs: number };

const SLICES = 4;

/**
 * Measures a workload in SLICES slices, each right after an equal slice of the floor (/privacy), so both meet the
 * same machine: on a shared machine the requests/s of either drift by a third within a minute, their ratio much
 * less. Reports the workload's figures over all its slices and the median of the per-slice ratios to the floor.
 */
async function paired(base: string, pathFor: (i: number) => string, pid: number) {
  const seconds = Number(args.seconds) / SLICES;
  const mine: Slice[] = [];
  const floor: Slice[] = [];
  let i = 0;
  for (let k = 0; k < SLICES; k++) {
    floor.push(await slice(base, () => "/privacy", pid, seconds));
    mine.push(await slice(base, () => pathFor(i++), pid, seconds));
  }
  const ratios = mine.map((m, k) => m.requests / m.seconds / (floor[k]!.requests / floor[k]!.seconds));
  return { run: summary(mine), floor: summary(floor), rpsVsFloor: +median(ratios).toFixed(2) };
}

async function slice(base: string, pathFor: () => string, pid: number, seconds: number): Promise<Slice> {
  const cpu0 = groupCpuMs(pid);
  const times: number[] = [];
  const res = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections: Number(args.connections),
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: pathFor() }) }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    inst.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  return {
    requests: res.requests.total,
    seconds: res.duration,
    times,
    non2xx: res.non2xx,
    errors: res.errors,
    cpuMs: groupCpuMs(pid) - cpu0,
  };
}

function summary(slices: Slice[]): Run {
  const times = slices.flatMap((s) => s.times).sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0) * 10) / 10;
  const requests = slices.reduce((a, s) => a + s.requests, 0);
  const seconds = slices.reduce((a, s) => a + s.seconds, 0);
  const cpuMs = slices.reduce((a, s) => a + s.cpuMs, 0);
  return {
    requests,
    rps: Math.round(requests / seconds),
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    max: Math.round(times.at(-1) ?? 0),
    non2xx: slices.reduce((a, s) => a + s.non2xx, 0),
    errors: slices.reduce((a, s) => a + s.errors, 0),
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, requests)) * 100) / 100,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const MODES = args["page-cache"] === "both" ? ["off", "on"] : [args["page-cache"]!];
if (!MODES.every((m) => m === "on" || m === "off")) {
  console.error("--page-cache must be on, off or both");
  process.exit(2);
}

/** A fresh seeded SQLite database and `next start` with the page cache on or off. */
async function startServer(pageCache: string) {
  const work = path.join(root, "tmp", "bench-search-http");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(work, "portal.db")}`,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    AUTH_TRUST_HOST: "true",
    APP_URL: base,
    MAIL_DIR: path.join(work, "mail"),
    RATE_LIMITS: "off",
    PAGE_CACHE: pageCache,
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
  const prep = spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (prep.status !== 0) process.exit(1);
  return { base, server: await startNext({ port, env }) };
}

const api = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}`;
const page = (q: string) => `/zoeken?q=${encodeURIComponent(q)}`;

async function measureMode(pageCache: string, offset: number): Promise<void> {
  const { base, server } = await startServer(pageCache);
  const pid = server.proc.pid!;
  const print = (route: string, workload: string, r: Run, extra: Record<string, unknown> = {}) =>
    console.log(
      JSON.stringify({
        route,
        workload,
        connections: Number(args.connections),
        seconds: Number(args.seconds),
        pageCache,
        ...r,
        ...extra,
      }),
    );
  try {
    // Warm-up: load the route code and JIT every path until the server's cost per request is steady (a fresh
    // server spends about 40 % more CPU per uncached search page in its first thousand renders than later). Only
    // one-off queries (not measured later), so the render path warms up equally with the page cache on and off.
    let w = 0;
    for (let round = 0; round < 4 * SLICES; round++)
      await slice(
        base,
        () => {
          const i = w++;
          return i % 3 === 2 ? "/privacy" : (i % 3 ? api : page)(longTail(59_999 - i));
        },
        pid,
        Number(args.seconds) / SLICES,
      );
    for (const [name, to] of [
      ["GET /api/v1/search", api],
      ["GET /zoeken", page],
    ] as const) {
      // The long tail first: every popular request rendered without the cache would otherwise warm up the render
      // path further for the next run (its CPU per request keeps falling over the first few thousand renders).
      const start = offset;
      const tail = await paired(base, (i) => to(longTail(start + i)), pid);
      offset += tail.run.requests + Number(args.connections);
      const popular = await paired(base, (i) => to(POPULAR[i % POPULAR.length]!), pid);
      for (const [workload, r] of [
        ["long tail", tail],
        ["popular", popular],
      ] as const) {
        print(name, workload, r.run, {
          rpsVsFloor: r.rpsVsFloor,
          floor: { rps: r.floor.rps, p95: r.floor.p95, cpuMsPerRequest: r.floor.cpuMsPerRequest },
        });
      }
    }
  } finally {
    server.stop();
  }
}

async function main() {
  // Each mode runs on a fresh server and gets the same queries, so the two are compared on equal work.
  for (const mode of MODES) await measureMode(mode, 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
