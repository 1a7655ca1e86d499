// The in-process search engine (default). Behaves like Meilisearch: folding without stemming, typo budget by word
// length, prefix on the last word, matching strategy `last`, bucket-sort ranking (words → typo → proximity →
// attribute → sort → exactness), synonyms, stop words, filters, facets, highlights and crops.
//
// Speed: a posting list per term with positions in typed arrays; candidates are scored only on the cheap rules
// (words, typo) first, and the costly rules (proximity, attribute, exactness) run only for the buckets that reach
// the requested page. Every public method does its work synchronously inside one call, so concurrent searches
// and writes interleave only between calls and always see a consistent index.
//
// Files: this one holds the index (documents, postings, settings) and the search entry point; the query side is
// embedded-query.ts, the bucket ranking and sorting embedded-rank.ts, filters and facet counts embedded-filter.ts,
// the coverage ranking coverage.ts, highlights and crops format.ts. Their functions take the index as `ix` and
// read its fields directly (internal to these files; other code uses the SearchIndex interface).
import { CoverageScratch, rankCoverage, type CoverageQuery, type CoverageSource } from "./coverage";
import { numberOf, numberTerm, numberWithUnit, stem, unitAfter } from "./dutch";
import { formatHit, matchPositions } from "./format";
import { tokenize, words } from "./text";
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
import { Scratch } from "./bucket-scratch";
import { addFacet, emptyFacet, getPath, stringify, type FacetIndex } from "./facets";
import { compile, contentWords, coverageQuery, coverageSourceOf, type Compiled } from "./embedded-query";
import { compareSort, parseSort, rank } from "./embedded-rank";
import { countFacet, filterBitmap } from "./embedded-filter";
import { ATTR_STRIDE, grow, Posting, Vocabulary } from "./vocabulary";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/;

export class EmbeddedIndex<T extends SearchDocument = SearchDocument> implements SearchIndex<T> {
  settings: Required<IndexSettings> = structuredClone(DEFAULT_SETTINGS);
  vocab = new Vocabulary();
  docs: (T | undefined)[] = [];
  alive = new Uint8Array(64);
  idToSlot = new Map<string, number>();
  live = 0;
  /** attribute names in rank order; grows as new fields appear when searchableAttributes is ["*"] */
  attrs: string[] = [];
  /** slot * attrs.length + a → number of words in that attribute (for the exactness rule) */
  attrLen = new Int32Array(64);
  attrLenWidth = 0;
  facets = new Map<string, FacetIndex>();
  sortValues = new Map<string, (string | number | undefined)[]>();
  stop = new Set<string>();
  synonyms = new Map<string, (string | null)[][]>();
  noTypo = new Set<string>();
  /** Bumped on every write: caches of filter results depend on it. */
  version = 0;
  filterCache = new Map<string, Uint8Array>();
  lookupCache = new Map<string, Map<number, number>>();
  lookupVersion = -1;
  phraseCache = new Map<string, Posting | null>();
  phraseVersion = -1;
  /** Reused per search: searches run synchronously, so one set of buffers per index is enough. */
  readonly scratch = new Scratch();
  readonly coverageScratch = new CoverageScratch();
  /** Dutch stem → ids of the terms with that stem; the terms reversed, for compound tails. */
  stemIndex = new Map<string, number[]>();
  reversed = new Vocabulary();
  reversedTerm: number[] = [];
  normCache = { version: -1, b: 0, value: new Float32Array(0) };
  coverageSource: CoverageSource | null = null;

  constructor(readonly uid: string) {
    this.applySettings();
    this.rebuild([]);
  }

  async updateSettings(settings: IndexSettings): Promise<void> {
    const next = { ...this.settings, ...structuredClone(settings) };
    if (settings.typoTolerance) {
      next.typoTolerance = {
        ...this.settings.typoTolerance,
        ...settings.typoTolerance,
        minWordSizeForTypos: {
          ...this.settings.typoTolerance.minWordSizeForTypos,
          ...settings.typoTolerance.minWordSizeForTypos,
        },
      };
    }
    for (const r of next.rankingRules) {
      if (!DEFAULT_SETTINGS.rankingRules.includes(r))
        throw new SearchRequestError("invalid_settings_ranking_rules", `Unknown ranking rule "${r}".`);
    }
    this.settings = next;
    this.applySettings();
    this.rebuild([...this.liveDocs()]);
  }

  async getSettings(): Promise<Required<IndexSettings>> {
    return structuredClone(this.settings);
  }

