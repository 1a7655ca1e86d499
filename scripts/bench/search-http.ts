// HTTP search benchmark: /zoeken (server-rendered page) and GET /api/v1/search under 20 concurrent clients
// (autocannon against `next start` on a fresh seeded SQLite database). Needs a build (`npx next build`).
//   npx tsx scripts/bench/search-http.ts [--seconds 10] [--connections 20]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

import { bin, freePort, root, startNext } from "../lib/server";
const { values: args } = parseArgs({ options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "20" } } });

const QUERIES = ["verzuim melden", "16 uur", "vakantieverlof", "spijbelen", "te laat komen", "ziekmelding", "leerplichtambtenaar", "thuiszitters", "verlof aanvragen", "koppeling certificaat", "inschrijven", "zorgcoordinator"];

function run(url: string, paths: string[]): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        connections: Number(args.connections),
        duration: Number(args.seconds),
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    void inst;
  });
}

async function main() {
  const work = path.join(root, "tmp", "bench-search-http");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${path.join(work, "portal.db")}`, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    AUTH_TRUST_HOST: "true", APP_URL: base, MAIL_DIR: path.join(work, "mail"), RATE_LIMITS: "off", NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
  if (spawnSync(path.join(bin, "tsx"), ["scripts/prepare-db.ts"], { cwd: root, env, stdio: "inherit" }).status !== 0) process.exit(1);
  const server = await startNext({ port, env });
  try {
    const api = QUERIES.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`);
    const page = QUERIES.map((q) => `/zoeken?q=${encodeURIComponent(q)}`);
    await run(base, [...api, ...page].slice(0, 24)); // warm-up
    for (const [name, paths] of [["GET /api/v1/search", api], ["GET /zoeken", page]] as const) {
      const r = await run(base, paths);
      console.log(JSON.stringify({
        route: name, connections: Number(args.connections), seconds: Number(args.seconds), requests: r.requests.total, rps: Math.round(r.requests.average),
        p50ms: r.latency.p50, p90ms: r.latency.p90, p97_5ms: r.latency.p97_5, p99ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors,
      }));
    }
  } finally {
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
