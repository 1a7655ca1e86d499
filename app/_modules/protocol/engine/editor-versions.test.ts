// Editors' rule versions merged over the protocol files (pure): the version in force on the day is copied with the
// new threshold and the one before ends the day before; a child protocol inherits the parent's editor version
// unless it overrides the rule itself; a threshold the rule's validation refuses is not merged.
import { describe, expect, it } from "vitest";
import { parseProtocolFile, resolveProtocols, type ProtocolSet } from "./definition";
import { editorRuleVersion, mergeEditorVersions } from "./editor-versions";
import { protocolVersions } from "./periods";

const rule = (id: string, count: number, extra = "") => `
  - id: ${id}
    kind: late
    title: "{count} keer te laat"
    threshold: { count: ${count} }
    window: school-year
    basis: school
    source: { label: "Protocol van de school, paragraaf 2" }
    actions: [{ action: Mail naar de ouders, actor: Mentor }]
    explanation: Komt een leerling voor de {count}e keer te laat? Dan krijgen de ouders een mail.${extra}`;

const parent = `id: parent\nname: Ouder\nschool: School A\nrules:${rule("late-3", 3)}${rule("late-6", 6)}\n`;
const child = `id: child\nname: Kind\nextends: parent\nschool: School B\nrules:${rule("late-6", 7)}\n`;

const base = (): ProtocolSet =>
  resolveProtocols([parseProtocolFile(parent, "parent.yaml"), parseProtocolFile(child, "child.yaml")], "2026-12-07");
const versionsOf = (set: ProtocolSet, p: string, id: string) =>
  set[p]!.versions.filter((r) => r.id === id).map((r) => [r.validFrom ?? null, r.validUntil ?? null, r.threshold]);

describe("mergeEditorVersions", () => {
  it("cuts the version in force on the day and adds the new one from that day; today's rules are unchanged", () => {
    const set = mergeEditorVersions(
      base(),
      [{ protocolId: "parent", ruleId: "late-3", validFrom: "2027-08-01", threshold: { count: 4 } }],
      "2026-12-07",
    );
    expect(versionsOf(set, "parent", "late-3")).toEqual([
      [null, "2027-07-31", { count: 3 }],
      ["2027-08-01", null, { count: 4 }],
    ]);
    expect(set.parent!.rules.find((r) => r.id === "late-3")!.threshold).toEqual({ count: 3 });
    expect(protocolVersions(set.parent!).map((v) => v.id)).toEqual(["parent@begin", "parent@2027-08-01"]);
    // The child inherits late-3 from the parent, so the editor's version applies there too.
    expect(versionsOf(set, "child", "late-3")).toEqual(versionsOf(set, "parent", "late-3"));
  });

  it("a later editor version cuts the earlier one; one from the same day replaces it", () => {
    const set = mergeEditorVersions(
      base(),
      [
        { protocolId: "parent", ruleId: "late-3", validFrom: "2028-08-01", threshold: { count: 5 } },
        { protocolId: "parent", ruleId: "late-3", validFrom: "2027-08-01", threshold: { count: 4 } },
      ],
      "2026-12-07",
    );
    expect(versionsOf(set, "parent", "late-3")).toEqual([
      [null, "2027-07-31", { count: 3 }],
      ["2027-08-01", "2028-07-31", { count: 4 }],
      ["2028-08-01", null, { count: 5 }],
    ]);
  });

  it("a child's own version of the rule wins over the parent's editor version; unknown rules change nothing", () => {
    const set = mergeEditorVersions(
      base(),
      [
        { protocolId: "parent", ruleId: "late-6", validFrom: "2027-08-01", threshold: { count: 8 } },
        { protocolId: "parent", ruleId: "late-99", validFrom: "2027-08-01", threshold: { count: 8 } },
      ],
      "2026-12-07",
    );
    expect(versionsOf(set, "parent", "late-6")).toEqual([
      [null, "2027-07-31", { count: 6 }],
      ["2027-08-01", null, { count: 8 }],
    ]);
    expect(versionsOf(set, "child", "late-6")).toEqual([[null, null, { count: 7 }]]);
  });

  it("refuses a threshold the rule's validation does not accept (a field the rule does not have, zero)", () => {
    const late3 = base().parent!.versions.find((r) => r.id === "late-3")!;
    expect(editorRuleVersion(late3, { validFrom: "2027-08-01", threshold: { hours: 4 } }).ok).toBe(false);
    expect(editorRuleVersion(late3, { validFrom: "2027-08-01", threshold: { count: 0 } }).ok).toBe(false);
    const set = mergeEditorVersions(
      base(),
      [{ protocolId: "parent", ruleId: "late-3", validFrom: "2027-08-01", threshold: { count: 0 } }],
      "2026-12-07",
    );
    expect(versionsOf(set, "parent", "late-3")).toEqual([[null, null, { count: 3 }]]);
  });
});
