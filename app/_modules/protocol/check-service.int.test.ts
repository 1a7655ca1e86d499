import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/app/_core/errors";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { articlesForRules } from "./articles-for-rules";
import { runDetailedCheck, runLeaveCheck, runQuickCheck } from "./check-service";
import { detailedCheckSchema, leaveCheckSchema, quickCheckSchema } from "./check-forms";
import { clearProtocolCache, getProtocols } from "./store";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");

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

const quick = (patch: Record<string, string>) =>
  quickCheckSchema.parse({
    protocol: "stellingwerf-college",
    late: "",
    truancy: "",
    sickHours: "",
    unexcusedHoursLast4Weeks: "",
    weeksAbsentInARow: "",
    ...patch,
  });

describe("articlesForRules", () => {
  it("lists only published articles whose protocolRuleIds include the rule", async () => {
    const map = await articlesForRules(t.db, ["unexcused-16h-4w", "late-3", "no-such-rule", "Bad Id"], { limit: 50 });
    const published = await t.db.article.findMany({
      where: { status: "published" },
      select: { slug: true, protocolRuleIds: true },
    });
    const expected = (id: string) =>
      published
        .filter((a) => (JSON.parse(a.protocolRuleIds) as string[]).includes(id))
        .map((a) => a.slug)
        .sort();
    expect(map["unexcused-16h-4w"].map((a) => a.slug).sort()).toEqual(expected("unexcused-16h-4w"));
    expect(map["unexcused-16h-4w"].length).toBeGreaterThan(3);
    expect(map["late-3"].map((a) => a.slug)).toEqual(expected("late-3"));
    expect(map["late-3"].map((a) => a.slug)).toContain("te-laat-komen");
    expect(map["no-such-rule"]).toEqual([]);
    expect(map["Bad Id"]).toEqual([]);
  });

  it("keeps the limit, puts focused FAQ articles first, and skips unpublished ones", async () => {
    const top = await articlesForRules(t.db, ["unexcused-16h-4w"]);
    expect(top["unexcused-16h-4w"]).toHaveLength(3);
    const slug = top["unexcused-16h-4w"][0].slug;
    await t.db.article.update({ where: { slug }, data: { status: "archived" } });
    try {
      const after = await articlesForRules(t.db, ["unexcused-16h-4w"], { limit: 50 });
      expect(after["unexcused-16h-4w"].map((a) => a.slug)).not.toContain(slug);
    } finally {
      await t.db.article.update({ where: { slug }, data: { status: "published" } });
    }
  });

  it("does not match a rule id that is a prefix of another id", async () => {
    const a = await t.db.article.findFirstOrThrow({ where: { status: "published", slug: "te-laat-komen" } });
    const saved = a.protocolRuleIds;
    await t.db.article.update({ where: { id: a.id }, data: { protocolRuleIds: JSON.stringify(["late-30"]) } });
    try {
      const map = await articlesForRules(t.db, ["late-3"], { limit: 50 });
      expect(map["late-3"].map((x) => x.slug)).not.toContain("te-laat-komen");
    } finally {
      await t.db.article.update({ where: { id: a.id }, data: { protocolRuleIds: saved } });
    }
  });
});

describe("runQuickCheck", () => {
  it("9 times late and 17 unauthorised hours in 3 weeks: late-9 is due, and the legal duty to report", async () => {
    const r = await runQuickCheck(t.db, await getProtocols(), quick({ late: "9", unexcusedHoursLast4Weeks: "17" }));
    expect(r.steps.map((s) => s.id)).toEqual(["late-3", "late-6", "late-9", "unexcused-16h-4w"]);
    expect(r.steps.filter((s) => s.current).map((s) => s.id)).toEqual(["late-9", "unexcused-16h-4w"]);
    const late9 = r.steps.find((s) => s.id === "late-9")!;
    expect(late9).toMatchObject({
      basis: "school",
      basisBadge: "Schoolbeleid Stellingwerf College",
      thresholdText: "9 keer te laat",
      source: { label: expect.stringContaining("Verzuimbeleid Stellingwerf College") },
    });
    expect(late9.actions.map((a) => a.actor)).toContain("Afdelingsleider");
    expect(r.legalDuty.map((s) => s.id)).toEqual(["unexcused-16h-4w"]);
    expect(r.legalDuty[0]).toMatchObject({
      basis: "law",
      basisBadge: "Wet",
      source: { url: "https://www.onderwijsinspectie.nl/onderwerpen/registreren-en-melden-van-ongeoorloofd-verzuim" },
    });
    expect(r.legalDuty[0].actions[0].action).toMatch(/vo en mbo via hun administratiepakket of het verzuimloket/);
    expect(r.legalDuty[0].articles.length).toBeGreaterThan(0);
    expect(r.totals).toEqual({ late: 9, truancy: 0, maxUnexcusedHours28d: 17, sickHours: 0 });
  });

  it("5 weeks away: the law's LRV report and the school's thuiszittersteam are two separate current steps", async () => {
    const r = await runQuickCheck(t.db, await getProtocols(), quick({ weeksAbsentInARow: "5" }));
    expect(r.steps.map((s) => [s.id, s.basis, s.current])).toEqual([
      ["lrv-over-4w", "law", true],
      ["unexcused-4w-continuous", "school", true],
    ]);
    expect(r.legalDuty.map((s) => s.id)).toEqual(["lrv-over-4w"]);
  });

  it("under every threshold: no steps and no legal duty", async () => {
    const r = await runQuickCheck(
      t.db,
      await getProtocols(),
      quick({ late: "2", unexcusedHoursLast4Weeks: "15,5", sickHours: "29" }),
    );
    expect(r.steps).toEqual([]);
    expect(r.legalDuty).toEqual([]);
  });

  it("the leerplichtwet protocol has only the law's rules", async () => {
    const r = await runQuickCheck(
      t.db,
      await getProtocols(),
      quick({
        protocol: "leerplichtwet",
        late: "12",
        truancy: "9",
        sickHours: "100",
        unexcusedHoursLast4Weeks: "20",
        weeksAbsentInARow: "5",
      }),
    );
    expect(r.steps.map((s) => s.id)).toEqual(["unexcused-16h-4w", "lrv-over-4w"]);
    expect(r.steps.every((s) => s.basis === "law")).toBe(true);
  });

  it("refuses an unknown protocol on the protocol field", async () => {
    const err = await runQuickCheck(t.db, await getProtocols(), quick({ protocol: "constructor" })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues[0].path).toBe("protocol");
  });
});

