// Real databases for integration tests: a fresh SQLite file per test file (default), or a fresh PostgreSQL
// database when TEST_DB=postgres (created per run, dropped after). Migrations are the real migration files.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db } from "@/app/_core/db";

const root = path.resolve(__dirname, "..", "..");
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDb = { db: Db; url: string; kind: "sqlite" | "postgres"; drop(): Promise<void> };

function migrationSql(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** Creates and migrates a fresh database of the kind TEST_DB asks for. */
export async function createTestDb(
  kind: "sqlite" | "postgres" = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite",
): Promise<TestDb> {
  const id = randomBytes(6).toString("hex");
  if (kind === "sqlite") {
    const dir = path.join(root, "tmp", "test-dbs");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${id}.db`);
    const raw = new Database(file);
    raw.pragma("journal_mode = WAL");
    for (const sql of migrationSql(path.join(root, "prisma", "migrations"))) raw.exec(sql);
    raw.close();
    const url = `file:${file}`;
    const db = createDb(url);
    return {
      db,
      url,
      kind,
      async drop() {
        await db.$disconnect();
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `portal_test_${id}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  for (const sql of migrationSql(path.join(root, "prisma", "postgres", "migrations"))) await c.query(sql);
  await c.end();
  const db = createDb(url);
  return {
    db,
    url,
    kind,
    async drop() {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Makes `db()` (the app's process-wide client) use this test database. */
export function useAsAppDb(t: TestDb): void {
  process.env.DATABASE_URL = t.url;
  (globalThis as unknown as { __portalDb?: Db }).__portalDb = t.db;
}
