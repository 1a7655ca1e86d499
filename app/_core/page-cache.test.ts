// The anonymous page cache against a real HTTP server standing in for the rendering app.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAGE_FILL_HEADER, PageCache, type CachedPage } from "./page-cache";

const PLACEHOLDER = "@@ID@@";
let server: http.Server;
let origin: string;
let renders: { url: string; fill: string | undefined }[];
let respond: (res: http.ServerResponse, url: string) => void;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    renders.push({ url: req.url!, fill: req.headers[PAGE_FILL_HEADER] as string | undefined });
    respond(res, req.url!);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let version: number;
let answers: string[];
beforeEach(() => {
  renders = [];
  answers = [];
  version = 1;
  respond = (res, url) => {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "x-render-only": "1",
    });
    res.end(
      `<html><body><h1>${url}</h1><a href="/a?z=${PLACEHOLDER}">één</a><a href="/b?z=${PLACEHOLDER}">twee</a></body></html>`,
    );
  };
});

const page: CachedPage = {
  version: () => version,
  placeholder: PLACEHOLDER,
  async prepare(url) {
    if (url.searchParams.get("q") === "ongeldig") return null;
    return {
      key: url.search,
      async answer() {
        const id = `id${answers.length + 1}`;
        answers.push(id);
        return id;
      },
    };
  },
};

function cache(opts: Partial<ConstructorParameters<typeof PageCache>[0]> = {}) {
  const c = new PageCache({ ttlMs: 60_000, maxEntries: 10, maxChars: 1_000_000, origin: () => origin, ...opts });
  c.register("/zoeken", page);
  return c;
}
const req = (path: string, init: RequestInit = {}) => new Request(`http://portal.test${path}`, init);

