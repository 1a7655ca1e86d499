// npm start — the embedded default on a fresh machine: creates, migrates and seeds the SQLite database,
// builds the app if no build exists, then runs `next start` and prints the URL and the demo accounts.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
process.chdir(root);
(process.env as Record<string, string>).NODE_ENV = "production";
process.env.DATABASE_URL ||= "file:./data/portal.db";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
process.env.AUTH_TRUST_HOST = "true";
const port = process.env.PORT || "3000";
process.env.APP_URL ||= `http://localhost:${port}`;

// A stable secret for the embedded setup, created once and kept out of git (data/ is ignored).
if (!process.env.AUTH_SECRET) {
  const file = path.join(root, "data", "auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function main() {
  const { env } = await import("@/app/_core/env");
  env(); // validate before doing anything; a wrong variable stops here with its name
  const { prepareDb } = await import("./prepare-db");
  console.log("Preparing the database…");
  await prepareDb();

  const bin = path.join(root, "node_modules", ".bin");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("No build found: running `next build` (about a minute)…");
    const r = spawnSync(path.join(bin, "next"), ["build"], { stdio: "inherit", env: process.env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }

  const child = spawn(path.join(bin, "next"), ["start", "-p", port], {
    stdio: "inherit",
    env: process.env,
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));

  const url = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {}
  }
  const { DEMO_USERS, DEMO_PASSWORD } = await import("@/app/_modules/content/demo-users");
  const { shouldSeedDemoUsers } = await import("@/app/_modules/content/seed");
  console.log(`\n  Portal running at ${url}\n`);
  if (shouldSeedDemoUsers(env())) {
    console.log(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS)
      console.log(
        `    ${u.role.padEnd(6)} ${u.email.padEnd(28)} ${u.desks.length ? `desks: ${u.desks.join(", ")}` : ""}`,
      );
    console.log("");
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
