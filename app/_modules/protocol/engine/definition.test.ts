import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../content/errors";
import {
  defaultProtocol,
  isLawSourceUrl,
  parseProtocolFile,
  ProtocolFileError,
  protocolList,
  resolveProtocols,
  type ProtocolDefinition,
} from "./definition";
import { evaluateAbsence } from "./evaluate";
import { describePeriod, describeThreshold } from "./rule-text";
import { ruleView, ruleViewByRef } from "./rule-view";
import { loadProtocolsFromDir } from "../load";

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, "../../../../content/protocols");
const lawText = fs.readFileSync(path.join(dir, "leerplichtwet.yaml"), "utf8");
const schoolText = fs.readFileSync(path.join(dir, "stellingwerf-college.yaml"), "utf8");
const FILE = "content/protocols/x.yaml";

/** A one-rule protocol file "x" with the rule given as YAML lines (indented under `rules:`). */
const fileWith = (rule: string) =>
  `id: x\nname: Testprotocol\nschool: Testschool\nrules:\n${rule.replace(/^/gm, "  ")}\n`;
const goodLate = `- id: late-3
  kind: late
  title: "{count} keer te laat"
  threshold: { count: 3 }
  window: school-year
  basis: school
  source: { label: "Verzuimprotocol Testschool 2026, § Te laat" }
  actions: [{ action: Mail naar de ouders, actor: Leerlingenadministratie }]
  explanation: Komt een leerling voor de {count}e keer te laat? Dan krijgen de ouders een mail.`;

const errorOf = (fn: () => unknown): ProtocolFileError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProtocolFileError) return e;
    throw e;
  }
  throw new Error("expected a ProtocolFileError");
};

describe("parseProtocolFile", () => {
  it("accepts the two protocol files", () => {
    expect(parseProtocolFile(lawText, "content/protocols/leerplichtwet.yaml").rules).toHaveLength(5);
    expect(parseProtocolFile(lawText, "content/protocols/leerplichtwet.yaml").rules.map((r) => r.id)).toEqual([
      "unexcused-16h-4w",
      "lrv-over-4w",
      "leave-vakantie",
      "leave-gewichtig-10",
      "leave-gewichtig-over-10",
    ]);
    const school = parseProtocolFile(schoolText, "content/protocols/stellingwerf-college.yaml");
    expect(school.extends).toBe("leerplichtwet");
    expect(school.default).toBe(true);
    expect(parseProtocolFile(fileWith(goodLate), FILE).rules[0].id).toBe("late-3");
  });

  it.each([
    ["a negative count", goodLate.replace("count: 3", "count: -1"), "regel late-3: veld threshold.count:"],
    [
      "a count that is not a number",
      goodLate.replace("count: 3", "count: drie"),
      "regel late-3: veld threshold.count:",
    ],
    [
      "a typo in a threshold key",
      goodLate.replace("count: 3", "count: 3, treshold: 4"),
      "regel late-3: veld threshold.treshold:",
    ],
    ["an unknown kind", goodLate.replace("kind: late", "kind: laat"), "regel late-3: veld kind:"],
    ["an unknown basis", goodLate.replace("basis: school", "basis: gemeente"), "regel late-3: veld basis:"],
    ["no actions", goodLate.replace(/actions: .*/, "actions: []"), "regel late-3: veld actions:"],
    [
      "an action without actor",
      goodLate.replace(", actor: Leerlingenadministratie", ""),
      "regel late-3: veld actions.0.actor:",
    ],
    [
      "a rolling window without days",
      goodLate.replace("window: school-year", "window: rolling"),
      "regel late-3: veld threshold.windowDays:",
    ],
    [
      "window days on a school-year window",
      goodLate.replace("count: 3", "count: 3, windowDays: 28"),
      "regel late-3: veld threshold.windowDays:",
    ],
    [
      "a threshold typed into the title",
      goodLate.replace('"{count} keer te laat"', "3 keer te laat"),
      "regel late-3: veld title: contains the threshold number 3",
    ],
    [
      "an unknown placeholder",
      goodLate.replace("{count}e keer", "{aantal}e keer"),
      "regel late-3: veld explanation: unknown placeholder {aantal}",
    ],
    ["a rule without id", goodLate.replace("- id: late-3\n  kind", "- kind"), "regel #1: veld id:"],
    ["a bad rule id", goodLate.replace("id: late-3", "id: Late 3"), "regel Late 3: veld id:"],
  ])("names file, rule and field: %s", (_name, rule, expected) => {
    const e = errorOf(() => parseProtocolFile(fileWith(rule), FILE));
    expect(e.message.startsWith(`${FILE}: ${expected}`)).toBe(true);
    expect(e).toBeInstanceOf(ContentError);
  });

  it.each([
    ["not YAML", "id: x\nrules: [", `${FILE}: not valid YAML`],
    ["a missing name", "id: x\nrules: []\n", `${FILE}: veld name:`],
    ["an unknown top-level key", "id: x\nname: Test\nrulez: []\n", `${FILE}: veld rulez:`],
    [
      "an id that is not the file name",
      "id: y\nname: Test\n",
      `${FILE}: veld id: the id "y" must equal the file name "x"`,
    ],
    [
      "a rule id twice",
      fileWith(`${goodLate}\n${goodLate}`),
      `${FILE}: regel late-3: veld id: this rule id occurs twice`,
    ],
  ])("file-level errors: %s", (_name, text, expected) => {
    expect(errorOf(() => parseProtocolFile(text, FILE)).message.startsWith(expected)).toBe(true);
  });

  it.each([
    [
      "both max and moreThan",
      "threshold: { maxSchoolDays: 10, moreThanSchoolDays: 10 }\n  leave: { request: vakantieverlof, decidedBy: afdelingsleider }",
      "veld threshold:",
    ],
    [
      "a refusing rule with a decider",
      "leave: { request: any, decidedBy: afdelingsleider, refuseWhenAdjoiningHoliday: true }",
      "veld leave.decidedBy:",
    ],
    ["an unknown request kind", "leave: { request: vakantie, decidedBy: afdelingsleider }", "veld leave.request:"],
  ])("leave rules: %s", (_name, body, field) => {
    const rule = `- id: leave-test\n  kind: leave\n  title: Testverlof\n  basis: law\n  source: { label: Leerplichtwet 1969 art. 14, url: "https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=14" }\n  ${body}\n  actions: [{ action: Beslist over de aanvraag, actor: Afdelingsleider }]\n  explanation: Een uitleg over dit verlof in gewone woorden.`;
    expect(errorOf(() => parseProtocolFile(fileWith(rule), FILE)).message).toContain(`regel leave-test: ${field}`);
  });
});

