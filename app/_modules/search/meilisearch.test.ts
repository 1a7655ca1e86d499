// The Meilisearch adapter against a small fake Meilisearch on 127.0.0.1: the requests it sends and how it maps
// the answers. (The real server runs the shared contract in contract.test.ts when MEILISEARCH_HOST is set.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSearchEngine } from "./index";
import { MeilisearchEngine } from "./meilisearch";
import { articleIndexSettings } from "./settings";
import { SearchRequestError } from "./types";

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  auth: string | undefined;
}

let server: http.Server;
let host: string;
let seen: Seen[] = [];
let nextTask = 1;
const taskStatus = new Map<number, { status: string; error?: { code: string; message: string } }>();
let failNextTaskWith: { code: string; message: string } | null = null;
let searchReply: { status: number; body: unknown } = { status: 200, body: {} };

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function enqueue(res: http.ServerResponse, indexUid: string, type: string) {
  const taskUid = nextTask++;
  // The first poll sees "processing", the next one the outcome: the adapter has to wait.
  taskStatus.set(taskUid, failNextTaskWith ? { status: "failed", error: failNextTaskWith } : { status: "succeeded" });
  failNextTaskWith = null;
  send(res, 202, { taskUid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() });
}

const polled = new Set<number>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url!, "http://x");
      const body = raw ? JSON.parse(raw) : undefined;
      seen.push({
        method: req.method!,
        path: url.pathname,
        query: url.searchParams,
        body,
        auth: req.headers.authorization,
      });
      const m = url.pathname.match(/^\/indexes\/([^/]+)(\/.*)?$/);
      if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { status: "available" });
      const task = url.pathname.match(/^\/tasks\/(\d+)$/);
      if (req.method === "GET" && task) {
        const uid = Number(task[1]);
        const t = taskStatus.get(uid);
        if (!t) return send(res, 404, { code: "task_not_found", message: "no task", type: "invalid_request" });
        if (!polled.has(uid)) {
          polled.add(uid);
          return send(res, 200, { uid, status: "processing" });
        }
        return send(res, 200, { uid, status: t.status, error: t.error ?? null });
      }
      if (m) {
        const [, uid, rest = ""] = m;
        if (req.method === "PATCH" && rest === "/settings") return enqueue(res, uid!, "settingsUpdate");
        if (req.method === "POST" && rest === "/documents") return enqueue(res, uid!, "documentAdditionOrUpdate");
        if (req.method === "POST" && rest === "/documents/delete-batch") return enqueue(res, uid!, "documentDeletion");
        if (req.method === "DELETE" && rest === "/documents") return enqueue(res, uid!, "documentDeletion");
        if (req.method === "DELETE" && rest === "") return enqueue(res, uid!, "indexDeletion");
        if (req.method === "POST" && rest === "/search") return send(res, searchReply.status, searchReply.body);
        if (req.method === "GET" && rest === "/documents") {
          if (uid === "missing")
            return send(res, 404, {
              code: "index_not_found",
              message: "Index `missing` not found.",
              type: "invalid_request",
            });
          const offset = Number(url.searchParams.get("offset") ?? 0);
          const limit = Number(url.searchParams.get("limit") ?? 20);
          const all = Array.from({ length: 1500 }, (_, i) => ({ id: `d${i}`, rev: `r${i}` }));
          return send(res, 200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length });
        }
        if (req.method === "GET" && rest === "")
          return send(res, 200, {
            uid,
            primaryKey: "id",
            createdAt: "2026-01-01T00:00:00Z",
            updatedAt: "2026-12-07T12:00:00Z",
          });
      }
      send(res, 404, { code: "not_found", message: `no route ${req.method} ${url.pathname}`, type: "invalid_request" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const engine = () => new MeilisearchEngine({ host, apiKey: "secret-key" });
const writes = () => seen.filter((s) => !s.path.startsWith("/tasks/"));

describe("Meilisearch adapter (fake server)", () => {
  it("pushes the settings with PATCH, sends the API key and waits for the task", async () => {
    const settings = articleIndexSettings({
      synonyms: { mutual: [["IPO", "Informatiepunt Onderwijs"]] },
      stopWords: ["de"],
    });
    await engine().index("articles").updateSettings(settings);
    expect(writes()).toEqual([
      expect.objectContaining({
        method: "PATCH",
        path: "/indexes/articles/settings",
        body: settings,
        auth: "Bearer secret-key",
      }),
    ]);
    // polled until the task left "processing"
    expect(seen.filter((s) => s.path.startsWith("/tasks/")).length).toBeGreaterThanOrEqual(2);
  });

  it("adds documents with primary key id, deletes by ids and all", async () => {
    const index = engine().index("articles");
    await index.addDocuments([{ id: "a1", title: "Verlof", deskId: "po" }]);
    await index.deleteDocuments(["a1", 7]);
    await index.deleteAllDocuments();
    await index.addDocuments([]);
    await index.deleteDocuments([]);
    const w = writes();
    expect(w.map((s) => `${s.method} ${s.path}`)).toEqual([
      "POST /indexes/articles/documents",
      "POST /indexes/articles/documents/delete-batch",
      "DELETE /indexes/articles/documents",
    ]);
    expect(w[0]!.query.get("primaryKey")).toBe("id");
    expect(w[0]!.body).toEqual([{ id: "a1", title: "Verlof", deskId: "po" }]);
    expect(w[1]!.body).toEqual(["a1", 7]);
  });

  it("throws a SearchRequestError when a task fails", async () => {
    failNextTaskWith = { code: "invalid_document_id", message: "Document identifier is invalid." };
    const err = await engine()
      .index("articles")
      .addDocuments([{ id: "bad id" }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchRequestError);
    expect(err).toMatchObject({ code: "invalid_document_id" });
  });

  it("fails loudly when a write finds no index (a key that may not create one), but not when deleting", async () => {
    for (const write of [
      (i: ReturnType<ReturnType<typeof engine>["index"]>) => i.updateSettings({ stopWords: ["de"] }),
      (i: ReturnType<ReturnType<typeof engine>["index"]>) => i.addDocuments([{ id: "a1" }]),
    ]) {
      failNextTaskWith = { code: "index_not_found", message: "Index `articles` not found." };
      await expect(write(engine().index("articles"))).rejects.toMatchObject({ code: "index_not_found" });
    }
    failNextTaskWith = { code: "index_not_found", message: "Index `articles` not found." };
    await expect(engine().index("articles").deleteDocuments(["a1"])).resolves.toBeUndefined();
    failNextTaskWith = { code: "index_not_found", message: "Index `articles` not found." };
    await expect(engine().deleteIndex("articles")).resolves.toBeUndefined();
  });

  it("lists every document's fields page by page, and reads the index's stamp", async () => {
    const docs = await engine().index("articles").listDocuments(["id", "rev"]);
    expect(docs).toHaveLength(1500);
    expect(docs[1499]).toEqual({ id: "d1499", rev: "r1499" });
    const pages = writes().filter((w) => w.path === "/indexes/articles/documents");
    expect(pages.map((p) => p.query.get("offset"))).toEqual(["0", "1000"]);
    expect(pages[0]!.query.get("fields")).toBe("id,rev");
    expect(await engine().index("missing").listDocuments(["id"])).toEqual([]);
    expect(await engine().index("articles").stamp()).toBe("meilisearch:2026-12-07T12:00:00Z");
  });

  it("sends the search parameters and maps the answer, escaping _formatted", async () => {
    searchReply = {
      status: 200,
      body: {
        hits: [
          {
            id: "a7",
            title: "Regels <voor> ouders",
            tags: ["a&b"],
            _formatted: { id: "a7", title: "\uE000Regels\uE001 <voor> ouders", tags: ["a&b"] },
            _rankingScore: 0.9,
          },
        ],
        query: "regels",
        processingTimeMs: 3,
        limit: 5,
        offset: 10,
        estimatedTotalHits: 11,
        facetDistribution: { topic: { leerplicht: 1 } },
      },
    };
    const res = await engine()
      .index("articles")
      .search("regels", {
        filter: ['sectors = "vo"', ["topic = verlof", "topic = leerplicht"]],
        facets: ["topic", "sectors"],
        limit: 5,
        offset: 10,
        sort: ["publishedAt:desc"],
        attributesToHighlight: ["title"],
        attributesToCrop: ["body"],
        cropLength: 12,
        highlightPreTag: "<mark>",
        highlightPostTag: "</mark>",
        matchingStrategy: "all",
      });
    const req = seen.find((s) => s.path === "/indexes/articles/search")!;
    expect(req.body).toEqual({
      q: "regels",
      filter: ['sectors = "vo"', ["topic = verlof", "topic = leerplicht"]],
      facets: ["topic", "sectors"],
      limit: 5,
      offset: 10,
      sort: ["publishedAt:desc"],
      attributesToHighlight: ["title"],
      attributesToCrop: ["body"],
      cropLength: 12,
      cropMarker: "…",
      highlightPreTag: "\uE000",
      highlightPostTag: "\uE001",
      matchingStrategy: "all",
    });
    expect(res).toEqual({
      hits: [
        {
          id: "a7",
          title: "Regels <voor> ouders",
          tags: ["a&b"],
          _formatted: { id: "a7", title: "<mark>Regels</mark> &lt;voor&gt; ouders", tags: ["a&amp;b"] },
        },
      ],
      query: "regels",
      limit: 5,
      offset: 10,
      estimatedTotalHits: 11,
      facetDistribution: { topic: { leerplicht: 1 }, sectors: {} },
      processingTimeMs: 3,
    });
  });

  it("uses Meilisearch's defaults and leaves out _formatted when not asked", async () => {
    searchReply = {
      status: 200,
      body: {
        hits: [{ id: "a1", title: "Verlof" }],
        query: "",
        processingTimeMs: 0,
        limit: 20,
        offset: 0,
        estimatedTotalHits: 1,
      },
    };
    const res = await engine().index("articles").search("");
    expect(seen.find((s) => s.path === "/indexes/articles/search")!.body).toEqual({
      q: "",
      limit: 20,
      offset: 0,
      matchingStrategy: "last",
    });
    expect(res.hits).toEqual([{ id: "a1", title: "Verlof" }]);
    expect(res.facetDistribution).toEqual({});
  });

  it("maps a refused search to a SearchRequestError and a missing index to no hits", async () => {
    searchReply = {
      status: 400,
      body: {
        code: "invalid_search_filter",
        message: "Attribute `title` is not filterable.",
        type: "invalid_request",
        link: "",
      },
    };
    await expect(engine().index("articles").search("x", { filter: "title = x" })).rejects.toMatchObject({
      name: "SearchRequestError",
      code: "invalid_search_filter",
    });
    searchReply = {
      status: 404,
      body: { code: "index_not_found", message: "Index `nope` not found.", type: "invalid_request", link: "" },
    };
    const res = await engine().index("nope").search("x");
    expect(res).toMatchObject({ hits: [], estimatedTotalHits: 0 });
  });

  it("reports health, and an unreachable server as not ok", async () => {
    expect(await engine().health()).toMatchObject({ ok: true, engine: "meilisearch" });
    const down = new MeilisearchEngine({ host: "http://127.0.0.1:9", timeout: 2000 });
    expect(await down.health()).toMatchObject({ ok: false, engine: "meilisearch" });
  });

  it("deletes an index", async () => {
    await engine().deleteIndex("old");
    expect(writes()).toEqual([expect.objectContaining({ method: "DELETE", path: "/indexes/old" })]);
  });
});

describe("createSearchEngine", () => {
  it("picks Meilisearch when MEILISEARCH_HOST is set, else one embedded engine per process", async () => {
    expect(createSearchEngine({ MEILISEARCH_HOST: host, MEILISEARCH_API_KEY: "k" })).toBeInstanceOf(MeilisearchEngine);
    const a = createSearchEngine({});
    expect(a).toBe(createSearchEngine({ MEILISEARCH_HOST: "" }));
    expect((await a.health()).engine).toBe("embedded");
  });
});
