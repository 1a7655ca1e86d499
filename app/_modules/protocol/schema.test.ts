import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isoOf, isoWeekday, parseDay, schoolYearOf } from "./engine/dates";
import { loadProtocolsFromDir } from "./load";
import { MAX_EVENTS, parseEvaluateRequest, parseLeaveRequest, protocolIdIssues } from "./schema";

const here = path.dirname(fileURLToPath(import.meta.url));
const protocols = loadProtocolsFromDir(path.resolve(here, "../../../content/protocols"));

const ok = { asOf: "2026-03-20", events: [{ date: "2026-03-02", type: "late" }] };

describe("evaluate body", () => {
  it("defaults to the default protocol and keeps the events", () => {
    const r = parseEvaluateRequest(ok, protocols);
    expect(r.ok && r.protocol.id).toBe("stellingwerf-college");
    expect(r.ok && r.data.events).toEqual([{ date: "2026-03-02", type: "late" }]);
  });

  it("picks a named protocol", () => {
    const r = parseEvaluateRequest({ ...ok, protocol: "leerplichtwet" }, protocols);
    expect(r.ok && r.protocol.id).toBe("leerplichtwet");
  });

  it.each([
    ["an unknown protocol", { ...ok, protocol: "onbekend" }, "protocol"],
    ["an Object member as protocol", { ...ok, protocol: "constructor" }, "protocol"],
    ["a protocol that is not a string", { ...ok, protocol: 3 }, "protocol"],
    ["no asOf", { events: [] }, "asOf"],
    ["asOf with one-digit month", { ...ok, asOf: "2026-3-20" }, "asOf"],
    ["asOf that does not exist", { ...ok, asOf: "2026-02-29" }, "asOf"],
    ["asOf with a time", { ...ok, asOf: "2026-03-20T10:00:00Z" }, "asOf"],
    ["a year out of range", { ...ok, asOf: "0001-03-20" }, "asOf"],
    ["no events", { asOf: "2026-03-20" }, "events"],
    ["events not a list", { ...ok, events: "late" }, "events"],
    ["an unknown event type", { ...ok, events: [{ date: "2026-03-02", type: "absent" }] }, "events.0.type"],
    [
      "a bad event date",
      { ...ok, events: [{ date: "2026-03-02" }, { date: "31-03-2026", type: "late" }] },
      "events.1.date",
    ],
    ["negative hours", { ...ok, events: [{ date: "2026-03-02", type: "sick", hours: -1 }] }, "events.0.hours"],
    ["hours as text", { ...ok, events: [{ date: "2026-03-02", type: "sick", hours: "3" }] }, "events.0.hours"],
    ["infinite hours", { ...ok, events: [{ date: "2026-03-02", type: "sick", hours: Infinity }] }, "events.0.hours"],
    ["an event that is not an object", { ...ok, events: [null] }, "events.0"],
    [
      "a holiday ending before it starts",
      { ...ok, holidays: [{ start: "2026-02-22", end: "2026-02-16" }] },
      "holidays.0.end",
    ],
    ["a holiday without end", { ...ok, holidays: [{ start: "2026-02-16" }] }, "holidays.0.end"],
  ])("rejects %s at path %s", (_name, body, pathExpected) => {
    const r = parseEvaluateRequest(body, protocols);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toContain(pathExpected);
      expect(r.error).toBe("De invoer klopt niet.");
      for (const i of r.issues) expect(i.message).toMatch(/^[A-Z]/);
    }
  });

  it.each([null, "tekst", 42, [ok]])("rejects a body that is not an object: %j", (body) => {
    const r = parseEvaluateRequest(body, protocols);
    expect(!r.ok && r.issues).toEqual([{ path: "", message: "Stuur een JSON-object." }]);
  });

  it(`accepts ${MAX_EVENTS} events and rejects one more`, () => {
    const events = (n: number) => Array.from({ length: n }, () => ({ date: "2026-03-02", type: "late" }));
    expect(parseEvaluateRequest({ ...ok, events: events(MAX_EVENTS) }, protocols).ok).toBe(true);
    const r = parseEvaluateRequest({ ...ok, events: events(MAX_EVENTS + 1) }, protocols);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(["events"]);
  });

  it("accepts events without hours, holidays, and zero hours", () => {
    const r = parseEvaluateRequest(
      {
        ...ok,
        events: [
          { date: "2026-03-02", type: "unexcused" },
          { date: "2026-03-03", type: "sick", hours: 0 },
        ],
        holidays: [{ start: "2026-02-16", end: "2026-02-16" }],
      },
      protocols,
    );
    expect(r.ok).toBe(true);
  });

  it("explains an unknown protocol with the known ids", () => {
    expect(protocolIdIssues("x", ["a", "b"])).toEqual([
      { path: "protocol", message: 'Onbekend protocol "x". Kies uit: a, b.' },
    ]);
    expect(protocolIdIssues(undefined, ["a"])).toEqual([]);
    expect(protocolIdIssues("a", ["a"])).toEqual([]);
  });
});