describe("resolveProtocols", () => {
  const def = (id: string, extra: Partial<ProtocolDefinition> = {}): ProtocolDefinition => ({
    id,
    name: `Protocol ${id}`,
    default: false,
    rules: [],
    file: `content/protocols/${id}.yaml`,
    ...extra,
  });

  it("a child inherits its parent's rules and replaces them by id", () => {
    const set = loadProtocolsFromDir(dir);
    const school = set["stellingwerf-college"];
    expect(school.chain).toEqual(["stellingwerf-college", "leerplichtwet"]);
    expect(school.rules.find((r) => r.id === "unexcused-16h-4w")?.definedIn).toBe("leerplichtwet");
    expect(school.rules.find((r) => r.id === "leave-vakantie")).toMatchObject({
      definedIn: "stellingwerf-college",
      basis: "school",
    });
    expect(set["leerplichtwet"].rules.find((r) => r.id === "leave-vakantie")).toMatchObject({
      definedIn: "leerplichtwet",
      basis: "law",
    });
    expect(defaultProtocol(set).id).toBe("stellingwerf-college");
    expect(protocolList(set).map((p) => p.id)).toEqual(["leerplichtwet", "stellingwerf-college"]);
  });

  it("looking up an id that is an Object member finds nothing", () => {
    const set = loadProtocolsFromDir(dir);
    expect(set["constructor"]).toBeUndefined();
    expect(set["toString"]).toBeUndefined();
  });

  it.each([
    [
      "an unknown parent",
      [def("a", { extends: "b" })],
      'content/protocols/a.yaml: veld extends: unknown parent protocol "b"',
    ],
    ["a cycle", [def("a", { extends: "b" }), def("b", { extends: "a" })], "veld extends: cycle: a → b → a"],
    ["a protocol extending itself", [def("a", { extends: "a" })], "veld extends: cycle: a → a"],
    [
      "two files with one id",
      [def("a"), { ...def("a"), file: "content/protocols/a2.yaml" }],
      "content/protocols/a2.yaml: veld id:",
    ],
    [
      "two defaults",
      [def("a", { default: true }), def("b", { default: true })],
      "content/protocols/b.yaml: veld default:",
    ],
  ])("rejects %s", (_name, defs, expected) => {
    expect(errorOf(() => resolveProtocols(defs)).message).toContain(expected);
  });

  it("rejects a child that changes the kind of an inherited rule", () => {
    const parent = parseProtocolFile(fileWith(goodLate), FILE);
    const child = parseProtocolFile(
      `id: y\nname: Kind\nschool: Testschool\nextends: x\nrules:\n  - id: late-3\n    kind: truancy\n    title: "{count} keer gespijbeld"\n    threshold: { count: 3 }\n    window: school-year\n    basis: school\n    source: { label: Verzuimprotocol Testschool 2026 }\n    actions: [{ action: Mail naar de ouders, actor: Leerlingenadministratie }]\n    explanation: Heeft een leerling voor de {count}e keer gespijbeld? Dan volgt een mail.\n`,
      "content/protocols/y.yaml",
    );
    expect(errorOf(() => resolveProtocols([parent, child])).message).toContain(
      "content/protocols/y.yaml: regel late-3: veld kind:",
    );
  });
});

