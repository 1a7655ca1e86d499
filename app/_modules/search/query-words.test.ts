import { describe, expect, it } from "vitest";
import { engineQuery, matchedQueryWords } from "./query-words";

const stop = new Set(["de", "het", "een", "van", "moet", "ik", "hoe", "wat"]);

describe("the query both engines get", () => {
  it("leaves stop words out, and a trailing stop word never turns the word before it into a prefix", () => {
    expect(engineQuery("verlof van", stop)).toBe("verlof ");
    expect(engineQuery("het verlof", stop)).toBe("verlof");
    expect(engineQuery("verlof ", stop)).toBe("verlof ");
    expect(engineQuery("melden van verzuim", stop)).toBe("melden verzuim");
  });

  it("keeps a query of only stop words as it is", () => {
    expect(engineQuery("wat", stop)).toBe("wat");
  });

  it("question mode also leaves out question words and completes no prefix", () => {
    expect(engineQuery("Vanaf hoeveel uur moet ik verzuim melden?", stop, "question")).toBe("uur verzuim melden ");
    expect(engineQuery("hoe wat", stop, "question")).toBe("");
  });
});

describe("the words a hit matched", () => {
  it("maps matched spans back to the query's words: same word, stem, compound part or typo", () => {
    const doc = { title: "Ongeoorloofd verzuim melden", body: "Meld het bij de leerplichtambtenaar na 16 uur." };
    const positions = {
      title: [
        { start: 13, length: 7 },
        { start: 21, length: 6 },
      ],
      body: [{ start: 16, length: 19 }],
    };
    expect(matchedQueryWords("verzuim meldt ambtenaar spijbelen", doc, positions)).toEqual([
      "verzuim",
      "meldt",
      "ambtenaar",
    ]);
    expect(matchedQueryWords("verzuim", doc, undefined)).toEqual([]);
    expect(matchedQueryWords("verzuim", doc, undefined, ["Verzuim"])).toEqual(["verzuim"]);
  });
});
