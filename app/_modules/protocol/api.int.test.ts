// The public protocol API on the seeded content: the law's LRV rule, the 4-lesweken window and the school's
// own leave rule, with whose rule each answer is and where it comes from.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as evaluateRoute } from "@/app/api/v1/protocol/evaluate/route";
import { POST as leaveRoute } from "@/app/api/v1/protocol/leave/route";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { clearProtocolCache } from "./store";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");

type Triggered = {
  id: string;
  basis: string;
  basisText: string;
  source: { label: string; url?: string };
  reachedOn: string;
};

async function post(route: (r: Request) => Promise<Response>, url: string, body: unknown) {
  const res = await route(
    new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const evaluate = (body: unknown) => post(evaluateRoute, "http://test/api/v1/protocol/evaluate", body);
const leave = (body: unknown) => post(leaveRoute, "http://test/api/v1/protocol/leave", body);

/** One unexcused event of 6 hours on every weekday from `from` to `to`. */
function schoolDays(from: string, to: string) {
  const out: { date: string; type: "unexcused"; hours: number }[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6)
      out.push({ date: d.toISOString().slice(0, 10), type: "unexcused", hours: 6 });
  return out;
}

describe(`POST /api/v1/protocol/* on the corrected protocols (${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "SQLite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    useAsAppDb(t);
    await seedContent(t.db, { contentDir: CONTENT, demoUsers: false });
    clearProtocolCache();
  });
  afterAll(async () => {
    clearProtocolCache();
    await t?.drop();
  });

  it("21 school days away around a holiday week: the law's LRV report (legal duty), apart from the school's thuiszittersteam", async () => {
    const events = [...schoolDays("2026-02-02", "2026-02-13"), ...schoolDays("2026-02-23", "2026-03-09")];
    const { status, json } = await evaluate({
      asOf: "2026-03-09",
      events,
      holidays: [{ start: "2026-02-16", end: "2026-02-20" }],
    });
    expect(status).toBe(200);
    const triggered = json.triggered as Triggered[];
    const lrv = triggered.find((x) => x.id === "lrv-over-4w")!;
    expect(lrv).toMatchObject({ basis: "law", basisText: "Wet", reachedOn: "2026-03-09" });
    expect(lrv.source.url).toMatch(/^https:\/\/www\.duo\.nl\//);
    expect(triggered.find((x) => x.id === "unexcused-4w-continuous")).toMatchObject({
      basis: "school",
      basisText: "Schoolbeleid Stellingwerf College",
    });
    expect(json.legalDuty).toBe(true);
    // The law alone has the LRV rule too, and not the school's.
    const law = await evaluate({
      protocol: "leerplichtwet",
      asOf: "2026-03-09",
      events,
      holidays: [{ start: "2026-02-16", end: "2026-02-20" }],
    });
    expect((law.json.triggered as Triggered[]).map((x) => x.id)).toEqual(["unexcused-16h-4w", "lrv-over-4w"]);
  });

  it("the 16-hour window skips a holiday week given Monday to Friday (4 lesweken, not 28 calendar days)", async () => {
    const body = (early: string) => ({
      protocol: "leerplichtwet",
      asOf: "2026-02-25",
      holidays: [{ start: "2026-02-16", end: "2026-02-20" }],
      events: [
        { date: early, type: "unexcused", hours: 4 },
        { date: "2026-02-23", type: "unexcused", hours: 4 },
        { date: "2026-02-24", type: "unexcused", hours: 4 },
        { date: "2026-02-25", type: "unexcused", hours: 4 },
      ],
    });
    expect(((await evaluate(body("2026-01-22"))).json.triggered as Triggered[]).map((x) => x.id)).toEqual([
      "unexcused-16h-4w",
    ]);
    expect(((await evaluate(body("2026-01-21"))).json.triggered as Triggered[]).map((x) => x.id)).toEqual([]);
  });

  it("leave next to a school holiday: refused by the school's own rule, not by the law", async () => {
    const request = { kind: "vakantieverlof", start: "2026-05-11", schoolDays: 5, adjoinsSchoolHoliday: true };
    const school = await leave({ ...request, protocol: "stellingwerf-college" });
    expect(school.status).toBe(200);
    expect(school.json).toMatchObject({ allowed: false, rules: ["leave-luxe"] });
    expect((school.json.reasons as string[])[0]).toContain("eigen beleid van Stellingwerf College");
    const law = await leave({ ...request, protocol: "leerplichtwet" });
    expect(law.json).toMatchObject({ allowed: true, decidedBy: "afdelingsleider", rules: ["leave-vakantie"] });
  });
});
