// Applies migrations for the configured DATABASE_URL. PostgreSQL: `prisma migrate deploy`. SQLite (the embedded
// default): the same migration files applied in-process with better-sqlite3 and recorded in Prisma's own
// `_prisma_migrations` table in Prisma's format, so the Prisma CLI sees the database as migrated — starting the
// Prisma CLI alone takes seconds, which is most of a fresh start. Anything unusual (a failed or unknown migration
// in the table) goes to `prisma migrate deploy`, which explains it in its own words.
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const root = path.resolve(__dirname, "..", "..");
const SQLITE_MIGRATIONS = path.join(root, "prisma", "migrations");

/** Applies pending migrations; creates the SQLite folder first. Throws with the tool's output on failure. */
export function migrateDeploy(databaseUrl: string): void {
  if (databaseUrl.startsWith("file:")) {
    const p = databaseUrl.replace(/^file:/, "");
    if (p !== ":memory:") {
      const file = path.resolve(root, p);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (migrateSqlite(file) === "done") return;
    }
  }
  prismaMigrateDeploy(databaseUrl);
}

/** Prisma's migrations table for SQLite, exactly as its schema engine creates it. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Prisma's timestamp text for SQLite ("2026-12-07T17:41:55.963+00:00"). */
const stamp = () => new Date().toISOString().replace("Z", "+00:00");

/**
 * Applies the SQLite migrations not yet recorded, in name order, each as Prisma does (the whole script, then one
 * row with its sha256 checksum). Returns "fallback" when the table holds something only Prisma should judge.
 */
export function migrateSqlite(file: string, dir = SQLITE_MIGRATIONS): "done" | "fallback" {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 10000");
    // The portal runs the file in WAL mode (app/_core/db.ts); set it here first, so commits do not each wait on a sync.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec(MIGRATIONS_TABLE);
    const rows = db
      .prepare(
        `SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations`,
      )
      .all() as { name: string; finished: string | null; rolledBack: string | null }[];
    const live = rows.filter((r) => !r.rolledBack);
    if (live.some((r) => !r.finished || !names.includes(r.name))) return "fallback";
    const applied = new Set(live.map((r) => r.name));
    for (const name of names.filter((n) => !applied.has(n))) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const id = randomUUID();
      const checksum = createHash("sha256").update(sql).digest("hex");
      db.prepare(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)`).run(
        id,
        checksum,
        name,
        stamp(),
      );
      try {
        // One transaction per file where the file allows it (PRAGMA foreign_keys is ignored inside one, so a file
        // that redefines tables runs as Prisma runs it): all or nothing, and one sync instead of one per statement.
        if (/PRAGMA\s+foreign_keys/i.test(sql)) db.exec(sql);
        else db.transaction(() => db.exec(sql))();
      } catch (e) {
        db.prepare(`UPDATE _prisma_migrations SET logs = ? WHERE id = ?`).run(String(e), id);
        throw new Error(`Migration ${name} failed: ${e instanceof Error ? e.message : e}`, { cause: e });
      }
      db.prepare(`UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(
        stamp(),
        id,
      );
    }
    return "done";
  } finally {
    db.close();
  }
}

function prismaMigrateDeploy(databaseUrl: string): void {
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
