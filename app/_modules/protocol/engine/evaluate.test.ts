import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CountingRule, type ResolvedProtocol } from "./definition";
import { dayOf, isoOf, isWeekday } from "./dates";
import {
  checkLeave,
  evaluateAbsence,
  evaluateCounts,
  leaveDays,
  type AbsenceEvent,
  type LeaveRequest,
} from "./evaluate";
import { loadProtocolsFromDir } from "../load";
import { parseEvaluateRequest, parseLeaveRequest } from "../schema";

const here = path.dirname(fileURLToPath(import.meta.url));
const protocols = loadProtocolsFromDir(path.resolve(here, "../../../../content/protocols"));
const school = protocols["stellingwerf-college"];
const law = protocols["leerplichtwet"];
import { BENCH_DIR as BENCH, hasBenchFile } from "@/tests/helpers/bench";

// --- event builders --------------------------------------------------------------------------
const late = (date: string): AbsenceEvent => ({ date, type: "late" });
const unx = (date: string, hours = 0): AbsenceEvent => ({ date, type: "unexcused", hours });
const sick = (date: string, hours: number): AbsenceEvent => ({ date, type: "sick", hours });
const addDays = (date: string, n: number) => isoOf(dayOf(date) + n);
/** One event per weekday from `from` to `to` inclusive, except the dates in `skip`. */
function weekdays(from: string, to: string, make: (d: string) => AbsenceEvent, skip: string[] = []): AbsenceEvent[] {
  const out: AbsenceEvent[] = [];
  for (let d = dayOf(from); d <= dayOf(to); d++) if (isWeekday(d) && !skip.includes(isoOf(d))) out.push(make(isoOf(d)));
  return out;
}
const ids = (p: ResolvedProtocol, asOf: string, events: AbsenceEvent[], holidays?: { start: string; end: string }[]) =>
  evaluateAbsence(p, { asOf, events, holidays }).triggered.map((t) => t.id);

describe("the protocol data matches the spec", () => {
  it.each([
    ["late-3", "late", { count: 3 }, "school"],
    ["late-6", "late", { count: 6 }, "school"],
    ["late-9", "late", { count: 9 }, "school"],
    ["late-10", "late", { count: 10 }, "school"],
    ["truancy-3", "truancy", { count: 3 }, "school"],
    ["truancy-5", "truancy", { count: 5 }, "school"],
    ["truancy-7", "truancy", { count: 7 }, "school"],
    ["truancy-9", "truancy", { count: 9 }, "school"],
    ["unexcused-16h-4w", "unexcused-hours", { hours: 16, windowDays: 28 }, "law"],
    ["unexcused-4w-continuous", "continuous-absence", { windowDays: 28 }, "school"],
    ["lrv-over-4w", "continuous-absence", { schoolDays: 21 }, "law"],
    ["sick-30h", "sick-hours", { hours: 30 }, "school"],
    ["sick-60h", "sick-hours", { hours: 60 }, "school"],
    ["sick-90h", "sick-hours", { hours: 90 }, "school"],
    ["leave-vakantie", "leave", { maxSchoolDays: 10 }, "school"],
    ["leave-gewichtig-10", "leave", { maxSchoolDays: 10 }, "law"],
    ["leave-gewichtig-over-10", "leave", { moreThanSchoolDays: 10 }, "law"],
    ["leave-luxe", "leave", undefined, "school"],
  ])("%s: %s %j (%s)", (id, kind, threshold, basis) => {
    const rule = school.rules.find((r) => r.id === id);
    expect(rule).toBeDefined();
    expect(rule!.kind).toBe(kind);
    expect(rule!.threshold).toEqual(threshold);
    expect(rule!.basis).toBe(basis);
  });

  it("leerplichtwet holds only law rules, and no school ladders", () => {
    expect(law.rules.every((r) => r.basis === "law")).toBe(true);
    expect(law.rules.map((r) => r.id).sort()).toEqual(
      ["leave-gewichtig-10", "leave-gewichtig-over-10", "leave-vakantie", "lrv-over-4w", "unexcused-16h-4w"].sort(),
    );
  });
});

