// The in-process search engine (default). Behaves like Meilisearch: folding without stemming, typo budget by word
// length, prefix on the last word, matching strategy `last`, bucket-sort ranking (words → typo → proximity →
// attribute → sort → exactness), synonyms, stop words, filters, facets, highlights and crops.
//
// Speed: a posting list per term with positions in typed arrays; candidates are scored only on the cheap rules
// (words, typo) first, and the costly rules (proximity, attribute, exactness) run only for the buckets that reach
// the requested page. Every public method does its work synchronously inside one call, so concurrent searches
// and writes interleave only between calls and always see a consistent index.
import { CoverageScratch, compileCoverage, rankCoverage, type CoverageQuery, type CoverageSource } from "./coverage";
import { dutchWords, numberOf, numberTerm, numberWithUnit, stem, unitAfter } from "./dutch";
import { filterAttributes, parseFilter, type FilterNode } from "./filter";
import { formatHit, matchPositions, type HighlightPlan } from "./format";
import { tokenize, words } from "./text";
import {
  DEFAULT_SETTINGS,
  SearchRequestError,
  type IndexSettings,
  type RankingRule,
  type SearchDocument,
  type SearchEngine,
  type SearchIndex,
  type SearchParams,
  type SearchResult,
} from "./types";
import { NONE, pairProximity, Scratch, type Matcher } from "./bucket-scratch";
import { addFacet, emptyFacet, facetKey, getPath, stringify, type FacetIndex } from "./facets";
import { ATTR_STRIDE, grow, Posting, Vocabulary } from "./vocabulary";

const MAX_EXPANSIONS = 500;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/;

interface QueryWord {
  word: string;
  prefix: boolean;
}

interface Compiled {
  words: QueryWord[];
  matchers: Matcher[];
  plan: HighlightPlan;
}

function typoBudget(len: number, s: Required<IndexSettings>["typoTolerance"]): number {
  if (s.enabled === false) return 0;
  const one = s.minWordSizeForTypos?.oneTypo ?? 5;
  const two = s.minWordSizeForTypos?.twoTypos ?? 9;
  return len >= two ? 2 : len >= one ? 1 : 0;
}

/** Meilisearch-like bucketing of a word position: exact up to 15, then logarithmic. */
const positionBucket = (p: number): number => (p < 16 ? p : 16 + Math.min(15, Math.floor(Math.log2(p - 15))));

