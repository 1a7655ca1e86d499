import { describe, expect, it } from "vitest";
import { FUNCTION_WORDS, reasonWords } from "./suggest";

const STOP = new Set([
  "de",
  "het",
  "een",
  "en",
  "van",
  "ik",
  "we",
  "wij",
  "hoe",
  "wat",
  "moet",
  "moeten",
  "mag",
  "bij",
  "dat",
  "heeft",
  "is",
  "al",
  "voor",
  "over",
]);

describe("reasonWords (the caller's words an article matched, for 'Past bij: …')", () => {
  it.each([
    // question, words the engine says matched, the words shown
    [
      "Moet ik 18 uur ongeoorloofd verzuim melden?",
      ["18", "uur", "ongeoorloofd", "verzuim", "melden"],
      ["uur ongeoorloofd verzuim melden"],
    ],
    [
      "Mag een leerling vrij voor de bruiloft van haar oom?",
      ["leerling", "bruiloft", "haar"],
      ["leerling", "bruiloft"],
    ],
    ["Hoe trek ik een verzuimmelding in?", ["trek", "verzuimmelding"], ["trek", "verzuimmelding"]],
    ["Vraag over het Verzuimloket van DUO", ["Verzuimloket", "DUO"], ["verzuimloket", "duo"]],
    ["Wat doen we als de leerling niet komt?", ["leerling", "niet", "komt"], ["leerling niet komt"]],
    ["Hoe, wat, moet?", ["hoe", "wat"], []],
    ["Leerling leerling", ["leerling"], ["leerling"]],
  ])("%s", (q, matched, shown) => {
    expect(reasonWords(q, matched, STOP)).toEqual(shown);
  });

  it("keeps negations and 'zonder': they are what happens", () => {
    for (const w of ["niet", "geen", "zonder", "nooit"]) expect(FUNCTION_WORDS.has(w)).toBe(false);
  });
});