describe("every ladder step: exactly at its threshold triggers, one below does not (thresholds read from the data)", () => {
  const asOf = "2026-06-30";
  // Spreads n units over distinct weekdays from 1 February, so the rolling window of 28 days holds them all
  // as long as there are at most 20; hour rules use 4 events.
  const countEvents = (kind: "late" | "truancy", n: number) =>
    weekdays("2026-02-02", "2026-06-30", (d) => (kind === "late" ? late(d) : unx(d, 0))).slice(0, n);
  const hourEvents = (kind: "unexcused-hours" | "sick-hours", hours: number) =>
    ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05"].map((d) =>
      kind === "sick-hours" ? sick(d, hours / 4) : unx(d, hours / 4),
    );
  const cases: [string, AbsenceEvent[], AbsenceEvent[]][] = school.rules
    .filter(
      (r): r is Exclude<CountingRule, { kind: "continuous-absence" }> & { definedIn: string } =>
        r.kind !== "leave" && r.kind !== "continuous-absence",
    )
    .map((rule) => {
      if (rule.kind === "late" || rule.kind === "truancy")
        return [
          rule.id,
          countEvents(rule.kind, rule.threshold.count),
          countEvents(rule.kind, rule.threshold.count - 1),
        ];
      const h = rule.threshold.hours;
      return [rule.id, hourEvents(rule.kind, h), hourEvents(rule.kind, h - 1)];
    });

  it("covers every counting rule of the default protocol", () => {
    expect(cases.map((c) => c[0]).sort()).toEqual(
      [
        "late-3",
        "late-6",
        "late-9",
        "late-10",
        "truancy-3",
        "truancy-5",
        "truancy-7",
        "truancy-9",
        "unexcused-16h-4w",
        "sick-30h",
        "sick-60h",
        "sick-90h",
      ].sort(),
    );
  });

  it.each(cases)("%s", (id, atThreshold, oneBelow) => {
    expect(ids(school, asOf, atThreshold)).toContain(id);
    expect(ids(school, asOf, oneBelow)).not.toContain(id);
  });

  it.each([
    [2, []],
    [3, ["late-3"]],
    [5, ["late-3"]],
    [6, ["late-3", "late-6"]],
    [8, ["late-3", "late-6"]],
    [9, ["late-3", "late-6", "late-9"]],
    [10, ["late-3", "late-6", "late-9", "late-10"]],
    [25, ["late-3", "late-6", "late-9", "late-10"]],
  ])("%i times late → %j", (n, expected) => {
    expect(ids(school, asOf, countEvents("late", n))).toEqual(expected);
  });

  it.each([
    [29.5, []],
    [30, ["sick-30h"]],
    [59, ["sick-30h"]],
    [60, ["sick-30h", "sick-60h"]],
    [90, ["sick-30h", "sick-60h", "sick-90h"]],
  ])("%f sick hours → %j", (h, expected) => {
    expect(ids(school, asOf, hourEvents("sick-hours", h))).toEqual(expected);
  });

  it("reports the day a step was reached", () => {
    const r = evaluateAbsence(school, {
      asOf,
      events: [late("2026-03-02"), late("2026-03-10"), late("2026-03-05"), late("2026-04-01")],
    });
    expect(r.triggered.find((t) => t.id === "late-3")?.reachedOn).toBe("2026-03-10");
  });
});

