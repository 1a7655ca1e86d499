import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";

let t: TestDb;
let svc: typeof import("./service");

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "..", "..", "..", "content"), demoUsers: false });
  svc = await import("./service");
  await svc.rebuildArticleIndex(t.db);
});
afterAll(async () => {
  await t.drop();
});

describe("article search service", () => {
  it("finds published articles with facets and highlighted snippets, filtered by sector", async () => {
    const r = await svc.searchArticles({ q: "vakantieverlof", sector: "vo" });
    expect(r.hits[0]!.title).toMatch(/vakantieverlof/i);
    expect(r.hits[0]!.titleHtml).toContain("<mark>");
    expect(r.facets.sectors.vo).toBe(r.total);
  });

  it("a sector filter keeps the articles for all sectors (sectoroverstijgend), and its facet counts what it finds", async () => {
    const all = await t.db.article.findMany({ where: { status: "published" } });
    const forEverySector = all
      .filter((a) => (JSON.parse(a.sectors) as string[]).includes("sectoroverstijgend"))
      .map((a) => a.slug);
    expect(forEverySector.length).toBeGreaterThan(0);
    for (const sector of ["po", "vo", "mbo"]) {
      const listed = await svc.searchArticles({ q: "", sector, perPage: 1000 });
      const slugs = new Set(listed.hits.map((h) => h.slug));
      expect(forEverySector.filter((s) => !slugs.has(s))).toEqual([]);
      // Filtering by a sector and that sector's facet count agree.
      expect((await svc.searchArticles({ q: "" })).facets.sectors[sector]).toBe(listed.total);
    }
    // With words: an all-sector article is found under a sector filter as without one.
    const open = await svc.searchArticles({ q: "september opschoning" });
    const slug = open.hits[0]!.slug;
    expect(forEverySector).toContain(slug);
    expect((await svc.searchArticles({ q: "september opschoning", sector: "po" })).hits.map((h) => h.slug)).toContain(
      slug,
    );
  });

  it("finds thresholds that articles embed from the protocol data", async () => {
    const r = await svc.searchArticles({ q: "16 uur binnen 4 weken" });
    expect(r.total).toBeGreaterThan(0);
  });

  it("suggests a spelling when nothing matches", async () => {
    // Three wrong letters: beyond the engine's typo budget of 2, within the suggestion's 3 for long words.
    const r = await svc.searchArticles({ q: "vxkxntixverlof" });
    expect(r.total).toBe(0);
    expect(r.didYouMean).toBe("vakantieverlof");
    expect(
      svc.spellingSuggestion(
        "lerplicht",
        new Map([
          ["leerplicht", 4],
          ["leerplichtig", 2],
        ]),
      ),
    ).toBe("leerplicht");
    expect(svc.spellingSuggestion("verlof", new Map([["verlof", 1]]))).toBeNull();
  });

  it("leaves out a word that matches nothing rather than finding nothing, and says so", async () => {
    // "xylofoonles" is in no article; Meilisearch's strategy `last` alone would keep it and find nothing.
    const r = await svc.searchArticles({ q: "xylofoonles leerling spijbelt" });
    expect(r.total).toBeGreaterThan(0);
    expect(r.ignoredWords).toEqual(["xylofoonles"]);
    expect(r.hits[0]!.titleHtml + r.hits[0]!.snippetHtml).toMatch(/<mark>spijbel/i);
    // A misspelt word is left out too, and the corrected query is offered.
    const typo = await svc.searchArticles({ q: "vxkxntixverlof aanvragen" });
    expect(typo.ignoredWords).toEqual(["vxkxntixverlof"]);
    expect(typo.didYouMean).toBe("vakantieverlof aanvragen");
    expect((await svc.searchArticles({ q: "vakantieverlof aanvragen" })).ignoredWords).toEqual([]);
  });

  it("question mode: a whole question finds the answer, and each hit says which words it matched", async () => {
    const r = await svc.searchArticles({
      q: "Vanaf hoeveel uur ongeoorloofd verzuim moeten we het melden?",
      mode: "question",
      perPage: 5,
    });
    expect(r.total).toBeGreaterThan(0);
    const top = r.hits.slice(0, 3);
    expect(
      top.some((h) => /16 uur/.test(h.snippetHtml.replace(/<\/?mark>/g, "")) || /verzuim melden|melden/i.test(h.title)),
    ).toBe(true);
    expect(r.hits[0]!.matchedWords.length).toBeGreaterThan(0);
    // Only the caller's own content words, in their spelling; question words are never a reason.
    for (const h of r.hits)
      for (const w of h.matchedWords) expect(["uur", "ongeoorloofd", "verzuim", "melden"]).toContain(w);
    // Every content word is optional: a question with one unknown word still finds what the others match.
    const long = await svc.searchArticles({
      q: "wat moet ik doen als een leerling vaak spijbelt en xylofoonles heeft",
      mode: "question",
    });
    expect(long.total).toBeGreaterThan(0);
  });

  it("a search finds the threshold article for a caller's question and ranks the leerplichtambtenaar article for a typo", async () => {
    // The articles that state the threshold (16 uur in 4 weken) come first for a caller's way of asking.
    const threshold = ["uren-tellen-ongeoorloofd-verzuim", "ongeoorloofd-verzuim-melden"];
    for (const q of ["hoeveel uur ongeoorloofd verzuim moet ik melden", "vanaf hoeveel uur verzuim melden"]) {
      const r = await svc.searchArticles({ q });
      expect(threshold).toContain(r.hits[0]!.slug);
    }
    const lpa = await svc.searchArticles({ q: "leerplicht ambtenar" });
    expect(lpa.total).toBeGreaterThan(0);
    expect(lpa.hits[0]!.type).toBe("faq");
    expect(lpa.hits[0]!.title).toMatch(/leerplichtambtenaar/i);
    // "Bedoelde u …?" also when the typo still matched a little (as part of a compound).
    expect(lpa.didYouMean).toBe("leerplichtambtenaar");
    expect((await svc.searchArticles({ q: "hoe bereik ik de helpdesk" })).didYouMean).toBeNull();
  });

  it("logs searches without any run of 6 or more digits", async () => {
    const id = svc.logSearch({ query: "leerling 123456782 verzuim en 12345 uur", resultCount: 0, source: "portal" });
    await svc.flushSearchLog();
    const row = await t.db.searchLog.findUniqueOrThrow({ where: { id: id! } });
    expect(row.query).not.toMatch(/\d{6,}/);
    expect(row.query).toContain("12345");
    await svc.logSearchClick(id!, "te-laat-komen");
    expect((await t.db.searchLog.findUniqueOrThrow({ where: { id: id! } })).clickedSlug).toBe("te-laat-komen");
  });

  it("records a click at once, even when another bundle of the app logged the search (one queue per process)", async () => {
    // proxy.ts answers cached search pages from the start-up bundle; the article page is another bundle, with
    // its own copy of this module.
    const id = svc.logSearch({ query: "vakantieverlof", resultCount: 4, source: "portal" });
    vi.resetModules();
    const other = await import("./service");
    expect(other).not.toBe(svc);
    await other.logSearchClick(id!, "vakantieverlof");
    expect((await t.db.searchLog.findUniqueOrThrow({ where: { id: id! } })).clickedSlug).toBe("vakantieverlof");
  });

  it("removes an article from the index when it is no longer published (no cached result outlives the change)", async () => {
    const a = await t.db.article.findUniqueOrThrow({ where: { slug: "luxe-verzuim" } });
    expect((await svc.searchArticles({ q: "luxe verzuim" })).hits[0]!.slug).toBe("luxe-verzuim");
    const version = svc.articleIndexVersion();
    await t.db.article.update({ where: { id: a.id }, data: { status: "archived" } });
    await svc.syncArticleInIndex(a.id, t.db);
    expect(svc.articleIndexVersion()).toBeGreaterThan(version);
    expect((await svc.searchArticles({ q: "luxe verzuim" })).hits.map((h) => h.slug)).not.toContain("luxe-verzuim");
    await t.db.article.update({ where: { id: a.id }, data: { status: "published" } });
    await svc.syncArticleInIndex(a.id, t.db);
    expect((await svc.searchArticles({ q: "luxe verzuim" })).hits[0]!.slug).toBe("luxe-verzuim");
  });

  it("a word left out as matching nothing is found once an article uses it (the word check forgets on change)", async () => {
    const a = await t.db.article.findUniqueOrThrow({ where: { slug: "luxe-verzuim" } });
    const before = await svc.searchArticles({ q: "luxe verzuim zwaluwstaartvlinder" });
    expect(before.ignoredWords).toEqual(["zwaluwstaartvlinder"]);
    // A second query sharing the word is answered from the remembered check, with the same notice.
    expect((await svc.searchArticles({ q: "verlof zwaluwstaartvlinder" })).ignoredWords).toEqual([
      "zwaluwstaartvlinder",
    ]);
    await t.db.article.update({
      where: { id: a.id },
      data: { summary: `${a.summary} Ook over de zwaluwstaartvlinder.` },
    });
    await svc.syncArticleInIndex(a.id, t.db);
    const after = await svc.searchArticles({ q: "verlof zwaluwstaartvlinder" });
    expect(after.ignoredWords).toEqual([]);
    expect(after.hits.map((h) => h.slug)).toContain("luxe-verzuim");
    await t.db.article.update({ where: { id: a.id }, data: { summary: a.summary } });
    await svc.syncArticleInIndex(a.id, t.db);
    expect((await svc.searchArticles({ q: "luxe verzuim zwaluwstaartvlinder" })).ignoredWords).toEqual([
      "zwaluwstaartvlinder",
    ]);
  });

  it("finds an article by its 'ook gevraagd als' questions, ranked below a match in another article's title", async () => {
    const a = await t.db.article.findUniqueOrThrow({ where: { slug: "te-laat-komen" } });
    expect((await svc.searchArticles({ q: "skivakantie" })).total).toBe(0);
    await t.db.article.update({
      where: { id: a.id },
      data: {
        questions: JSON.stringify([
          "Mag een leerling een dag eerder weg voor de skivakantie?",
          "Telt luxe verzuim ook als te laat?",
        ]),
      },
    });
    await svc.syncArticleInIndex(a.id, t.db);
    expect((await svc.searchArticles({ q: "skivakantie" })).hits.map((h) => h.slug)).toEqual(["te-laat-komen"]);
    const luxe = (await svc.searchArticles({ q: "luxe verzuim" })).hits.map((h) => h.slug);
    expect(luxe[0]).toBe("luxe-verzuim");
    expect(luxe).toContain("te-laat-komen");
    await t.db.article.update({ where: { id: a.id }, data: { questions: "[]" } });
    await svc.syncArticleInIndex(a.id, t.db);
    expect((await svc.searchArticles({ q: "skivakantie" })).total).toBe(0);
  });
});
