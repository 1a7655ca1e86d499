import { describe, expect, it } from "vitest";
import { parseProtocolFile, ProtocolFileError, resolveProtocols, type ResolvedProtocol } from "./definition";
import { protocolAt, protocolVersionAt, protocolVersions } from "./periods";
import { checkLeaveVersioned, evaluateAbsenceVersioned, evaluateCountsVersioned } from "./versioned";

// Test fixtures only: a law change on 2027-01-01 (16 → 12 hours) and a school rule that changes per school year
// (3 → 4 times late from 1 August 2027). The real content has no such change.
const LAW = `id: wet
name: Testwet
rules:
  - id: unexcused-hours
    kind: unexcused-hours
    validUntil: "2026-12-31"
    title: Melden bij {hours} uur
    threshold: { hours: 16, windowDays: 28 }
    window: rolling
    basis: law
    source: { label: "Leerplichtwet 1969, art. 21", url: "https://wetten.overheid.nl/BWBR0002628" }
    actions: [{ action: Verzuimmelding bij DUO, actor: Leerlingenadministratie }]
    explanation: Is een leerling {hours} uur zonder geldige reden weg? Dan meldt de school dat.
  - id: unexcused-hours
    kind: unexcused-hours
    validFrom: "2027-01-01"
    title: Melden bij {hours} uur
    threshold: { hours: 12, windowDays: 28 }
    window: rolling
    basis: law
    source: { label: "Leerplichtwet 1969, art. 21 (gewijzigd)", url: "https://wetten.overheid.nl/BWBR0002628" }
    actions: [{ action: Verzuimmelding bij DUO, actor: Leerlingenadministratie }]
    explanation: Is een leerling {hours} uur zonder geldige reden weg? Dan meldt de school dat.
`;
const lateRule = (count: number, period: string) => `  - id: late-3
    kind: late
${period}    title: "{count} keer te laat"
    threshold: { count: ${count} }
    window: school-year
    basis: school
    source: { label: "Verzuimprotocol Testschool" }
    actions: [{ action: Mail naar de ouders, actor: Leerlingenadministratie }]
    explanation: Komt een leerling voor de {count}e keer te laat? Dan krijgen de ouders een mail.
`;
const SCHOOL = `id: school
name: Testschool
school: Testschool
extends: wet
default: true
rules:
${lateRule(3, '    validUntil: "2027-07-31"\n')}${lateRule(4, '    validFrom: "2027-08-01"\n')}`;

const set = resolveProtocols(
  [parseProtocolFile(LAW, "wet.yaml"), parseProtocolFile(SCHOOL, "school.yaml")],
  "2026-10-01",
);
const school = set["school"] as ResolvedProtocol;
const late = (dates: string[]) => dates.map((date) => ({ date, type: "late" as const }));
const unexcused = (dates: string[], hours: number) =>
  dates.map((date) => ({ date, type: "unexcused" as const, hours }));
const lateThreshold = (day: string) => protocolAt(school, day).rules.find((r) => r.id === "late-3")!.threshold;

describe("rule versions in the protocol files", () => {
  it("keeps every version and puts the ones in force on the resolution day in rules", () => {
    expect(school.versions.filter((r) => r.id === "late-3")).toHaveLength(2);
    expect(school.rules.filter((r) => r.id === "late-3")).toHaveLength(1);
    expect(school.rules.find((r) => r.id === "unexcused-hours")!.threshold).toEqual({ hours: 16, windowDays: 28 });
  });

  it("switches the school rule between 31 July and 1 August", () => {
    expect(lateThreshold("2027-07-31")).toEqual({ count: 3 });
    expect(lateThreshold("2027-08-01")).toEqual({ count: 4 });
  });

  it("switches the law rule on the day of the law change, and the school inherits it", () => {
    const hours = (day: string) => protocolAt(school, day).rules.find((r) => r.id === "unexcused-hours")!.threshold;
    expect(hours("2026-12-31")).toEqual({ hours: 16, windowDays: 28 });
    expect(hours("2027-01-01")).toEqual({ hours: 12, windowDays: 28 });
  });

  it("lists protocol versions as maximal periods with ids", () => {
    expect(protocolVersions(school)).toEqual([
      { id: "school@begin", validFrom: null, validUntil: "2026-12-31" },
      { id: "school@2027-01-01", validFrom: "2027-01-01", validUntil: "2027-07-31" },
      { id: "school@2027-08-01", validFrom: "2027-08-01", validUntil: null },
    ]);
    expect(protocolVersionAt(school, "2027-07-31").id).toBe("school@2027-01-01");
    expect(protocolVersionAt(school, "2027-08-01").id).toBe("school@2027-08-01");
    expect(protocolVersions(set["wet"]!)).toHaveLength(2);
  });

  it("refuses overlapping versions, a period that ends before it starts and versions of another kind", () => {
    const overlap = SCHOOL.replace('validFrom: "2027-08-01"', 'validFrom: "2027-07-31"');
    expect(() => parseProtocolFile(overlap, "school.yaml")).toThrow(
      /regel late-3: veld validFrom: the versions begin – 2027-07-31 and 2027-07-31 – no end overlap/,
    );
    const backwards = SCHOOL.replace(
      'validFrom: "2027-08-01"',
      'validFrom: "2027-08-01"\n    validUntil: "2027-07-01"',
    );
    expect(() => parseProtocolFile(backwards, "school.yaml")).toThrow(
      /validUntil \(2027-07-01\) lies before validFrom/,
    );
    const notADate = SCHOOL.replace('validFrom: "2027-08-01"', 'validFrom: "2027-02-30"');
    expect(() => parseProtocolFile(notADate, "school.yaml")).toThrow(ProtocolFileError);
    const twoUndated = SCHOOL.replace('    validUntil: "2027-07-31"\n', "").replace(
      '    validFrom: "2027-08-01"\n',
      "",
    );
    expect(() => parseProtocolFile(twoUndated, "school.yaml")).toThrow(/occurs twice in the file/);
  });
});

