// Coverage ranking for the embedded engine (matching strategy `frequency`): every document that matches any
// meaningful query word is a candidate, ranked by field-weighted BM25 over the query words it covers, plus a
// proximity bonus. A query word matches, from strong to weak: the word itself; another word with the same Dutch
// stem; a synonym; a typo or (last word) a prefix; a compound in the text that has the word as a part; the parts
// of a query compound. A number with a unit ("16 uur") counts extra when the text has the same number and unit.
import { AMOUNT_WORDS, numberOf, numberTerm, splitCompound, stem, unitOf } from "./dutch";
import type { HighlightPlan } from "./format";
import { ATTR_STRIDE, type Posting } from "./vocabulary";

/** What the ranker needs from the index. */
export interface CoverageSource {
  readonly n: number;
  readonly live: number;
  readonly alive: Uint8Array;
  term(id: number): string;
  posting(id: number): Posting;
  termId(word: string): number;
  /** Term ids within `budget` typos of `word` (terms starting so, with `prefix`) → typos. */
  lookup(word: string, budget: number, prefix: boolean): Map<number, number>;
  /** Term ids that end with something within `budget` typos of `word` → typos. */
  lookupSuffix(word: string, budget: number): Map<number, number>;
  /** Term ids with this Dutch stem. */
  sameStem(stem: string): number[];
  typoBudget(word: string): number;
  synonyms(key: string): (string | null)[][];
  phrasePosting(phrase: (string | null)[]): Posting | null;
  /** A Dutch word (index vocabulary or word list). */
  known(word: string): boolean;
  readonly attrCount: number;
  /** BM25 length normalisation `1 - b + b * len / avgLen` per slot and attribute (slot * attrCount + a). */
  lengthNorms(b: number): Float32Array;
}

interface Matcher {
  /** Scoring slots covered (a query word is one slot, or one per part when it is a split compound). */
  from: number;
  to: number;
  weight: number;
  posting: Posting;
}

export interface CoverageQuery {
  slots: number;
  /** Share of a document's score each slot carries. */
  slotWeight: number[];
  /** The query word (index into `words`) each slot belongs to. */
  slotWord: number[];
  words: string[];
  matchers: Matcher[];
  plan: HighlightPlan;
}

const W_EXACT = 1;
const W_STEM = 0.9;
const W_SYNONYM = 0.8;
const W_PREFIX = 0.7;
const W_TYPO = [1, 0.6, 0.4];
/** A typo in a long run of joined words weighs less than one in a short word. */
const W_TYPO_LONG = [1, 0.85, 0.6];
/** A match of several query words at once (a phrase, joined words, a number with its unit) counts once more. */
const PHRASE_BONUS = 0.25;
const W_PART = 0.5;
const W_NUMBER_UNIT = 2;
const MAX_VARIANTS = 60;

