// The same contract for every engine: the embedded one always, Meilisearch when MEILISEARCH_HOST is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedEngine } from "./embedded";
import { searchIgnoringUnknownWords } from "./fallback";
import { MeilisearchEngine } from "./meilisearch";
import { engineQuery } from "./query-words";
import { SearchRequestError, type IndexSettings, type SearchEngine, type SearchIndex } from "./types";

type Article = {
  id: string;
  title: string;
  summary?: string;
  body: string;
  sectors: string[];
  topic: string;
  publishedAt: string;
};

const DOCS: Article[] = [
  {
    id: "a1",
    title: "Verlof aanvragen",
    summary: "Wanneer een leerling vrij mag krijgen.",
    body: "Ouders vragen verlof aan bij de directeur van de school. Voor vakantieverlof gelden strenge regels.",
    sectors: ["po", "vo"],
    topic: "verlof",
    publishedAt: "2024-01-10",
  },
  {
    id: "a2",
    title: "Ongeoorloofd verzuim melden",
    summary: "De school meldt bij de leerplichtambtenaar.",
    body: "Meld ongeoorloofd verzuim van 16 uur of meer in 4 weken via het verzuimloket van DUO.",
    sectors: ["vo", "mbo"],
    topic: "verzuim-melden",
    publishedAt: "2024-03-01",
  },
  {
    id: "a3",
    title: "De zorgcoördinator",
    summary: "Wie de zorg voor leerlingen regelt.",
    body: "De zorgcoördinator overlegt met de GGD en de leerplichtambtenaar over ziekteverzuim.",
    sectors: ["vo"],
    topic: "ziekteverzuim",
    publishedAt: "2023-11-20",
  },
  {
    id: "a4",
    title: "Nieuwe ideeën voor kwaliteitszorg",
    summary: "Een verslag van de sessies.",
    body: "Kwaliteitsmedewerkers deelden ideeën over onderwijs op afstand.",
    sectors: ["vo"],
    topic: "onderwijs-en-arbeidsmarkt",
    publishedAt: "2022-06-01",
  },
  {
    id: "a5",
    title: "Contact met de helpdesk",
    summary: "Bel de helpdesk op werkdagen.",
    body: "De helpdesk Informatiepunt Onderwijs is bereikbaar van 9 tot 13 uur.",
    sectors: ["vo", "mbo"],
    topic: "contact",
    publishedAt: "2024-05-05",
  },
  {
    id: "a6",
    title: "Te laat komen",
    summary: "Wat de school doet bij te laat komen.",
    body: "Na drie keer te laat volgt een gesprek met de mentor.",
    sectors: ["po"],
    topic: "te-laat-en-spijbelen",
    publishedAt: "2024-02-02",
  },
  {
    id: "a7",
    title: "Regels <voor> scholen & ouders",
    summary: "Een overzicht.",
    body: "Elke school heeft regels voor verlof en verzuim. De leerplichtwet geldt voor iedereen.",
    sectors: ["po", "vo", "mbo"],
    topic: "leerplicht",
    publishedAt: "2023-01-01",
  },
  {
    id: "a8",
    title: "Thuiszitters",
    summary: "Leerlingen zonder school.",
    body: "Een thuiszitter is een leerling die langer dan vier weken niet naar school gaat. Het LPA-team helpt.",
    sectors: ["po", "vo"],
    topic: "thuiszitters",
    publishedAt: "2021-09-09",
  },
];

