import { describe, expect, it } from "vitest";
import { detailedCheckSchema, leaveCheckSchema, quickCheckSchema } from "./check-forms";
import {
  parseDutchDate,
  parseDutchNumber,
  parseEventType,
  parsePastedEvents,
  pastedErrorSummary,
  schoolDaysBetween,
  todayInAmsterdam,
} from "./check-input";

describe("parseDutchDate", () => {
  it.each([
    ["2026-03-02", "2026-03-02"],
    ["2-3-2026", "2026-03-02"],
    ["02-03-2026", "2026-03-02"],
    ["2/3/2026", "2026-03-02"],
    ["2.3.2026", "2026-03-02"],
    [" 29-2-2028 ", "2028-02-29"],
    ["2026-3-2", "2026-03-02"],
  ])("%s → %s", (input, iso) => expect(parseDutchDate(input)).toBe(iso));

  it.each([
    "31-02-2026",
    "29-2-2026",
    "2-3-26",
    "2026/03/02",
    "2-3/2026",
    "03-2026",
    "",
    "maandag",
    "1-13-2026",
    "2-3-1800",
  ])("rejects %j", (input) => expect(parseDutchDate(input)).toBeNull());
});

describe("parseDutchNumber", () => {
  it.each([
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["2", 2],
    ["2 uur", 2],
    ["2u", 2],
    ["0,25", 0.25],
    ["1:30", 1.5],
  ])("%s → %s", (input, n) => expect(parseDutchNumber(input)).toBe(n));

  it.each(["-1", "abc", "1,5,5", "", "1e3", "1 1/2"])("rejects %j", (input) =>
    expect(parseDutchNumber(input)).toBeNull(),
  );
});

describe("parseEventType", () => {
  it.each([
    ["te laat", "late"],
    ["Laat", "late"],
    ["TE LAAT", "late"],
    ["ongeoorloofd", "unexcused"],
    ["Gespijbeld", "unexcused"],
    ["spijbelen", "unexcused"],
    ["ziek", "sick"],
    ["Ziek gemeld", "sick"],
    ["geoorloofd", "authorized"],
    ["verlof", "authorized"],
    ["late", "late"],
    ["unexcused", "unexcused"],
    ["sick", "sick"],
    ["authorized", "authorized"],
  ])("%s → %s", (word, type) => expect(parseEventType(word)).toBe(type));

  it("keeps ongeoorloofd and geoorloofd apart", () => {
    expect(parseEventType("ongeoorloofd afwezig")).toBe("unexcused");
    expect(parseEventType("geoorloofd afwezig")).toBe("authorized");
  });

  it.each(["", "afwezig", "vrij", "Jan"])("does not guess %j", (word) => expect(parseEventType(word)).toBeNull());
});

