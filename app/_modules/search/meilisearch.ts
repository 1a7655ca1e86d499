// The Meilisearch adapter (production / scale-out): same interface as the embedded engine, over the official
// client. Writes wait for their task, so a search right after a write sees it (as with the embedded engine).
import "server-only";
import { Meilisearch, type SearchParams as MeiliSearchParams, type Task } from "meilisearch";
import { escapeHtml } from "./text";
import {
  DEFAULT_SETTINGS,
  SearchRequestError,
  type IndexSettings,
  type SearchDocument,
  type SearchEngine,
  type SearchIndex,
  type SearchParams,
  type SearchResult,
} from "./types";

// Private-use characters stand in for the highlight tags, so the text can be escaped before the real tags go in.
const PRE = "\uE000";
const POST = "\uE001";
const TASK_WAIT = { timeout: 30_000, interval: 50 };

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Per-request timeout in ms. */
  timeout?: number;
}

/**
 * Throws when a task did not succeed, with Meilisearch's own message. A missing index is fine only when deleting
 * (there is nothing to delete); for settings and document writes it means the key may not create indexes, and
 * every search would silently find nothing.
 */
function ensureSucceeded(task: Task, missingIndexIsFine = false): void {
  if (task.status === "succeeded") return;
  const err = task.error;
  if (missingIndexIsFine && err?.code === "index_not_found") return;
  throw new SearchRequestError(
    err?.code ?? "task_failed",
    err?.message ?? `Meilisearch task ${task.uid} ended as ${task.status}.`,
  );
}

/** Maps a client error to a SearchRequestError when Meilisearch refused the request (4xx). */
function mapError(e: unknown): never {
  const cause = e as { cause?: { code?: string; message?: string }; response?: { status?: number } };
  if (cause?.response?.status && cause.response.status < 500 && cause.cause?.code) {
    throw new SearchRequestError(cause.cause.code, cause.cause.message ?? String(e));
  }
  throw e;
}

function formatted(value: unknown): unknown {
  if (typeof value === "string") return escapeHtml(value);
  if (Array.isArray(value)) return value.map(formatted);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, formatted(v)]));
  return value;
}

function withTags(value: unknown, pre: string, post: string): unknown {
  if (typeof value === "string") return value.split(PRE).join(pre).split(POST).join(post);
  if (Array.isArray(value)) return value.map((v) => withTags(v, pre, post));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTags(v, pre, post)]));
  return value;
}

/** Meilisearch's `_matchesPosition` restricted to top-level string attributes, as the embedded engine gives it. */
function topLevelMatches(
  m: Record<string, { start: number; length: number }[]>,
): Record<string, { start: number; length: number }[]> {
  return Object.fromEntries(
    Object.entries(m)
      .filter(([k]) => !k.includes("."))
      .map(([k, list]) => [k, list.map(({ start, length }) => ({ start, length }))]),
  );
}

export class MeilisearchIndex<T extends SearchDocument = SearchDocument> implements SearchIndex<T> {
  constructor(
    private readonly client: Meilisearch,
    readonly uid: string,
  ) {}

  private get idx() {
    return this.client.index<T>(this.uid);
  }

  async updateSettings(settings: IndexSettings): Promise<void> {
    const task = await this.idx.updateSettings(settings).waitTask(TASK_WAIT).catch(mapError);
    ensureSucceeded(task);
  }

  async getSettings(): Promise<Required<IndexSettings>> {
    const s = await this.idx.getSettings().catch((e: unknown) => {
      if ((e as { cause?: { code?: string } }).cause?.code === "index_not_found") return null;
      return mapError(e);
    });
    if (!s) return structuredClone(DEFAULT_SETTINGS);
    return {
      searchableAttributes: s.searchableAttributes ?? DEFAULT_SETTINGS.searchableAttributes,
      filterableAttributes: (s.filterableAttributes ?? []).map((f) =>
        typeof f === "string" ? f : f.attributePatterns.join(","),
      ),
      sortableAttributes: s.sortableAttributes ?? [],
      displayedAttributes: s.displayedAttributes ?? ["*"],
      synonyms: (s.synonyms ?? {}) as Record<string, string[]>,
      stopWords: s.stopWords ?? [],
      typoTolerance: {
        enabled: s.typoTolerance?.enabled ?? true,
        minWordSizeForTypos: {
          oneTypo: s.typoTolerance?.minWordSizeForTypos?.oneTypo ?? 5,
          twoTypos: s.typoTolerance?.minWordSizeForTypos?.twoTypos ?? 9,
        },
        disableOnWords: s.typoTolerance?.disableOnWords ?? [],
      },
      rankingRules: (s.rankingRules ?? DEFAULT_SETTINGS.rankingRules) as Required<IndexSettings>["rankingRules"],
    };
  }

  async addDocuments(docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    const task = await this.idx.addDocuments(docs, { primaryKey: "id" }).waitTask(TASK_WAIT).catch(mapError);
    ensureSucceeded(task);
  }

