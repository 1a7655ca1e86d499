// Behaviour of the embedded engine beyond the shared contract: n-grams and split words, prefix highlights,
// concurrent use while documents change, compaction, and the relevance gate on the judged sets.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTaxonomyFile } from "../content/taxonomy";
import { EmbeddedEngine, EmbeddedIndex } from "./embedded";
import { searchIgnoringUnknownWords } from "./fallback";
import { ARTICLE_SEARCH, articleIndexSettings } from "./settings";
import { SearchRequestError, type SearchDocument } from "./types";
import { BENCH_DIR, hasBenchFile } from "@/tests/helpers/bench";

const ids = (r: { hits: { id: unknown }[] }) => r.hits.map((h) => String(h.id));

async function indexWith(docs: SearchDocument[], settings = {}) {
  const index = new EmbeddedIndex("t");
  await index.updateSettings({
    searchableAttributes: ["title", "body"],
    filterableAttributes: ["kind"],
    sortableAttributes: ["n"],
    ...settings,
  });
  await index.addDocuments(docs);
  return index;
}

describe("embedded engine", () => {
  it("joins adjacent query words (n-grams) and splits a compound the index holds as two words", async () => {
    const index = await indexWith([
      { id: "1", title: "De zorgcoördinator", body: "" },
      { id: "2", title: "Het verzuim loket", body: "" },
      { id: "3", title: "Verzuim", body: "Loket open" },
    ]);
    expect(ids(await index.search("zorg coordinator"))).toEqual(["1"]);
    expect(ids(await index.search("verzuimloket"))).toEqual(["2"]);
  });

  it("highlights only the typed part of a prefix, and escapes around it", async () => {
    const index = await indexWith([{ id: "1", title: "Verzuim & <verlof>", body: "" }]);
    const res = await index.search("verz", { attributesToHighlight: ["*"] });
    expect(res.hits[0]!._formatted).toEqual({ id: "1", title: "<em>Verz</em>uim &amp; &lt;verlof&gt;", body: "" });
  });

  it("shows only displayed attributes", async () => {
    const index = await indexWith([{ id: "1", title: "Verlof", body: "tekst", secret: "x" }], {
      displayedAttributes: ["id", "title"],
    });
    expect((await index.search("verlof")).hits).toEqual([{ id: "1", title: "Verlof" }]);
  });

  it("refuses unknown sort and facet attributes and bad ids", async () => {
    const index = await indexWith([{ id: "1", title: "a", body: "" }]);
    await expect(index.search("a", { sort: ["title:asc"] })).rejects.toThrow(SearchRequestError);
    await expect(index.search("a", { facets: ["title"] })).rejects.toThrow(SearchRequestError);
    await expect(index.addDocuments([{ id: "met spatie" }])).rejects.toThrow(SearchRequestError);
  });

  it("applies new settings to documents already indexed", async () => {
    const index = await indexWith([{ id: "1", title: "Verlof", body: "ziek" }]);
    expect(ids(await index.search("ziek"))).toEqual(["1"]);
    await index.updateSettings({ searchableAttributes: ["title"] });
    expect(ids(await index.search("ziek"))).toEqual([]);
    await index.updateSettings({ stopWords: ["verlof"], searchableAttributes: ["title", "body"] });
    expect(ids(await index.search("verlof ziek"))).toEqual(["1"]);
  });

  it("stays consistent when searches and writes interleave, and compacts after many deletes", async () => {
    const index = await indexWith([]);
    const doc = (i: number) => ({
      id: `d${i}`,
      title: `Melding ${i}`,
      body: i % 2 ? "oneven verzuim" : "even verlof",
      kind: i % 2 ? "odd" : "even",
      n: i,
    });
    const work: Promise<unknown>[] = [];
    for (let batch = 0; batch < 20; batch++) {
      work.push(index.addDocuments(Array.from({ length: 100 }, (_, k) => doc(batch * 100 + k))));
      work.push(
        index.search("verzuim", { filter: "kind = odd", facets: ["kind"], limit: 5 }).then((r) => {
          // Whatever moment it ran, every hit it saw is odd and the facet agrees with the total.
          expect(r.hits.every((h) => h.kind === "odd")).toBe(true);
          expect(r.facetDistribution.kind!.odd ?? 0).toBe(r.estimatedTotalHits);
        }),
      );
    }
    await Promise.all(work);
    expect((await index.search("verzuim")).estimatedTotalHits).toBe(1000);
    await index.deleteDocuments(Array.from({ length: 1800 }, (_, i) => `d${i}`));
    expect(index.size).toBe(200);
    const left = await index.search("", { sort: ["n:asc"], limit: 3 });
    expect(ids(left)).toEqual(["d1800", "d1801", "d1802"]);
    expect((await index.search("verlof")).estimatedTotalHits).toBe(100);
    await index.addDocuments([{ ...doc(1801), body: "nu verlof" }]);
    expect((await index.search("verlof")).estimatedTotalHits).toBe(101);
  });

  it("coverage ranking (frequency): stems, compound parts both ways, typos in parts, numbers with units", async () => {
    const index = await indexWith([
      { id: "1", title: "Verzuimmeldingen", body: "De school meldt ongeoorloofd verzuim na 16 uur in 4 weken." },
      { id: "2", title: "Ziekteverzuim", body: "Een zieke leerling blijft thuis." },
      { id: "3", title: "De leerplichtambtenaar", body: "Zij spreekt ouders aan op 3x te laat komen." },
      { id: "4", title: "Vakantie", body: "Verlof buiten de schoolvakanties, vanaf groep 1 en vanaf hoeveel jaar." },
    ]);
    const f = (q: string) => index.search(q, { matchingStrategy: "frequency" }).then(ids);
    expect((await f("verzuimmelding"))[0]).toBe("1"); // stem: verzuimmeldingen
    expect((await f("melding verzuim"))[0]).toBe("1"); // parts of a compound in the text
    expect(await f("ziekte verzuim")).toContain("2");
    expect((await f("ambtenar"))[0]).toBe("3"); // a typo in a word that occurs only inside a compound
    expect((await f("schoolvakantieverlof"))[0]).toBe("4"); // a query compound split into its parts
    expect((await f("hoeveel uur melden"))[0]).toBe("1"); // "hoeveel uur" finds a number of hours
    expect((await f("vanaf hoeveel uur"))[0]).toBe("1"); // amount words are not matched on their own
    expect((await f("3 keer te laat"))[0]).toBe("3"); // "3x" is 3 keer
    // Never empty while a content word occurs, however long the question.
    expect(await f("wat gebeurt er als mijn leerling xyzzy qwerty vaak ziek is")).toContain("2");
  });

  it("returns independent copies, so callers cannot change the index", async () => {
    const index = await indexWith([{ id: "1", title: "Verlof", body: "" }]);
    const hit = (await index.search("verlof")).hits[0]!;
    hit.title = "veranderd";
    expect((await index.search("verlof")).hits[0]!.title).toBe("Verlof");
  });

  it("keeps one index per uid and forgets a deleted one", async () => {
    const engine = new EmbeddedEngine();
    await engine.index("a").addDocuments([{ id: "1", title: "x" }]);
    expect(engine.index("a")).toBe(engine.index("a"));
    await engine.deleteIndex("a");
    expect((await engine.index("a").search("")).estimatedTotalHits).toBe(0);
  });
});

