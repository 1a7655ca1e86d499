import { describe, expect, it } from "vitest";
import {
  addDays,
  countBy,
  csvField,
  formatCountOf,
  durationStats,
  encodeCsv,
  firstResponseMs,
  formatHours,
  formatPercent,
  isoWeekKey,
  isoWeekOfDate,
  isValidDate,
  localDate,
  median,
  neutraliseFormula,
  parseDeskHours,
  percentile,
  resolutionMs,
  slaOutcome,
  slaTally,
  startOfLocalDay,
  weekKeysBetween,
  weekLabel,
  weeklyCounts,
  weekStart,
} from "./stats";

const HOURS = { days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" };
const H = 3_600_000;

describe("percentiles", () => {
  it.each([
    { values: [], median: null, p90: null },
    { values: [5], median: 5, p90: 5 },
    { values: [1, 2], median: 1.5, p90: 2 },
    { values: [3, 1, 2], median: 2, p90: 3 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], median: 5.5, p90: 9 },
    { values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 100], median: 6, p90: 10 },
    { values: [1, Number.NaN, 3], median: 2, p90: 3 },
  ])("median and nearest-rank p90 of $values", ({ values, median: m, p90 }) => {
    expect(median(values)).toBe(m);
    expect(percentile(values, 90)).toBe(p90);
  });

  it("p100 is the maximum and a tiny p the minimum", () => {
    expect(percentile([4, 8, 1], 100)).toBe(8);
    expect(percentile([4, 8, 1], 0.01)).toBe(1);
  });

  it("rejects a percentile outside (0, 100]", () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it("does not reorder the input", () => {
    const input = [3, 1, 2];
    median(input);
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
  });

  it("summarises durations", () => {
    expect(durationStats([H, 2 * H, 10 * H])).toEqual({ count: 3, medianMs: 2 * H, p90Ms: 10 * H });
    expect(durationStats([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });
});

describe("dates and ISO weeks in Europe/Amsterdam", () => {
  it.each([
    ["2026-03-30", "2026-W14"],
    ["2026-04-05", "2026-W14"],
    ["2026-01-01", "2026-W01"],
    ["2027-01-01", "2026-W53"], // 2026 has 53 ISO weeks
    ["2025-12-29", "2026-W01"],
    ["2021-01-03", "2020-W53"],
    ["2024-12-30", "2025-W01"],
  ])("%s is in %s", (date, key) => {
    expect(isoWeekOfDate(date)).toBe(key);
  });

  it.each([
    // Sunday 23:30 UTC is Monday 00:30 in Amsterdam (winter, +1): next week.
    ["2026-03-29T22:30:00Z", "2026-03-30", "2026-W14"], // summer time (+2) already
    ["2026-01-04T23:30:00Z", "2026-01-05", "2026-W02"],
    ["2026-01-04T22:59:59Z", "2026-01-04", "2026-W01"],
    ["2026-10-25T22:59:00Z", "2026-10-25", "2026-W43"], // after the switch back to +1, still Sunday
  ])("instant %s is local date %s, week %s", (iso, date, week) => {
    expect(localDate(new Date(iso))).toBe(date);
    expect(isoWeekKey(new Date(iso))).toBe(week);
  });

  it.each([
    ["2026-01-15", "2026-01-14T23:00:00.000Z"],
    ["2026-07-15", "2026-07-14T22:00:00.000Z"],
    ["2026-03-29", "2026-03-28T23:00:00.000Z"], // DST starts at 02:00 that day, midnight is still +1
    ["2026-03-30", "2026-03-29T22:00:00.000Z"],
    ["2026-10-25", "2026-10-24T22:00:00.000Z"],
    ["2026-10-26", "2026-10-25T23:00:00.000Z"],
  ])("local midnight of %s is %s", (date, iso) => {
    expect(startOfLocalDay(date).toISOString()).toBe(iso);
  });

  it.each(["Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe"])(
    "agrees with Intl every 10 minutes around DST changes in %s",
    (zone) => {
      const exact = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      for (const day of ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01"]) {
        const from = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let t = from; t < from + 3 * 86_400_000; t += 600_000) {
          expect(localDate(new Date(t), zone)).toBe(exact.format(new Date(t)));
        }
      }
    },
  );

  it("Monday of a week key, and back", () => {
    expect(weekStart("2026-W14")).toBe("2026-03-30");
    expect(weekStart("2026-W01")).toBe("2025-12-29");
    expect(weekStart("2026-W53")).toBe("2026-12-28");
    expect(() => weekStart("2025-W53")).toThrow(RangeError);
    expect(() => weekStart("2026-14")).toThrow(RangeError);
  });

  it("lists the week keys of a period, across a year end", () => {
    expect(weekKeysBetween("2026-12-20", "2027-01-12")).toEqual([
      "2026-W51",
      "2026-W52",
      "2026-W53",
      "2027-W01",
      "2027-W02",
    ]);
    expect(weekKeysBetween("2026-03-30", "2026-03-30")).toEqual(["2026-W14"]);
    expect(weekKeysBetween("2026-04-05", "2026-04-06")).toEqual(["2026-W14", "2026-W15"]);
    expect(weekKeysBetween("2026-04-06", "2026-04-05")).toEqual([]);
  });

  it("validates dates", () => {
    expect(isValidDate("2028-02-29")).toBe(true);
    expect(isValidDate("2026-02-29")).toBe(false);
    expect(isValidDate("2026-2-1")).toBe(false);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });

  it("labels weeks", () => {
    expect(weekLabel("2026-W04")).toBe("wk 4");
    expect(weekLabel("2025-W52", 2026)).toBe("wk 52 '25");
    expect(weekLabel("2026-W52", 2026)).toBe("wk 52");
  });
});

describe("bucketing", () => {
  it("counts with a fixed order first, zeros kept", () => {
    const counts = countBy(["b", "c", "b"], (x) => x, ["a", "b"]);
    expect([...counts]).toEqual([
      ["a", 0],
      ["b", 2],
      ["c", 1],
    ]);
    expect(weeklyCounts(["w1", "w2", "w3"], new Map([["w2", 4]]))).toEqual([0, 4, 0]);
  });
});

describe("SLA outcome", () => {
  const due = new Date("2026-03-02T12:00:00Z");
  const before = new Date("2026-03-02T11:00:00Z");
  const after = new Date("2026-03-02T13:00:00Z");
  it.each([
    { name: "answered before due", dueAt: due, doneAt: before, now: after, want: "met" },
    { name: "answered exactly at due", dueAt: due, doneAt: due, now: after, want: "met" },
    { name: "answered late", dueAt: due, doneAt: after, now: after, want: "breached" },
    { name: "open and past due", dueAt: due, doneAt: null, now: after, want: "breached" },
    { name: "open, not yet due", dueAt: due, doneAt: null, now: before, want: "pending" },
    { name: "paused past the frozen due time", dueAt: due, doneAt: null, now: after, paused: true, want: "pending" },
    { name: "closed without an answer", dueAt: due, doneAt: null, now: after, closedUndone: true, want: "none" },
    { name: "no due time", dueAt: null, doneAt: null, now: after, want: "none" },
    { name: "done without a due time", dueAt: null, doneAt: before, now: after, want: "none" },
  ] as const)("$name → $want", ({ want, ...input }) => {
    expect(slaOutcome(input)).toBe(want);
  });

  it("tallies a rate over decided tickets only", () => {
    expect(slaTally(["met", "met", "met", "breached", "pending", "none"])).toEqual({
      met: 3,
      breached: 1,
      pending: 1,
      rate: 0.75,
    });
    expect(slaTally(["pending", "none"]).rate).toBeNull();
  });
});

describe("business-hours durations", () => {
  it("counts only opening hours (Mon–Fri 09:00–13:00 Amsterdam)", () => {
    // Friday 12:00 → Monday 10:30 local (winter, UTC+1): 1 h on Friday + 1.5 h on Monday.
    const created = new Date("2026-03-06T11:00:00Z");
    const answered = new Date("2026-03-09T09:30:00Z");
    expect(firstResponseMs(created, answered, HOURS)).toBe(2.5 * H);
    expect(firstResponseMs(created, null, HOURS)).toBeNull();
  });

  it("subtracts the time waiting for the caller from resolution time", () => {
    const created = new Date("2026-03-02T08:00:00Z"); // Mon 09:00
    const resolved = new Date("2026-03-04T12:00:00Z"); // Wed 13:00 → 12 business hours
    expect(resolutionMs(created, resolved, 0, HOURS)).toBe(12 * H);
    expect(resolutionMs(created, resolved, 5 * H, HOURS)).toBe(7 * H);
    expect(resolutionMs(created, resolved, 20 * H, HOURS)).toBe(0);
    expect(resolutionMs(created, null, 0, HOURS)).toBeNull();
  });

  it("parses desk hours and rejects junk", () => {
    expect(parseDeskHours(JSON.stringify(HOURS))).toMatchObject(HOURS);
    expect(() => parseDeskHours("{}")).toThrow(TypeError);
  });
});

describe("formatting", () => {
  it("writes Dutch numbers", () => {
    expect(formatHours(2.5 * H)).toBe("2,5 uur");
    expect(formatHours(null)).toBe("–");
    expect(formatPercent(0.875)).toBe("87,5%");
    expect(formatPercent(null)).toBe("–");
  });
});

describe("CSV", () => {
  it.each([
    ["plain", "plain"],
    ["a;b", '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+31 50", "'+31 50"],
    ["-verzuim", "'-verzuim"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["a=b", "a=b"],
    [2.5, "2,5"],
    [-3, "-3"],
    [0.1 + 0.2, "0,3"],
    [null, ""],
    [Number.NaN, ""],
  ] as const)("field %j → %s", (cell, want) => {
    expect(csvField(cell)).toBe(want);
  });

  it("encodes rows with ;, CRLF and a BOM", () => {
    expect(
      encodeCsv([
        ["Week", "Aantal"],
        ["2026-W14", 3],
      ]),
    ).toBe("\uFEFFWeek;Aantal\r\n2026-W14;3\r\n");
    expect(encodeCsv([["a,b", 1.5]], { separator: ",", decimalComma: false, bom: false })).toBe('"a,b",1.5\r\n');
  });

  it("neutralises formulas only at the start", () => {
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("1+1")).toBe("1+1");
  });
});

describe("formatCountOf", () => {
  it("uses the singular for exactly one, the plural otherwise", () => {
    expect(formatCountOf(1, "ticket", "tickets")).toBe("1 ticket");
    expect(formatCountOf(0, "ticket", "tickets")).toBe("0 tickets");
    expect(formatCountOf(2, "analyse", "analyses")).toBe("2 analyses");
    expect(formatCountOf(1234, "vraag", "vragen")).toBe("1.234 vragen");
  });
});
