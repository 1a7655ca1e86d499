// Routing by organisation: the pure rules, table-driven (spec/triage.md extended; see organisation.ts).
import { describe, expect, it } from "vitest";
import { triage } from "./engine";
import { deskByOrganisation, fallbackDesk, type RoutingFacts } from "./organisation";
import type { CallerType } from "./schema";

const vo = { kind: "school", name: "Stellingwerf College", sector: "vo" } as const;
const po = { kind: "school", name: "De Regenboog", sector: "po" } as const;
const so = { kind: "school", name: "De Sprong", sector: "so" } as const;
const mbo = { kind: "school", name: "ROC Friesland", sector: "mbo" } as const;
const bestuur = { kind: "bestuur", name: "Stichting Noord", schoolDesks: ["po", "vo-mbo"] } as const;
const gemeente = { kind: "gemeente", name: "Gemeente Assen" } as const;
const vendor = { kind: "leverancier", name: "Schoolsoft BV" } as const;

const cases: [string, CallerType, RoutingFacts, "po" | "vo-mbo" | null][] = [
  ["bestuur about its vo school", "school-board", { organisation: bestuur, school: vo }, "vo-mbo"],
  ["bestuur about its basisschool", "school-board", { organisation: bestuur, school: po }, "po"],
  ["bestuur about its (v)so school", "school-board", { organisation: bestuur, school: so }, "po"],
  ["bestuur about its mbo", "school-board", { organisation: bestuur, school: mbo }, "vo-mbo"],
  ["municipality about a basisschool", "municipality", { organisation: gemeente, school: po }, "vo-mbo"],
  ["vendor about a basisschool", "software-vendor", { school: po }, "vo-mbo"],
  ["'other' caller matched to a vendor", "other", { organisation: vendor }, "vo-mbo"],
  ["'other' caller who works at a basisschool", "other", { organisation: po }, "po"],
  ["bestuur without a school concerned: the text decides", "school-board", { organisation: bestuur }, null],
  ["a vo-school caller matched to its own school: the caller type decides", "vo-school", { organisation: vo }, null],
  ["a parent: never by organisation", "parent-or-student", { school: po }, null],
  ["no facts", "school-board", {}, null],
];

describe("deskByOrganisation", () => {
  it.each(cases)("%s", (_name, callerType, facts, desk) => {
    expect(deskByOrganisation(callerType, facts)?.desk ?? null).toBe(desk);
  });

  it("names the school in the reason", () => {
    expect(deskByOrganisation("school-board", { organisation: bestuur, school: vo })?.reason).toContain(
      "Stellingwerf College",
    );
  });

  it("a bestuur with schools on one desk only settles an undecided question", () => {
    expect(fallbackDesk({ organisation: { ...bestuur, schoolDesks: ["po"] } })?.desk).toBe("po");
    expect(fallbackDesk({ organisation: bestuur })).toBeNull();
  });
});

describe("triage with organisation facts", () => {
  const q = "Op een van onze basisscholen lukt het melden van verzuim niet.";
  it("the school concerned beats the words", () => {
    expect(triage({ callerType: "school-board", sector: undefined, question: q }).desk).toBe("po");
    const r = triage({ callerType: "school-board", sector: undefined, question: q }, undefined, {
      organisation: bestuur,
      school: vo,
    });
    expect(r.desk).toBe("vo-mbo");
    expect(r.sector).toBe("vo");
  });
  it("an undecided bestuur question goes to the desk of all its schools", () => {
    const open = "Hoe melden wij verzuim van een leerling die vaak afwezig is?";
    expect(triage({ callerType: "school-board", sector: undefined, question: open }).desk).toBe("unknown");
    const only = { organisation: { ...bestuur, schoolDesks: ["vo-mbo" as const] } };
    expect(triage({ callerType: "school-board", sector: undefined, question: open }, undefined, only).desk).toBe(
      "vo-mbo",
    );
  });
  it("a pupil speaking about their own attendance stays out of scope", () => {
    const r = triage(
      { callerType: "other", sector: undefined, question: "Ik heb 20 uur gespijbeld, word ik nu gemeld?" },
      undefined,
      {
        organisation: po,
      },
    );
    expect(r.desk).toBe("out-of-scope");
  });
});
