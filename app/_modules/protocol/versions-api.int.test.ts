// Rule versions through the public API on seeded content (issue #19): a school rule with a new version from
// 1 August 2027 in the YAML; the evaluate and leave answers use the version in force and say which they applied.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as evaluateRoute } from "@/app/api/v1/protocol/evaluate/route";
import { POST as leaveRoute } from "@/app/api/v1/protocol/leave/route";
import { seedContent } from "@/app/_modules/content/seed";
import { contentResolver, renderBody } from "@/app/_modules/articles/service";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { clearProtocolCache, getProtocols } from "./store";
import { protocolOverview } from "./overview";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");

async function post(route: (r: Request) => Promise<Response>, body: unknown) {
  const res = await route(
    new Request("http://test/api/v1/protocol", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const late = (...dates: string[]) => dates.map((date) => ({ date, type: "late" }));

/** Ends the school's late-3 on 31 July 2027 and adds a version with 4 times from 1 August 2027. */
function addNextYearVersion(file: string) {
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf("  - id: late-3\n");
  const end = text.indexOf("\n  - id: ", start + 1);
  const rule = text.slice(start, end);
  const old = rule.replace("  - id: late-3\n", '  - id: late-3\n    validUntil: "2027-07-31"\n');
  const neu = rule
    .replace("  - id: late-3\n", '  - id: late-3\n    validFrom: "2027-08-01"\n')
    .replace("threshold: { count: 3 }", "threshold: { count: 4 }");
  expect(neu).not.toBe(rule);
  fs.writeFileSync(file, text.slice(0, start) + old + "\n" + neu + text.slice(end));
}

describe(`protocol versions in the API (${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "SQLite"})`, () => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDb();
    useAsAppDb(t);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "versions-content-"));
    fs.cpSync(CONTENT, dir, { recursive: true });
    addNextYearVersion(path.join(dir, "protocols", "stellingwerf-college.yaml"));
    await seedContent(t.db, { contentDir: dir, demoUsers: false });
    clearProtocolCache();
  });
  afterAll(async () => {
    clearProtocolCache();
    fs.rmSync(dir, { recursive: true, force: true });
    await t?.drop();
  });

  it("on 31 July 2027 three lates reach late-3 (old version), on 1 August the new version needs four", async () => {
    const july = await post(evaluateRoute, {
      asOf: "2027-07-30",
      events: late("2027-07-05", "2027-07-06", "2027-07-07"),
    });
    expect(july.status).toBe(200);
    expect((july.json.triggered as { id: string }[]).map((x) => x.id)).toEqual(["late-3"]);
    expect(july.json.protocolVersion).toEqual([
      { id: "stellingwerf-college@begin", validFrom: null, validUntil: "2027-07-31" },
    ]);

    const aug = await post(evaluateRoute, {
      asOf: "2027-08-31",
      events: late("2027-08-02", "2027-08-03", "2027-08-04"),
    });
    expect(aug.json.triggered).toEqual([]);
    expect(aug.json.protocolVersion).toEqual([
      { id: "stellingwerf-college@2027-08-01", validFrom: "2027-08-01", validUntil: null },
    ]);
    const four = await post(evaluateRoute, {
      asOf: "2027-08-31",
      events: late("2027-08-02", "2027-08-03", "2027-08-04", "2027-08-05"),
    });
    expect(four.json.triggered).toEqual([
      expect.objectContaining({
        id: "late-3",
        reachedOn: "2027-08-05",
        protocolVersion: "stellingwerf-college@2027-08-01",
      }),
    ]);
  });

  it("the leave answer names the version in force on the leave's first day", async () => {
    const r = await post(leaveRoute, { kind: "vakantieverlof", start: "2027-09-06", schoolDays: 3 });
    expect(r.status).toBe(200);
    expect(r.json.protocolVersion).toEqual([
      { id: "stellingwerf-college@2027-08-01", validFrom: "2027-08-01", validUntil: null },
    ]);
  });

  it("renders an article that embeds late-3 with the old number today and on 31 July 2027, the new on 1 August", async () => {
    const rows = await t.db.article.findMany({
      where: { status: "published" },
      select: { slug: true, body: true, protocolRuleIds: true },
      orderBy: { slug: "asc" },
    });
    const a = rows.find((r) => (JSON.parse(r.protocolRuleIds) as string[]).includes("late-3"));
    expect(a, "a published article embedding late-3").toBeDefined();
    const text = async (day?: string) =>
      (await renderBody(a!.body, await contentResolver(day))).replace(/<[^>]+>/g, " ");
    // "Today" is a fixed day in the school year before the change, so the test means the same after 1 August 2027.
    vi.useFakeTimers({ now: new Date("2027-03-15T12:00:00Z"), toFake: ["Date"] });
    try {
      for (const day of [undefined, "2027-07-31"]) {
        expect(await text(day), day ?? "today").toContain("3 keer te laat");
        expect(await text(day), day ?? "today").not.toContain("4 keer te laat");
      }
    } finally {
      vi.useRealTimers();
    }
    const next = await text("2027-08-01");
    expect(next).toContain("4 keer te laat");
    expect(next).not.toContain("3 keer te laat");
  });

  it("the editors' overview lists both versions of late-3 with their periods and the articles that render it", async () => {
    const overview = await protocolOverview(t.db, await getProtocols());
    const school = overview.find((p) => p.id === "stellingwerf-college")!;
    const rule = school.rules.find((r) => r.id === "late-3")!;
    expect(rule.versions.map((v) => [v.versionKey, v.validFrom, v.validUntil, v.thresholdText])).toEqual([
      ["late-3@begin", null, "2027-07-31", expect.stringContaining("3 keer")],
      ["late-3@2027-08-01", "2027-08-01", null, expect.stringContaining("4 keer")],
    ]);
    expect(rule.articles.length).toBeGreaterThan(0);
    expect(school.versions.map((v) => v.id)).toEqual(["stellingwerf-college@begin", "stellingwerf-college@2027-08-01"]);
  });
});
