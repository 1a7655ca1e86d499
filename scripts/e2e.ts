// npm run test:e2e — builds the app, starts `next start` on a fresh SQLite database with the demo content, and
// runs the browser suite (tests/e2e/*.e2e.ts, playwright-core + Debian chromium) against it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, freePort, root, startNext, type RunningServer } from "./lib/server";

const work = path.resolve(root, process.env.E2E_WORK ?? path.join("tmp", "e2e"));
const distDir = process.env.NEXT_DIST_DIR || ".next";

async function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const port = Number(process.env.E2E_PORT) || (await freePort());
  // The e-mail channel's embedded SMTP receiver runs in the server as with `npm start`, on a free port (2525 may be
  // taken by another server on this machine); tests/e2e/mail.e2e.ts sends mail to it.
  const smtpPort = Number(process.env.E2E_SMTP_PORT) || (await freePort());
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
    // The webhook browser test's receiver listens on 127.0.0.1 (refused in production without this).
    WEBHOOK_ALLOW_PRIVATE: "on",
    // The demo data is on, as on a fresh `npm start`: both desks have tickets with the same numbers, which is what
    // a transfer must cope with (tests/e2e/transfer.e2e.ts). Tests that need their own tickets make them.
    SEED_DEMO_DATA: "on",
    INBOUND_SMTP: "on",
    INBOUND_SMTP_HOST: "127.0.0.1",
    INBOUND_SMTP_PORT: String(smtpPort),
  } as NodeJS.ProcessEnv;

  const prep = spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (prep.status !== 0) process.exit(prep.status ?? 1);
  if (!process.env.E2E_SKIP_BUILD || !fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    const build = spawnSync(path.join(bin, "next"), ["build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  let server: RunningServer;
  try {
    server = await startNext({ port, env, logFile: path.join(work, "server.log") });
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const stop = () => server.stop();
  process.on("exit", stop);
  const run = spawnSync(
    path.join(bin, "vitest"),
    ["run", "--config", "vitest.e2e.config.mts", ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...env,
        NODE_ENV: "test",
        E2E_BASE_URL: baseUrl,
        E2E_MAIL_DIR: env.MAIL_DIR,
        E2E_DATABASE_URL: env.DATABASE_URL,
        E2E_SMTP_PORT: String(smtpPort),
      },
    },
  );
  stop();
  if (run.status !== 0) console.error(`Server log: ${path.join(work, "server.log")}`);
  process.exit(run.status ?? 1);
}

main();
