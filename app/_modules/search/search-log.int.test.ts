// The search log must survive bad input: one odd search may never cost the other searches of its batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";

let t: TestDb;
let svc: typeof import("./service");

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  svc = await import("./service");
});
afterAll(async () => {
  await t.drop();
});

const row = (id: string, query: string) => ({
  id,
  query,
  normalized: query,
  resultCount: 1,
  source: "portal",
  createdAt: new Date(),
});

describe(`search log (${process.env.TEST_DB ?? "sqlite"})`, () => {
  it("stores a search with a NUL byte or a lone surrogate cleanly, next to the other searches of its batch", async () => {
    const ids = [
      svc.logSearch({ query: "verlof aanvragen", resultCount: 2, source: "portal" }),
      svc.logSearch({ query: "x\u0000y", resultCount: 0, source: "api" }),
      svc.logSearch({ query: "te laat \uD800komen\u0007", resultCount: 1, source: "portal" }),
      svc.logSearch({ query: "schoolverzuim melden", resultCount: 3, source: "portal" }),
    ];
    await svc.flushSearchLog();
    const rows = await t.db.searchLog.findMany({ where: { id: { in: ids as string[] } } });
    expect(rows).toHaveLength(4);
    const byId = new Map(rows.map((r) => [r.id, r.query]));
    expect(byId.get(ids[1]!)).toBe("xy");
    expect(byId.get(ids[2]!)).toBe("te laat \uFFFDkomen");
  });

  it("isolates a row the database refuses: the others of the batch are stored", async () => {
    await svc.writeSearchLog([row("sl-taken-1", "eerste")]);
    const stored = await svc.writeSearchLog([
      row("sl-good-1", "leerplicht"),
      row("sl-taken-1", "dubbele sleutel"), // primary key already used: refused on both databases
      row("sl-good-2", "thuiszitters"),
    ]);
    expect(stored).toBe(2);
    const rows = await t.db.searchLog.findMany({
      where: { id: { in: ["sl-good-1", "sl-good-2", "sl-taken-1"] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.id, r.query])).toEqual([
      ["sl-good-1", "leerplicht"],
      ["sl-good-2", "thuiszitters"],
      ["sl-taken-1", "eerste"],
    ]);
  });

  it("isolates a row with a raw NUL that bypassed the cleaning (refused by PostgreSQL)", async () => {
    const stored = await svc.writeSearchLog([
      row("sl-nul-ok-1", "a"),
      row("sl-nul-bad", "x\u0000y"),
      row("sl-nul-ok-2", "b"),
    ]);
    const ok = await t.db.searchLog.count({ where: { id: { in: ["sl-nul-ok-1", "sl-nul-ok-2"] } } });
    expect(ok).toBe(2);
    expect(stored).toBeGreaterThanOrEqual(2);
  });
});
