// HTTP search benchmark: /zoeken (server-rendered page) and GET /api/v1/search under 20 concurrent clients
// (autocannon against `next start` on a fresh seeded SQLite database). Needs a build (`npx next build`).
//   npx tsx --conditions=react-server scripts/bench/search-http.ts [--seconds 10] [--connections 20] [--page-cache off]
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

import { bin, freePort, root, startNext } from "../lib/server";
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    "page-cache": { type: "string", default: "on" },
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
};

function run(base: string, pathFor: (i: number) => string): Promise<Run> {
  let i = 0;
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections: Number(args.connections),
        duration: Number(args.seconds),
        requests: [{ setupRequest: (req) => ({ ...req, path: pathFor(i++) }) }],
      },
      (err, res) => {
        if (err) return reject(err);
        times.sort((a, b) => a - b);
        const at = (p: number) =>
          Math.round((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0) * 10) / 10;
        resolve({
          requests: res.requests.total,
          rps: Math.round(res.requests.average),
          p50: at(50),
          p90: at(90),
          p95: at(95),
          p99: at(99),
          max: Math.round(times.at(-1) ?? 0),
          non2xx: res.non2xx,
          errors: res.errors,
        });
      },
    );
    inst.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
}

async function main() {
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
    PAGE_CACHE: args["page-cache"],
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
  if (
    spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
      cwd: root,
      env,
      stdio: "inherit",
    }).status !== 0
  )
    process.exit(1);
  const server = await startNext({ port, env });
  try {
    const api = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}`;
    const page = (q: string) => `/zoeken?q=${encodeURIComponent(q)}`;
    // Warm-up: load the route code and JIT both paths (the long-tail queries used here are not measured later).
    await run(base, (i) =>
      (i % 2 ? api : page)(i % 4 < 2 ? POPULAR[i % POPULAR.length]! : longTail(59_999 - (i % 500))),
    );
    let offset = 0;
    for (const [name, to] of [
      ["GET /api/v1/search", api],
      ["GET /zoeken", page],
    ] as const) {
      const popular = await run(base, (i) => to(POPULAR[i % POPULAR.length]!));
      const start = offset;
      const tail = await run(base, (i) => to(longTail(start + i)));
      offset += tail.requests + Number(args.connections);
      for (const [workload, r] of [
        ["popular", popular],
        ["long tail", tail],
      ] as const) {
        console.log(
          JSON.stringify({
            route: name,
            workload,
            connections: Number(args.connections),
            seconds: Number(args.seconds),
            pageCache: args["page-cache"],
            ...r,
          }),
        );
      }
    }
  } finally {
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
