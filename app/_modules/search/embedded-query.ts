// The embedded engine's query side: a query's words, their look-ups in the vocabulary (typos, prefixes, reversed
// words for compound tails), phrase postings, and the compiled query that both rankings read.
import { compileCoverage, type CoverageQuery, type CoverageSource } from "./coverage";
import { dutchWords } from "./dutch";
import type { HighlightPlan } from "./format";
import { tokenize } from "./text";
import type { Matcher } from "./bucket-scratch";
import { Posting } from "./vocabulary";
import type { EmbeddedIndex } from "./embedded";
import type { IndexSettings } from "./types";
import type { SearchDocument } from "./types";

const MAX_EXPANSIONS = 500;

export interface QueryWord {
  word: string;
  prefix: boolean;
}

export interface Compiled {
  words: QueryWord[];
  matchers: Matcher[];
  plan: HighlightPlan;
}

export function typoBudget(len: number, s: Required<IndexSettings>["typoTolerance"]): number {
  if (s.enabled === false) return 0;
  const one = s.minWordSizeForTypos?.oneTypo ?? 5;
  const two = s.minWordSizeForTypos?.twoTypos ?? 9;
  return len >= two ? 2 : len >= one ? 1 : 0;
}

type AnyIndex = EmbeddedIndex<SearchDocument>;

/** The query's words without stop words (all of them when every word is one), and whether the last is a prefix. */
export function contentWords(ix: AnyIndex, q: string): { words: string[]; lastIsPrefix: boolean } {
  const toks = tokenize(q);
  const endsWithSeparator = toks.length > 0 && toks[toks.length - 1]!.end < q.length;
  let kept = toks.map((t) => t.term).filter((w) => !ix.stop.has(w));
  if (kept.length === 0) kept = toks.map((t) => t.term);
  const lastKept = kept.length > 0 && kept[kept.length - 1] === toks[toks.length - 1]?.term;
  return { words: kept.slice(0, 12), lastIsPrefix: lastKept && !endsWithSeparator && kept.length <= 12 };
}

export function coverageQuery(ix: AnyIndex, words: string[], lastIsPrefix: boolean): CoverageQuery {
  if (ix.coverageVersion !== ix.version) {
    ix.coverageCache.clear();
    ix.coverageVersion = ix.version;
  }
  const key = `${lastIsPrefix ? 1 : 0}${words.join(" ")}`;
  let c = ix.coverageCache.get(key);
  if (!c) {
    c = compileCoverage(coverageSourceOf(ix), words, lastIsPrefix);
    if (ix.coverageCache.size > 500) ix.coverageCache.clear();
    ix.coverageCache.set(key, c);
  }
  return c;
}

/** The index as the coverage ranker sees it (one object per index; it reads the current state). */
export function coverageSourceOf(ix: AnyIndex): CoverageSource {
  if (ix.coverageSource) return ix.coverageSource;
  const self = ix;
  const words = dutchWords();
  ix.coverageSource = {
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
    lookup: (w, budget, prefix) => cachedLookup(self, w, budget, prefix),
    lookupSuffix: (w, budget) => {
      const out = new Map<number, number>();
      for (const [rid, d] of cachedReverseLookup(self, Array.from(w).reverse().join(""), budget))
        out.set(self.reversedTerm[rid]!, d);
      return out;
    },
    sameStem: (st) => self.stemIndex.get(st) ?? [],
    typoBudget: (w) => (self.noTypo.has(w) ? 0 : typoBudget(Array.from(w).length, self.settings.typoTolerance)),
    synonyms: (key) => self.synonyms.get(key) ?? [],
    phrasePosting: (phrase) => phrasePosting(self, phrase),
    known: (w) => self.vocab.id(w) >= 0 || words.has(w),
    get attrCount() {
      return self.attrs.length;
    },
    lengthNorms: (b) => lengthNorms(self, b),
  };
  return ix.coverageSource;
}

