import { describe, expect, it } from "vitest";
import { checkDocPlainLanguage, checkPlainLanguage, splitSentences, type PlainLanguageKind } from "./plain-language";

const kinds = (text: string, kind: PlainLanguageKind) =>
  checkPlainLanguage(text)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);

describe("splitSentences", () => {
  it.each([
    ["Eén zin.", 1],
    ["Eerste zin. Tweede zin! Derde zin?", 3],
    ["Dit geldt bijv. voor scholen. En ook voor gemeenten.", 2],
    ["Zie art. 21 van de wet. Daarna verder.", 2],
    ["Leerlingen o.a. in het mbo. Klaar.", 2],
    ["Regel één\nRegel twee", 2],
    ["Versie 1.2 is uit. Ja.", 2],
    ["", 0],
  ])("%j has %i sentence(s)", (text, n) => {
    expect(splitSentences(text)).toHaveLength(n);
  });
});

describe("checkPlainLanguage", () => {
  it("flags a sentence of more than 20 words and not one of 20", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `woord${"abcdefghijklmnopqrst"[i]}`).join(" ") + ".";
    const long = `${twenty.slice(0, -1)} extra.`;
    expect(kinds(twenty, "long-sentence")).toEqual([]);
    const f = checkPlainLanguage(`Kort. ${long}`).filter((x) => x.kind === "long-sentence");
    expect(f).toHaveLength(1);
    expect(f[0].start).toBe(6);
    expect(f[0].message).toContain("21 woorden");
  });

  it.each([
    ["De inschrijvingsgegevens kloppen niet.", ["inschrijvingsgegevens"]],
    ["De leerplichtambtenaar belt u.", []], // known compound
    ["De leerplichtambtenaren bellen u.", []], // known compound, plural
    ["Het BRONKOPPELINGSBESTAND is er.", []], // acronym-like capitals are skipped
    ["Veertienletters kort.", []],
    ["Een verzuimmeldingsformulier-kopie.", ["verzuimmeldingsformulier-kopie"]],
  ])("long words in %j", (text, expected) => {
    expect(kinds(text, "long-word")).toEqual(expected);
  });

  it.each([
    ["Het verzuim wordt gemeld bij de gemeente.", ["wordt gemeld"]],
    ["Het verzuim moet door de school worden gemeld.", ["worden gemeld"]],
    ["Als het verzuim gemeld wordt, belt de gemeente.", ["gemeld wordt"]],
    ["De brief werd opgestuurd.", ["werd opgestuurd"]],
    ["Het formulier wordt gegeven aan de ouders.", ["wordt gegeven"]],
    ["Wat wordt bedoeld met verzuim?", ["wordt bedoeld"]],
    ["Het verzuim is gemeld.", ["is gemeld"]],
    ["De school meldt het verzuim.", []],
    ["Hij wil leraar worden.", []],
    ["De leerling is gezond.", []],
    ["Dat is geweest.", []],
    ["Het bestand wordt groot.", []],
    ["Dit gebied is groot.", []],
  ])("passive hints in %j", (text, expected) => {
    expect(kinds(text, "passive")).toEqual(expected);
  });

  it.each([
    ["U meldt dit onverwijld.", ["onverwijld"], "meteen"],
    ["Derhalve belt u ons.", ["Derhalve"], "daarom"],
    ["Stuur het middels het formulier.", ["middels"], "met"],
    ["Dit geldt met betrekking tot verzuim.", ["met betrekking tot"], "over"],
    ["De school dient te melden.", ["dient te"], "moet"],
    ["Het middelste lokaal.", [], undefined],
  ])("jargon in %j", (text, expected, suggestion) => {
    const f = checkPlainLanguage(text).filter((x) => x.kind === "jargon");
    expect(f.map((x) => x.text)).toEqual(expected);
    if (suggestion) expect(f[0].suggestion).toBe(suggestion);
    for (const x of f) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it("returns nothing for plain text and sorts findings by position", () => {
    expect(checkPlainLanguage("De school meldt verzuim. Dat kan online.")).toEqual([]);
    const f = checkPlainLanguage("Derhalve wordt het verzuim gemeld. Indien nodig belt u.");
    expect(f.map((x) => x.kind)).toEqual(["jargon", "passive", "jargon"]);
    expect(f.every((x) => x.message.length > 10)).toBe(true);
  });

  it("honours options", () => {
    expect(checkPlainLanguage("Een twee drie vier.", { maxSentenceWords: 3 }).map((f) => f.kind)).toEqual([
      "long-sentence",
    ]);
    expect(kinds("De inschrijvingsgegevens kloppen.", "long-word")).toHaveLength(1);
    expect(checkPlainLanguage("De inschrijvingsgegevens kloppen.", { allowWords: ["inschrijvingsgegevens"] })).toEqual(
      [],
    );
  });
});

describe("checkDocPlainLanguage", () => {
  it("maps findings to ProseMirror positions per block", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Melden" }] },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [
                {
                  type: "paragraph",
                  content: [
                    { type: "text", text: "Zie " },
                    { type: "articleLink", attrs: { slug: "x", label: null } },
                    { type: "text", text: " derhalve." },
                  ],
                },
              ],
            },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "Dit wordt gemeld." }] },
      ],
    };
    const f = checkDocPlainLanguage(doc);
    // heading: 0..8 (size 8); bulletList at 8: list 8, item 9, paragraph 10, text starts at 11.
    // "Zie " = 11..15, link at 15, " derhalve." starts at 16 → "derhalve" = 17..25.
    const jargon = f.find((x) => x.kind === "jargon")!;
    expect([jargon.from, jargon.to, jargon.block]).toEqual([17, 25, 1]);
    // bulletList size = 2 + (2 + (2 + 4 + 1 + 10)) = 21 → next paragraph at 29, text at 30; "wordt gemeld" = 34..46.
    const passive = f.find((x) => x.kind === "passive")!;
    expect([passive.from, passive.to, passive.block]).toEqual([34, 46, 2]);
  });
});