/** Compiles content words (stop words already removed) into matchers over scoring slots. */
export function compileCoverage(src: CoverageSource, words: string[], lastIsPrefix: boolean): CoverageQuery {
  const matchers: Matcher[] = [];
  const plan: HighlightPlan = { terms: new Map(), phrases: [] };
  const { splits, amountUnit, slotWeight, slotWord, wordSlots } = planSlots(src, words);
  const seen = new Map<string, number>();

  const addPhrase = (phrase: (string | null)[], fromSlot: number, toSlot: number, weight: number) => {
    const p = src.phrasePosting(phrase);
    if (!p || p.n === 0) return;
    matchers.push({ from: fromSlot, to: toSlot, weight, posting: p });
    let mask = 0;
    for (let i = slotWord[fromSlot]!; i <= slotWord[toSlot]!; i++) mask |= 1 << Math.min(i, 30);
    plan.phrases.push({ words: phrase, mask });
  };

  const S = slotWeight.length;
  const range = (i: number, j = i): [number, number] => [wordSlots[i]![0], wordSlots[j]![1]];

  const variantsOf = (word: string, from: number, to: number, scale: number, prefix: boolean) => {
    const add = (id: number, w: number, prefixLen = -1) => addRange(id, from, to, w * scale, prefixLen);
    const exact = src.termId(word);
    add(exact, W_EXACT);
    const st = stem(word);
    for (const id of src.sameStem(st).slice(0, MAX_VARIANTS)) if (id !== exact) add(id, W_STEM);
    const budget = src.typoBudget(word);
    if (budget > 0 || prefix) {
      let count = 0;
      for (const [id, d] of src.lookup(word, budget, prefix)) {
        if (id === exact) continue;
        if (count++ > MAX_VARIANTS) break;
        const term = src.term(id);
        if (prefix && d === 0 && term.length > word.length) add(id, W_PREFIX, Array.from(word).length);
        else if (prefix && term.length > word.length + 1) add(id, W_PREFIX * W_TYPO[Math.min(d, 2)]!);
        else add(id, W_TYPO[Math.min(d, 2)]!);
      }
    }
    // The word as a part of a compound in the text: its head ("verzuim" in "verzuimmelding") or its tail
    // ("verzuim" in "ziekteverzuim"), typos allowed by the word's own length.
    if (word.length >= 4) {
      let count = 0;
      for (const [id, d] of src.lookup(word, Math.min(budget, 1), true)) {
        const term = src.term(id);
        if (term.length < word.length + 3) continue;
        if (count++ > MAX_VARIANTS) break;
        if ([0, -1, 1].some((k) => compoundHead(src, term, word.length + k * d))) add(id, W_PART * W_TYPO[d]!);
      }
      count = 0;
      for (const [id, d] of src.lookupSuffix(word, Math.min(budget, 1))) {
        const term = src.term(id);
        if (term.length < word.length + 3) continue;
        if (count++ > MAX_VARIANTS) break;
        if ([0, -1, 1].some((k) => compoundTail(src, term, word.length + k * d))) add(id, (W_PART + 0.1) * W_TYPO[d]!);
      }
    }
    for (const alt of src.synonyms(word)) addSynonym(alt, from, to, scale);
  };
  const addRange = (id: number, fromSlot: number, toSlot: number, weight: number, prefixLen: number) => {
    if (id < 0) return;
    const key = `${id}:${fromSlot}:${toSlot}`;
    const at = seen.get(key);
    if (at !== undefined) {
      if (matchers[at]!.weight < weight) matchers[at]!.weight = weight;
      return;
    }
    seen.set(key, matchers.length);
    matchers.push({ from: fromSlot, to: toSlot, weight, posting: src.posting(id) });
    const term = src.term(id);
    let mask = 0;
    for (let i = slotWord[fromSlot]!; i <= slotWord[toSlot]!; i++) mask |= 1 << Math.min(i, 30);
    const old = plan.terms.get(term);
    if (!old) plan.terms.set(term, { mask, prefixLen });
    else {
      old.mask |= mask;
      if (prefixLen < 0 || (old.prefixLen >= 0 && prefixLen > old.prefixLen)) old.prefixLen = prefixLen;
    }
  };
  const addSynonym = (alt: (string | null)[], from: number, to: number, scale: number) => {
    if (alt.length === 1) {
      const w = alt[0]!;
      addRange(src.termId(w), from, to, W_SYNONYM * scale, -1);
      for (const id of src.sameStem(stem(w)).slice(0, MAX_VARIANTS))
        addRange(id, from, to, W_SYNONYM * 0.95 * scale, -1);
    } else addPhrase(alt, from, to, W_SYNONYM * scale);
  };

  words.forEach((word, i) => {
    const [from, to] = range(i);
    const prefix = lastIsPrefix && i === words.length - 1;
    if (amountUnit[i]! >= 0) return;
    variantsOf(word, from, to, 1, prefix);
    const parts = splits[i];
    if (parts) parts.forEach((part, k) => variantsOf(part, from + k, from + k, 0.8, prefix && k === parts.length - 1));
  });
  // Adjacent query words: written as one word in the text ("verzuim loket" → "verzuimloket"), or a multi-word
  // synonym; a number with its unit.
  for (let i = 0; i + 1 < words.length; i++) {
    for (let span = 2; span <= 3 && i + span <= words.length; span++) {
      const run = words.slice(i, i + span);
      const [from, to] = range(i, i + span - 1);
      // The words as a phrase in the text: the strongest match of all.
      addPhrase(run, from, to, W_EXACT);
      const joinedWord = run.join("");
      const joined = src.termId(joinedWord);
      addRange(joined, from, to, W_EXACT, -1);
      // The joined words with a typo ("leerplicht ambtenar" → "leerplichtambtenaar"): one typo fewer per join.
      const budget = Math.max(0, src.typoBudget(joinedWord) - (span - 1));
      if (budget > 0)
        for (const [id, d] of src.lookup(joinedWord, budget, false))
          if (id !== joined) addRange(id, from, to, W_TYPO_LONG[Math.min(d, 2)]!, -1);
      // A synonym of several words stands in for them as one concept: it counts less than the words themselves.
      for (const alt of src.synonyms(run.join(" "))) addSynonym(alt, from, to, 0.75);
    }
    const num = numberOf(words[i]!);
    const unit = unitOf(words[i + 1]!);
    if (num && unit) {
      const [from, to] = range(i, i + 1);
      addRange(src.termId(numberTerm(unit, num)), from, to, W_NUMBER_UNIT, -1);
    }
  }
  words.forEach((_, i) => {
    const u = amountUnit[i]!;
    if (u < 0 || (i > 0 && amountUnit[i - 1] === u)) return;
    const [from, to] = range(i, u);
    addRange(src.termId(numberTerm(unitOf(words[u]!)!)), from, to, W_NUMBER_UNIT * 0.6, -1);
  });
  return { slots: S, slotWeight, slotWord, words, matchers, plan };
}