describe("runDetailedCheck", () => {
  it("evaluates pasted spreadsheet lines with the day each step was reached", async () => {
    const input = detailedCheckSchema.parse({
      protocol: "stellingwerf-college",
      asOf: "2026-03-20",
      events: [{ date: "2026-03-09", type: "late", hours: "" }],
      pasted: [
        "Datum;Soort;Uren",
        "2-3-2026;te laat;",
        "3-3-2026;laat",
        "02-03-2026;ongeoorloofd;6",
        "4-3-2026\tgespijbeld\t5,5",
        "2026-03-05,ongeoorloofd,4,5",
        "6-3-2026;ziek;6",
        "1-4-2026;ziek;8",
      ].join("\n"),
      holidays: [],
    });
    const r = await runDetailedCheck(t.db, await getProtocols(), input);
    expect(r.totals).toEqual({ late: 3, truancy: 3, maxUnexcusedHours28d: 16, sickHours: 6 });
    expect(r.eventCount).toBe(7);
    expect(r.steps.map((s) => [s.id, s.reachedOn])).toEqual([
      ["late-3", "2026-03-09"],
      ["truancy-3", "2026-03-05"],
      ["unexcused-16h-4w", "2026-03-05"],
    ]);
    expect(r.legalDuty.map((s) => s.id)).toEqual(["unexcused-16h-4w"]);
  });
});

describe("runLeaveCheck", () => {
  const leave = (patch: Record<string, unknown>) =>
    leaveCheckSchema.parse({
      protocol: "stellingwerf-college",
      kind: "vakantieverlof",
      start: "2026-05-11",
      end: "",
      schoolDays: "5",
      summerStart: "",
      summerEnd: "",
      earlierVakantieverlofThisYear: false,
      adjoinsSchoolHoliday: false,
      earlierGewichtigeSchoolDays: "",
      ...patch,
    });

  it("vakantieverlof of 5 days in May: allowed, the afdelingsleider decides", async () => {
    const r = await runLeaveCheck(t.db, await getProtocols(), leave({}));
    expect(r).toMatchObject({
      allowed: true,
      decidedBy: "afdelingsleider",
      period: { first: "2026-05-11", last: "2026-05-15", schoolDays: 5 },
    });
    expect(r.deciderLabel).toMatch(/afdelingsleider/);
    expect(r.rules.map((x) => x.id)).toEqual(["leave-vakantie"]);
  });

  it("a second vakantieverlof in the same school year is refused, with the reason", async () => {
    const r = await runLeaveCheck(t.db, await getProtocols(), leave({ earlierVakantieverlofThisYear: true }));
    expect(r.allowed).toBe(false);
    expect(r.decidedBy).toBeNull();
    expect(r.reasons.join(" ")).toMatch(/1 keer per schooljaar/);
  });

  it("more than 10 days of gewichtige omstandigheden goes to the leerplichtambtenaar", async () => {
    const r = await runLeaveCheck(
      t.db,
      await getProtocols(),
      leave({ kind: "gewichtige-omstandigheden", schoolDays: "12" }),
    );
    expect(r).toMatchObject({ allowed: true, decidedBy: "leerplichtambtenaar" });
  });

  it("the school's stricter summer rule applies only under the school protocol", async () => {
    const summer = { start: "2026-06-22", schoolDays: "3", summerStart: "2026-07-04", summerEnd: "2026-08-16" };
    expect((await runLeaveCheck(t.db, await getProtocols(), leave(summer))).allowed).toBe(false);
    expect(
      (await runLeaveCheck(t.db, await getProtocols(), leave({ ...summer, protocol: "leerplichtwet" }))).allowed,
    ).toBe(true);
  });
});