describe("unauthorised hours in a sliding window of 28 days", () => {
  it.each([
    ["second event on day 28 of the window", "2026-03-01", true, 16],
    ["second event on day 29", "2026-03-02", false, 8],
  ])("%s", (_name, second, expected, max) => {
    const r = evaluateAbsence(school, { asOf: "2026-03-20", events: [unx("2026-02-02", 8), unx(second, 8)] });
    expect(r.triggered.some((t) => t.id === "unexcused-16h-4w")).toBe(expected);
    expect(r.legalDuty).toBe(expected);
    expect(r.totals.maxUnexcusedHours28d).toBe(max);
  });

  it("checks every window end, not only the one ending on asOf, and stays triggered", () => {
    const r = evaluateAbsence(school, { asOf: "2026-06-30", events: [unx("2025-09-08", 10), unx("2025-09-15", 6)] });
    expect(r.triggered.find((t) => t.id === "unexcused-16h-4w")?.reachedOn).toBe("2025-09-15");
    expect(r.legalDuty).toBe(true);
  });

  it("15.5 hours is below 16, decimals add up exactly", () => {
    const tenths = Array.from({ length: 160 }, (_, i) => unx(addDays("2026-02-02", i % 20), 0.1));
    expect(ids(law, "2026-03-20", tenths)).toEqual(["unexcused-16h-4w"]);
    expect(ids(law, "2026-03-20", [unx("2026-02-02", 7.75), unx("2026-02-03", 7.75)])).toEqual([]);
  });

  // A holiday week inside the window: the window is 28 non-holiday days, so it spans 35 calendar days.
  const krokus = [{ start: "2026-02-16", end: "2026-02-22" }];
  it.each([
    ["no holidays, second event 33 days later", "2026-03-06", undefined, false],
    ["holiday week inside, 33 days later", "2026-03-06", krokus, true],
    ["holiday week inside, day 35 of the span", "2026-03-08", krokus, true],
    ["holiday week inside, day 36 of the span", "2026-03-09", krokus, false],
  ])("%s", (_name, second, holidays, expected) => {
    expect(ids(law, "2026-03-20", [unx("2026-02-02", 8), unx(second, 8)], holidays).includes("unexcused-16h-4w")).toBe(
      expected,
    );
  });
});

describe("the 16-hour window is 4 lesweken: weeks without a school day are skipped whole, others count whole", () => {
  const hit = (events: AbsenceEvent[], asOf: string, holidays?: { start: string; end: string }[]) =>
    ids(law, asOf, events, holidays).includes("unexcused-16h-4w");
  // 12 hours in the week after the krokus holiday (Mon 23 – Wed 25 February 2026), asOf that Wednesday.
  const after = [unx("2026-02-23", 4), unx("2026-02-24", 4), unx("2026-02-25", 4)];
  const monFri = [{ start: "2026-02-16", end: "2026-02-20" }];
  const satSun = [{ start: "2026-02-14", end: "2026-02-22" }];

  it.each([
    ["holiday given Monday–Friday: Thursday 22 January is inside the 4 lesweken", monFri, "2026-01-22", true],
    ["holiday given Monday–Friday: Wednesday 21 January is outside", monFri, "2026-01-21", false],
    ["holiday given Saturday–Sunday: the same window (Thursday inside)", satSun, "2026-01-22", true],
    ["holiday given Saturday–Sunday: the same window (Wednesday outside)", satSun, "2026-01-21", false],
    ["no holiday given: 28 calendar days, so 22 January is outside", undefined, "2026-01-22", false],
  ])("%s", (_name, holidays, early, expected) => {
    expect(hit([unx(early, 4), ...after], "2026-02-25", holidays)).toBe(expected);
  });

  it("a single day off (Koningsdag) is no holiday week: it does not stretch the window", () => {
    const koningsdag = [{ start: "2026-04-27", end: "2026-04-27" }];
    const late4 = [unx("2026-05-13", 4), unx("2026-05-14", 4), unx("2026-05-15", 4)];
    // 4 lesweken ending Friday 15 May start on Saturday 18 April, with or without the day off.
    expect(hit([unx("2026-04-17", 4), ...late4], "2026-05-15", koningsdag)).toBe(false);
    expect(hit([unx("2026-04-20", 4), ...late4], "2026-05-15", koningsdag)).toBe(true);
  });

  it("two holiday weeks in a row (meivakantie) are both skipped", () => {
    const mei = [{ start: "2026-04-25", end: "2026-05-10" }];
    // Window ending Friday 22 May: 2 lesweken after, then the 2 lesweken before 25 April.
    expect(
      hit([unx("2026-04-11", 4), unx("2026-05-20", 4), unx("2026-05-21", 4), unx("2026-05-22", 4)], "2026-05-22", mei),
    ).toBe(true);
    expect(
      hit([unx("2026-04-10", 4), unx("2026-05-20", 4), unx("2026-05-21", 4), unx("2026-05-22", 4)], "2026-05-22", mei),
    ).toBe(false);
  });

  it("hours inside a holiday week count toward nothing extra and the totals follow the same window", () => {
    const r = evaluateAbsence(law, { asOf: "2026-02-25", events: [unx("2026-01-22", 4), ...after], holidays: monFri });
    expect(r.totals.maxUnexcusedHours28d).toBe(16);
  });
});