/**
 * The scoring slots of the query words. A word that splits into known parts gets one slot per part. Only a word the
 * index does not hold (as such or by its stem) is split: the parts of a known word add noise. Amount words before a
 * unit ("(vanaf) hoeveel uur") are matched by any number of that unit, not by themselves, and weigh nothing.
 */
function planSlots(src: CoverageSource, words: string[]) {
  const slotWeight: number[] = [];
  const slotWord: number[] = [];
  const wordSlots: [number, number][] = [];
  const splits = words.map((w) =>
    w.length >= 8 && !/\d/.test(w) && src.termId(w) < 0 && !src.sameStem(stem(w)).length
      ? splitCompound(w, src.known)
      : null,
  );
  // "(vanaf) hoeveel uur": the amount words are matched by any number of that unit, not by themselves, and
  // weigh nothing of their own.
  const amountUnit = words.map((_, i) => {
    let j = i;
    while (j < words.length && AMOUNT_WORDS.has(words[j]!)) j++;
    return j > i && j < words.length && unitOf(words[j]!) ? j : -1;
  });
  words.forEach((_, i) => {
    const parts = splits[i];
    const start = slotWeight.length;
    if (parts) {
      for (let k = 0; k < parts.length; k++) {
        slotWeight.push(1 / parts.length);
        slotWord.push(i);
      }
    } else {
      slotWeight.push(amountUnit[i]! >= 0 ? 0 : 1);
      slotWord.push(i);
    }
    wordSlots.push([start, slotWeight.length - 1]);
  });
  return { splits, amountUnit, slotWeight, slotWord, wordSlots };
}

/** `term` starts with a `len`-letter word and the rest (after a linking s/e/en) is a word of its own. */
function compoundHead(src: CoverageSource, term: string, len: number): boolean {
  const rest = term.slice(len);
  if (rest.length >= 3 && src.known(rest)) return true;
  for (const l of ["s", "e", "en"])
    if (rest.startsWith(l) && rest.length - l.length >= 3 && src.known(rest.slice(l.length))) return true;
  return false;
}