describe("the anonymous page cache", () => {
  it("renders a first request as usual, fills on the repeat, then answers from memory with fresh per-request text", async () => {
    const c = cache();
    expect(await c.serve(req("/zoeken?q=verlof"))).toBeNull();
    expect(renders).toEqual([]);

    const second = await c.serve(req("/zoeken?q=verlof"));
    expect(second!.headers.get("x-portal-cache")).toBe("miss");
    expect(renders).toEqual([{ url: "/zoeken?q=verlof", fill: c.token }]);
    const third = await c.serve(req("/zoeken?q=verlof"));
    expect(third!.headers.get("x-portal-cache")).toBe("hit");
    expect(renders).toHaveLength(1);

    expect(await second!.text()).toBe(
      `<html><body><h1>/zoeken?q=verlof</h1><a href="/a?z=id1">één</a><a href="/b?z=id1">twee</a></body></html>`,
    );
    expect(await third!.text()).toContain(`<a href="/a?z=id2">één</a><a href="/b?z=id2">twee</a>`);
    // Response headers that describe the page are kept; the rest belonged to the one render.
    expect(third!.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(third!.headers.get("cache-control")).toBe("private, no-store");
    expect(third!.headers.get("x-render-only")).toBeNull();
    expect(c.stats).toMatchObject({ hits: 1, fills: 1 });
  });

  it("costs a one-off request nothing beyond its own render: the page is not asked to read it", async () => {
    const c = new PageCache({ ttlMs: 60_000, maxEntries: 10, maxChars: 1_000_000, origin: () => origin });
    const prepared: string[] = [];
    c.register("/zoeken", {
      ...page,
      async prepare(url, r) {
        prepared.push(url.search);
        return page.prepare(url, r);
      },
    });
    for (let i = 0; i < 5; i++) expect(await c.serve(req(`/zoeken?q=eenmalig${i}`))).toBeNull();
    expect(prepared).toEqual([]);
    expect(renders).toEqual([]);
    expect(c.stats.passes).toBe(5);
    // The repeat is read, filled and answered.
    expect((await c.serve(req("/zoeken?q=eenmalig3")))!.headers.get("x-portal-cache")).toBe("miss");
    expect(prepared).toEqual(["?q=eenmalig3"]);
  });

  it("renders a page once for many concurrent repeats", async () => {
    const c = cache();
    await c.serve(req("/zoeken?q=ziek"));
    const all = await Promise.all(Array.from({ length: 8 }, () => c.serve(req("/zoeken?q=ziek"))));
    expect(all.every((r) => r?.status === 200)).toBe(true);
    expect(renders).toHaveLength(1);
    expect(new Set(answers).size).toBe(8);
  });

  it("leaves staff, client-side navigations, crawlers, other methods, fills and invalid input to the page", async () => {
    const c = cache();
    const cases: [string, RequestInit][] = [
      ["/zoeken?q=a", { headers: { cookie: "theme=x; authjs.session-token=abc" } }],
      ["/zoeken?q=a", { headers: { cookie: "__Secure-authjs.session-token.0=abc" } }],
      ["/zoeken?q=a", { headers: { rsc: "1" } }],
      ["/zoeken?q=a", { headers: { "next-router-prefetch": "1" } }],
      ["/zoeken?q=a&_rsc=x1y2", {}],
      [
        "/zoeken?q=a",
        { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" } },
      ],
      ["/zoeken?q=a", { method: "HEAD" }],
      ["/zoeken?q=a", { headers: { [PAGE_FILL_HEADER]: c.token } }],
      ["/zoeken?q=ongeldig", {}],
      ["/elders?q=a", {}],
    ];
    for (const [path, init] of cases) {
      expect(await c.serve(req(path, init))).toBeNull();
      expect(await c.serve(req(path, init)), `${path} ${JSON.stringify(init)}`).toBeNull();
    }
    expect(renders).toEqual([]);
    // A cookie that merely looks alike is no session.
    await c.serve(req("/zoeken?q=a", { headers: { cookie: "not-authjs.session-tokens=1" } }));
    expect(await c.serve(req("/zoeken?q=a", { headers: { cookie: "not-authjs.session-tokens=1" } }))).not.toBeNull();
  });

  it("accepts only this process's fill token", () => {
    const c = cache();
    expect(c.isFill(c.token)).toBe(true);
    expect(c.isFill(cache().token)).toBe(false);
    expect(c.isFill("")).toBe(false);
    expect(c.isFill(null)).toBe(false);
  });

  it("never serves a page of another content version, nor one older than its time to live", async () => {
    let now = 1_000_000;
    const c = cache({ ttlMs: 60_000 });
    const realNow = Date.now;
    Date.now = () => now;
    try {
      await c.serve(req("/zoeken?q=verlof"));
      await c.serve(req("/zoeken?q=verlof"));
      expect(renders).toHaveLength(1);
      version = 2;
      expect((await c.serve(req("/zoeken?q=verlof")))!.headers.get("x-portal-cache")).toBe("miss");
      expect(renders).toHaveLength(2);
      now += 59_000;
      expect((await c.serve(req("/zoeken?q=verlof")))!.headers.get("x-portal-cache")).toBe("hit");
      now += 2_000;
      expect((await c.serve(req("/zoeken?q=verlof")))!.headers.get("x-portal-cache")).toBe("miss");
      expect(renders).toHaveLength(3);
    } finally {
      Date.now = realNow;
    }
  });

  it("keeps nothing from a failed or personal render, and lets the page answer instead", async () => {
    const c = cache();
    for (const bad of [
      (res: http.ServerResponse) => res.writeHead(500, { "content-type": "text/html" }).end("kapot"),
      (res: http.ServerResponse) => res.writeHead(307, { location: "/elders" }).end(),
      (res: http.ServerResponse) => res.writeHead(200, { "content-type": "application/json" }).end("{}"),
      (res: http.ServerResponse) => res.writeHead(200, { "content-type": "text/html", "set-cookie": "a=b" }).end("<p>"),
    ]) {
      respond = bad;
      renders = [];
      const path = `/zoeken?q=${Math.random()}`;
      await c.serve(req(path));
      expect(await c.serve(req(path))).toBeNull();
      expect(await c.serve(req(path))).toBeNull();
      expect(renders).toHaveLength(2);
    }
    expect(c.size).toBe(0);
    const unreachable = cache({ origin: () => "http://127.0.0.1:9" });
    await unreachable.serve(req("/zoeken?q=x"));
    expect(await unreachable.serve(req("/zoeken?q=x"))).toBeNull();
    expect(cache({ origin: () => undefined }).size).toBe(0);
  });

  it("stays within its bounds, dropping the least recently used page first", async () => {
    const c = cache({ maxEntries: 3 });
    const view = async (q: string) => {
      await c.serve(req(`/zoeken?q=${q}`));
      return (await c.serve(req(`/zoeken?q=${q}`)))!.headers.get("x-portal-cache");
    };
    const once = async (q: string) => (await c.serve(req(`/zoeken?q=${q}`)))?.headers.get("x-portal-cache");
    for (const q of ["a", "b", "c"]) expect(await view(q)).toBe("miss");
    expect(await once("a")).toBe("hit"); // a is now the most recently used
    await view("d"); // drops b
    expect(c.size).toBe(3);
    expect(await once("b")).toBe("miss"); // rendered again (and c dropped)
    expect(await once("a")).toBe("hit");
    expect(await once("c")).toBe("miss");

    const small = cache({ maxChars: 250 }); // room for two of these pages (about 100 characters each)
    for (const q of ["a", "b", "c", "d"])
      await small.serve(req(`/zoeken?q=${q}`)).then(() => small.serve(req(`/zoeken?q=${q}`)));
    expect(small.size).toBe(2);
  });

  it("gives every answer its own CSP nonce in place of the fill render's nonce slot, next to the per-request text", async () => {
    const c = cache();
    // The proxy makes a fill render use c.nonceSlot as its nonce; the stand-in server does the same.
    respond = (res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<script nonce="${c.nonceSlot}">a()</script><a href="/a?z=${PLACEHOLDER}">x</a><script nonce="${c.nonceSlot}" src="/b.js"></script>`,
      );
    };
    await c.serve(req("/zoeken?q=nonce"));
    const first = await (await c.serve(req("/zoeken?q=nonce"), { nonce: "Tm9uY2VPbmU=" }))!.text();
    const second = await (await c.serve(req("/zoeken?q=nonce"), { nonce: "Tm9uY2VUd28=" }))!.text();
    expect(first).toBe(
      `<script nonce="Tm9uY2VPbmU=">a()</script><a href="/a?z=id1">x</a><script nonce="Tm9uY2VPbmU=" src="/b.js"></script>`,
    );
    expect(second).toBe(
      `<script nonce="Tm9uY2VUd28=">a()</script><a href="/a?z=id2">x</a><script nonce="Tm9uY2VUd28=" src="/b.js"></script>`,
    );
    expect(second).not.toContain(c.nonceSlot);
  });
});
