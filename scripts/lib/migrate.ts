// Applies migrations with `prisma migrate deploy` for the configured DATABASE_URL (SQLite or PostgreSQL).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** Runs `prisma migrate deploy`; creates the SQLite folder first. Throws with Prisma's output on failure. */
export function migrateDeploy(databaseUrl: string): void {
  if (databaseUrl.startsWith("file:")) {
    const p = databaseUrl.replace(/^file:/, "");
    if (p !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(root, p)), { recursive: true });
  }
  const bin = path.join(root, "node_modules", ".bin");
  try {
    execFileSync(path.join(bin, "prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PATH: `${bin}:${process.env.PATH}`,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed:\n${err.stdout ?? ""}${err.stderr ?? ""}`, { cause: e });
  }
}