describe("texts from the data", () => {
  const set = loadProtocolsFromDir(dir);
  const school = set["stellingwerf-college"];

  it.each([
    ["late-3", "3 keer te laat"],
    ["late-10", "10 keer te laat"],
    ["truancy-5", "5 keer gespijbeld"],
    ["unexcused-16h-4w", "16 uur of meer ongeoorloofd verzuim binnen 4 lesweken"],
    ["unexcused-4w-continuous", "4 weken aaneengesloten ongeoorloofd afwezig"],
    ["sick-30h", "30 uur ziekteverzuim"],
    [
      "leave-vakantie",
      "hoogstens 10 schooldagen, 1 keer per schooljaar, niet in de 2 weken voor of na de zomervakantie",
    ],
    ["leave-gewichtig-10", "hoogstens 10 schooldagen per schooljaar"],
    ["leave-gewichtig-over-10", "meer dan 10 schooldagen per schooljaar"],
  ])("describeThreshold(%s) = %s", (id, expected) => {
    expect(describeThreshold(school.rules.find((r) => r.id === id)!)).toBe(expected);
  });

  it("the law's vakantieverlof only blocks the first weeks after the summer holiday", () => {
    expect(ruleView(set["leerplichtwet"], "leave-vakantie")!.thresholdText).toBe(
      "hoogstens 10 schooldagen, 1 keer per schooljaar, niet in de eerste 2 lesweken van het schooljaar",
    );
  });

  it.each([
    [28, "4 weken"],
    [7, "1 week"],
    [1, "1 dag"],
    [10, "10 dagen"],
  ])("describePeriod(%i) = %s", (days, expected) => {
    expect(describePeriod(days)).toBe(expected);
  });

  it("ruleView fills title and explanation from the threshold and labels the basis", () => {
    expect(ruleView(school, "unexcused-16h-4w")).toEqual({
      id: "unexcused-16h-4w",
      protocolId: "stellingwerf-college",
      title: "Melden bij 16 uur ongeoorloofd verzuim in 4 lesweken",
      thresholdText: "16 uur of meer ongeoorloofd verzuim binnen 4 lesweken",
      actions: [
        {
          action: expect.stringContaining("Basisscholen melden vanuit hun leerlingadministratie (LAS)"),
          actor: "Leerlingenadministratie",
        },
      ],
      basis: "law",
      basisLabel: "wet",
      basisText: "Wet",
      source: {
        label: expect.stringContaining("Leerplichtwet 1969, art. 21"),
        url: "https://www.onderwijsinspectie.nl/onderwerpen/registreren-en-melden-van-ongeoorloofd-verzuim",
      },
      explanation: expect.stringContaining("in 4 lesweken die op elkaar volgen samen 16 uur les- of praktijktijd"),
    });
    expect(ruleView(school, "late-9")).toMatchObject({
      basisLabel: "schoolbeleid",
      basisText: "Schoolbeleid Stellingwerf College",
      title: "9 keer te laat: officiële waarschuwing",
      source: { label: expect.stringContaining("Verzuimbeleid Stellingwerf College") },
    });
    expect(ruleView(school, "no-such-rule")).toBeNull();
  });

  it("every rule of every protocol renders without a leftover placeholder", () => {
    for (const p of protocolList(set))
      for (const r of p.rules) {
        const v = ruleView(p, r.id)!;
        expect(`${v.title} ${v.explanation} ${v.thresholdText}`).not.toMatch(/[{}]/);
      }
  });

  it("resolves article references with and without a protocol", () => {
    expect(ruleViewByRef(set, "late-3")?.protocolId).toBe("stellingwerf-college");
    expect(ruleViewByRef(set, "leerplichtwet/unexcused-16h-4w")?.protocolId).toBe("leerplichtwet");
    expect(ruleViewByRef(set, "leerplichtwet/late-3")).toBeNull();
    expect(ruleViewByRef(set, "nope/late-3")).toBeNull();
  });
});

