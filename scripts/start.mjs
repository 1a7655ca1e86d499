// npm start — the embedded default on a fresh machine: creates, migrates and seeds the SQLite database (a short-lived
// child process), builds the app if no build exists, then runs Next.js's own `next start` in THIS process, so the
// server is the only long-lived process beside npm (no tsx or launcher process kept alive next to it).
// Plain JavaScript on purpose: no TypeScript loader stays resident.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NODE_ENV = "production";
process.env.DATABASE_URL ||= "file:./data/portal.db";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
process.env.AUTH_TRUST_HOST = "true";
const port = process.env.PORT || "3000";
process.env.PORT = port;
process.env.APP_URL ||= `http://localhost:${port}`;

// A stable secret for the embedded setup, created once and kept out of git (data/ is ignored).
if (!process.env.AUTH_SECRET) {
  const file = path.join(root, "data", "auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

const bin = path.join(root, "node_modules", ".bin");
const run = (cmd, args) => {
  const r = spawnSync(path.join(bin, cmd), args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// Validates the environment (a wrong variable stops here with its name), migrates, seeds, prints the demo accounts.
run("tsx", ["--conditions=react-server", "scripts/prepare-db.ts", "--start"]);
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No build found: running `next build` (about a minute)…");
  run("next", ["build"]);
}

// Next.js's own CLI, in this process: `next start -p PORT`.
process.argv = [process.argv[0], path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port];
await import("next/dist/bin/next");

const url = `http://localhost:${port}`;
for (let i = 0; i < 240; i++) {
  try {
    if ((await fetch(`${url}/api/health`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 250));
}
console.log(`\n  Portal running at ${url}\n`);