export function cachedReverseLookup(ix: AnyIndex, reversedWord: string, budget: number): Map<number, number> {
  if (ix.reverseVersion !== ix.reversed.version) {
    ix.reverseCache.clear();
    ix.reverseVersion = ix.reversed.version;
  }
  const key = `${budget}${reversedWord}`;
  let r = ix.reverseCache.get(key);
  if (!r) {
    r = ix.reversed.lookup(reversedWord, budget, true);
    if (r.size > MAX_EXPANSIONS) r = new Map([...r].sort((x, y) => x[1] - y[1]).slice(0, MAX_EXPANSIONS));
    if (ix.reverseCache.size > 2000) ix.reverseCache.clear();
    ix.reverseCache.set(key, r);
  }
  return r;
}

/** `1 - b + b * len / avgLen` per slot and attribute (BM25F length normalisation), kept until the next write. */
export function lengthNorms(ix: AnyIndex, b: number): Float32Array {
  if (ix.normCache.version === ix.version && ix.normCache.b === b) return ix.normCache.value;
  const A = ix.attrs.length;
  const W = ix.attrLenWidth;
  // The average over the documents that have the attribute: an attribute few documents have (an article's
  // "ook gevraagd als" questions) must not count as far longer than average where it occurs.
  const total = new Array<number>(A).fill(0);
  const having = new Array<number>(A).fill(0);
  for (let s = 0; s < ix.docs.length; s++) {
    if (!ix.alive[s]) continue;
    for (let a = 0; a < A; a++) {
      const len = ix.attrLen[s * W + a]!;
      total[a]! += len;
      if (len > 0) having[a]!++;
    }
  }
  const avg = total.map((t, a) => (having[a] ? t / having[a]! : 1));
  const value = new Float32Array(ix.docs.length * A);
  for (let s = 0; s < ix.docs.length; s++) {
    for (let a = 0; a < A; a++) value[s * A + a] = 1 - b + (b * ix.attrLen[s * W + a]!) / avg[a]!;
  }
  ix.normCache = { version: ix.version, b, value };
  return value;
}

export function cachedLookup(ix: AnyIndex, word: string, budget: number, prefix: boolean): Map<number, number> {
  if (ix.lookupVersion !== ix.vocab.version) {
    ix.lookupCache.clear();
    ix.lookupVersion = ix.vocab.version;
  }
  const key = `${prefix ? 1 : 0}${budget}${word}`;
  let r = ix.lookupCache.get(key);
  if (!r) {
    r = ix.vocab.lookup(word, budget, prefix);
    if (r.size > MAX_EXPANSIONS) {
      // Keep the closest and most frequent expansions: a one-letter prefix would otherwise touch every term.
      const kept = [...r].sort((x, y) => x[1] - y[1] || ix.vocab.df(y[0]) - ix.vocab.df(x[0])).slice(0, MAX_EXPANSIONS);
      r = new Map(kept);
    }
    if (ix.lookupCache.size > 2000) ix.lookupCache.clear();
    ix.lookupCache.set(key, r);
  }
  return r;
}