describe("a threshold changed in the data changes the text and the evaluation", () => {
  const load = (law: string, school = schoolText) =>
    resolveProtocols([
      parseProtocolFile(law, "content/protocols/leerplichtwet.yaml"),
      parseProtocolFile(school, "content/protocols/stellingwerf-college.yaml"),
    ]);
  const original = load(lawText);
  const edited = load(
    lawText.replace("threshold: { hours: 16, windowDays: 28 }", "threshold: { hours: 12, windowDays: 21 }"),
  );
  const events = [
    { date: "2026-03-02", type: "unexcused" as const, hours: 6 },
    { date: "2026-03-20", type: "unexcused" as const, hours: 6 },
  ];

  it("describeThreshold, title and explanation follow the number", () => {
    const v = ruleView(edited["stellingwerf-college"], "unexcused-16h-4w")!;
    expect(v.thresholdText).toBe("12 uur of meer ongeoorloofd verzuim binnen 3 lesweken");
    expect(v.title).toBe("Melden bij 12 uur ongeoorloofd verzuim in 3 lesweken");
    expect(v.explanation).toContain("in 3 lesweken die op elkaar volgen samen 12 uur les- of praktijktijd");
    expect(v.explanation).not.toMatch(/16|4 weken/);
  });

  it("the evaluation follows the number, in the parent and in the protocol that extends it", () => {
    for (const id of ["leerplichtwet", "stellingwerf-college"]) {
      expect(evaluateAbsence(original[id], { asOf: "2026-03-20", events }).legalDuty).toBe(false);
      const r = evaluateAbsence(edited[id], { asOf: "2026-03-20", events });
      expect(r.legalDuty).toBe(true);
      expect(r.totals.maxUnexcusedHours28d).toBe(12);
    }
  });

  it("a ladder step moved in the school file moves its trigger", () => {
    const moved = load(
      lawText,
      schoolText.replace(
        "threshold: { count: 3 }\n    window: school-year",
        "threshold: { count: 2 }\n    window: school-year",
      ),
    );
    const lates = [
      { date: "2026-03-02", type: "late" as const },
      { date: "2026-03-03", type: "late" as const },
    ];
    expect(evaluateAbsence(original["stellingwerf-college"], { asOf: "2026-03-20", events: lates }).triggered).toEqual(
      [],
    );
    const r = evaluateAbsence(moved["stellingwerf-college"], { asOf: "2026-03-20", events: lates });
    expect(r.triggered.map((t) => [t.id, t.thresholdText, t.title])).toEqual([
      ["late-3", "2 keer te laat", "2 keer te laat"],
    ]);
  });
});