describe("leave body", () => {
  const leave = {
    kind: "vakantieverlof",
    start: "2026-05-11",
    schoolDays: 5,
    summerHoliday: { start: "2026-07-18", end: "2026-08-30" },
  };

  it("fills defaults", () => {
    const r = parseLeaveRequest(leave, protocols);
    expect(r.ok && r.data).toMatchObject({
      earlierVakantieverlofThisYear: false,
      adjoinsSchoolHoliday: false,
      earlierGewichtigeSchoolDaysThisYear: 0,
    });
  });

  it.each([
    ["an unknown kind", { ...leave, kind: "luxe" }, "kind"],
    ["zero days", { ...leave, schoolDays: 0 }, "schoolDays"],
    ["half days", { ...leave, schoolDays: 1.5 }, "schoolDays"],
    ["days as text", { ...leave, schoolDays: "5" }, "schoolDays"],
    ["a bad start", { ...leave, start: "2026-05-32" }, "start"],
    [
      "a summer holiday backwards",
      { ...leave, summerHoliday: { start: "2026-08-30", end: "2026-07-18" } },
      "summerHoliday.end",
    ],
    [
      "a flag that is not a boolean",
      { ...leave, earlierVakantieverlofThisYear: "ja" },
      "earlierVakantieverlofThisYear",
    ],
    ["an unknown protocol", { ...leave, protocol: "x" }, "protocol"],
  ])("rejects %s", (_name, body, pathExpected) => {
    const r = parseLeaveRequest(body, protocols);
    expect(!r.ok && r.issues.map((i) => i.path)).toContain(pathExpected);
  });
});

describe("dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2026-02-29", false],
    ["2026-04-31", false],
    ["2026-12-31", true],
    ["2026-00-10", false],
    ["2026-1-10", false],
    ["", false],
  ])("parseDay(%s) is a real date: %s", (iso, expected) => {
    expect(parseDay(iso) !== null).toBe(expected);
    if (expected) expect(isoOf(parseDay(iso)!)).toBe(iso);
  });

  it.each([
    ["2026-03-16", 1],
    ["2026-03-20", 5],
    ["2026-03-22", 7],
    ["1969-12-29", 1],
  ])("isoWeekday(%s) = %i", (iso, expected) => {
    expect(isoWeekday(parseDay(iso)!)).toBe(expected);
  });

  it.each([
    ["2026-07-31", "2025-08-01", "2026-07-31"],
    ["2026-08-01", "2026-08-01", "2027-07-31"],
    ["2026-01-15", "2025-08-01", "2026-07-31"],
  ])("schoolYearOf(%s) = %s … %s", (iso, start, end) => {
    const y = schoolYearOf(parseDay(iso)!);
    expect([isoOf(y.start), isoOf(y.end)]).toEqual([start, end]);
  });
});