  async addDocuments(docs: T[]): Promise<void> {
    for (const d of docs) {
      if (d === null || typeof d !== "object" || !("id" in d))
        throw new SearchRequestError("missing_document_id", "Every document needs an id.");
      if (!ID_PATTERN.test(String(d.id)))
        throw new SearchRequestError(
          "invalid_document_id",
          `Document id "${String(d.id)}" may only contain A–Z, a–z, 0–9, - and _.`,
        );
    }
    // Within one batch the last version of a document wins, as in Meilisearch.
    const batch = new Map<string, T>();
    for (const d of docs) batch.set(String(d.id), structuredClone(d));
    for (const [id, d] of batch) {
      this.remove(id);
      this.insert(d);
    }
    this.touch();
  }

  async deleteDocuments(ids: (string | number)[]): Promise<void> {
    for (const id of ids) this.remove(String(id));
    this.touch();
    this.maybeCompact();
  }

  async deleteAllDocuments(): Promise<void> {
    this.rebuild([]);
  }

  async search(q: string, params: SearchParams = {}): Promise<SearchResult<T>> {
    return this.searchSync(q, params);
  }

  async listDocuments(fields: string[]): Promise<Record<string, unknown>[]> {
    return [...this.liveDocs()].map((d) =>
      Object.fromEntries(
        fields.filter((f) => f in d).map((f) => [f, structuredClone((d as Record<string, unknown>)[f])]),
      ),
    );
  }

  async stamp(): Promise<string> {
    return `embedded:${this.version}`;
  }

  /** Same as `search`, without the promise (for benchmarks and scripts). */
  searchSync(q: string, params: SearchParams = {}): SearchResult<T> {
    const started = performance.now();
    const limit = Math.max(0, Math.floor(params.limit ?? 20));
    const offset = Math.max(0, Math.floor(params.offset ?? 0));
    const filterable = new Set(this.settings.filterableAttributes);
    for (const f of params.facets ?? []) {
      if (!filterable.has(f))
        throw new SearchRequestError(
          "invalid_search_facets",
          `Attribute "${f}" is not filterable, so it cannot be a facet.`,
        );
    }
    const sort = parseSort(this, params.sort);
    const allowed = filterBitmap(this, params.filter);
    const n = this.docs.length;
    const strategy = params.matchingStrategy ?? "last";
    const content = strategy === "frequency" ? contentWords(this, q) : null;
    const coverage = content && content.words.length ? coverageQuery(this, content.words, content.lastIsPrefix) : null;
    const compiled: Compiled = content
      ? {
          words: content.words.map((word) => ({ word, prefix: false })),
          matchers: [],
          plan: coverage?.plan ?? { terms: new Map(), phrases: [] },
        }
      : compile(this, q);

    let candidates: Int32Array;
    let count = 0;
    let ranked: number[];
    if (coverage) {
      const r = rankCoverage(coverageSourceOf(this), coverage, allowed, this.coverageScratch, offset + limit);
      candidates = r.candidates;
      count = candidates.length;
      ranked = r.ordered.slice(offset, offset + limit);
    } else if (compiled.words.length === 0) {
      candidates = new Int32Array(n);
      for (let s = 0; s < n; s++) if (this.alive[s] && (!allowed || allowed[s])) candidates[count++] = s;
      candidates = candidates.subarray(0, count);
      const all = Array.from(candidates);
      if (sort.length) all.sort((a, b) => compareSort(this, sort, a, b) || a - b);
      ranked = all.slice(offset, offset + limit);
    } else {
      const r = rank(this, compiled, strategy === "all" ? "all" : "last", allowed, sort, offset + limit, offset);
      candidates = r.candidates;
      count = candidates.length;
      ranked = r.ordered.slice(offset, offset + limit);
    }

    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of params.facets ?? []) facetDistribution[f] = countFacet(this, f, candidates);

