import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTaxonomyFile } from "../content/taxonomy";
import { articleIndexSettings, ticketIndexSettings } from "./settings";
import { toMeiliStopWords, toMeiliSynonyms } from "./synonyms";

describe("toMeiliSynonyms", () => {
  it("lists every other member for mutual groups and only the values for one-way keys, normalised", () => {
    expect(
      toMeiliSynonyms({
        synonyms: {
          mutual: [
            ["IPO", "Informatiepunt Onderwijs"],
            ["zorgcoördinator", "zorgcoordinator"],
          ],
          oneWay: { Vakantie: ["schoolvakantie", "vakantie"] },
        },
      }),
    ).toEqual({
      "informatiepunt onderwijs": ["ipo"],
      ipo: ["informatiepunt onderwijs"],
      vakantie: ["schoolvakantie"],
    });
  });

  it("merges a word that appears in several groups", () => {
    expect(
      toMeiliSynonyms({
        synonyms: {
          mutual: [
            ["a1", "b1"],
            ["a1", "c1"],
          ],
        },
      })["a1"],
    ).toEqual(["b1", "c1"]);
  });

  it("normalises and deduplicates stop words", () => {
    expect(toMeiliStopWords({ stopWords: ["De", "de", "HET", "twee woorden"] })).toEqual(["de", "het"]);
  });
});

describe("content/taxonomy.yaml search vocabulary", () => {
  const taxonomy = parseTaxonomyFile(
    fs.readFileSync(path.resolve(__dirname, "../../../content/taxonomy.yaml"), "utf8"),
  );
  const settings = articleIndexSettings(taxonomy);

  it("keeps words that carry meaning out of the stop words", () => {
    for (const w of ["te", "laat", "niet", "geen", "ziek", "na", "onder", "meer"])
      expect(settings.stopWords).not.toContain(w);
    for (const w of ["de", "het", "een", "van", "ik", "hoe", "wat"]) expect(settings.stopWords).toContain(w);
  });

  it.each([
    ["ipo", "informatiepunt onderwijs"],
    ["lpa", "leerplichtambtenaar"],
    ["po", "basisonderwijs"],
    ["zorgcoordinator", "zorg coordinator"],
    ["verzuimmelding", "verzuim melden"],
    ["laatkomen", "te laat"],
    ["spijbelgedrag", "ongeoorloofd verzuim"],
    ["ziekteverzuim", "ziekmelding"],
  ])("bridges %s → %s", (key, alt) => {
    expect(settings.synonyms![key]).toContain(alt);
  });

  it("uses keys of at most three words (longer ones can never match a query)", () => {
    for (const key of Object.keys(settings.synonyms!)) expect(key.split(" ").length).toBeLessThanOrEqual(3);
  });

  it("gives articles title > questions > summary > body and tickets their own filterable desk", () => {
    expect(settings.searchableAttributes).toEqual(["title", "questions", "summary", "body"]);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(["sectors", "audiences", "topic", "type", "protocolRuleIds"]),
    );
    expect(settings.typoTolerance?.minWordSizeForTypos).toEqual({ oneTypo: 5, twoTypos: 9 });
    const tickets = ticketIndexSettings();
    expect(tickets.filterableAttributes).toEqual(expect.arrayContaining(["deskId", "status", "topic", "tags"]));
    expect(tickets.searchableAttributes![0]).toBe("reference");
  });
});
