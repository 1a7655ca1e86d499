// The embedded default's in-process SQLite migrator must leave exactly what `prisma migrate deploy` leaves: the same
// schema and the same `_prisma_migrations` records, which the Prisma CLI then reads as up to date.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrateSqlite } from "./lib/migrate";

const root = path.resolve(__dirname, "..");
const prisma = (args: string[], file: string) =>
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
const read = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};
const schemaOf = (file: string) =>
  read(file, `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> '_prisma_migrations' ORDER BY name`);
const recordsOf = (file: string) =>
  read(
    file,
    `SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished, logs
       FROM _prisma_migrations ORDER BY migration_name`,
  );

describe("SQLite migrations in-process", () => {
  it("leave the schema and records prisma migrate deploy leaves, and Prisma reads them as up to date", () => {
    const ours = path.join(tmp, "ours.db");
    const theirs = path.join(tmp, "theirs.db");
    expect(migrateSqlite(ours)).toBe("done");
    prisma(["migrate", "deploy"], theirs);
    expect(schemaOf(ours).length).toBeGreaterThan(20);
    expect(schemaOf(ours)).toEqual(schemaOf(theirs));
    expect(recordsOf(ours)).toEqual(recordsOf(theirs));
    expect(prisma(["migrate", "status"], ours)).toMatch(/Database schema is up to date/);
    expect(prisma(["migrate", "deploy"], ours)).toMatch(/No pending migrations/);
  }, 60_000);

  it("apply only what is pending, once", () => {
    const all = path.join(root, "prisma", "migrations");
    const names = fs.readdirSync(all).filter((n) => fs.existsSync(path.join(all, n, "migration.sql")));
    const older = path.join(tmp, "older");
    for (const n of names.slice(0, 3)) fs.cpSync(path.join(all, n), path.join(older, n), { recursive: true });
    const file = path.join(tmp, "pending.db");
    migrateSqlite(file, older);
    expect(recordsOf(file)).toHaveLength(3);
    migrateSqlite(file);
    migrateSqlite(file);
    expect(recordsOf(file)).toHaveLength(names.length);
    const fresh = path.join(tmp, "fresh.db");
    migrateSqlite(fresh);
    expect(schemaOf(file)).toEqual(schemaOf(fresh));
  });

  it("leave a failed migration recorded as failed, and leave judging it to Prisma afterwards", () => {
    const dir = path.join(tmp, "broken");
    fs.mkdirSync(path.join(dir, "20990101000000_broken"), { recursive: true });
    fs.writeFileSync(path.join(dir, "20990101000000_broken", "migration.sql"), "CREATE TABLE t (a);\nNOT SQL;\n");
    const file = path.join(tmp, "broken.db");
    expect(() => migrateSqlite(file, dir)).toThrow(/Migration 20990101000000_broken failed/);
    expect(recordsOf(file)).toEqual([expect.objectContaining({ finished: 0, logs: expect.stringMatching(/syntax/) })]);
    expect(migrateSqlite(file, dir)).toBe("fallback");
  });
});