describe("evaluation with the rules in force on each event's date", () => {
  it("judges a record ending 31 July by the old school rule and one from 1 August by the new", () => {
    const july = evaluateAbsenceVersioned(school, {
      asOf: "2027-07-31",
      events: late(["2027-07-05", "2027-07-06", "2027-07-07"]),
    });
    expect(july.triggered.map((t) => t.id)).toEqual(["late-3"]);
    expect(july.protocolVersion.map((v) => v.id)).toEqual(["school@2027-01-01"]);
    expect(july.versionNote).toBeNull();

    const august = evaluateAbsenceVersioned(school, {
      asOf: "2027-08-31",
      events: late(["2027-08-02", "2027-08-03", "2027-08-04"]),
    });
    expect(august.triggered).toEqual([]);
    expect(august.protocolVersion).toEqual([{ id: "school@2027-08-01", validFrom: "2027-08-01", validUntil: null }]);
    const fourth = evaluateAbsenceVersioned(school, {
      asOf: "2027-08-31",
      events: late(["2027-08-02", "2027-08-03", "2027-08-04", "2027-08-05"]),
    });
    expect(fourth.triggered.map((t) => [t.id, t.thresholdText, t.reachedOn])).toEqual([
      ["late-3", expect.stringContaining("4"), "2027-08-05"],
    ]);
  });

  it("evaluates a record that spans the law change per period and says so", () => {
    // 14 hours in the last week of December and 14 hours in the first weeks of January: under the old law (16)
    // December alone reports nothing; under the new one (12) January does.
    const events = [...unexcused(["2026-12-14", "2026-12-15"], 7), ...unexcused(["2027-01-11", "2027-01-12"], 7)];
    const r = evaluateAbsenceVersioned(school, { asOf: "2027-01-29", events });
    expect(r.protocolVersion.map((v) => v.id)).toEqual(["school@begin", "school@2027-01-01"]);
    expect(r.triggered.map((t) => [t.id, t.protocolVersion, t.reachedOn])).toEqual([
      ["unexcused-hours", "school@2027-01-01", "2027-01-12"],
    ]);
    expect(r.legalDuty).toBe(true);
    expect(r.versionNote).toBe(
      "Het protocol is op 1-1-2027 veranderd. Wij hebben elke periode apart bekeken, met de regels die toen golden.",
    );
    // Before the change the same December hours stay under the old threshold.
    const dec = evaluateAbsenceVersioned(school, { asOf: "2026-12-31", events });
    expect(dec.triggered).toEqual([]);
    expect(dec.protocolVersion.map((v) => v.id)).toEqual(["school@begin"]);
  });

  it("uses the rules in force on the given day for counts and on a leave's first day", () => {
    const counts = { late: 3, truancy: 0, sickHours: 0, unexcusedHoursLast4Weeks: 0, weeksAbsentInARow: 0 };
    expect(evaluateCountsVersioned(school, counts, "2027-07-31").triggered.map((t) => t.id)).toEqual(["late-3"]);
    const next = evaluateCountsVersioned(school, counts, "2027-08-01");
    expect(next.triggered).toEqual([]);
    expect(next.protocolVersion[0]!.id).toBe("school@2027-08-01");
    const leave = checkLeaveVersioned(school, { kind: "vakantieverlof", start: "2027-03-01", schoolDays: 3 });
    expect(leave.protocolVersion[0]!.id).toBe("school@2027-01-01");
  });
});
