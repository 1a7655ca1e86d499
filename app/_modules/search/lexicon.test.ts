import { describe, expect, it } from "vitest";
import { loadLexicon, parseLexicon, withLexicon } from "./lexicon";
import { articleIndexSettings } from "./settings";
import { toMeiliSynonyms } from "./synonyms";

describe("concept lexicon (content/search-lexicon.yaml)", () => {
  it("is valid, and adds caller words as one-way synonyms of the official terms", () => {
    const lexicon = loadLexicon();
    expect(lexicon.concepts.length).toBeGreaterThan(10);
    const synonyms = articleIndexSettings({ stopWords: ["de", "van"] }).synonyms!;
    expect(synonyms["spijbelt"]).toContain("ongeoorloofd verzuim");
    expect(synonyms["blijft thuis"]).toContain("thuiszitter");
    // one way: the official term does not drift to the callers' words
    expect(synonyms["ongeoorloofd verzuim"] ?? []).not.toContain("spijbelt");
  });

  it("drops stop words from keys and leaves out alternatives with a stop word (both engines agree)", () => {
    const vocab = withLexicon(
      { stopWords: ["van", "de"] },
      { concepts: [{ terms: ["uitschrijving", "melden van verzuim"], callers: ["van school af"] }] },
    );
    expect(toMeiliSynonyms(vocab)).toEqual({ "school af": ["uitschrijving"] });
  });

  it("refuses a malformed file with its name and the bad field", () => {
    expect(() => parseLexicon("concepts:\n  - terms: []\n    callers: [x]\n", "lex.yaml")).toThrow(
      /lex\.yaml: concepts\.0\.terms/,
    );
  });
});