const SETTINGS: IndexSettings = {
  searchableAttributes: ["title", "summary", "body"],
  filterableAttributes: ["sectors", "topic"],
  sortableAttributes: ["publishedAt"],
  displayedAttributes: ["*"],
  synonyms: {
    ipo: ["informatiepunt onderwijs"],
    "informatiepunt onderwijs": ["ipo"],
    lpa: ["leerplichtambtenaar"],
    spijbelen: ["ongeoorloofd verzuim"],
  },
  stopWords: ["de", "het", "een", "van"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
};

const ids = (hits: { id: unknown }[]) => hits.map((h) => String(h.id));

function contract(name: string, makeEngine: () => SearchEngine) {
  describe(`search contract: ${name}`, () => {
    const uid = `contract-${name}-${process.pid}-${Date.now()}`;
    // Created in beforeAll: a skipped suite still runs this function while collecting tests.
    let engine: SearchEngine;
    let index: SearchIndex<Article>;

    beforeAll(async () => {
      engine = makeEngine();
      index = engine.index<Article>(uid);
      await index.updateSettings(SETTINGS);
      await index.addDocuments(DOCS);
    });
    afterAll(async () => {
      await engine.deleteIndex(uid);
    });

    it("reports health", async () => {
      expect((await engine.health()).ok).toBe(true);
    });

    it.each([
      ["one typo from 5 letters", "verlog", "a1"],
      ["two typos from 9 letters", "leerplichtambtnar", "a2"],
      ["a first-letter typo counts double on a long word", "eerplichtambtenaar", "a2"],
      ["transposed letters are one typo", "vrelof", "a1"],
    ])("typo tolerance: %s (%s)", async (_label, q, id) => {
      expect(ids((await index.search(q)).hits)).toContain(id);
    });

    it.each([
      ["four letters allow no typo", "zeik"],
      ["a first-letter typo on a short word is two typos", "ferlof"],
      ["three typos are too many", "leerplchtambtnar"],
    ])("typo tolerance stops: %s (%s)", async (_label, q) => {
      expect((await index.search(q)).hits).toHaveLength(0);
    });

    it("matches a prefix on the last word only", async () => {
      expect(ids((await index.search("leerplichtamb")).hits)).toEqual(expect.arrayContaining(["a2", "a3"]));
      expect(ids((await index.search("melden leerplichtamb", { matchingStrategy: "all" })).hits)).toEqual(["a2"]);
      expect((await index.search("leerplichtamb melden", { matchingStrategy: "all" })).hits).toHaveLength(0);
    });

    it("folds accents and case both ways", async () => {
      expect(ids((await index.search("ideeen")).hits)).toEqual(["a4"]);
      expect(ids((await index.search("ZORGCOORDINATOR")).hits)).toEqual(["a3"]);
      expect(ids((await index.search("zorgcoördinator")).hits)).toEqual(["a3"]);
    });

    it("expands mutual and one-way synonyms, multi-word included", async () => {
      expect(ids((await index.search("IPO")).hits)).toEqual(["a5"]);
      expect(ids((await index.search("lpa")).hits)).toEqual(expect.arrayContaining(["a2", "a3", "a8"]));
      // one-way: the key finds its alternative, the alternative does not find the key
      expect(ids((await index.search("spijbelen")).hits)).toEqual(["a2"]);
      expect(ids((await index.search("leerplichtambtenaar")).hits)).not.toContain("a8");
    });

    it("ignores stop words in the query", async () => {
      const plain = ids((await index.search("verlof aanvragen")).hits);
      expect(ids((await index.search("het verlof van de aanvragen")).hits)).toEqual(plain);
    });

    it("keeps `te` so `te laat komen` finds its article first", async () => {
      expect(ids((await index.search("te laat komen")).hits)[0]).toBe("a6");
    });

    it.each([
      ['sectors = "mbo"', ["a2", "a5", "a7"]],
      ['sectors = "vo" AND (topic = "verlof" OR topic = "verzuim-melden")', ["a1", "a2"]],
      ["topic IN [verlof, contact]", ["a1", "a5"]],
      ['sectors != "vo"', ["a6"]],
      ['NOT sectors = "vo" OR topic = thuiszitters', ["a6", "a8"]],
      ['sectors = "PO" AND NOT topic IN ["verlof"]', ["a6", "a7", "a8"]],
    ])("filters: %s", async (filter, expected) => {
      const res = await index.search("", { filter, limit: 50 });
      expect(ids(res.hits).sort()).toEqual([...expected].sort());
      expect(res.estimatedTotalHits).toBe(expected.length);
    });

    it("accepts the array form of a filter (outer AND, inner OR)", async () => {
      const res = await index.search("", {
        filter: [["topic = verlof", "topic = contact"], 'sectors = "mbo"'],
        limit: 50,
      });
      expect(ids(res.hits)).toEqual(["a5"]);
    });

    it("refuses a filter on an attribute that is not filterable", async () => {
      await expect(index.search("verlof", { filter: 'title = "x"' })).rejects.toBeInstanceOf(SearchRequestError);
    });

    it("counts facets over all matching documents, per array element", async () => {
      const res = await index.search("school", { facets: ["sectors", "topic"], limit: 1 });
      expect(res.hits).toHaveLength(1);
      expect(res.facetDistribution.sectors).toEqual(
        expect.objectContaining({ po: expect.any(Number), vo: expect.any(Number) }),
      );
      const total = Object.values(res.facetDistribution.topic!).reduce((a, b) => a + b, 0);
      expect(total).toBe(res.estimatedTotalHits);
      const filtered = await index.search("", { filter: 'sectors = "mbo"', facets: ["sectors"] });
      expect(filtered.facetDistribution.sectors).toEqual({ mbo: 3, po: 1, vo: 3 });
    });

    it("pages with limit and offset", async () => {
      const all = await index.search("", { sort: ["publishedAt:desc"], limit: 50 });
      expect(ids(all.hits)).toEqual(["a5", "a2", "a6", "a1", "a3", "a7", "a4", "a8"]);
      const page = await index.search("", { sort: ["publishedAt:desc"], limit: 3, offset: 3 });
      expect(ids(page.hits)).toEqual(["a1", "a3", "a7"]);
      expect(page).toMatchObject({ limit: 3, offset: 3, estimatedTotalHits: 8 });
    });

    it("ranks a title match above a body match", async () => {
      const res = await index.search("thuiszitters");
      expect(ids(res.hits)[0]).toBe("a8");
      expect(ids((await index.search("verlof")).hits)[0]).toBe("a1");
    });

    it("highlights matches in _formatted with the text HTML-escaped", async () => {
      const res = await index.search("regels", { attributesToHighlight: ["title"], filter: "topic = leerplicht" });
      expect(res.hits[0]!._formatted!.title).toBe("<em>Regels</em> &lt;voor&gt; scholen &amp; ouders");
      expect(res.hits[0]!.title).toBe("Regels <voor> scholen & ouders");
      const custom = await index.search("verlof", {
        attributesToHighlight: ["title"],
        highlightPreTag: "<mark>",
        highlightPostTag: "</mark>",
        limit: 1,
      });
      expect(custom.hits[0]!._formatted!.title).toBe("<mark>Verlof</mark> aanvragen");
    });

    it("crops around the match", async () => {
      const res = await index.search("verzuimloket", { attributesToCrop: ["body"], cropLength: 5 });
      const body = res.hits[0]!._formatted!.body as string;
      expect(body).toContain("verzuimloket");
      expect(body.startsWith("…")).toBe(true);
      expect(body.replace(/…/g, " ").trim().split(/\s+/).length).toBeLessThanOrEqual(6);
      expect(res.hits[0]!._formatted!.title).toBe("Ongeoorloofd verzuim melden");
    });

    it("leaves out _formatted when nothing is highlighted or cropped", async () => {
      expect((await index.search("verlof")).hits[0]).not.toHaveProperty("_formatted");
    });

    it("drops words from the right with matching strategy last, and not with all", async () => {
      expect(ids((await index.search("verlof xyzzyq")).hits)).toEqual(expect.arrayContaining(["a1", "a7"]));
      expect((await index.search("verlof xyzzyq", { matchingStrategy: "all" })).hits).toHaveLength(0);
      // documents with both words come first
      expect(ids((await index.search("verlof leerplichtwet")).hits)[0]).toBe("a7");
    });

    it("with the portal's fallback, leaves out a leading word that is in no document (the strategy last cannot)", async () => {
      expect((await index.search("xyzzyq verlof")).hits).toHaveLength(0);
      const res = await searchIgnoringUnknownWords(index, "xyzzyq verlof", { filter: "topic = verlof" });
      expect(ids(res.hits)).toEqual(["a1"]);
      expect(res.ignoredWords).toEqual(["xyzzyq"]);
      expect(res.query).toBe("xyzzyq verlof");
      // Nothing to leave out: the result is the engine's own.
      expect((await searchIgnoringUnknownWords(index, "xyzzyq qwzzyx")).ignoredWords).toEqual([]);
      expect((await searchIgnoringUnknownWords(index, "verlof")).ignoredWords).toEqual([]);
    });

    it("says where the words matched (showMatchesPosition) and returns only the attributes asked for", async () => {
      const res = await index.search("verzuimloket", {
        showMatchesPosition: true,
        attributesToRetrieve: ["id", "title"],
        attributesToCrop: ["body:5"],
      });
      expect(res.hits[0]).toMatchObject({ id: "a2", title: "Ongeoorloofd verzuim melden" });
      expect(res.hits[0]).not.toHaveProperty("body");
      expect(res.hits[0]!._formatted!.body).toContain("verzuimloket");
      const pos = res.hits[0]!._matchesPosition!.body!;
      const body = DOCS[1]!.body;
      expect(pos.map((p) => body.slice(p.start, p.start + p.length))).toEqual(["verzuimloket"]);
    });

    it("with matching strategy frequency any word may be missing; documents with more of the words come first", async () => {
      const res = await index.search("verlof leerplichtwet", { matchingStrategy: "frequency" });
      expect(ids(res.hits)[0]).toBe("a7");
      expect(ids(res.hits)).toEqual(expect.arrayContaining(["a1", "a7"]));
      const missing = await searchIgnoringUnknownWords(index, "verlof xyzzyq", { matchingStrategy: "frequency" });
      expect(ids(missing.hits)).toEqual(expect.arrayContaining(["a1", "a7"]));
      expect(missing.ignoredWords).toEqual(["xyzzyq"]);
    });

    it("agree on a trailing stop word: the portal sends the query without it, so no word becomes a prefix", async () => {
      const stop = new Set(SETTINGS.stopWords);
      expect(ids((await index.search(engineQuery("verlof van", stop))).hits)).toEqual(
        ids((await index.search("verlof ")).hits),
      );
      // A synonym phrase is matched without its stop words in both engines ("informatiepunt van onderwijs").
      expect(ids((await index.search(engineQuery("informatiepunt van onderwijs", stop))).hits)).toEqual(["a5"]);
    });

    it("upserts by id and deletes", async () => {
      await index.addDocuments([{ ...DOCS[0]!, title: "Extra vrij vragen" }]);
      expect((await index.search("vrij vragen", { matchingStrategy: "all" })).hits.map((h) => h.title)).toContain(
        "Extra vrij vragen",
      );
      expect((await index.search("", { limit: 50 })).estimatedTotalHits).toBe(8);
      await index.deleteDocuments(["a1", "a6"]);
      const after = await index.search("", { limit: 50 });
      expect(ids(after.hits)).not.toContain("a1");
      expect(after.estimatedTotalHits).toBe(6);
      await index.deleteAllDocuments();
      expect((await index.search("")).estimatedTotalHits).toBe(0);
      await index.addDocuments(DOCS);
      expect((await index.search("", { limit: 50 })).estimatedTotalHits).toBe(8);
    });
  });
}

contract("embedded", () => new EmbeddedEngine());

describe.runIf(!!process.env.MEILISEARCH_HOST)("real Meilisearch", () => {
  contract(
    "meilisearch",
    () => new MeilisearchEngine({ host: process.env.MEILISEARCH_HOST!, apiKey: process.env.MEILISEARCH_API_KEY }),
  );
});
