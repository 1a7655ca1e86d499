// npm run test:e2e — builds the app, starts `next start` on a fresh SQLite database with the demo content, and
// runs the browser suite (tests/e2e/*.e2e.ts, playwright-core + Debian chromium) against it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "node_modules", ".bin");
const work = path.resolve(root, process.env.E2E_WORK ?? path.join("tmp", "e2e"));
const distDir = process.env.NEXT_DIST_DIR || ".next";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const port = Number(process.env.E2E_PORT) || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(work, "portal.db")}`,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    AUTH_TRUST_HOST: "true",
    APP_URL: baseUrl,
    MAIL_DIR: path.join(work, "mail"),
    UPLOAD_DIR: path.join(work, "uploads"),
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    // Browser tests post many tickets from one address; the limits themselves are covered by integration tests.
    RATE_LIMITS: "off",
  } as NodeJS.ProcessEnv;

  const prep = spawnSync(path.join(bin, "tsx"), ["scripts/prepare-db.ts"], { cwd: root, env, stdio: "inherit" });
  if (prep.status !== 0) process.exit(prep.status ?? 1);
  if (!process.env.E2E_SKIP_BUILD || !fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    const build = spawnSync(path.join(bin, "next"), ["build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const server: ChildProcess = spawn(path.join(bin, "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  const log = fs.createWriteStream(path.join(work, "server.log"));
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {}
  };
  process.on("exit", stop);
  let up = false;
  for (let i = 0; i < 120 && !up; i++) {
    await new Promise((r) => setTimeout(r, 500));
    up = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
  }
  if (!up) {
    console.error(`The server did not start; see ${path.join(work, "server.log")}`);
    stop();
    process.exit(1);
  }
  const run = spawnSync(path.join(bin, "vitest"), ["run", "--config", "vitest.e2e.config.mts", ...process.argv.slice(2)], {
    cwd: root, stdio: "inherit",
    env: { ...env, NODE_ENV: "test", E2E_BASE_URL: baseUrl, E2E_MAIL_DIR: env.MAIL_DIR, E2E_DATABASE_URL: env.DATABASE_URL },
  });
  stop();
  if (run.status !== 0) console.error(`Server log: ${path.join(work, "server.log")}`);
  process.exit(run.status ?? 1);
}

main();