    const wantsFormat = !!(params.attributesToHighlight?.length || params.attributesToCrop?.length);
    const hits = ranked.map((slot) => {
      const doc = this.display(this.docs[slot]!, params.attributesToRetrieve);
      // As in Meilisearch, `_formatted` holds the retrieved attributes and the highlighted or cropped ones.
      const full = wantsFormat && params.attributesToRetrieve ? this.display(this.docs[slot]!) : doc;
      const names = full === doc ? this.displayedNames(doc) : this.formattedNames(full, doc, params);
      const hit: Record<string, unknown> = wantsFormat
        ? { ...doc, _formatted: formatHit(full, compiled.plan, params, names) }
        : doc;
      if (params.showMatchesPosition)
        hit._matchesPosition = matchPositions(this.docs[slot]!, compiled.plan, this.attrs);
      return hit;
    });
    return {
      hits: hits as SearchResult<T>["hits"],
      query: q,
      limit,
      offset,
      estimatedTotalHits: count,
      facetDistribution,
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  /** Number of live documents. */
  get size(): number {
    return this.live;
  }

  // ---- settings and indexing -------------------------------------------------------------------------------

  private applySettings(): void {
    const s = this.settings;
    this.stop = new Set(s.stopWords.flatMap((w) => words(w)));
    this.noTypo = new Set((s.typoTolerance.disableOnWords ?? []).flatMap((w) => words(w)));
    this.synonyms = new Map();
    for (const [key, alts] of Object.entries(s.synonyms)) {
      const k = words(key)
        .filter((w) => !this.stop.has(w))
        .join(" ");
      if (!k) continue;
      const list = this.synonyms.get(k) ?? [];
      for (const alt of alts) {
        const phrase = words(alt).map((w) => (this.stop.has(w) ? null : w));
        if (phrase.some((w) => w !== null) && phrase.join(" ") !== k) list.push(phrase);
      }
      this.synonyms.set(k, list);
    }
  }

  private *liveDocs(): Iterable<T> {
    for (let s = 0; s < this.docs.length; s++) if (this.alive[s] && this.docs[s]) yield this.docs[s]!;
  }

  private rebuild(docs: T[]): void {
    this.vocab = new Vocabulary();
    this.stemIndex = new Map();
    this.reversed = new Vocabulary();
    this.reversedTerm = [];
    this.docs = [];
    this.alive = new Uint8Array(64);
    this.idToSlot = new Map();
    this.live = 0;
    this.attrs = this.settings.searchableAttributes.includes("*") ? [] : [...this.settings.searchableAttributes];
    this.attrLenWidth = Math.max(this.attrs.length, 1);
    this.attrLen = new Int32Array(64 * this.attrLenWidth);
    this.facets = new Map(this.settings.filterableAttributes.map((a) => [a, emptyFacet()]));
    this.sortValues = new Map(this.settings.sortableAttributes.map((a) => [a, []]));
    for (const d of docs) this.insert(d);
    this.touch();
  }

  private touch(): void {
    this.version++;
    this.filterCache.clear();
  }

  private remove(id: string): void {
    const slot = this.idToSlot.get(id);
    if (slot === undefined) return;
    this.idToSlot.delete(id);
    this.alive[slot] = 0;
    // The slot stays in the posting lists until compaction; the document itself can go now.
    this.docs[slot] = undefined;
    this.live--;
  }

  /** Rebuilds the posting lists without deleted documents once they are the majority. */
  private maybeCompact(): void {
    const dead = this.docs.length - this.live;
    if (dead < 1000 || dead < this.live) return;
    this.rebuild([...this.liveDocs()]);
  }

  private insert(doc: T): void {
    const slot = this.docs.length;
    this.docs.push(doc);
    if (slot >= this.alive.length) this.alive = grow(this.alive, this.alive.length * 2);
    this.alive[slot] = 1;
    this.idToSlot.set(String(doc.id), slot);
    this.live++;

    if (this.settings.searchableAttributes.includes("*")) {
      for (const k of Object.keys(doc)) if (!this.attrs.includes(k)) this.attrs.push(k);
      if (this.attrs.length > this.attrLenWidth) this.widenAttrLen(this.attrs.length);
    }
    const need = (slot + 1) * this.attrLenWidth;
    if (need > this.attrLen.length) this.attrLen = grow(this.attrLen, Math.max(need, this.attrLen.length * 2));

    const byTerm = new Map<string, number[]>();
    this.attrs.forEach((attr, a) => {
      const value = getPath(doc, attr);
      if (value === undefined || value === null) return;
      const texts = Array.isArray(value) ? value.map(stringify) : [stringify(value)];
      let base = 0;
      let len = 0;
      for (const text of texts) {
        const toks = tokenize(text);
        let last = base;
        for (let k = 0; k < toks.length; k++) {
          const t = toks[k]!;
          const p = base + t.pos;
          if (p >= ATTR_STRIDE) break;
          last = p;
          if (this.stop.has(t.term)) continue;
          len++;
          const pos = a * ATTR_STRIDE + p;
          const list = byTerm.get(t.term);
          if (list) list.push(pos);
          else byTerm.set(t.term, [pos]);
          // A number with a unit ("16 uur") is also indexed as the unit's number term ("#uur"), so "hoeveel uur"
          // finds every amount of hours. No typed word starts with "#".
          const n = numberOf(t.term);
          const joined = numberWithUnit(t.term);
          const unit = joined?.unit ?? (n ? unitAfter(toks, k) : undefined);
          if (unit) {
            for (const key of [numberTerm(unit), numberTerm(unit, joined?.n ?? n)]) {
              const l = byTerm.get(key);
              if (l) l.push(pos);
              else byTerm.set(key, [pos]);
            }
          }
        }
        base = last + 8;
      }
      this.attrLen[slot * this.attrLenWidth + a] = len;
    });
    for (const [term, positions] of byTerm) this.vocab.postings[this.internTerm(term)]!.add(slot, positions);

    for (const [attr, fi] of this.facets) addFacet(fi, slot, getPath(doc, attr));
    for (const [attr, values] of this.sortValues) {
      const v = getPath(doc, attr);
      values[slot] =
        typeof v === "number" || typeof v === "string" ? v : typeof v === "boolean" ? String(v) : undefined;
    }
  }

  /** The id of a term, created (with its stem and reversed spelling) when new. */
  private internTerm(term: string): number {
    const known = this.vocab.id(term);
    if (known >= 0) return known;
    const id = this.vocab.intern(term);
    const st = stem(term);
    const same = this.stemIndex.get(st);
    if (same) same.push(id);
    else this.stemIndex.set(st, [id]);
    const rid = this.reversed.intern(Array.from(term).reverse().join(""));
    this.reversedTerm[rid] = id;
    return id;
  }

  private widenAttrLen(width: number): void {
    const rows = Math.ceil(this.attrLen.length / this.attrLenWidth);
    const next = new Int32Array(Math.max(rows, 64) * width);
    for (let s = 0; s < this.docs.length; s++) {
      for (let a = 0; a < this.attrLenWidth; a++) next[s * width + a] = this.attrLen[s * this.attrLenWidth + a]!;
    }
    this.attrLen = next;
    this.attrLenWidth = width;
  }

  // ---- query compilation ------------------------------------------------------------------------------------

  /** Compiled coverage queries, reused until the next write (as-you-type and popular queries repeat). */
  coverageCache = new Map<string, CoverageQuery>();
  coverageVersion = -1;

  reverseCache = new Map<string, Map<number, number>>();
  reverseVersion = -1;

  // ---- ranking ----------------------------------------------------------------------------------------------

  // ---- filters, facets, sort --------------------------------------------------------------------------------

  // ---- output -------------------------------------------------------------------------------------------------

  private displayedNames(doc: Record<string, unknown>): string[] {
    return Object.keys(doc);
  }

  private formattedNames(
    full: Record<string, unknown>,
    retrieved: Record<string, unknown>,
    params: SearchParams,
  ): string[] {
    const asked = [
      ...(params.attributesToHighlight ?? []),
      ...(params.attributesToCrop ?? []).map((a) => a.split(":")[0]!),
    ];
    if (asked.includes("*")) return Object.keys(full);
    return Object.keys(full).filter((k) => k in retrieved || asked.includes(k));
  }

  private display(doc: T, retrieve?: string[]): T {
    const shown = this.settings.displayedAttributes;
    const wanted = retrieve && !retrieve.includes("*") ? new Set(retrieve) : null;
    if (shown.includes("*") && !wanted) return structuredClone(doc);
    const out: Record<string, unknown> = {};
    for (const k of shown.includes("*") ? Object.keys(doc) : shown) {
      if (k in doc && (!wanted || wanted.has(k))) out[k] = copyValue((doc as Record<string, unknown>)[k]);
    }
    return out as T;
  }
}

/** A stored value as a hit gets it: a copy of objects and arrays (a caller may change its hit), strings as they are. */
const copyValue = (v: unknown): unknown => (typeof v === "object" && v !== null ? structuredClone(v) : v);

/** The embedded engine: indexes live in this process. */
export class EmbeddedEngine implements SearchEngine {
  private readonly indexes = new Map<string, EmbeddedIndex>();

  index<T extends SearchDocument = SearchDocument>(uid: string): EmbeddedIndex<T> {
    let idx = this.indexes.get(uid);
    if (!idx) {
      idx = new EmbeddedIndex(uid);
      this.indexes.set(uid, idx);
    }
    return idx as unknown as EmbeddedIndex<T>;
  }

  async deleteIndex(uid: string): Promise<void> {
    this.indexes.delete(uid);
  }

  async health() {
    return { ok: true, engine: "embedded", detail: `${this.indexes.size} index(es) in memory` };
  }
}
