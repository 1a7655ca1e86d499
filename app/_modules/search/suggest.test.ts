import { describe, expect, it } from "vitest";
import { hasUnknownWord, suggestSpelling } from "./suggest";

const vocab = new Map([
  ["leerplichtambtenaar", 30],
  ["leerplicht", 20],
  ["verzuim", 40],
  ["melden", 25],
  ["vakantieverlof", 6],
]);

describe("Bedoelde u …?", () => {
  it("joins two words the articles write as one, typos allowed", () => {
    expect(suggestSpelling("leerplicht ambtenar", vocab)).toBe("leerplichtambtenaar");
    expect(suggestSpelling("vakantie verlof", vocab)).toBe("vakantieverlof");
  });

  it("corrects single words and leaves known ones and numbers alone", () => {
    expect(suggestSpelling("verzium melden", vocab)).toBe("verzuim melden");
    expect(suggestSpelling("verzuim melden", vocab)).toBeNull();
    expect(suggestSpelling("16 uur", vocab)).toBeNull();
    // Another form of a word the articles use is no typo.
    expect(suggestSpelling("meldt verzuim", vocab)).toBeNull();
    expect(hasUnknownWord("meldt", vocab)).toBe(false);
  });

  it("says whether a query has a word no article uses", () => {
    expect(hasUnknownWord("leerplicht ambtenar", vocab)).toBe(true);
    expect(hasUnknownWord("verzuim melden", vocab)).toBe(false);
  });
});