describe("law and school policy stay apart", () => {
  const set = loadProtocolsFromDir(dir);

  it("every basis: law rule cites a law text or a government page; every school rule names its school", () => {
    const rules = protocolList(set).flatMap((p) => p.rules);
    expect(rules.length).toBeGreaterThan(10);
    for (const r of rules) {
      expect(r.source.label.length, r.id).toBeGreaterThan(5);
      if (r.basis === "law") expect(isLawSourceUrl(r.source.url), `${r.id}: ${r.source.url}`).toBe(true);
      else expect(r.school, r.id).toBe("Stellingwerf College");
    }
  });

  it("the law file holds only law rules, and no school's own rule (the holiday-adjacency ban is the school's)", () => {
    const law = parseProtocolFile(lawText, "content/protocols/leerplichtwet.yaml");
    expect(law.rules.every((r) => r.basis === "law")).toBe(true);
    expect(law.rules.some((r) => r.id === "leave-luxe")).toBe(false);
    expect(findRuleIn(set["stellingwerf-college"], "leave-luxe")).toMatchObject({
      basis: "school",
      definedIn: "stellingwerf-college",
    });
  });

  it.each([
    ["no address", "source: { label: Leerplichtwet 1969 art. 21 }"],
    [
      "a school's own page",
      'source: { label: Leerplichtwet volgens de school, url: "https://www.stellingwerf.nl/verzuim" }',
    ],
    [
      "a look-alike host",
      'source: { label: Leerplichtwet 1969 art. 21, url: "https://wetten.overheid.nl.example.com/x" }',
    ],
    ["plain http", 'source: { label: Leerplichtwet 1969 art. 21, url: "http://wetten.overheid.nl/BWBR0002628" }'],
  ])("refuses a law rule whose source is %s", (_name, source) => {
    const rule = goodLate.replace("basis: school", "basis: law").replace(/source: .*/, source);
    expect(errorOf(() => parseProtocolFile(fileWith(rule), FILE)).message).toContain("regel late-3: veld source.url:");
  });

  it("refuses a rule without a source, and a school rule in a file without a school", () => {
    expect(
      errorOf(() => parseProtocolFile(fileWith(goodLate.replace(/ {2}source: .*\n/, "")), FILE)).message,
    ).toContain("regel late-3: veld source:");
    const noSchool = `id: x\nname: Testprotocol\nrules:\n${goodLate.replace(/^/gm, "  ")}\n`;
    expect(errorOf(() => parseProtocolFile(noSchool, FILE)).message).toContain(
      "regel late-3: veld basis: a school rule belongs in a school's protocol",
    );
  });

  it("the law's LRV rule and the school's thuiszittersteam trigger are separate rules with their own thresholds", () => {
    const school = set["stellingwerf-college"];
    expect(describeThreshold(findRuleIn(school, "lrv-over-4w")!)).toBe(
      "langer dan 4 weken aaneengesloten ongeoorloofd afwezig (21 schooldagen of meer achter elkaar)",
    );
    expect(findRuleIn(school, "lrv-over-4w")).toMatchObject({ basis: "law", definedIn: "leerplichtwet" });
    expect(findRuleIn(set["leerplichtwet"], "lrv-over-4w")).toBeDefined();
    expect(describeThreshold(findRuleIn(school, "unexcused-4w-continuous")!)).toBe(
      "4 weken aaneengesloten ongeoorloofd afwezig",
    );
    expect(findRuleIn(school, "unexcused-4w-continuous")).toMatchObject({ basis: "school" });
    // Changing the school's trigger leaves the law's rule as it is.
    const changed = resolveProtocols([
      parseProtocolFile(lawText, "content/protocols/leerplichtwet.yaml"),
      parseProtocolFile(
        schoolText.replace("threshold: { windowDays: 28 }", "threshold: { windowDays: 14 }"),
        "content/protocols/stellingwerf-college.yaml",
      ),
    ])["stellingwerf-college"];
    expect(describeThreshold(findRuleIn(changed, "unexcused-4w-continuous")!)).toBe(
      "2 weken aaneengesloten ongeoorloofd afwezig",
    );
    expect(findRuleIn(changed, "lrv-over-4w")).toEqual(findRuleIn(school, "lrv-over-4w"));
  });

  it("a continuous-absence rule takes either windowDays or schoolDays", () => {
    const rule = (threshold: string) =>
      `- id: c\n  kind: continuous-absence\n  title: Lang afwezig\n  threshold: ${threshold}\n  window: consecutive\n  basis: school\n  source: { label: Verzuimprotocol Testschool 2026 }\n  actions: [{ action: Belt de ouders, actor: Mentor }]\n  explanation: Is een leerling lang zonder geldige reden weg? Dan belt de mentor.`;
    expect(
      errorOf(() => parseProtocolFile(fileWith(rule("{ windowDays: 28, schoolDays: 21 }")), FILE)).message,
    ).toContain("regel c: veld threshold:");
    expect(errorOf(() => parseProtocolFile(fileWith(rule("{}")), FILE)).message).toContain("regel c: veld threshold:");
    expect(parseProtocolFile(fileWith(rule("{ schoolDays: 21 }")), FILE).rules).toHaveLength(1);
  });
});

function findRuleIn(p: { rules: import("./definition").ResolvedRule[] }, id: string) {
  return p.rules.find((r) => r.id === id);
}