const BENCH = BENCH_DIR;
describe.runIf(hasBenchFile("passages.jsonl", "relevance on the judged sets (search/embedded.test.ts)"))(
  "relevance on the judged sets (production settings)",
  () => {
    const read = (f: string) =>
      fs
        .readFileSync(f, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
    const score = async (queriesFile: string) => {
      const taxonomy = parseTaxonomyFile(
        fs.readFileSync(path.resolve(__dirname, "../../../content/taxonomy.yaml"), "utf8"),
      );
      const index = new EmbeddedIndex("eval");
      await index.updateSettings(articleIndexSettings(taxonomy));
      await index.addDocuments(read(path.join(BENCH, "passages.jsonl")));
      let rr = 0;
      let r3 = 0;
      const queries = read(queriesFile) as { q: string; relevant: string[] }[];
      for (const { q, relevant } of queries) {
        const hits = ids(await searchIgnoringUnknownWords(index, q, { ...ARTICLE_SEARCH, limit: 10 }));
        const rank = hits.findIndex((h) => relevant.includes(h));
        if (rank >= 0) rr += 1 / (rank + 1);
        if (rank >= 0 && rank < 3) r3++;
      }
      return { mrr: rr / queries.length, recall3: r3 / queries.length };
    };

    // The portal's coverage ranking (matching strategy frequency). The dev set was once tuned on with the strategy
    // `last` (0.935 / 1.0 there, but 0.77 and 0.46 on unseen queries); coverage ranking trades a little of that
    // for queries it was never shown: dev 0.92 / 0.957, extra 1.0 / 1.0, blind-written 0.93 / 1.0.
    it("dev queries: MRR@10 ≥ 0.9 and recall@3 ≥ 0.95", async () => {
      const s = await score(path.join(BENCH, "queries.dev.jsonl"));
      expect(s.mrr).toBeGreaterThanOrEqual(0.9);
      expect(s.recall3).toBeGreaterThanOrEqual(0.95);
    });

    it("our own extra queries: MRR@10 ≥ 0.95 and recall@3 ≥ 0.95", async () => {
      const s = await score(path.resolve(__dirname, "fixtures/queries.extra.jsonl"));
      expect(s.mrr).toBeGreaterThanOrEqual(0.95);
      expect(s.recall3).toBeGreaterThanOrEqual(0.95);
    });

    // 45 queries written blind to the engine (keywords, typos, whole questions, numbers): 0.88 / 0.93 with `last`.
    it("queries written blind, many of them whole questions: MRR@10 ≥ 0.9 and recall@3 ≥ 0.97", async () => {
      const s = await score(path.resolve(__dirname, "fixtures/queries.natural.jsonl"));
      expect(s.mrr).toBeGreaterThanOrEqual(0.9);
      expect(s.recall3).toBeGreaterThanOrEqual(0.97);
    });

    // 92 queries written by someone who read only the seed texts and the passages, never the engine; held out while the
    // engine was built and scored once at the end (MRR@10 0.857, recall@3 0.913; plain MiniSearch with prefix and fuzzy
    // matching: 0.751 / 0.815). A regression guard, not a target to tune on.
    it("held-out blind queries: MRR@10 ≥ 0.85 and recall@3 ≥ 0.9", async () => {
      const s = await score(path.resolve(__dirname, "fixtures/queries.blind.jsonl"));
      expect(s.mrr).toBeGreaterThanOrEqual(0.85);
      expect(s.recall3).toBeGreaterThanOrEqual(0.9);
    });
  },
);
