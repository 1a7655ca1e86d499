// Anonymous HTML micro-cache for public pages that many people ask for and that change only with the content
// (the search page). A server render costs a few milliseconds of the one JavaScript thread; under load that is
// what makes a page slow, so a page that many visitors ask for in the same form is rendered once per content
// version and then answered from memory.
//
// How: proxy.ts hands a request to `serve`. Only a plain anonymous page view qualifies: GET, no session cookie,
// not a client-side navigation (RSC request), not a crawler (Next renders those differently). The first request
// for an address renders as usual and costs nothing more than that (one-off queries gain nothing from a cache;
// the cache does not even read them); on a repeat the cache asks this same
// server for the page, marked with a per-process token so the page knows it renders for the cache
// (it then leaves out per-visitor work such as logging), keeps the HTML and answers with it. Every answer runs the
// page's own per-request work (`answer`: e.g. the search log and a fresh search id).
//
// Content-Security-Policy nonces (proxy.ts): a fill request renders with this process's `nonceSlot` as its nonce,
// a random per-process string that appears nowhere else in a page. The cached HTML is cut there too, and every
// answer puts its own request's fresh nonce in those places, so a cached page carries exactly the nonce of the
// Content-Security-Policy header it is sent with, and no two answers share one. Entries expire with the
// content version and after `ttlMs` (the footer's desk hours and the like), and the cache is bounded in entries
// and size. Anything that cannot be served from the cache (no origin, a failed render) is rendered as usual.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { isBot } from "next/dist/shared/lib/router/utils/is-bot";
import { hasSessionCookie } from "./session-cookie";

export const PAGE_FILL_HEADER = "x-portal-page-fill";

export interface CachedPage {
  /**
   * Reads a request: null lets the page render it (e.g. invalid input); else its cache key and the per-request
   * work of an answer, which returns the text that takes the place of `placeholder` in this answer.
   */
  prepare(url: URL, req: Request): Promise<{ key: string; answer(): Promise<string> } | null>;
  /** The content version; an entry made at another version is never served. */
  version(): number;
  /** Text in the rendered page that each answer replaces (e.g. a per-search id). */
  placeholder?: string;
}

// The HTML is kept encoded, cut at the placeholders and the nonce slots, so an answer is one copy into a fresh
// buffer; `gaps[i]` says what goes between parts[i] and parts[i + 1].
type Entry = {
  parts: Buffer[];
  gaps: ("text" | "nonce")[];
  chars: number;
  headers: [string, string][];
  version: number;
  at: number;
};

export interface PageCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** Bound on the cached HTML in characters. */
  maxChars: number;
  /** Where this server can reach itself (default: the origin `next start` records). */
  origin?: () => string | undefined;
}

// A render that takes longer than this is left to the page itself (the visitor still gets an answer).
const FILL_TIMEOUT_MS = 15_000;
// Response headers worth keeping from the render; the rest (date, length, connection) belong to one response.
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "content-language", "link"];
// Next.js request headers of client-side navigations and prefetches: those want the RSC payload, not HTML.
const RSC_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch"];

export class PageCache {
  readonly token = randomBytes(24).toString("hex");
  /** The nonce a fill render uses; only base64 letters, so it survives HTML escaping unchanged. */
  readonly nonceSlot = `PortalNonceSlot${randomBytes(18).toString("hex")}`;
  readonly stats = { hits: 0, fills: 0, passes: 0, failures: 0 };
  private readonly pages = new Map<string, CachedPage>();
  private readonly entries = new Map<string, Entry>();
  private readonly filling = new Map<string, Promise<Entry | null>>();
  private readonly seen = new Set<string>();
  private chars = 0;

  constructor(private readonly opts: PageCacheOptions) {}

  register(pathname: string, page: CachedPage): void {
    this.pages.set(pathname, page);
  }

  /** True when a request carries this process's fill token (the page renders for the cache). */
  isFill(value: string | null | undefined): boolean {
    if (!value || value.length !== this.token.length) return false;
    return timingSafeEqual(Buffer.from(value), Buffer.from(this.token));
  }