export function compile(ix: AnyIndex, q: string): Compiled {
  const toks = tokenize(q);
  const endsWithSeparator = toks.length > 0 && toks[toks.length - 1]!.end < q.length;
  let kept = toks.map((t) => t.term).filter((w) => !ix.stop.has(w));
  // A query of only stop words keeps them: they are not indexed, so only the prefix of the last one can match.
  // Dropping them would turn "wat" into an empty query that lists every document.
  if (kept.length === 0) kept = toks.map((t) => t.term);
  const qw: QueryWord[] = kept
    .slice(0, 10)
    .map((word, i, all) => ({ word, prefix: i === all.length - 1 && !endsWithSeparator }));
  const matchers: Matcher[] = [];
  const plan: HighlightPlan = { terms: new Map(), phrases: [] };
  const addTerm = (from: number, to: number, id: number, cost: number, exact: boolean, prefixLen: number) => {
    matchers.push({ from, to, cost, exact, posting: ix.vocab.postings[id]! });
    const term = ix.vocab.terms[id]!;
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
    const posting = phrasePosting(ix, phrase);
    if (!posting || posting.n === 0) return;
    matchers.push({ from, to, cost, exact: false, posting });
    let mask = 0;
    for (let i = from; i <= to; i++) mask |= 1 << i;
    plan.phrases.push({ words: phrase, mask });
  };
  const addSynonyms = (from: number, to: number, key: string) => {
    for (const alt of ix.synonyms.get(key) ?? []) {
      if (alt.length === 1) {
        const id = ix.vocab.id(alt[0]!);
        if (id >= 0) addTerm(from, to, id, 0, false, -1);
      } else addPhrase(from, to, alt, 0);
    }
  };
  const ts = ix.settings.typoTolerance;

  qw.forEach(({ word, prefix }, i) => {
    const len = Array.from(word).length;
    const budget = ix.noTypo.has(word) ? 0 : typoBudget(len, ts);
    const exactId = ix.vocab.id(word);
    if (exactId >= 0) addTerm(i, i, exactId, 0, true, -1);
    if (prefix || budget > 0) {
      for (const [id, d] of cachedLookup(ix, word, budget, prefix)) {
        if (id === exactId) continue;
        const isPrefixMatch = prefix && d === 0;
        addTerm(i, i, id, d, false, isPrefixMatch ? len : -1);
      }
    }
    addSynonyms(i, i, word);
    // Split a compound the index only holds as two words ("zorgcoordinator" → "zorg coordinator"): one typo.
    const split = bestSplit(ix, word);
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
      const id = ix.vocab.id(joined);
      if (id >= 0) addTerm(i, to, id, 0, false, -1);
      if (prefix || budget > 0) {
        for (const [tid, d] of cachedLookup(ix, joined, budget, prefix))
          if (tid !== id) addTerm(i, to, tid, d, false, prefix && d === 0 ? Array.from(joined).length : -1);
      }
      addSynonyms(i, to, parts.join(" "));
    }
  }
  return { words: qw, matchers, plan };
}

/** The split of a word into two indexed words that most often stand next to each other, if any. */
export function bestSplit(ix: AnyIndex, word: string): (string | null)[] | null {
  const chars = Array.from(word);
  let best: string[] | null = null;
  let bestDf = 0;
  for (let k = 2; k <= chars.length - 2; k++) {
    const left = chars.slice(0, k).join("");
    const right = chars.slice(k).join("");
    const l = ix.vocab.id(left);
    const r = ix.vocab.id(right);
    if (l < 0 || r < 0) continue;
    const df = Math.min(ix.vocab.df(l), ix.vocab.df(r));
    if (df > bestDf) {
      bestDf = df;
      best = [left, right];
    }
  }
  return best;
}

/** Posting of the start positions of a phrase (stop words in it match any word), cached until the next write. */
export function phrasePosting(ix: AnyIndex, phrase: (string | null)[]): Posting | null {
  if (ix.phraseVersion !== ix.version) {
    ix.phraseCache.clear();
    ix.phraseVersion = ix.version;
  }
  const key = phrase.map((w) => w ?? "\u0000").join(" ");
  let p = ix.phraseCache.get(key);
  if (p === undefined) {
    p = computePhrasePosting(ix, phrase);
    if (ix.phraseCache.size > 1000) ix.phraseCache.clear();
    ix.phraseCache.set(key, p);
  }
  return p;
}

export function computePhrasePosting(ix: AnyIndex, phrase: (string | null)[]): Posting | null {
  const parts: { posting: Posting; offset: number }[] = [];
  for (let k = 0; k < phrase.length; k++) {
    const w = phrase[k];
    if (w === null || w === undefined) continue;
    const id = ix.vocab.id(w);
    if (id < 0) return null;
    parts.push({ posting: ix.vocab.postings[id]!, offset: k });
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
    if (!ix.alive[slot]) continue;
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