  async deleteDocuments(ids: (string | number)[]): Promise<void> {
    if (ids.length === 0) return;
    const task = await this.idx
      .deleteDocuments(ids as string[] | number[])
      .waitTask(TASK_WAIT)
      .catch(mapError);
    ensureSucceeded(task, true);
  }

  async deleteAllDocuments(): Promise<void> {
    const task = await this.idx.deleteAllDocuments().waitTask(TASK_WAIT).catch(mapError);
    ensureSucceeded(task, true);
  }

  async listDocuments(fields: string[]): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.idx
        .getDocuments({ fields: fields as (keyof T)[] as string[], limit, offset } as never)
        .catch((e: unknown) => {
          if ((e as { cause?: { code?: string } }).cause?.code === "index_not_found") return null;
          return mapError(e);
        });
      if (!page) return out;
      const results = (page as { results: Record<string, unknown>[] }).results;
      out.push(...results);
      if (results.length < limit) return out;
    }
  }

  async stamp(): Promise<string> {
    // The index's updatedAt moves with every document or settings change, whichever instance made it.
    const info = await this.idx.getRawInfo().catch((e: unknown) => {
      if ((e as { cause?: { code?: string } }).cause?.code === "index_not_found") return null;
      return mapError(e);
    });
    return info ? `meilisearch:${String(info.updatedAt)}` : "meilisearch:none";
  }

  async search(q: string, params: SearchParams = {}): Promise<SearchResult<T>> {
    const wantsFormat = !!(params.attributesToHighlight?.length || params.attributesToCrop?.length);
    const req: MeiliSearchParams = {
      limit: params.limit ?? 20,
      offset: params.offset ?? 0,
      matchingStrategy: params.matchingStrategy ?? "last",
    };
    if (params.filter !== undefined) req.filter = params.filter;
    if (params.facets?.length) req.facets = params.facets;
    if (params.sort?.length) req.sort = params.sort;
    if (params.attributesToHighlight?.length) req.attributesToHighlight = params.attributesToHighlight;
    if (params.attributesToCrop?.length) req.attributesToCrop = params.attributesToCrop;
    if (params.cropLength !== undefined) req.cropLength = params.cropLength;
    if (params.showMatchesPosition) req.showMatchesPosition = true;
    if (params.attributesToRetrieve?.length) req.attributesToRetrieve = params.attributesToRetrieve;
    if (wantsFormat) {
      req.highlightPreTag = PRE;
      req.highlightPostTag = POST;
      req.cropMarker = params.cropMarker ?? "…";
    }
    const res = await this.idx.search<T>(q, req).catch((e: unknown) => {
      // Searching an index that was never written to finds nothing, as with the embedded engine.
      if ((e as { cause?: { code?: string } }).cause?.code === "index_not_found") return null;
      return mapError(e);
    });
    const pre = params.highlightPreTag ?? "<em>";
    const post = params.highlightPostTag ?? "</em>";
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of params.facets ?? []) facetDistribution[f] = { ...(res?.facetDistribution?.[f] ?? {}) };
    const hits = (res?.hits ?? []).map((h) => {
      const { _formatted, _matchesPosition, _rankingScore, _rankingScoreDetails, ...doc } = h as Record<
        string,
        unknown
      >;
      void _rankingScore;
      void _rankingScoreDetails;
      const hit: Record<string, unknown> =
        wantsFormat && _formatted ? { ...doc, _formatted: withTags(formatted(_formatted), pre, post) } : doc;
      if (params.showMatchesPosition && _matchesPosition)
        hit._matchesPosition = topLevelMatches(_matchesPosition as Record<string, { start: number; length: number }[]>);
      return hit as SearchResult<T>["hits"][number];
    });
    const r = res as { estimatedTotalHits?: number; processingTimeMs?: number } | null;
    return {
      hits,
      query: q,
      limit: req.limit!,
      offset: req.offset!,
      estimatedTotalHits: r?.estimatedTotalHits ?? 0,
      facetDistribution,
      processingTimeMs: r?.processingTimeMs ?? 0,
    };
  }
}

/** Meilisearch behind the search interface. */
export class MeilisearchEngine implements SearchEngine {
  readonly client: Meilisearch;

  constructor(opts: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey, timeout: opts.timeout ?? 10_000 });
  }

  index<T extends SearchDocument = SearchDocument>(uid: string): MeilisearchIndex<T> {
    return new MeilisearchIndex<T>(this.client, uid);
  }

  async deleteIndex(uid: string): Promise<void> {
    const task = await this.client.deleteIndex(uid).waitTask(TASK_WAIT).catch(mapError);
    ensureSucceeded(task, true);
  }

  async health() {
    try {
      const h = await this.client.health();
      return { ok: h.status === "available", engine: "meilisearch", detail: `status ${h.status}` };
    } catch (e) {
      return { ok: false, engine: "meilisearch", detail: (e as Error).message };
    }
  }
}
