import { describe, expect, it } from "vitest";
import { FUNCTION_WORDS, questionTerms } from "./suggest";

const STOP = new Set(["de", "het", "een", "en", "van", "ik", "we", "wij", "hoe", "wat", "moet", "moeten", "mag", "bij", "dat", "heeft", "is", "al", "voor", "over"]);

describe("questionTerms (question mode: stop words and question words out, every content word kept)", () => {
  it.each([
    ["Een leerling heeft 18 uur gespijbeld, moeten wij dat melden?", ["leerling", "uur", "gespijbeld", "melden"]],
    ["Hoe trek ik een verzuimmelding in die per ongeluk is verstuurd?", ["trek", "verzuimmelding", "die", "ongeluk", "verstuurd"]],
    ["Mag een leerling vrij voor de bruiloft van haar oom?", ["leerling", "vrij", "bruiloft", "oom"]],
    ["Hoe, wat, moet?", []],
    ["Leerling leerling LEERLING", ["leerling"]],
    ["Wat is het BSN 123456782 van de leerling", ["bsn", "leerling"]],
  ])("%s → %j", (q, terms) => {
    expect(questionTerms(q, STOP).map((t) => t.key)).toEqual(terms);
  });

  it("keeps the caller's own spelling to show back", () => {
    expect(questionTerms("Vraag over DUO en het Verzuimloket", STOP).map((t) => t.shown)).toEqual(["DUO", "Verzuimloket"]);
  });

  it("keeps negations and 'zonder': they are what happens", () => {
    for (const w of ["niet", "geen", "zonder", "nooit"]) expect(FUNCTION_WORDS.has(w)).toBe(false);
  });
});