describe("langdurig relatief verzuim (law): unexcused on every school day of at least 21 school days in a row", () => {
  const run = (from: string, to: string, skip: string[] = []) => weekdays(from, to, (d) => unx(d, 6), skip);

  it("20 school days (4 weeks) trigger the school's thuiszittersteam rule, not yet the law's LRV", () => {
    const r = evaluateAbsence(school, { asOf: "2026-02-27", events: run("2026-02-02", "2026-02-27") });
    expect(r.triggered.map((t) => t.id)).toContain("unexcused-4w-continuous");
    expect(r.triggered.map((t) => t.id)).not.toContain("lrv-over-4w");
  });

  it("the 21st school day in a row is longer than 4 weeks: LRV, a legal duty, in both protocols", () => {
    for (const p of [school, law]) {
      const r = evaluateAbsence(p, { asOf: "2026-03-06", events: run("2026-02-02", "2026-03-06") });
      const lrv = r.triggered.find((t) => t.id === "lrv-over-4w");
      expect(lrv, p.id).toMatchObject({ basis: "law", reachedOn: "2026-03-02" });
      expect(r.legalDuty).toBe(true);
    }
  });

  it("one attended day breaks the run", () => {
    expect(ids(law, "2026-03-06", run("2026-02-02", "2026-03-06", ["2026-02-18"]))).not.toContain("lrv-over-4w");
  });

  it.each([
    ["Monday–Friday", [{ start: "2026-02-16", end: "2026-02-20" }]],
    ["Saturday–Sunday", [{ start: "2026-02-14", end: "2026-02-22" }]],
  ])("a holiday week (%s) neither breaks the run nor counts toward it", (_name, holidays) => {
    const events = [...run("2026-02-02", "2026-02-13"), ...run("2026-02-23", "2026-03-09")];
    const r = evaluateAbsence(law, { asOf: "2026-03-09", events, holidays });
    expect(r.triggered.find((t) => t.id === "lrv-over-4w")?.reachedOn).toBe("2026-03-09");
    expect(ids(law, "2026-03-06", events, holidays)).not.toContain("lrv-over-4w");
    expect(ids(law, "2026-03-09", events)).not.toContain("lrv-over-4w");
  });
});

describe("the school year (1 August – 31 July)", () => {
  const lateJuly = [late("2026-07-29"), late("2026-07-30"), late("2026-07-31")];
  it.each([
    ["asOf 31 July counts the lates of that July", "2026-07-31", lateJuly, ["late-3"]],
    ["asOf 1 August starts a new school year", "2026-08-01", lateJuly, []],
    [
      "1 August is the first day of the school year",
      "2026-08-03",
      [late("2026-08-01"), late("2026-08-02"), late("2026-08-03")],
      ["late-3"],
    ],
    ["last year's events count for nothing", "2026-09-30", [...lateJuly, sick("2026-07-01", 40)], []],
  ])("%s", (_name, asOf, events, expected) => {
    expect(ids(school, asOf, events)).toEqual(expected);
  });

  it("a window does not reach back across 1 August", () => {
    const events = [unx("2026-07-30", 8), unx("2026-08-03", 8)];
    expect(ids(law, "2026-08-10", events)).toEqual([]);
    expect(evaluateAbsence(law, { asOf: "2026-08-10", events }).totals.maxUnexcusedHours28d).toBe(8);
    expect(evaluateAbsence(law, { asOf: "2026-08-10", events }).schoolYear).toEqual({
      start: "2026-08-01",
      end: "2027-07-31",
    });
  });
});