export class EmbeddedIndex<T extends SearchDocument = SearchDocument> implements SearchIndex<T> {
  private settings: Required<IndexSettings> = structuredClone(DEFAULT_SETTINGS);
  private vocab = new Vocabulary();
  private docs: (T | undefined)[] = [];
  private alive = new Uint8Array(64);
  private idToSlot = new Map<string, number>();
  private live = 0;
  /** attribute names in rank order; grows as new fields appear when searchableAttributes is ["*"] */
  private attrs: string[] = [];
  /** slot * attrs.length + a → number of words in that attribute (for the exactness rule) */
  private attrLen = new Int32Array(64);
  private attrLenWidth = 0;
  private facets = new Map<string, FacetIndex>();
  private sortValues = new Map<string, (string | number | undefined)[]>();
  private stop = new Set<string>();
  private synonyms = new Map<string, (string | null)[][]>();
  private noTypo = new Set<string>();
  /** Bumped on every write: caches of filter results depend on it. */
  private version = 0;
  private filterCache = new Map<string, Uint8Array>();
  private lookupCache = new Map<string, Map<number, number>>();
  private lookupVersion = -1;
  private phraseCache = new Map<string, Posting | null>();
  private phraseVersion = -1;
  /** Reused per search: searches run synchronously, so one set of buffers per index is enough. */
  private readonly scratch = new Scratch();
  private readonly coverageScratch = new CoverageScratch();
  /** Dutch stem → ids of the terms with that stem; the terms reversed, for compound tails. */
  private stemIndex = new Map<string, number[]>();
  private reversed = new Vocabulary();
  private reversedTerm: number[] = [];
  private normCache = { version: -1, b: 0, value: new Float32Array(0) };
  private coverageSource: CoverageSource | null = null;

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
        minWordSizeForTypos: { ...this.settings.typoTolerance.minWordSizeForTypos, ...settings.typoTolerance.minWordSizeForTypos },
      };
    }
    for (const r of next.rankingRules) {
      if (!DEFAULT_SETTINGS.rankingRules.includes(r)) throw new SearchRequestError("invalid_settings_ranking_rules", `Unknown ranking rule "${r}".`);
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
      if (d === null || typeof d !== "object" || !("id" in d)) throw new SearchRequestError("missing_document_id", "Every document needs an id.");
      if (!ID_PATTERN.test(String(d.id))) throw new SearchRequestError("invalid_document_id", `Document id "${String(d.id)}" may only contain A–Z, a–z, 0–9, - and _.`);
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
    return [...this.liveDocs()].map((d) => Object.fromEntries(fields.filter((f) => f in d).map((f) => [f, structuredClone((d as Record<string, unknown>)[f])])));
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
      if (!filterable.has(f)) throw new SearchRequestError("invalid_search_facets", `Attribute "${f}" is not filterable, so it cannot be a facet.`);
    }
    const sort = this.parseSort(params.sort);
    const allowed = this.filterBitmap(params.filter);
    const n = this.docs.length;
    const strategy = params.matchingStrategy ?? "last";
    const content = strategy === "frequency" ? this.contentWords(q) : null;
    const coverage = content && content.words.length ? this.compileCoverage(content.words, content.lastIsPrefix) : null;
    const compiled: Compiled = content
      ? { words: content.words.map((word) => ({ word, prefix: false })), matchers: [], plan: coverage?.plan ?? { terms: new Map(), phrases: [] } }
      : this.compile(q);

    let candidates: Int32Array;
    let count = 0;
    let ranked: number[];
    if (coverage) {
      const r = rankCoverage(this.source(), coverage, allowed, this.coverageScratch, offset + limit);
      candidates = r.candidates;
      count = candidates.length;
      ranked = r.ordered.slice(offset, offset + limit);
    } else if (compiled.words.length === 0) {
      candidates = new Int32Array(n);
      for (let s = 0; s < n; s++) if (this.alive[s] && (!allowed || allowed[s])) candidates[count++] = s;
      candidates = candidates.subarray(0, count);
      const all = Array.from(candidates);
      if (sort.length) all.sort((a, b) => this.compareSort(sort, a, b) || a - b);
      ranked = all.slice(offset, offset + limit);
    } else {
      const r = this.rank(compiled, strategy === "all" ? "all" : "last", allowed, sort, offset + limit, offset);
      candidates = r.candidates;
      count = candidates.length;
      ranked = r.ordered.slice(offset, offset + limit);
    }

    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of params.facets ?? []) facetDistribution[f] = this.countFacet(f, candidates);

    const wantsFormat = !!(params.attributesToHighlight?.length || params.attributesToCrop?.length);
    const hits = ranked.map((slot) => {
      const doc = this.display(this.docs[slot]!, params.attributesToRetrieve);
      // As in Meilisearch, `_formatted` holds the retrieved attributes and the highlighted or cropped ones.
      const full = wantsFormat && params.attributesToRetrieve ? this.display(this.docs[slot]!) : doc;
      const names = full === doc ? this.displayedNames(doc) : this.formattedNames(full, doc, params);
      const hit: Record<string, unknown> = wantsFormat ? { ...doc, _formatted: formatHit(full, compiled.plan, params, names) } : doc;
      if (params.showMatchesPosition) hit._matchesPosition = matchPositions(this.docs[slot]!, compiled.plan, this.attrs);
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
      const k = words(key).filter((w) => !this.stop.has(w)).join(" ");
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
      values[slot] = typeof v === "number" || typeof v === "string" ? v : typeof v === "boolean" ? String(v) : undefined;
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

  /** The query's words without stop words (all of them when every word is one), and whether the last is a prefix. */
  private contentWords(q: string): { words: string[]; lastIsPrefix: boolean } {
    const toks = tokenize(q);
    const endsWithSeparator = toks.length > 0 && toks[toks.length - 1]!.end < q.length;
    let kept = toks.map((t) => t.term).filter((w) => !this.stop.has(w));
    if (kept.length === 0) kept = toks.map((t) => t.term);
    const lastKept = kept.length > 0 && kept[kept.length - 1] === toks[toks.length - 1]?.term;
    return { words: kept.slice(0, 12), lastIsPrefix: lastKept && !endsWithSeparator && kept.length <= 12 };
  }

  /** Compiled coverage queries, reused until the next write (as-you-type and popular queries repeat). */
  private coverageCache = new Map<string, CoverageQuery>();
  private coverageVersion = -1;
  private compileCoverage(words: string[], lastIsPrefix: boolean): CoverageQuery {
    if (this.coverageVersion !== this.version) {
      this.coverageCache.clear();
      this.coverageVersion = this.version;
    }
    const key = `${lastIsPrefix ? 1 : 0}${words.join(" ")}`;
    let c = this.coverageCache.get(key);
    if (!c) {
      c = compileCoverage(this.source(), words, lastIsPrefix);
      if (this.coverageCache.size > 500) this.coverageCache.clear();
      this.coverageCache.set(key, c);
    }
    return c;
  }

  /** The index as the coverage ranker sees it (one object per index; it reads the current state). */
  private source(): CoverageSource {
    if (this.coverageSource) return this.coverageSource;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const words = dutchWords();
    this.coverageSource = {
      get n() {
        return self.docs.length;
      },
      get live() {
        return self.live;
      },
      get alive() {
        return self.alive;
      },
      term: (id) => self.vocab.terms[id]!,
      posting: (id) => self.vocab.postings[id]!,
      termId: (w) => self.vocab.id(w),
      lookup: (w, budget, prefix) => self.cachedLookup(w, budget, prefix),
      lookupSuffix: (w, budget) => {
        const out = new Map<number, number>();
        for (const [rid, d] of self.cachedReverseLookup(Array.from(w).reverse().join(""), budget)) out.set(self.reversedTerm[rid]!, d);
        return out;
      },
      sameStem: (st) => self.stemIndex.get(st) ?? [],
      typoBudget: (w) => (self.noTypo.has(w) ? 0 : typoBudget(Array.from(w).length, self.settings.typoTolerance)),
      synonyms: (key) => self.synonyms.get(key) ?? [],
      phrasePosting: (phrase) => self.phrasePosting(phrase),
      known: (w) => self.vocab.id(w) >= 0 || words.has(w),
      get attrCount() {
        return self.attrs.length;
      },
      lengthNorms: (b) => self.lengthNorms(b),
    };
    return this.coverageSource;
  }

  private reverseCache = new Map<string, Map<number, number>>();
  private reverseVersion = -1;
  private cachedReverseLookup(reversedWord: string, budget: number): Map<number, number> {
    if (this.reverseVersion !== this.reversed.version) {
      this.reverseCache.clear();
      this.reverseVersion = this.reversed.version;
    }
    const key = `${budget}${reversedWord}`;
    let r = this.reverseCache.get(key);
    if (!r) {
      r = this.reversed.lookup(reversedWord, budget, true);
      if (r.size > MAX_EXPANSIONS) r = new Map([...r].sort((x, y) => x[1] - y[1]).slice(0, MAX_EXPANSIONS));
      if (this.reverseCache.size > 2000) this.reverseCache.clear();
      this.reverseCache.set(key, r);
    }
    return r;
  }

  /** `1 - b + b * len / avgLen` per slot and attribute (BM25F length normalisation), kept until the next write. */
  private lengthNorms(b: number): Float32Array {
    if (this.normCache.version === this.version && this.normCache.b === b) return this.normCache.value;
    const A = this.attrs.length;
    const W = this.attrLenWidth;
    // The average over the documents that have the attribute: an attribute few documents have (an article's
    // "ook gevraagd als" questions) must not count as far longer than average where it occurs.
    const total = new Array<number>(A).fill(0);
    const having = new Array<number>(A).fill(0);
    for (let s = 0; s < this.docs.length; s++) {
      if (!this.alive[s]) continue;
      for (let a = 0; a < A; a++) {
        const len = this.attrLen[s * W + a]!;
        total[a]! += len;
        if (len > 0) having[a]!++;
      }
    }
    const avg = total.map((t, a) => (having[a] ? t / having[a]! : 1));
    const value = new Float32Array(this.docs.length * A);
    for (let s = 0; s < this.docs.length; s++) {
      for (let a = 0; a < A; a++) value[s * A + a] = 1 - b + (b * this.attrLen[s * W + a]!) / avg[a]!;
    }
    this.normCache = { version: this.version, b, value };
    return value;
  }


  private cachedLookup(word: string, budget: number, prefix: boolean): Map<number, number> {
    if (this.lookupVersion !== this.vocab.version) {
      this.lookupCache.clear();
      this.lookupVersion = this.vocab.version;
    }
    const key = `${prefix ? 1 : 0}${budget}${word}`;
    let r = this.lookupCache.get(key);
    if (!r) {
      r = this.vocab.lookup(word, budget, prefix);
      if (r.size > MAX_EXPANSIONS) {
        // Keep the closest and most frequent expansions: a one-letter prefix would otherwise touch every term.
        const kept = [...r].sort((x, y) => x[1] - y[1] || this.vocab.df(y[0]) - this.vocab.df(x[0])).slice(0, MAX_EXPANSIONS);
        r = new Map(kept);
      }
      if (this.lookupCache.size > 2000) this.lookupCache.clear();
      this.lookupCache.set(key, r);
    }
    return r;
  }

  private compile(q: string): Compiled {
    const toks = tokenize(q);
    const endsWithSeparator = toks.length > 0 && toks[toks.length - 1]!.end < q.length;
    let kept = toks.map((t) => t.term).filter((w) => !this.stop.has(w));
    // A query of only stop words keeps them: they are not indexed, so only the prefix of the last one can match.
    // Dropping them would turn "wat" into an empty query that lists every document.
    if (kept.length === 0) kept = toks.map((t) => t.term);
    const qw: QueryWord[] = kept.slice(0, 10).map((word, i, all) => ({ word, prefix: i === all.length - 1 && !endsWithSeparator }));
    const matchers: Matcher[] = [];
    const plan: HighlightPlan = { terms: new Map(), phrases: [] };
    const addTerm = (from: number, to: number, id: number, cost: number, exact: boolean, prefixLen: number) => {
      matchers.push({ from, to, cost, exact, posting: this.vocab.postings[id]! });
      const term = this.vocab.terms[id]!;
      const old = plan.terms.get(term);
      let mask = 0;
      for (let i = from; i <= to; i++) mask |= 1 << i;
      if (!old) plan.terms.set(term, { mask, prefixLen });
      else {
        old.mask |= mask;
        if (prefixLen < 0 || (old.prefixLen >= 0 && prefixLen > old.prefixLen)) old.prefixLen = prefixLen;
      }
    };
    const addPhrase = (from: number, to: number, phrase: (string | null)[], cost: number) => {
      const posting = this.phrasePosting(phrase);
      if (!posting || posting.n === 0) return;
      matchers.push({ from, to, cost, exact: false, posting });
      let mask = 0;
      for (let i = from; i <= to; i++) mask |= 1 << i;
      plan.phrases.push({ words: phrase, mask });
    };
    const addSynonyms = (from: number, to: number, key: string) => {
      for (const alt of this.synonyms.get(key) ?? []) {
        if (alt.length === 1) {
          const id = this.vocab.id(alt[0]!);
          if (id >= 0) addTerm(from, to, id, 0, false, -1);
        } else addPhrase(from, to, alt, 0);
      }
    };
    const ts = this.settings.typoTolerance;

    qw.forEach(({ word, prefix }, i) => {
      const len = Array.from(word).length;
      const budget = this.noTypo.has(word) ? 0 : typoBudget(len, ts);
      const exactId = this.vocab.id(word);
      if (exactId >= 0) addTerm(i, i, exactId, 0, true, -1);
      if (prefix || budget > 0) {
        for (const [id, d] of this.cachedLookup(word, budget, prefix)) {
          if (id === exactId) continue;
          const isPrefixMatch = prefix && d === 0;
          addTerm(i, i, id, d, false, isPrefixMatch ? len : -1);
        }
      }
      addSynonyms(i, i, word);
      // Split a compound the index only holds as two words ("zorgcoordinator" → "zorg coordinator"): one typo.
      const split = this.bestSplit(word);
      if (split) addPhrase(i, i, split, 1);
    });
    // n-grams: adjacent query words also match as one word or through a multi-word synonym.
    for (let i = 0; i < qw.length; i++) {
      for (let span = 2; span <= 3 && i + span <= qw.length; span++) {
        const to = i + span - 1;
        const parts = qw.slice(i, to + 1).map((w) => w.word);
        const joined = parts.join("");
        const prefix = qw[to]!.prefix;
        const budget = Math.max(0, typoBudget(Array.from(joined).length, ts) - (span - 1));
        const id = this.vocab.id(joined);
        if (id >= 0) addTerm(i, to, id, 0, false, -1);
        if (prefix || budget > 0) {
          for (const [tid, d] of this.cachedLookup(joined, budget, prefix)) if (tid !== id) addTerm(i, to, tid, d, false, prefix && d === 0 ? Array.from(joined).length : -1);
        }
        addSynonyms(i, to, parts.join(" "));
      }
    }
    return { words: qw, matchers, plan };
  }

  /** The split of a word into two indexed words that most often stand next to each other, if any. */
  private bestSplit(word: string): (string | null)[] | null {
    const chars = Array.from(word);
    let best: string[] | null = null;
    let bestDf = 0;
    for (let k = 2; k <= chars.length - 2; k++) {
      const left = chars.slice(0, k).join("");
      const right = chars.slice(k).join("");
      const l = this.vocab.id(left);
      const r = this.vocab.id(right);
      if (l < 0 || r < 0) continue;
      const df = Math.min(this.vocab.df(l), this.vocab.df(r));
      if (df > bestDf) {
        bestDf = df;
        best = [left, right];
      }
    }
    return best;
  }

  /** Posting of the start positions of a phrase (stop words in it match any word), cached until the next write. */
  private phrasePosting(phrase: (string | null)[]): Posting | null {
    if (this.phraseVersion !== this.version) {
      this.phraseCache.clear();
      this.phraseVersion = this.version;
    }
    const key = phrase.map((w) => w ?? "\u0000").join(" ");
    let p = this.phraseCache.get(key);
    if (p === undefined) {
      p = this.computePhrasePosting(phrase);
      if (this.phraseCache.size > 1000) this.phraseCache.clear();
      this.phraseCache.set(key, p);
    }
    return p;
  }

  private computePhrasePosting(phrase: (string | null)[]): Posting | null {
    const parts: { posting: Posting; offset: number }[] = [];
    for (let k = 0; k < phrase.length; k++) {
      const w = phrase[k];
      if (w === null || w === undefined) continue;
      const id = this.vocab.id(w);
      if (id < 0) return null;
      parts.push({ posting: this.vocab.postings[id]!, offset: k });
    }
    if (parts.length === 0) return null;
    parts.sort((a, b) => a.posting.n - b.posting.n);
    const [rare, ...rest] = parts as [(typeof parts)[0], ...typeof parts];
    const out = new Posting();
    // Posting lists ascend by slot, so one forward cursor per other word walks each list once.
    const cursor = new Int32Array(rest.length);
    let starts = new Int32Array(64);
    let kept = new Int32Array(64);
    const rp = rare.posting;
    for (let e = 0; e < rp.n; e++) {
      const slot = rp.docs[e]!;
      if (!this.alive[slot]) continue;
      const from = rp.posStart[e]!;
      let ns = rp.posStart[e + 1]! - from;
      if (ns > starts.length) {
        starts = new Int32Array(ns * 2);
        kept = new Int32Array(ns * 2);
      }
      for (let x = 0; x < ns; x++) starts[x] = rp.positions[from + x]! - rare.offset;
      for (let r = 0; r < rest.length && ns > 0; r++) {
        const other = rest[r]!;
        const op = other.posting;
        let k = cursor[r]!;
        while (k < op.n && op.docs[k]! < slot) k++;
        cursor[r] = k;
        if (k >= op.n || op.docs[k] !== slot) {
          ns = 0;
          break;
        }
        // Both position lists ascend: one merge pass keeps the starts this word confirms.
        const end = op.posStart[k + 1]!;
        let y = op.posStart[k]!;
        let nk = 0;
        for (let x = 0; x < ns; x++) {
          const st = starts[x]!;
          while (y < end && op.positions[y]! - other.offset < st) y++;
          if (y < end && op.positions[y]! - other.offset === st) kept[nk++] = st;
        }
        [starts, kept] = [kept, starts];
        ns = nk;
      }
      if (ns > 0) out.add(slot, starts.subarray(0, ns));
    }
    return out;
  }

  // ---- ranking ----------------------------------------------------------------------------------------------

  private rank(c: Compiled, strategy: "last" | "all", allowed: Uint8Array | null, sort: SortSpec[], need: number, offset: number) {
    const n = this.docs.length;
    const W = c.words.length;
    const sc = this.scratch.reset(n, W);
    const { cost, exact, heads } = sc;
    const alive = this.alive;

    // Word 0 first: with either strategy a document must contain the first word, so it bounds the candidates.
    const order = c.matchers.map((_, idx) => idx).sort((a, b) => c.matchers[a]!.from - c.matchers[b]!.from);
    for (const mi of order) {
      const m = c.matchers[mi]!;
      const p = m.posting;
      const docs = p.docs;
      for (let e = 0; e < p.n; e++) {
        const s = docs[e]!;
        if (!alive[s] || (allowed !== null && !allowed[s])) continue;
        if (m.from > 0 && cost[s] === NONE) continue;
        for (let i = m.from; i <= m.to; i++) {
          const at = i * n + s;
          // A typo in a run of words counts for every word it covers, so it never beats exact single words.
          if (m.cost < cost[at]!) cost[at] = m.cost;
          if (m.exact) exact[at] = 1;
          sc.link(at, mi, e);
        }
      }
    }

    // Cheap rules first: words (leading words matched) and typo, as one small bucket number.
    const rules = this.settings.rankingRules;
    let coarseRules = 0;
    while (coarseRules < rules.length && (rules[coarseRules] === "words" || rules[coarseRules] === "typo")) coarseRules++;
    const { cand, leading, coarse } = sc;
    let count = 0;
    let maxKey = 0;
    for (let s = 0; s < n; s++) {
      if (cost[s] === NONE) continue;
      let k = 1;
      while (k < W && cost[k * n + s] !== NONE) k++;
      if (strategy === "all" && k < W) continue;
      let typos = 0;
      for (let i = 0; i < k; i++) typos += cost[i * n + s]!;
      leading[s] = k;
      let key = 0;
      for (let r = 0; r < coarseRules; r++) key = key * 64 + (rules[r] === "words" ? W - k : Math.min(typos, 63));
      coarse[s] = key;
      if (key > maxKey) maxKey = key;
      cand[count++] = s;
    }
    // Counting sort by bucket; slots stay ascending inside a bucket (the final tie-break).
    const starts = new Int32Array(maxKey + 2);
    for (let x = 0; x < count; x++) starts[coarse[cand[x]!]! + 1]!++;
    for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
    const sorted = new Int32Array(count);
    const fill = starts.slice();
    for (let x = 0; x < count; x++) {
      const s = cand[x]!;
      sorted[fill[coarse[s]!]!++] = s;
    }

    // Costly rules only for the buckets that reach the page.
    const fineRules = rules.slice(coarseRules);
    const sortAt = fineRules.indexOf("sort");
    const ordered: number[] = [];
    for (let key = 0; key <= maxKey && ordered.length < need; key++) {
      const from = starts[key]!;
      const to = starts[key + 1]!;
      if (from === to) continue;
      const size = to - from;
      if (fineRules.length === 0 || ordered.length + size <= offset) {
        // Entirely before the requested page, or nothing left to rank by: order does not matter / is final.
        for (let x = from; x < to; x++) ordered.push(sorted[x]!);
        continue;
      }
      const keyA = new Float64Array(size);
      const keyB = new Float64Array(size);
      for (let x = 0; x < size; x++) {
        const s = sorted[from + x]!;
        this.fineKey(c, s, leading[s]!, sc, fineRules, sortAt, keyA, keyB, x);
      }
      const wanted = need - ordered.length;
      let idx: number[];
      if (size > wanted * 2) {
        // Top-k: only documents whose first fine key is within the best `wanted` can reach the page.
        const threshold = keyA.slice().sort()[wanted - 1]!;
        idx = [];
        for (let x = 0; x < size; x++) if (keyA[x]! <= threshold) idx.push(x);
      } else idx = Array.from({ length: size }, (_, x) => x);
      const useSort = sortAt >= 0 && sort.length > 0;
      idx.sort((a, b) => {
        if (keyA[a] !== keyA[b]) return keyA[a]! - keyA[b]!;
        if (useSort) {
          const d = this.compareSort(sort, sorted[from + a]!, sorted[from + b]!);
          if (d) return d;
        }
        if (keyB[a] !== keyB[b]) return keyB[a]! - keyB[b]!;
        return a - b;
      });
      for (const x of idx) ordered.push(sorted[from + x]!);
    }
    return { candidates: cand.slice(0, count), ordered };
  }

  /** Costs of one document under the fine rules (lower is better): rules before `sort` in keyA, after in keyB. */
  private fineKey(c: Compiled, s: number, k: number, sc: Scratch, rules: RankingRule[], sortAt: number, keyA: Float64Array, keyB: Float64Array, x: number): void {
    const n = sc.n;
    const W = c.words.length;
    for (let i = 0; i < k; i++) sc.gather(i, i * n + s, c.matchers);
    let a = 0;
    let b = 0;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      let v = 0;
      let radix: number;
      if (rule === "proximity") {
        radix = 128;
        for (let i = 0; i + 1 < k; i++) v += pairProximity(sc.pos[i]!, sc.len[i]!, sc.pos[i + 1]!, sc.len[i + 1]!);
      } else if (rule === "attribute") {
        radix = 1 << 20;
        let attr = 0;
        let pos = 0;
        for (let i = 0; i < k; i++) {
          const first = sc.pos[i]![0]!;
          const at = Math.floor(first / ATTR_STRIDE);
          attr += at;
          pos += positionBucket(first - at * ATTR_STRIDE);
        }
        v = Math.min(attr, 1023) * 1024 + Math.min(pos, 1023);
      } else if (rule === "exactness") {
        radix = 128;
        let exactWords = 0;
        for (let i = 0; i < k; i++) if (sc.exact[i * n + s]) exactWords++;
        // Best: an attribute that is exactly the query.
        let whole = 1;
        if (exactWords === W) {
          for (let at = 0; at < this.attrLenWidth && whole; at++) {
            if (this.attrLen[s * this.attrLenWidth + at] !== W) continue;
            let all = true;
            for (let i = 0; i < k && all; i++) {
              let found = false;
              const list = sc.pos[i]!;
              for (let y = 0; y < sc.len[i]! && !found; y++) found = Math.floor(list[y]! / ATTR_STRIDE) === at;
              all = found;
            }
            if (all) whole = 0;
          }
        }
        v = whole * 32 + Math.min(31, W - exactWords);
      } else if (rule === "words") {
        radix = 16;
        v = W - k;
      } else if (rule === "typo") {
        radix = 64;
        for (let i = 0; i < k; i++) v += sc.cost[i * n + s]!;
        v = Math.min(v, 63);
      } else continue;
      if (sortAt >= 0 && r > sortAt) b = b * radix + v;
      else a = a * radix + v;
    }
    keyA[x] = a;
    keyB[x] = b;
  }

  // ---- filters, facets, sort --------------------------------------------------------------------------------

  private filterBitmap(filter: SearchParams["filter"]): Uint8Array | null {
    if (filter === undefined) return null;
    const key = JSON.stringify(filter);
    const hit = this.filterCache.get(key);
    if (hit) return hit;
    const node = parseFilter(filter);
    if (!node) return null;
    const filterable = new Set(this.settings.filterableAttributes);
    for (const a of filterAttributes(node)) {
      if (!filterable.has(a)) {
        throw new SearchRequestError(
          "invalid_search_filter",
          `Attribute "${a}" is not filterable. Filterable attributes: ${[...filterable].join(", ") || "none"}.`,
        );
      }
    }
    const bits = this.evalFilter(node);
    if (this.filterCache.size > 200) this.filterCache.clear();
    this.filterCache.set(key, bits);
    return bits;
  }

  private evalFilter(node: FilterNode): Uint8Array {
    const n = this.docs.length;
    const fromSlots = (lists: number[][]) => {
      const b = new Uint8Array(n);
      for (const l of lists) for (const s of l) b[s] = 1;
      return b;
    };
    switch (node.op) {
      case "and": {
        const b = new Uint8Array(n).fill(1);
        for (const item of node.items) {
          const x = this.evalFilter(item);
          for (let s = 0; s < n; s++) b[s]! &= x[s]!;
        }
        return b;
      }
      case "or": {
        const b = new Uint8Array(n);
        for (const item of node.items) {
          const x = this.evalFilter(item);
          for (let s = 0; s < n; s++) b[s]! |= x[s]!;
        }
        return b;
      }
      case "not": {
        const x = this.evalFilter(node.item);
        for (let s = 0; s < n; s++) x[s] = x[s] ? 0 : 1;
        return x;
      }
      case "in":
        return fromSlots(node.values.flatMap((v) => this.equalSlots(node.attr, v)));
      case "cmp": {
        if (node.cmp === "=" || node.cmp === "!=") {
          const b = fromSlots(this.equalSlots(node.attr, node.value));
          if (node.cmp === "!=") for (let s = 0; s < n; s++) b[s] = b[s] ? 0 : 1;
          return b;
        }
        const v = Number(node.value);
        if (!Number.isFinite(v)) throw new SearchRequestError("invalid_search_filter", `Invalid filter: "${node.value}" is not a number.`);
        const b = new Uint8Array(n);
        const test = { ">": (x: number) => x > v, ">=": (x: number) => x >= v, "<": (x: number) => x < v, "<=": (x: number) => x <= v }[node.cmp];
        for (const { slot, n: x } of this.facets.get(node.attr)!.numeric) if (test(x)) b[slot] = 1;
        return b;
      }
      case "to": {
        const lo = Number(node.from);
        const hi = Number(node.to);
        if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new SearchRequestError("invalid_search_filter", "Invalid filter: TO needs two numbers.");
        const b = new Uint8Array(n);
        for (const { slot, n: x } of this.facets.get(node.attr)!.numeric) if (x >= lo && x <= hi) b[slot] = 1;
        return b;
      }
      case "exists":
        return fromSlots([this.facets.get(node.attr)!.exists]);
      case "null":
        return fromSlots([this.facets.get(node.attr)!.nulls]);
      case "empty":
        return fromSlots([this.facets.get(node.attr)!.empties]);
    }
  }

  private equalSlots(attr: string, value: string): number[][] {
    const fi = this.facets.get(attr)!;
    const out: number[][] = [];
    const id = fi.keys.get(facetKey(value));
    if (id !== undefined) out.push(fi.slots[id]!);
    const num = Number(value);
    if (value.trim() !== "" && Number.isFinite(num) && String(num) !== facetKey(value)) {
      const nid = fi.keys.get(String(num));
      if (nid !== undefined) out.push(fi.slots[nid]!);
    }
    return out;
  }

  private countFacet(attr: string, candidates: Int32Array): Record<string, number> {
    const fi = this.facets.get(attr)!;
    const counts = new Int32Array(fi.originals.length);
    for (let x = 0; x < candidates.length; x++) {
      const ids = fi.bySlot[candidates[x]!];
      if (ids) for (const id of ids) counts[id]!++;
    }
    const entries: [string, number][] = [];
    counts.forEach((cnt, id) => {
      if (cnt > 0) entries.push([String(fi.originals[id]), cnt]);
    });
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return Object.fromEntries(entries.slice(0, 100));
  }

  private parseSort(sort: string[] | undefined): SortSpec[] {
    const sortable = new Set(this.settings.sortableAttributes);
    return (sort ?? []).map((s) => {
      const m = /^(.+):(asc|desc)$/.exec(s.trim());
      if (!m) throw new SearchRequestError("invalid_search_sort", `Invalid sort "${s}": use attribute:asc or attribute:desc.`);
      if (!sortable.has(m[1]!)) throw new SearchRequestError("invalid_search_sort", `Attribute "${m[1]}" is not sortable.`);
      return { attr: m[1]!, desc: m[2] === "desc" };
    });
  }

  private compareSort(sort: SortSpec[], a: number, b: number): number {
    for (const { attr, desc } of sort) {
      const values = this.sortValues.get(attr)!;
      const va = values[a];
      const vb = values[b];
      if (va === vb) continue;
      // Missing values always last; numbers before strings, as in Meilisearch.
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      let d: number;
      if (typeof va === "number" && typeof vb === "number") d = va - vb;
      else if (typeof va === "number") return -1;
      else if (typeof vb === "number") return 1;
      else d = va < vb ? -1 : va > vb ? 1 : 0;
      if (d) return desc ? -d : d;
    }
    return 0;
  }

  // ---- output -------------------------------------------------------------------------------------------------

  private displayedNames(doc: Record<string, unknown>): string[] {
    return Object.keys(doc);
  }

  private formattedNames(full: Record<string, unknown>, retrieved: Record<string, unknown>, params: SearchParams): string[] {
    const asked = [...(params.attributesToHighlight ?? []), ...(params.attributesToCrop ?? []).map((a) => a.split(":")[0]!)];
    if (asked.includes("*")) return Object.keys(full);
    return Object.keys(full).filter((k) => k in retrieved || asked.includes(k));
  }

  private display(doc: T, retrieve?: string[]): T {
    const shown = this.settings.displayedAttributes;
    const wanted = retrieve && !retrieve.includes("*") ? new Set(retrieve) : null;
    if (shown.includes("*") && !wanted) return structuredClone(doc);
    const out: Record<string, unknown> = {};
    for (const k of shown.includes("*") ? Object.keys(doc) : shown) {
      if (k in doc && (!wanted || wanted.has(k))) out[k] = structuredClone((doc as Record<string, unknown>)[k]);
    }
    return out as T;
  }
}

interface SortSpec {
  attr: string;
  desc: boolean;
}

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