describe("parsePastedEvents", () => {
  it("reads tab, semicolon and comma lines with Dutch dates, types and decimal commas", () => {
    const text = [
      "Datum\tSoort\tUren",
      "2-3-2026\tongeoorloofd\t1,5",
      "02-03-2026;te laat;",
      "2026-03-04,ziek,6",
      "2026-03-05,gespijbeld,2,5",
      '5-3-2026;"verlof";"3,5"',
      "ziek;9-3-2026;2",
    ].join("\n");
    const r = parsePastedEvents(text);
    expect(r.errors).toEqual([]);
    expect(r.headerLine).toBe(1);
    expect(r.lineCount).toBe(7);
    expect(r.events).toEqual([
      { date: "2026-03-02", type: "unexcused", hours: 1.5 },
      { date: "2026-03-02", type: "late" },
      { date: "2026-03-04", type: "sick", hours: 6 },
      { date: "2026-03-05", type: "unexcused", hours: 2.5 },
      { date: "2026-03-05", type: "authorized", hours: 3.5 },
      { date: "2026-03-09", type: "sick", hours: 2 },
    ]);
  });

  it("handles Windows line ends and blank lines, numbering lines as the user sees them", () => {
    const r = parsePastedEvents("2-3-2026;laat\r\n\r\nmorgen;ziek;2\r\n");
    expect(r.events).toHaveLength(1);
    expect(r.errors).toEqual([{ line: 3, text: "morgen;ziek;2", message: expect.stringMatching(/soort|lezen/) }]);
  });

  it.each([
    ["31-02-2026;ziek;2", /datum "31-02-2026" bestaat niet/],
    ["2-3-2026;afwezig;2", /Onbekende soort "afwezig"/],
    ["2-3-2026;ziek;Jan Jansen", /Kan "Jan Jansen" niet lezen/],
    ["ziek;2", /geen datum/],
    ["maandag;ziek;2", /Kan "maandag" niet lezen als datum/],
    ["2-3-2026;3", /soort ontbreekt/],
    ["2-3-2026;3-3-2026;ziek", /twee datums/],
    ["2-3-2026;ziek;te laat", /twee soorten/],
    ["2-3-2026;ziek;-2", /negatief/],
    ["2-3-2026;ziek;30", /30 uur op één dag/],
    ["2-3-2026;ziek;2;3", /twee getallen/],
    ["2-3-2026;ziek;2;123456782", /BSN of onderwijsnummer/],
    ["123456782;2-3-2026;ziek", /BSN of onderwijsnummer/],
  ])("gives a line error for %j", (line, message) => {
    const r = parsePastedEvents(`2026-03-01;te laat\n${line}`);
    expect(r.events).toHaveLength(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2 });
    expect(r.errors[0].message).toMatch(message);
  });

  it("skips only a header in the first line; later header-like lines are errors", () => {
    const r = parsePastedEvents("2-3-2026;ziek;2\nDatum;Soort;Uren");
    expect(r.headerLine).toBeNull();
    expect(r.errors.map((e) => e.line)).toEqual([2]);
  });

  it("notes unexcused and sick lines without hours instead of dropping them", () => {
    const r = parsePastedEvents("2-3-2026;ongeoorloofd\n3-3-2026;ziek\n4-3-2026;te laat;0,5");
    expect(r.events).toEqual([
      { date: "2026-03-02", type: "unexcused" },
      { date: "2026-03-03", type: "sick" },
      { date: "2026-03-04", type: "late" },
    ]);
    expect(r.notes.map((n) => n.line)).toEqual([1, 2]);
  });

  it("summarises errors by line number", () => {
    const one = pastedErrorSummary([{ line: 4, text: "", message: "" }]);
    const many = pastedErrorSummary([2, 4, 9].map((line) => ({ line, text: "", message: "" })));
    expect(one).toBe("Regel 4 kan niet worden gelezen. Verbeter of verwijder deze regel.");
    expect(many).toMatch(/^De regels 2, 4 en 9 kunnen/);
  });
});

describe("quickCheckSchema", () => {
  const base = {
    protocol: "stellingwerf-college",
    late: "",
    truancy: "",
    sickHours: "",
    unexcusedHoursLast4Weeks: "",
    weeksAbsentInARow: "",
  };

  it("turns Dutch numbers into counts; empty is 0", () => {
    const r = quickCheckSchema.parse({ ...base, late: "9", unexcusedHoursLast4Weeks: "17", sickHours: "12,5" });
    expect(r).toEqual({
      protocol: "stellingwerf-college",
      late: 9,
      truancy: 0,
      sickHours: 12.5,
      unexcusedHoursLast4Weeks: 17,
      weeksAbsentInARow: 0,
    });
  });

  it.each([
    ["late", "3,5", /heel getal/],
    ["late", "-1", /negatief/],
    ["late", "negen", /heel getal/],
    ["unexcusedHoursLast4Weeks", "800", /passen niet in 4 weken/],
    ["weeksAbsentInARow", "60", /52/],
  ])("refuses %s = %j with a Dutch message on that field", (field, value, message) => {
    const r = quickCheckSchema.safeParse({ ...base, [field]: value });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual([field]);
    expect(r.error!.issues[0].message).toMatch(message);
  });
});