describe("events after asOf are ignored", () => {
  it.each([
    ["the third late comes a day later", [late("2026-03-02"), late("2026-03-03"), late("2026-03-21")], []],
    ["hours after asOf", [unx("2026-03-19", 8), unx("2026-03-21", 8)], []],
    ["on asOf itself counts", [late("2026-03-02"), late("2026-03-03"), late("2026-03-20")], ["late-3"]],
  ])("%s", (_name, events, expected) => {
    expect(ids(school, "2026-03-20", events)).toEqual(expected);
  });
  it("totals leave them out too", () => {
    const r = evaluateAbsence(school, {
      asOf: "2026-03-20",
      events: [unx("2026-03-19", 8), unx("2026-03-21", 8), sick("2026-04-01", 6)],
    });
    expect(r.totals).toEqual({ late: 0, truancy: 1, maxUnexcusedHours28d: 8, sickHours: 0 });
  });
});

describe("authorized absence counts for nothing", () => {
  it("not in triggers and not in totals", () => {
    const events = weekdays(
      "2026-02-02",
      "2026-03-13",
      (d) => ({ date: d, type: "authorized", hours: 6 }) as AbsenceEvent,
    );
    const r = evaluateAbsence(school, { asOf: "2026-03-20", events });
    expect(r.triggered).toEqual([]);
    expect(r.totals).toEqual({ late: 0, truancy: 0, maxUnexcusedHours28d: 0, sickHours: 0 });
  });
});

describe("continuous absence: unexcused on every school day of 28 consecutive days", () => {
  const fourWeeks = weekdays("2026-02-02", "2026-02-27", (d) => unx(d, 6));
  it.each([
    ["four full school weeks, asOf the last Friday", fourWeeks, "2026-02-27", undefined, true],
    ["one school day short (asOf Thursday)", fourWeeks, "2026-02-26", undefined, false],
    [
      "broken by one attended day",
      weekdays("2026-02-02", "2026-02-27", (d) => unx(d, 6), ["2026-02-11"]),
      "2026-03-20",
      undefined,
      false,
    ],
    [
      "a holiday week bridges the run",
      [
        ...weekdays("2026-02-02", "2026-02-13", (d) => unx(d, 6)),
        ...weekdays("2026-02-23", "2026-03-06", (d) => unx(d, 6)),
      ],
      "2026-03-06",
      [{ start: "2026-02-16", end: "2026-02-22" }],
      true,
    ],
    [
      "the same run without the holiday is broken",
      [
        ...weekdays("2026-02-02", "2026-02-13", (d) => unx(d, 6)),
        ...weekdays("2026-02-23", "2026-03-06", (d) => unx(d, 6)),
      ],
      "2026-03-06",
      undefined,
      false,
    ],
    [
      "holiday days do not count toward the 28",
      [
        ...weekdays("2026-02-02", "2026-02-13", (d) => unx(d, 6)),
        ...weekdays("2026-02-23", "2026-03-05", (d) => unx(d, 6)),
      ],
      "2026-03-05",
      [{ start: "2026-02-16", end: "2026-02-22" }],
      false,
    ],
  ])("%s", (_name, events, asOf, holidays, expected) => {
    expect(ids(school, asOf, events, holidays).includes("unexcused-4w-continuous")).toBe(expected);
  });

  it("reports the longest run and when the rule was reached", () => {
    const r = evaluateAbsence(school, { asOf: "2026-03-20", events: fourWeeks });
    expect(r.continuousAbsence.longestSchoolDaysInARow).toBe(20);
    expect(r.triggered.find((t) => t.id === "unexcused-4w-continuous")?.reachedOn).toBe("2026-02-27");
  });

  it("a run that continues past asOf does not count beyond asOf", () => {
    const r = evaluateAbsence(school, { asOf: "2026-02-20", events: fourWeeks });
    expect(r.continuousAbsence.longestSchoolDaysInARow).toBe(15);
  });
});