  /**
   * Answers a request from the cache (rendering it into the cache first if needed); null = render as usual.
   * `nonce` is this answer's Content-Security-Policy nonce (proxy.ts); without it the slots keep the fill's one.
   */
  async serve(req: Request, opts: { nonce?: string } = {}): Promise<Response | null> {
    const url = new URL(req.url);
    const page = this.pages.get(url.pathname);
    if (!page || !this.cacheable(req, url)) return null;
    // A one-off request is rendered as usual, at the cost of an uncached render and nothing more: it is not even
    // read (`prepare`) here. Filling costs an extra hop and is only worth it for a repeat.
    if (!this.seenBefore(url.pathname + url.search)) {
      this.stats.passes++;
      return null;
    }
    const prepared = await page.prepare(url, req);
    if (!prepared) {
      this.stats.passes++;
      return null;
    }
    const { key } = prepared;
    const version = page.version();
    let entry = this.fresh(key, version);
    const hit = !!entry;
    if (entry) this.stats.hits++;
    else {
      let fill = this.filling.get(key);
      if (!fill) {
        fill = this.fill(key, url, version, page.placeholder).finally(() => this.filling.delete(key));
        this.filling.set(key, fill);
      }
      entry = await fill;
      if (!entry) return null;
    }
    const text = Buffer.from(await prepared.answer());
    const nonce = Buffer.from(opts.nonce ?? this.nonceSlot);
    const body =
      entry.parts.length > 1
        ? Buffer.concat(entry.parts.flatMap((p, i) => (i ? [entry.gaps[i - 1] === "nonce" ? nonce : text, p] : [p])))
        : entry.parts[0]!;
    return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
      status: 200,
      headers: [...entry.headers, ["x-portal-cache", hit ? "hit" : "miss"]],
    });
  }

  get size(): number {
    return this.entries.size;
  }

  private cacheable(req: Request, url: URL): boolean {
    if (req.method !== "GET" || url.searchParams.has("_rsc")) return false;
    const h = req.headers;
    if (this.isFill(h.get(PAGE_FILL_HEADER)) || RSC_HEADERS.some((n) => h.has(n))) return false;
    if (hasSessionCookie(h.get("cookie")) || isBot(h.get("user-agent") ?? "")) {
      this.stats.passes++;
      return false;
    }
    return true;
  }

  /**
   * Whether this page address was asked for recently (and remembers it); bounded by starting over when full (a
   * cached page whose address was forgotten is then rendered once more as a one-off, and found again after).
   */
  private seenBefore(address: string): boolean {
    if (this.seen.has(address)) return true;
    if (this.seen.size >= this.opts.maxEntries * 10) this.seen.clear();
    this.seen.add(address);
    return false;
  }

  private fresh(key: string, version: number): Entry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.version !== version || Date.now() - e.at >= this.opts.ttlMs) {
      this.drop(key, e);
      return null;
    }
    this.entries.delete(key); // most recently used goes last
    this.entries.set(key, e);
    return e;
  }

  private async fill(key: string, url: URL, version: number, placeholder: string | undefined): Promise<Entry | null> {
    const origin = (this.opts.origin ?? defaultOrigin)();
    if (!origin) return null;
    try {
      const res = await fetch(new URL(url.pathname + url.search, origin), {
        headers: { [PAGE_FILL_HEADER]: this.token, accept: "text/html" },
        redirect: "manual",
        cache: "no-store",
        signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
      });
      const type = res.headers.get("content-type") ?? "";
      if (res.status !== 200 || !type.startsWith("text/html") || res.headers.has("set-cookie")) {
        await res.body?.cancel();
        this.stats.failures++;
        return null;
      }
      const html = await res.text();
      const { parts, gaps } = cut(html, [placeholder, this.nonceSlot]);
      const entry: Entry = {
        parts: parts.map((p) => Buffer.from(p)),
        gaps: gaps.map((g) => (g === this.nonceSlot ? "nonce" : "text")),
        chars: html.length,
        headers: KEPT_HEADERS.flatMap((n) =>
          res.headers.has(n) ? [[n, res.headers.get(n)!] as [string, string]] : [],
        ),
        version,
        at: Date.now(),
      };
      this.stats.fills++;
      if (entry.chars <= this.opts.maxChars) this.keep(key, entry);
      return entry;
    } catch {
      this.stats.failures++;
      return null;
    }
  }

  private keep(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, entry);
    this.chars += entry.chars;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.opts.maxEntries && this.chars <= this.opts.maxChars) break;
      this.drop(k, e);
    }
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.chars -= e.chars;
  }
}

/** Cuts text at every occurrence of any of the markers; `gaps[i]` is the marker between parts i and i + 1. */
export function cut(text: string, markers: (string | undefined)[]): { parts: string[]; gaps: string[] } {
  const wanted = markers.filter((m): m is string => !!m);
  if (!wanted.length) return { parts: [text], gaps: [] };
  const re = new RegExp(wanted.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const parts: string[] = [];
  const gaps: string[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index));
    gaps.push(m[0]);
    last = m.index! + m[0].length;
  }
  parts.push(text.slice(last));
  return { parts, gaps };
}

function defaultOrigin(): string | undefined {
  return process.env.__NEXT_PRIVATE_ORIGIN || (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : undefined);
}

const g = globalThis as unknown as { __portalPageCache?: PageCache };

/**
 * The process's page cache. It lives on globalThis because proxy.ts, the pages and instrumentation are separate
 * bundles in one process; proxy.ts only looks it up, so where no cache was set up, pages simply render.
 */
export function pageCache(): PageCache {
  return (g.__portalPageCache ??= new PageCache({ ttlMs: 60_000, maxEntries: 500, maxChars: 40_000_000 }));
}
