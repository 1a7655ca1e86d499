// The one "check the query → search → log" sequence, as its three callers use it: GET /api/v1/search, the /zoeken
// page cache's answers and the page itself (searchAndLog with log off while it renders for the cache).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import type { CachedPage, PageCache } from "@/app/_core/page-cache";

let t: TestDb;
let publicSearch: typeof import("./public-search");
let searchLog: typeof import("./search-log");
let searchRoute: typeof import("@/app/api/v1/search/route");
let cached: CachedPage;

const api = (query: string, ip = "192.0.2.44") =>
  searchRoute.GET(new Request(`http://localhost/api/v1/search${query}`, { headers: { "x-portal-peer": ip } }));
const logged = async (id: string | null) => {
  await searchLog.flushSearchLog();
  return id ? t.db.searchLog.findUnique({ where: { id } }) : null;
};

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "..", "..", "..", "content"), demoUsers: false });
  const service = await import("./service");
  await service.rebuildArticleIndex(t.db);
  publicSearch = await import("./public-search");
  searchLog = await import("./search-log");
  searchRoute = await import("@/app/api/v1/search/route");
  const { registerSearchPageCache } = await import("./search-page-cache");
  const registered: CachedPage[] = [];
  registerSearchPageCache({
    register: (_path: string, page: CachedPage) => void registered.push(page),
  } as unknown as PageCache);
  cached = registered[0]!;
}, 120_000);
afterAll(async () => {
  await t.drop();
});

describe(`public search (${process.env.TEST_DB ?? "sqlite"})`, () => {
  it("GET /api/v1/search answers with hits and a search id whose log row names the source", async () => {
    const res = await api("?q=vakantieverlof&perPage=3");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; perPage: number; searchId: string; hits: { slug: string }[] };
    expect(body.total).toBeGreaterThan(0);
    expect(body.perPage).toBe(3);
    expect(body.hits.length).toBeLessThanOrEqual(3);
    const row = await logged(body.searchId);
    expect(row).toMatchObject({ query: "vakantieverlof", source: "api", resultCount: body.total });

    const typed = (await (await api("?q=leerplicht&source=autocomplete", "192.0.2.45")).json()) as {
      searchId: string;
    };
    expect(typed.searchId).toMatch(/^c/);
  });

  it("an empty query searches without a log row; a bad filter is a 400 that logs nothing", async () => {
    const before = await t.db.searchLog.count();
    const empty = (await (await api("?q=")).json()) as { searchId: string | null; total: number };
    expect(empty.searchId).toBeNull();
    expect(empty.total).toBeGreaterThan(0);
    const bad = await api("?q=verlof&sector=hbo");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Onbekende sector");
    await searchLog.flushSearchLog();
    expect(await t.db.searchLog.count()).toBe(before);
  });

  it("the page cache answers each search with a fresh logged id; bad queries are not cached", async () => {
    const req = new Request("http://localhost/zoeken", { headers: { "x-portal-peer": "192.0.2.46" } });
    const prepared = await cached.prepare(new URL("http://localhost/zoeken?q=schoolverzuim&utm_source=x"), req);
    expect(prepared?.key).toBe("?q=schoolverzuim&utm_source=x");
    const first = await prepared!.answer();
    const second = await prepared!.answer();
    expect(first).not.toBe(second);
    expect(await logged(second)).toMatchObject({ query: "schoolverzuim", source: "portal" });

    expect(await cached.prepare(new URL("http://localhost/zoeken?sector=hbo"), req)).toBeNull();
    expect(await (await cached.prepare(new URL("http://localhost/zoeken"), req))!.answer()).toBe("");
    // All long digit runs: nothing is logged, and the links carry an id that matches no search.
    expect(await (await cached.prepare(new URL("http://localhost/zoeken?q=123456789"), req))!.answer()).toBe("0");
  });

  it("the page's own run: the page's parameters only, and no log row while it renders for the cache", async () => {
    const parsed = await publicSearch.parseSearchPageQuery({ q: "verzuim", perPage: "50", utm_source: "x" });
    expect(parsed.success).toBe(true);
    expect(parsed.data!.perPage).toBe(10); // perPage is the API's, not the page's
    expect((await publicSearch.parseSearchPageQuery({ q: "verzuim", topic: "onbekend" })).success).toBe(false);

    const before = await t.db.searchLog.count();
    const fill = await publicSearch.searchAndLog(parsed.data!, { source: "portal", perPage: 10, log: false });
    expect(fill.searchId).toBeNull();
    expect(fill.result.total).toBeGreaterThan(0);
    await searchLog.flushSearchLog();
    expect(await t.db.searchLog.count()).toBe(before);

    const shown = await publicSearch.searchAndLog(parsed.data!, { source: "portal", perPage: 10 });
    expect(await logged(shown.searchId)).toMatchObject({ query: "verzuim", source: "portal" });
    expect(shown.result.total).toBe(fill.result.total);
  });
});