describe("several protocols side by side", () => {
  const events = [
    ...weekdays("2026-01-05", "2026-01-16", (d) => late(d)),
    unx("2026-02-02", 8),
    unx("2026-02-03", 8),
    sick("2026-03-02", 40),
  ];
  it("leerplichtwet alone triggers only law rules", () => {
    const r = evaluateAbsence(law, { asOf: "2026-03-20", events });
    expect(r.triggered.map((t) => t.id)).toEqual(["unexcused-16h-4w"]);
    expect(r.triggered.every((t) => t.basis === "law")).toBe(true);
    expect(r.legalDuty).toBe(true);
    expect(r.protocol).toBe("leerplichtwet");
  });
  it("the school protocol adds its ladders, in protocol order", () => {
    const r = evaluateAbsence(school, { asOf: "2026-03-20", events });
    expect(r.triggered.map((t) => t.id)).toEqual([
      "late-3",
      "late-6",
      "late-9",
      "late-10",
      "unexcused-16h-4w",
      "sick-30h",
    ]);
    expect(r.totals).toEqual({ late: 10, truancy: 2, maxUnexcusedHours28d: 16, sickHours: 40 });
  });
  it("only school rules: no legal duty", () => {
    expect(evaluateAbsence(school, { asOf: "2026-03-20", events: events.slice(0, 10) }).legalDuty).toBe(false);
  });
  it("triggered items carry actions with actors and texts from the data", () => {
    const t = evaluateAbsence(school, { asOf: "2026-03-20", events }).triggered.find(
      (x) => x.id === "unexcused-16h-4w",
    )!;
    expect(t.actions).toEqual([
      {
        action: expect.stringContaining("onverwijld (binnen 5 werkdagen), met een einddatum"),
        actor: "Leerlingenadministratie",
      },
    ]);
    expect(t.thresholdText).toBe("16 uur of meer ongeoorloofd verzuim binnen 4 lesweken");
  });
});

describe("quick mode from counts", () => {
  const zero = { late: 0, truancy: 0, sickHours: 0, unexcusedHoursLast4Weeks: 0, weeksAbsentInARow: 0 };
  it.each([
    [{ late: 2 }, []],
    [{ late: 3 }, ["late-3"]],
    [{ truancy: 4 }, ["truancy-3"]],
    [{ truancy: 5 }, ["truancy-3", "truancy-5"]],
    [{ unexcusedHoursLast4Weeks: 15.5 }, []],
    [{ unexcusedHoursLast4Weeks: 16 }, ["unexcused-16h-4w"]],
    [{ weeksAbsentInARow: 3 }, []],
    [{ weeksAbsentInARow: 4 }, ["unexcused-4w-continuous"]],
    [{ weeksAbsentInARow: 5 }, ["lrv-over-4w", "unexcused-4w-continuous"]],
    [{ sickHours: 29 }, []],
    [{ sickHours: 60 }, ["sick-30h", "sick-60h"]],
    [{ late: -5, sickHours: Number.NaN }, []],
  ])("%j → %j", (counts, expected) => {
    const r = evaluateCounts(school, { ...zero, ...counts });
    expect(r.triggered.map((t) => t.id)).toEqual(expected);
    expect(r.legalDuty).toBe(
      (expected as readonly string[]).some((id) => id === "unexcused-16h-4w" || id === "lrv-over-4w"),
    );
  });
  it("has the same answer shape", () => {
    const r = evaluateCounts(school, { ...zero, late: 3, unexcusedHoursLast4Weeks: 20 });
    expect(Object.keys(r.totals).sort()).toEqual(["late", "maxUnexcusedHours28d", "sickHours", "truancy"]);
    expect(r.totals.maxUnexcusedHours28d).toBe(20);
    expect(r.triggered[0]).toMatchObject({ id: "late-3", basis: "school", reachedOn: null });
  });
});

