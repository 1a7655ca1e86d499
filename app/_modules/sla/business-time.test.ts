import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  addBusinessDays,
  addBusinessTime,
  businessDayMs,
  businessMsBetween,
  computeSlaDueTimes,
  dutchPublicHolidays,
  easterSunday,
  isBusinessTime,
  isDutchPublicHoliday,
  nextBusinessOpening,
  pausedBusinessMs,
  slaStatus,
  type BusinessHours,
} from "./business-time";

// Inputs and expectations are written with explicit UTC offsets, so they do not depend on the code under test.
const at = (iso: string) => new Date(iso);
const H = 3_600_000;
const M = 60_000;
const PO: BusinessHours = { days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00", timeZone: "Europe/Amsterdam" };

/** Gauss's Easter formula (Lichtenberg's form): an independent check on the computus. */
function gaussEaster(year: number): string {
  const k = Math.floor(year / 100);
  const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25);
  const s = 2 - Math.floor((3 * k + 3) / 4);
  const a = year % 19;
  const d = (19 * a + m) % 30;
  const r = Math.floor((d + Math.floor(a / 11)) / 29);
  const og = 21 + d - r;
  const sz = 7 - ((year + Math.floor(year / 4) + s) % 7);
  const oe = 7 - ((og - sz) % 7);
  const marchDay = og + oe;
  const [month, day] = marchDay > 31 ? [4, marchDay - 31] : [3, marchDay];
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

describe("easterSunday", () => {
  it.each([
    [1900, "1900-04-15"],
    [1943, "1943-04-25"],
    [1961, "1961-04-02"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2029, "2029-04-01"],
    [2030, "2030-04-21"],
    [2038, "2038-04-25"],
    [2100, "2100-03-28"],
    [2200, "2200-04-06"],
  ])("%i → %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it("agrees with Gauss's formula and is a Sunday between 22 March and 25 April for 1900–2200", () => {
    for (let year = 1900; year <= 2200; year++) {
      const e = easterSunday(year);
      expect(e, String(year)).toBe(gaussEaster(year));
      expect(new Date(`${e}T12:00:00Z`).getUTCDay(), e).toBe(0);
      expect(e.slice(5) >= "03-22" && e.slice(5) <= "04-25", e).toBe(true);
    }
  });

  it.each([1.5, Number.NaN, 1000])("rejects year %s", (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe("dutchPublicHolidays", () => {
  it.each([
    [
      2025,
      [
        "2025-01-01",
        "2025-04-20",
        "2025-04-21",
        "2025-04-26",
        "2025-05-05",
        "2025-05-29",
        "2025-06-08",
        "2025-06-09",
        "2025-12-25",
        "2025-12-26",
      ],
    ],
    [
      2026,
      [
        "2026-01-01",
        "2026-04-05",
        "2026-04-06",
        "2026-04-27",
        "2026-05-14",
        "2026-05-24",
        "2026-05-25",
        "2026-12-25",
        "2026-12-26",
      ],
    ],
    [
      2024,
      [
        "2024-01-01",
        "2024-03-31",
        "2024-04-01",
        "2024-04-27",
        "2024-05-09",
        "2024-05-19",
        "2024-05-20",
        "2024-12-25",
        "2024-12-26",
      ],
    ],
  ])("%i", (year, expected) => {
    expect(dutchPublicHolidays(year)).toEqual(expected);
  });

  it.each([
    [2024, "2024-04-27"], // Saturday: stays
    [2025, "2025-04-26"], // Sunday 27th → Saturday 26th
    [2026, "2026-04-27"],
    [2031, "2031-04-26"], // Sunday 27th
    [2036, "2036-04-26"], // Sunday 27th
    [2037, "2037-04-27"],
  ])("Koningsdag %i is %s", (year, date) => {
    const kingsDays = dutchPublicHolidays(year).filter((d) => d.slice(5, 7) === "04" && d >= `${year}-04-26`);
    expect(kingsDays).toContain(date);
    expect(kingsDays.filter((d) => d === `${year}-04-26` || d === `${year}-04-27`)).toEqual([date]);
  });

  it.each([
    [2020, true],
    [2025, true],
    [2026, false],
    [2029, false],
    [2030, true],
    [2100, true],
  ])("Bevrijdingsdag in %i: %s", (year, expected) => {
    expect(dutchPublicHolidays(year).includes(`${year}-05-05`)).toBe(expected);
  });

  it("does not include Good Friday", () => {
    expect(dutchPublicHolidays(2025)).not.toContain("2025-04-18");
    expect(isDutchPublicHoliday("2025-04-18")).toBe(false);
    expect(isDutchPublicHoliday("2025-04-21")).toBe(true);
  });

  it("lists a day once when Hemelvaartsdag falls on Bevrijdingsdag (2005)", () => {
    const list = dutchPublicHolidays(2005);
    expect(list.filter((d) => d === "2005-05-05")).toHaveLength(1);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toHaveLength(9);
  });

  it("returns a copy the caller may change", () => {
    dutchPublicHolidays(2027).push("2027-07-01");
    expect(dutchPublicHolidays(2027)).not.toContain("2027-07-01");
  });

  it("returns sorted lists of 9 or 10 dates for every year 1900–2200", () => {
    for (let year = 1900; year <= 2200; year++) {
      const list = dutchPublicHolidays(year);
      expect([...list].sort()).toEqual(list);
      expect(list.length).toBe(year % 5 === 0 && easterSunday(year) !== `${year}-03-27` ? 10 : 9);
      expect(list.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });
});

describe("isBusinessTime", () => {
  it.each([
    ["2025-06-16T09:00:00+02:00", true], // Monday opening
    ["2025-06-16T08:59:59+02:00", false],
    ["2025-06-16T12:59:59+02:00", true],
    ["2025-06-16T13:00:00+02:00", false], // closing is exclusive
    ["2025-06-14T10:00:00+02:00", false], // Saturday
    ["2025-04-18T10:00:00+02:00", true], // Good Friday is a working day
    ["2025-04-21T10:00:00+02:00", false], // Tweede Paasdag
    ["2026-04-27T10:00:00+02:00", false], // Koningsdag on a Monday
    ["2025-05-05T10:00:00+02:00", false], // Bevrijdingsdag, lustrum year
    ["2026-05-05T10:00:00+02:00", true], // Bevrijdingsdag, other year
    ["2025-12-24T10:00:00+01:00", true],
    ["2025-12-25T10:00:00+01:00", false],
    ["2025-12-26T10:00:00+01:00", false],
    ["2026-01-01T10:00:00+01:00", false],
    // Monday after the March DST change: 09:00 local is 07:00 UTC.
    ["2025-03-31T07:00:00Z", true],
    ["2025-03-31T06:59:00Z", false],
    ["2025-03-31T10:59:00Z", true],
    ["2025-03-31T11:00:00Z", false],
    // Friday before it: 09:00 local is 08:00 UTC.
    ["2025-03-28T07:30:00Z", false],
    ["2025-03-28T08:00:00Z", true],
    ["2025-03-28T11:59:00Z", true],
    ["2025-03-28T12:00:00Z", false],
    // Monday after the October change: 09:00 local is 08:00 UTC.
    ["2025-10-27T07:30:00Z", false],
    ["2025-10-27T08:00:00Z", true],
    ["2025-10-27T11:59:59Z", true],
    ["2025-10-27T12:00:00Z", false],
  ])("%s → %s", (iso, expected) => {
    expect(isBusinessTime(at(iso), PO)).toBe(expected);
  });
});

describe("nextBusinessOpening", () => {
  it.each([
    ["inside hours: now", "2025-06-16T10:15:00+02:00", "2025-06-16T10:15:00+02:00"],
    ["before opening", "2025-06-16T07:30:00+02:00", "2025-06-16T09:00:00+02:00"],
    ["at closing", "2025-06-16T13:00:00+02:00", "2025-06-17T09:00:00+02:00"],
    ["Friday afternoon", "2025-06-13T15:00:00+02:00", "2025-06-16T09:00:00+02:00"],
    ["weekend before DST change", "2025-03-29T12:00:00+01:00", "2025-03-31T09:00:00+02:00"],
    ["weekend after DST change", "2025-10-25T12:00:00+02:00", "2025-10-27T09:00:00+01:00"],
    ["Easter weekend", "2025-04-19T10:00:00+02:00", "2025-04-22T09:00:00+02:00"],
    ["Christmas", "2025-12-24T14:00:00+01:00", "2025-12-29T09:00:00+01:00"],
    ["New Year", "2025-12-31T13:30:00+01:00", "2026-01-02T09:00:00+01:00"],
  ])("%s", (_label, from, expected) => {
    expect(nextBusinessOpening(at(from), PO).toISOString()).toBe(at(expected).toISOString());
  });
});

describe("addBusinessDays", () => {
  it.each([
    ["Friday 12:59 → Monday 12:59", "2025-06-13T12:59:00+02:00", 1, "2025-06-16T12:59:00+02:00"],
    ["Good Friday 12:59 → Tuesday after Tweede Paasdag", "2025-04-18T12:59:00+02:00", 1, "2025-04-22T12:59:00+02:00"],
    ["Friday before Pinksteren → Tuesday", "2025-06-06T12:59:00+02:00", 1, "2025-06-10T12:59:00+02:00"],
    ["Friday before Koningsdag on Monday → Tuesday", "2026-04-24T12:00:00+02:00", 1, "2026-04-28T12:00:00+02:00"],
    ["day before Hemelvaartsdag → Friday", "2025-05-28T12:00:00+02:00", 1, "2025-05-30T12:00:00+02:00"],
    ["before opening counts from 09:00", "2025-06-16T07:30:00+02:00", 1, "2025-06-16T13:00:00+02:00"],
    ["after closing counts from next opening", "2025-06-16T14:00:00+02:00", 1, "2025-06-17T13:00:00+02:00"],
    ["Saturday counts from Monday", "2025-06-14T10:00:00+02:00", 1, "2025-06-16T13:00:00+02:00"],
    ["over the March DST weekend", "2025-03-28T12:00:00+01:00", 1, "2025-03-31T12:00:00+02:00"],
    ["over the October DST weekend", "2025-10-24T11:00:00+02:00", 1, "2025-10-27T11:00:00+01:00"],
    ["Christmas week, 1 day", "2025-12-24T12:00:00+01:00", 1, "2025-12-29T12:00:00+01:00"],
    ["Christmas week, 5 days over New Year", "2025-12-24T12:00:00+01:00", 5, "2026-01-05T12:00:00+01:00"],
    ["5 days, plain week", "2025-06-16T10:00:00+02:00", 5, "2025-06-23T10:00:00+02:00"],
    ["half a day", "2025-06-16T09:00:00+02:00", 0.5, "2025-06-16T11:00:00+02:00"],
    ["zero days returns the start", "2025-06-14T10:00:00+02:00", 0, "2025-06-14T10:00:00+02:00"],
  ])("%s", (_label, start, days, expected) => {
    expect(addBusinessDays(at(start), days, PO).toISOString()).toBe(at(expected).toISOString());
  });

  it("rejects negative or non-finite days", () => {
    expect(() => addBusinessDays(at("2025-06-16T10:00:00Z"), -1, PO)).toThrow(RangeError);
    expect(() => addBusinessDays(at("2025-06-16T10:00:00Z"), Infinity, PO)).toThrow(RangeError);
  });
});

describe("addBusinessTime", () => {
  it.each([
    ["ends exactly at closing", "2025-06-16T09:00:00+02:00", 4 * H, "2025-06-16T13:00:00+02:00"],
    ["one ms more rolls to next opening", "2025-06-16T09:00:00+02:00", 4 * H + 1, "2025-06-17T09:00:00.001+02:00"],
    ["minutes inside a day", "2025-06-16T10:00:00+02:00", 90 * M, "2025-06-16T11:30:00+02:00"],
    ["from closing time", "2025-06-16T13:00:00+02:00", 30 * M, "2025-06-17T09:30:00+02:00"],
    ["one business week from Monday opening", "2025-06-16T09:00:00+02:00", 20 * H, "2025-06-20T13:00:00+02:00"],
  ])("%s", (_label, start, ms, expected) => {
    expect(addBusinessTime(at(start), ms, PO).toISOString()).toBe(at(expected).toISOString());
  });

  it("is undone by businessMsBetween for many starts and durations", () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const from = Date.parse("2024-12-01T00:00:00Z");
    const span = 500 * 86_400_000;
    for (let i = 0; i < 300; i++) {
      const start = new Date(from + Math.floor(rand() * span));
      const ms = 1 + Math.floor(rand() * 30 * H);
      const end = addBusinessTime(start, ms, PO);
      expect(businessMsBetween(start, end, PO), `${start.toISOString()} + ${ms}`).toBe(ms);
      expect(end.getTime()).toBeGreaterThan(start.getTime());
    }
  });
});

describe("businessMsBetween", () => {
  it.each([
    ["b before a", "2025-06-17T10:00:00+02:00", "2025-06-16T10:00:00+02:00", 0],
    ["b equals a", "2025-06-16T10:00:00+02:00", "2025-06-16T10:00:00+02:00", 0],
    ["inside one day", "2025-06-16T10:00:00+02:00", "2025-06-16T11:30:00+02:00", 90 * M],
    ["weekend only", "2025-06-14T08:00:00+02:00", "2025-06-15T20:00:00+02:00", 0],
    ["over the March DST weekend", "2025-03-28T09:00:00+01:00", "2025-03-31T13:00:00+02:00", 8 * H],
    ["over the October DST weekend", "2025-10-24T09:00:00+02:00", "2025-10-27T13:00:00+01:00", 8 * H],
    ["Christmas week", "2025-12-24T08:00:00+01:00", "2025-12-29T10:00:00+01:00", 5 * H],
    ["Easter weekend", "2025-04-18T12:00:00+02:00", "2025-04-22T10:00:00+02:00", 2 * H],
    // 261 weekdays in 2025, 7 of them holidays (1/1, 21/4, 5/5, 29/5, 9/6, 25/12, 26/12).
    ["the year 2025", "2025-01-01T00:00:00+01:00", "2026-01-01T00:00:00+01:00", 254 * 4 * H],
  ])("%s", (_label, a, b, expected) => {
    expect(businessMsBetween(at(a), at(b), PO)).toBe(expected);
  });
});

describe("other configurations", () => {
  it("honours extra closed dates", () => {
    const hours: BusinessHours = { ...PO, closedDates: ["2025-12-24"] };
    expect(isBusinessTime(at("2025-12-24T10:00:00+01:00"), hours)).toBe(false);
    expect(addBusinessDays(at("2025-12-23T12:00:00+01:00"), 1, hours).toISOString()).toBe(
      at("2025-12-29T12:00:00+01:00").toISOString(),
    );
  });

  it("works in another time zone across its own DST change", () => {
    const ny: BusinessHours = { days: [1, 2, 3, 4, 5], open: "09:00", close: "17:00", timeZone: "America/New_York" };
    // US DST started Sunday 9 March 2025.
    expect(addBusinessDays(at("2025-03-07T12:00:00-05:00"), 1, ny).toISOString()).toBe(
      at("2025-03-10T12:00:00-04:00").toISOString(),
    );
    expect(businessDayMs(ny)).toBe(8 * H);
  });

  it("supports a day that closes at midnight, including the short DST day", () => {
    const allDay: BusinessHours = { days: [1, 2, 3, 4, 5, 6, 7], open: "00:00", close: "24:00" };
    // Sunday 30 March 2025 has 23 real hours in Amsterdam.
    expect(businessMsBetween(at("2025-03-30T00:00:00+01:00"), at("2025-03-31T00:00:00+02:00"), allDay)).toBe(23 * H);
    expect(isBusinessTime(at("2025-03-30T23:59:00+02:00"), allDay)).toBe(true);
  });

  it.each([
    ["close before open", { days: [1], open: "13:00", close: "09:00" }],
    ["no days", { days: [], open: "09:00", close: "13:00" }],
    ["weekday 8", { days: [8], open: "09:00", close: "13:00" }],
    ["bad clock", { days: [1], open: "9h", close: "13:00" }],
    ["unknown zone", { days: [1], open: "09:00", close: "13:00", timeZone: "Mars/Olympus" }],
  ])("rejects %s", (_label, hours) => {
    expect(() => isBusinessTime(at("2025-06-16T10:00:00Z"), hours as BusinessHours)).toThrow(RangeError);
  });

  it("accepts the hours of every desk in content/desks.yaml", () => {
    const file = readFileSync(path.resolve(__dirname, "../../../content/desks.yaml"), "utf8");
    const desks = (parse(file) as { desks: { id: string; hours: BusinessHours }[] }).desks;
    expect(desks.length).toBeGreaterThan(0);
    for (const desk of desks) expect(businessDayMs(desk.hours), desk.id).toBe(4 * H);
  });
});

describe("computeSlaDueTimes", () => {
  const base = { hours: PO, firstResponseBusinessDays: 1, resolutionBusinessDays: 5 };

  it.each([
    [
      "Friday 12:59, no pause",
      "2025-06-13T12:59:00+02:00",
      0,
      "2025-06-16T12:59:00+02:00",
      "2025-06-20T12:59:00+02:00",
    ],
    [
      "Friday 12:59, paused 2 business hours",
      "2025-06-13T12:59:00+02:00",
      2 * H,
      "2025-06-17T10:59:00+02:00",
      "2025-06-23T10:59:00+02:00",
    ],
    ["Saturday, no pause", "2025-06-14T10:00:00+02:00", 0, "2025-06-16T13:00:00+02:00", "2025-06-20T13:00:00+02:00"],
    ["Easter weekend", "2025-04-17T12:00:00+02:00", 0, "2025-04-18T12:00:00+02:00", "2025-04-25T12:00:00+02:00"],
  ])("%s", (_label, createdAt, pausedMs, first, resolution) => {
    const due = computeSlaDueTimes({ ...base, createdAt: at(createdAt), pausedMs });
    expect(due.firstResponseDueAt.toISOString()).toBe(at(first).toISOString());
    expect(due.resolutionDueAt.toISOString()).toBe(at(resolution).toISOString());
  });

  it("pushes due times out by exactly the paused business time", () => {
    const createdAt = at("2025-12-22T11:00:00+01:00");
    const plain = computeSlaDueTimes({ ...base, createdAt, pausedMs: 0 });
    const paused = computeSlaDueTimes({ ...base, createdAt, pausedMs: 3 * H });
    expect(businessMsBetween(plain.resolutionDueAt, paused.resolutionDueAt, PO)).toBe(3 * H);
    expect(businessMsBetween(plain.firstResponseDueAt, paused.firstResponseDueAt, PO)).toBe(3 * H);
  });

  it("rejects a negative pause", () => {
    expect(() => computeSlaDueTimes({ ...base, createdAt: at("2025-06-16T10:00:00Z"), pausedMs: -1 })).toThrow(
      RangeError,
    );
  });
});

describe("pausedBusinessMs", () => {
  it.each([
    ["one closed pause", [{ from: "2025-06-16T12:00:00+02:00", to: "2025-06-18T10:00:00+02:00" }], 6 * H],
    ["an open pause runs until now", [{ from: "2025-06-19T12:00:00+02:00", to: null }], 1 * H + 90 * M],
    [
      "overlapping pauses count once",
      [
        { from: "2025-06-16T09:00:00+02:00", to: "2025-06-16T11:00:00+02:00" },
        { from: "2025-06-16T10:00:00+02:00", to: "2025-06-16T12:00:00+02:00" },
      ],
      3 * H,
    ],
    ["pause over a weekend", [{ from: "2025-06-13T12:30:00+02:00", to: "2025-06-16T09:30:00+02:00" }], 60 * M],
    ["empty", [], 0],
  ])("%s", (_label, pauses, expected) => {
    const now = at("2025-06-20T10:30:00+02:00");
    const list = pauses.map((p) => ({ from: at(p.from), to: p.to ? at(p.to) : null }));
    expect(pausedBusinessMs(list, now, PO)).toBe(expected);
  });
});

describe("slaStatus", () => {
  const due = at("2025-06-16T12:59:00+02:00"); // Monday
  it.each([
    ["three hours left", "2025-06-16T10:00:00+02:00", "ok"],
    ["exactly a quarter day left", "2025-06-16T11:59:00+02:00", "ok"],
    ["59 minutes left", "2025-06-16T12:00:00+02:00", "at-risk"],
    ["at the due time", "2025-06-16T12:59:00+02:00", "breached"],
    ["a day late", "2025-06-17T10:00:00+02:00", "breached"],
    ["Saturday before: business time left is what counts", "2025-06-14T10:00:00+02:00", "ok"],
  ])("%s → %s", (_label, now, expected) => {
    expect(slaStatus(due, at(now), PO)).toBe(expected);
  });

  it("is at risk over a weekend when little business time is left", () => {
    expect(slaStatus(at("2025-06-16T09:30:00+02:00"), at("2025-06-13T13:30:00+02:00"), PO)).toBe("at-risk");
  });
});