/** `term` ends with a `len`-letter word and what comes before it (without a linking s/e/en) is a word. */
function compoundTail(src: CoverageSource, term: string, len: number): boolean {
  const head = term.slice(0, term.length - len);
  if (head.length >= 3 && src.known(head)) return true;
  for (const l of ["s", "e", "en"])
    if (head.endsWith(l) && head.length - l.length >= 3 && src.known(head.slice(0, -l.length))) return true;
  return false;
}

/** Per-search working memory (searches are synchronous, so one per index is enough). */
export class CoverageScratch {
  best = new Float32Array(0);
  bestM = new Int32Array(0);
  bestE = new Int32Array(0);
  touched = new Uint8Array(0);
  list = new Int32Array(0);

  reset(n: number, S: number): void {
    const size = n * S;
    if (this.best.length < size) {
      this.best = new Float32Array(size);
      this.bestM = new Int32Array(size);
      this.bestE = new Int32Array(size);
    }
    if (this.touched.length < n) {
      this.touched = new Uint8Array(n);
      this.list = new Int32Array(n);
    }
    this.best.fill(0, 0, size);
    this.touched.fill(0, 0, n);
  }
}

const K1 = 1.2;
const B = 0.5;
const PROXIMITY = 0.35;
const COVERAGE = 1;
const RERANK = 80;

/** Field weight by rank of the searchable attribute: the first (title) most, the last (body) least. */
export function fieldWeight(a: number, count: number): number {
  if (a === 0) return 1.2;
  if (a === count - 1) return 1;
  return 1.1;
}

/** Ranks every document matching any slot; returns the candidates and the order of the best `need`. */
export function rankCoverage(
  src: CoverageSource,
  q: CoverageQuery,
  allowed: Uint8Array | null,
  sc: CoverageScratch,
  need: number,
) {
  const n = src.n;
  const S = q.slots;
  sc.reset(n, S);
  const { best, bestM, bestE, touched, list } = sc;
  const alive = src.alive;
  const N = Math.max(1, src.live);
  const A = src.attrCount;
  const fw = Array.from({ length: A }, (_, a) => fieldWeight(a, A));
  const norms = src.lengthNorms(B);
  let count = 0;
  // Pass 1: per slot and document, the best weighted BM25F term frequency (each field normalised by its own
  // average length) over the slot's matchers.
  for (let mi = 0; mi < q.matchers.length; mi++) {
    const m = q.matchers[mi]!;
    const p = m.posting;
    for (let e = 0; e < p.n; e++) {
      const s = p.docs[e]!;
      if (!alive[s] || (allowed !== null && !allowed[s])) continue;
      // Each field saturates on its own and adds its weight: a title match always counts on top of the body.
      let v = 0;
      let y = p.posStart[e]!;
      const end = p.posStart[e + 1]!;
      while (y < end) {
        const a = Math.floor(p.positions[y]! / ATTR_STRIDE);
        let tf = 0;
        while (y < end && Math.floor(p.positions[y]! / ATTR_STRIDE) === a) {
          tf++;
          y++;
        }
        const norm = norms[s * A + a]!;
        v += ((fw[a] ?? 1) * tf * (K1 + 1)) / (tf + K1 * norm);
      }
      v *= m.weight;
      for (let i = m.from; i <= m.to; i++) {
        const at = i * n + s;
        if (v > best[at]!) {
          best[at] = v;
          bestM[at] = mi;
          bestE[at] = e;
        }
      }
      if (!touched[s]) {
        touched[s] = 1;
        list[count++] = s;
      }
    }
  }
  const candidates = list.slice(0, count);
  // Matches that cover several query words at once are rarer than each word: they add their own rarity.
  const phrase = new Float64Array(n);
  for (const m of q.matchers) {
    if (q.slotWord[m.from] === q.slotWord[m.to]) continue;
    const p = m.posting;
    const idfM =
      Math.log(1 + (N - p.n + 0.5) / (p.n + 0.5)) * m.weight * PHRASE_BONUS * (q.slotWord[m.to]! - q.slotWord[m.from]!);
    for (let e = 0; e < p.n; e++) {
      const s = p.docs[e]!;
      if (touched[s] && idfM > phrase[s]!) phrase[s] = idfM;
    }
  }
  // Pass 2: rarity per slot over every document it matches (a rare synonym must not outweigh the word itself).
  const idf = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    let df = 0;
    for (let x = 0; x < count; x++) if (best[i * n + candidates[x]!]! > 0) df++;
    idf[i] = Math.log(1 + (N - df + 0.5) / (df + 0.5)) * q.slotWeight[i]!;
  }
  // Coverage: the share of the query's rarity a document covers raises its score (a document with every word
  // beats one that repeats a few of them).
  let idfTotal = 0;
  for (let i = 0; i < S; i++) idfTotal += idf[i]!;
  const score = new Float64Array(count);
  for (let x = 0; x < count; x++) {
    const s = candidates[x]!;
    let total = 0;
    let covered = 0;
    for (let i = 0; i < S; i++) {
      const b = best[i * n + s]!;
      total += b * idf[i]!;
      if (b > 0) covered += idf[i]! * Math.min(1, b);
    }
    score[x] = (total + phrase[s]!) * Math.pow(idfTotal > 0 ? covered / idfTotal : 1, COVERAGE);
  }
  // Proximity for the leading documents only: query words near each other (in the same field) count extra.
  const top = bestOf(score, candidates, Math.max(RERANK, need));
  for (const x of top) {
    const s = candidates[x]!;
    let prev = -1;
    let bonus = 0;
    for (let i = 0; i < S; i++) {
      const at = i * n + s;
      if (best[at] === 0) continue;
      if (prev >= 0 && q.slotWord[prev] !== q.slotWord[i]) {
        const d = minDistance(q, bestM[prev * n + s]!, bestE[prev * n + s]!, bestM[at]!, bestE[at]!);
        if (d <= 8) bonus += Math.min(best[prev * n + s]! * idf[prev]!, best[at]! * idf[i]!) * ((9 - d) / 8);
      }
      prev = i;
    }
    score[x] = score[x]! + PROXIMITY * bonus;
  }
  top.sort((a, b) => score[b]! - score[a]! || candidates[a]! - candidates[b]!);
  return { candidates, ordered: top.slice(0, need).map((x) => candidates[x]!) };
}