describe("leave requests", () => {
  // A summer holiday from Tuesday 21 July to Monday 31 August, so day 14 and day 15 on both sides are weekdays.
  const summer = { start: "2026-07-21", end: "2026-08-31" };
  const req = (r: Partial<LeaveRequest>): LeaveRequest => ({
    kind: "vakantieverlof",
    start: "2026-05-11",
    schoolDays: 5,
    summerHoliday: summer,
    ...r,
  });

  it.each([
    ["vakantieverlof 10 days", school, { schoolDays: 10 }, true, "afdelingsleider", ["leave-vakantie"]],
    ["vakantieverlof 11 days", school, { schoolDays: 11 }, false, null, ["leave-vakantie"]],
    ["a second vakantieverlof", school, { earlierVakantieverlofThisYear: true }, false, null, ["leave-vakantie"]],
    ["adjoining a school holiday is luxe verzuim", school, { adjoinsSchoolHoliday: true }, false, null, ["leave-luxe"]],
    [
      "day 15 before the summer holiday",
      school,
      { start: "2026-07-06", schoolDays: 1 },
      true,
      "afdelingsleider",
      ["leave-vakantie"],
    ],
    [
      "day 14 before the summer holiday",
      school,
      { start: "2026-07-07", schoolDays: 1 },
      false,
      null,
      ["leave-vakantie"],
    ],
    [
      "ends on day 15 before",
      school,
      { start: "2026-06-30", schoolDays: 5 },
      true,
      "afdelingsleider",
      ["leave-vakantie"],
    ],
    ["runs into day 14 before", school, { start: "2026-06-30", schoolDays: 6 }, false, null, ["leave-vakantie"]],
    [
      "day 14 after the summer holiday",
      school,
      { start: "2026-09-14", schoolDays: 1 },
      false,
      null,
      ["leave-vakantie"],
    ],
    [
      "day 15 after the summer holiday",
      school,
      { start: "2026-09-15", schoolDays: 1 },
      true,
      "afdelingsleider",
      ["leave-vakantie"],
    ],
    [
      "the law alone: day 14 before is allowed",
      law,
      { start: "2026-07-07", schoolDays: 1 },
      true,
      "afdelingsleider",
      ["leave-vakantie"],
    ],
    [
      "the law alone: day 14 after is not",
      law,
      { start: "2026-09-14", schoolDays: 1 },
      false,
      null,
      ["leave-vakantie"],
    ],
    [
      "the law alone: leave next to a holiday is not refused for that",
      law,
      { adjoinsSchoolHoliday: true },
      true,
      "afdelingsleider",
      ["leave-vakantie"],
    ],
    [
      "the school's own rule: leave next to a holiday is refused",
      school,
      { adjoinsSchoolHoliday: true },
      false,
      null,
      ["leave-luxe"],
    ],
    [
      "gewichtige omstandigheden 10 days",
      school,
      { kind: "gewichtige-omstandigheden", schoolDays: 10 },
      true,
      "afdelingsleider",
      ["leave-gewichtig-10"],
    ],
    [
      "gewichtige omstandigheden 11 days",
      school,
      { kind: "gewichtige-omstandigheden", schoolDays: 11 },
      true,
      "leerplichtambtenaar",
      ["leave-gewichtig-over-10"],
    ],
    [
      "gewichtige omstandigheden: earlier days count toward the limit",
      school,
      { kind: "gewichtige-omstandigheden", schoolDays: 5, earlierGewichtigeSchoolDaysThisYear: 6 },
      true,
      "leerplichtambtenaar",
      ["leave-gewichtig-over-10"],
    ],
    [
      "gewichtige omstandigheden are not blocked around the summer",
      school,
      { kind: "gewichtige-omstandigheden", start: "2026-07-07", schoolDays: 2 },
      true,
      "afdelingsleider",
      ["leave-gewichtig-10"],
    ],
    [
      "gewichtige omstandigheden adjoining a holiday",
      school,
      { kind: "gewichtige-omstandigheden", adjoinsSchoolHoliday: true },
      false,
      null,
      ["leave-luxe"],
    ],
    [
      "two problems at once",
      school,
      { schoolDays: 11, earlierVakantieverlofThisYear: true },
      false,
      null,
      ["leave-vakantie"],
    ],
    [
      "luxe and too long",
      school,
      { schoolDays: 11, adjoinsSchoolHoliday: true },
      false,
      null,
      ["leave-luxe", "leave-vakantie"],
    ],
  ] as const)("%s", (_name, protocol, r, allowed, decidedBy, rules) => {
    const d = checkLeave(protocol, req(r));
    expect(d.allowed).toBe(allowed);
    expect(d.decidedBy).toBe(decidedBy);
    expect(d.rules).toEqual(rules);
    expect(d.reasons.length).toBeGreaterThan(0);
  });

  it("says why: the limit from the data, and that the leerplichtambtenaar decides over 10 days", () => {
    expect(checkLeave(school, req({ schoolDays: 11 })).reasons.join(" ")).toMatch(
      /hoogstens 10 schooldagen.*11 schooldagen/,
    );
    expect(checkLeave(school, req({ earlierVakantieverlofThisYear: true, schoolDays: 11 })).reasons).toHaveLength(2);
    const over = checkLeave(school, req({ kind: "gewichtige-omstandigheden", schoolDays: 11 })).reasons.join(" ");
    expect(over).toMatch(/leerplichtambtenaar/);
    expect(over).toMatch(/niet toestaan of weigeren/);
    expect(checkLeave(school, req({ start: "2026-07-07", schoolDays: 1 })).reasons[0]).toMatch(
      /2 weken voor of na de zomervakantie/,
    );
  });

  it("without a summer holiday it cannot check the weeks around it, and says so", () => {
    const d = checkLeave(school, { kind: "vakantieverlof", start: "2026-07-07", schoolDays: 1 });
    expect(d.allowed).toBe(true);
    expect(d.reasons.join(" ")).toMatch(/zomervakantie is niet opgegeven/);
  });

  it.each([
    ["counts Mon–Fri only", "2026-05-15", 3, undefined, ["2026-05-15", "2026-05-18", "2026-05-19"]],
    ["a start on Saturday begins on Monday", "2026-05-16", 1, undefined, ["2026-05-18"]],
    ["skips the summer holiday", "2026-07-20", 2, summer, ["2026-07-20", "2026-09-01"]],
  ])("leave days: %s", (_name, start, n, s, expected) => {
    expect(leaveDays(start, n, s).map(isoOf)).toEqual(expected);
  });
});

