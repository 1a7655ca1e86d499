import { describe, expect, it } from "vitest";
import { analysedTerms, meiliQuery } from "./meili-analysis";

describe("Dutch analysis for the Meilisearch path (no server needed)", () => {
  it("adds stems and compound parts of a text's words", () => {
    const terms = analysedTerms("Verzuimmeldingen van de leerplichtambtenaar").split(" ");
    expect(terms).toEqual(expect.arrayContaining(["verzuim", "leerplicht", "ambtenaar"]));
    expect(terms).toContain("verzuimmeld");
    expect(analysedTerms("de 16 uur")).toBe("");
  });

  it("sends a query with its own words first and the analysed ones after, never as a prefix", () => {
    expect(meiliQuery("verzuimmeldingen")).toMatch(/^verzuimmeldingen .*verzuim/);
    expect(meiliQuery("verzuimmeldingen").endsWith(" ")).toBe(true);
    expect(meiliQuery("16 uur")).toBe("16 uur");
    expect(meiliQuery("")).toBe("");
  });
});