describe("detailedCheckSchema", () => {
  const base = { protocol: "stellingwerf-college", asOf: "2026-03-20", events: [], pasted: "", holidays: [] };

  it("merges typed rows and pasted lines into engine events", () => {
    const r = detailedCheckSchema.parse({
      ...base,
      events: [
        { date: "2026-03-02", type: "late", hours: "" },
        { date: "2026-03-03", type: "unexcused", hours: "2,5" },
        { date: "2026-03-04", type: "sick", hours: "" },
      ],
      pasted: "Datum;Soort;Uren\n5-3-2026;ziek;6",
      holidays: [{ start: "2026-02-14", end: "2026-02-22" }],
    });
    expect(r).toEqual({
      protocol: "stellingwerf-college",
      asOf: "2026-03-20",
      events: [
        { date: "2026-03-02", type: "late" },
        { date: "2026-03-03", type: "unexcused", hours: 2.5 },
        { date: "2026-03-04", type: "sick" },
        { date: "2026-03-05", type: "sick", hours: 6 },
      ],
      holidays: [{ start: "2026-02-14", end: "2026-02-22" }],
    });
  });

  it("uses today in Amsterdam when no reference date is given", () => {
    const r = detailedCheckSchema.parse({ ...base, asOf: "", pasted: "2-3-2026;ziek;2" });
    expect(r.asOf).toBe(todayInAmsterdam());
  });

  it("refuses unreadable pasted lines, naming them, and does not evaluate without them", () => {
    const r = detailedCheckSchema.safeParse({ ...base, pasted: "2-3-2026;ziek;2\nmaandag;ziek;2\n4-3-2026;ziek;x" });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([
      expect.objectContaining({ path: ["pasted"], message: expect.stringMatching(/regels 2 en 3/) }),
    ]);
  });

  it.each([
    [{ pasted: "" }, "pasted", /minstens één melding/],
    [{ asOf: "2026-02-30", pasted: "2-3-2026;ziek;2" }, "asOf", /bestaat niet/],
    [{ events: [{ date: "", type: "late", hours: "" }] }, "events.0.date", /datum/],
    [{ events: [{ date: "2026-03-02", type: "ziek", hours: "" }] }, "events.0.type", /Kies/],
    [{ events: [{ date: "2026-03-02", type: "sick", hours: "25" }] }, "events.0.hours", /24 uur/],
    [{ pasted: "2-3-2026;ziek;2", holidays: [{ start: "2026-03-10", end: "2026-03-01" }] }, "holidays.0.end", /vóór/],
  ])("gives a field error for %j", (patch, path, message) => {
    const r = detailedCheckSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join(".") === path);
    expect(issue?.message).toMatch(message);
  });
});

describe("leaveCheckSchema", () => {
  const base = {
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
  };

  it("builds the engine's leave request", () => {
    expect(leaveCheckSchema.parse(base)).toEqual({
      protocol: "stellingwerf-college",
      request: {
        kind: "vakantieverlof",
        start: "2026-05-11",
        schoolDays: 5,
        earlierVakantieverlofThisYear: false,
        adjoinsSchoolHoliday: false,
        earlierGewichtigeSchoolDaysThisYear: 0,
      },
    });
  });

  it("counts school days between the dates when the number is left empty", () => {
    const r = leaveCheckSchema.parse({
      ...base,
      schoolDays: "",
      end: "2026-05-19",
      summerStart: "2026-07-18",
      summerEnd: "2026-08-30",
    });
    expect(r.request.schoolDays).toBe(7);
    expect(r.request.summerHoliday).toEqual({ start: "2026-07-18", end: "2026-08-30" });
  });

  it.each([
    [{ schoolDays: "" }, "schoolDays", /aantal schooldagen/],
    [{ schoolDays: "0" }, "schoolDays", /minstens 1/],
    [{ schoolDays: "2,5" }, "schoolDays", /heel getal/],
    [{ start: "" }, "start", /eerste verlofdag/],
    [{ end: "2026-05-01" }, "end", /vóór de eerste/],
    [{ summerStart: "2026-07-18" }, "summerEnd", /én de laatste/],
    [{ schoolDays: "", end: "2026-05-10", start: "2026-05-09" }, "end", /geen schooldag/],
    [{ kind: "luxe" }, "kind", /soort verlof/],
  ])("gives a field error for %j", (patch, path, message) => {
    const r = leaveCheckSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path.join(".") === path)?.message).toMatch(message);
  });
});

describe("small helpers", () => {
  it("counts weekdays, skipping the summer holiday", () => {
    expect(schoolDaysBetween("2026-05-11", "2026-05-15")).toBe(5);
    expect(schoolDaysBetween("2026-05-09", "2026-05-10")).toBe(0);
    expect(schoolDaysBetween("2026-07-13", "2026-07-24", { start: "2026-07-18", end: "2026-08-30" })).toBe(5);
  });

  it("gives today's date in Amsterdam, not UTC", () => {
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time).
    expect(todayInAmsterdam(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    expect(todayInAmsterdam(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
  });
});