describe("the judged development sets (through the HTTP schema)", () => {
  const load = (f: string) =>
    fs
      .readFileSync(path.join(BENCH, f), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { name: string; input: unknown; expect: Record<string, unknown> });
  const hasBench = hasBenchFile("protocol.dev.jsonl", "protocol and leave dev sets (protocol/engine/evaluate.test.ts)");

  describe.runIf(hasBench)("protocol.dev.jsonl", () => {
    it.each(hasBench ? load("protocol.dev.jsonl").map((c) => [c.name, c] as const) : [])("%s", (_name, c) => {
      const parsed = parseEvaluateRequest(c.input, protocols);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const r = evaluateAbsence(parsed.protocol, parsed.data);
      expect(r.triggered.map((t) => t.id).sort()).toEqual(c.expect.triggered);
      expect(r.legalDuty).toBe(c.expect.legalDuty);
    });
  });

  describe.runIf(hasBench)("leave.dev.jsonl", () => {
    it.each(hasBench ? load("leave.dev.jsonl").map((c) => [c.name, c] as const) : [])("%s", (_name, c) => {
      const parsed = parseLeaveRequest(c.input, protocols);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const r = checkLeave(parsed.protocol, parsed.data);
      expect(r.allowed).toBe(c.expect.allowed);
      expect(r.decidedBy).toBe(c.expect.decidedBy);
    });
  });
});

describe("scale", () => {
  it("5,000 events over a whole school year with holidays stays fast", () => {
    const events: AbsenceEvent[] = [];
    for (let i = 0; i < 5000; i++) {
      const d = addDays("2025-08-01", i % 365);
      events.push(i % 3 === 0 ? late(d) : i % 3 === 1 ? unx(d, 1) : sick(d, 1));
    }
    const t0 = performance.now();
    const r = evaluateAbsence(school, {
      asOf: "2026-07-31",
      events,
      holidays: [
        { start: "2025-10-18", end: "2025-10-26" },
        { start: "2025-12-20", end: "2026-01-04" },
      ],
    });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.totals.late).toBe(1667);
  });
});
