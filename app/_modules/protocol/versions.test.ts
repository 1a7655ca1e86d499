import { describe, expect, it } from "vitest";
import { parseProtocolFile, resolveProtocols } from "./engine/definition";
import { ruleVersionAt } from "./versions";
import { loadProtocolsFromDir } from "./load";

const file = (threshold: string, actor = "Leerlingenadministratie") => `id: wet
name: Testwet
rules:
  - id: unexcused-hours
    kind: unexcused-hours
    validUntil: "2027-07-31"
    title: Melden bij {hours} uur
    threshold: { hours: 16, windowDays: 28 }
    window: rolling
    basis: law
    source: { label: "Leerplichtwet 1969, art. 21", url: "https://wetten.overheid.nl/BWBR0002628" }
    actions: [{ action: Verzuimmelding bij DUO, actor: Leerlingenadministratie }]
    explanation: Is een leerling {hours} uur zonder geldige reden weg? Dan meldt de school dat.
  - id: unexcused-hours
    kind: unexcused-hours
    validFrom: "2027-08-01"
    title: Melden bij {hours} uur
    threshold: ${threshold}
    window: rolling
    basis: law
    source: { label: "Leerplichtwet 1969, art. 21", url: "https://wetten.overheid.nl/BWBR0002628" }
    actions: [{ action: Verzuimmelding bij DUO, actor: ${actor} }]
    explanation: Is een leerling {hours} uur zonder geldige reden weg? Dan meldt de school dat.
`;
const setOf = (text: string) => resolveProtocols([parseProtocolFile(text, "wet.yaml")]);

describe("ruleVersionAt", () => {
  const set = setOf(file("{ hours: 12, windowDays: 28 }"));

  it("gives the version in force on a day with its key and period", () => {
    expect(ruleVersionAt(set, "wet", "unexcused-hours", "2027-07-31")).toMatchObject({
      protocolId: "wet",
      ruleId: "unexcused-hours",
      versionKey: "unexcused-hours@begin",
      validFrom: null,
      validUntil: "2027-07-31",
    });
    expect(ruleVersionAt(set, "wet", "unexcused-hours", "2027-08-01")).toMatchObject({
      versionKey: "unexcused-hours@2027-08-01",
      validFrom: "2027-08-01",
      validUntil: null,
    });
  });

  it("gives a 16-hex fingerprint that changes with the threshold or the actions and nothing else", () => {
    const at = (s: typeof set) => ruleVersionAt(s, "wet", "unexcused-hours", "2027-09-01")!.fingerprint;
    expect(at(set)).toMatch(/^[0-9a-f]{16}$/);
    expect(at(setOf(file("{ hours: 12, windowDays: 28 }")))).toBe(at(set));
    expect(at(setOf(file("{ windowDays: 28, hours: 12 }")))).toBe(at(set)); // key order does not matter
    expect(at(setOf(file("{ hours: 10, windowDays: 28 }")))).not.toBe(at(set));
    expect(at(setOf(file("{ hours: 12, windowDays: 28 }", "Administratie")))).not.toBe(at(set));
    expect(ruleVersionAt(set, "wet", "unexcused-hours", "2027-07-31")!.fingerprint).not.toBe(at(set));
  });

  it("returns null for an unknown protocol or rule", () => {
    expect(ruleVersionAt(set, "nope", "unexcused-hours", "2027-01-01")).toBeNull();
    expect(ruleVersionAt(set, "wet", "nope", "2027-01-01")).toBeNull();
  });

  it("gives one version from the beginning for the real content's rules", () => {
    const real = loadProtocolsFromDir();
    expect(ruleVersionAt(real, "stellingwerf-college", "late-3", "2026-12-07")).toMatchObject({
      versionKey: "late-3@begin",
      validFrom: null,
      validUntil: null,
    });
  });
});
