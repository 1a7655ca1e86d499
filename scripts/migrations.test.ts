// `prisma migrate deploy` through the pg driver adapter (prisma.config.ts) splits a migration into statements on
// every ";" — also inside "--" comments — and an apostrophe in a comment can open a string. Either breaks the
// deploy on PostgreSQL (seen: "syntax error at or near existing"), while the integration tests, which send each file
// whole, still pass. So comments in migrations carry neither.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const files = ["prisma/migrations", "prisma/postgres/migrations"].flatMap((dir) =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, "migration.sql")),
);

describe("migration files", () => {
  it.each(files.filter((f) => f.includes("postgres")))("%s has no ; or ' in a comment", (file) => {
    const bad = fs
      .readFileSync(path.join(root, file), "utf8")
      .split("\n")
      .filter((l) => l.trimStart().startsWith("--") && /[;']/.test(l));
    expect(bad).toEqual([]);
  });
});