/** Indexes of the `k` highest scores, best first (ties: lower slot first), without sorting everything. */
function bestOf(score: Float64Array, candidates: Int32Array, k: number): number[] {
  const count = score.length;
  let idx: number[];
  if (count <= k * 2) idx = Array.from({ length: count }, (_, x) => x);
  else {
    // The k-th highest score by selection on a copy, then only the scores at or above it are sorted.
    const copy = Float64Array.from(score);
    const threshold = select(copy, count - k);
    idx = [];
    for (let x = 0; x < count; x++) if (score[x]! >= threshold) idx.push(x);
  }
  idx.sort((a, b) => score[b]! - score[a]! || candidates[a]! - candidates[b]!);
  return idx.slice(0, k);
}

/** The value that would be at index `k` if `a` were sorted ascending (Hoare's selection; reorders `a`). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function minDistance(q: CoverageQuery, m1: number, e1: number, m2: number, e2: number): number {
  const a = q.matchers[m1]!.posting;
  const b = q.matchers[m2]!.posting;
  let best = 99;
  let j = b.posStart[e2]!;
  const jEnd = b.posStart[e2 + 1]!;
  for (let x = a.posStart[e1]!; x < a.posStart[e1 + 1]!; x++) {
    const p = a.positions[x]!;
    while (j < jEnd && b.positions[j]! < p) j++;
    for (const k of [j - 1, j]) {
      if (k < b.posStart[e2]! || k >= jEnd) continue;
      const o = b.positions[k]!;
      if (Math.floor(o / ATTR_STRIDE) !== Math.floor(p / ATTR_STRIDE)) continue;
      const d = o >= p ? Math.max(1, o - p) : p - o + 1;
      if (d < best) best = d;
    }
  }
  return best;
}
