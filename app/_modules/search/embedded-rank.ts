// The embedded engine's bucket ranking (Meilisearch's rules: words → typo → proximity → attribute → sort →
// exactness): cheap rules for every candidate, the costly ones only for the buckets that reach the page; sorting.
import { NONE, pairProximity, Scratch } from "./bucket-scratch";
import { ATTR_STRIDE } from "./vocabulary";
import type { EmbeddedIndex } from "./embedded";
import type { Compiled } from "./embedded-query";
import { SearchRequestError, type RankingRule, type SearchDocument } from "./types";

/** Meilisearch-like bucketing of a word position: exact up to 15, then logarithmic. */
export const positionBucket = (p: number): number => (p < 16 ? p : 16 + Math.min(15, Math.floor(Math.log2(p - 15))));

export interface SortSpec {
  attr: string;
  desc: boolean;
}

type AnyIndex = EmbeddedIndex<SearchDocument>;

export function rank(
  ix: AnyIndex,
  c: Compiled,
  strategy: "last" | "all",
  allowed: Uint8Array | null,
  sort: SortSpec[],
  need: number,
  offset: number,
) {
  const n = ix.docs.length;
  const W = c.words.length;
  const sc = ix.scratch.reset(n, W);
  const { cost, exact } = sc;
  const alive = ix.alive;

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
  const rules = ix.settings.rankingRules;
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
      fineKey(ix, c, s, leading[s]!, sc, fineRules, sortAt, keyA, keyB, x);
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
        const d = compareSort(ix, sort, sorted[from + a]!, sorted[from + b]!);
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
export function fineKey(
  ix: AnyIndex,
  c: Compiled,
  s: number,
  k: number,
  sc: Scratch,
  rules: RankingRule[],
  sortAt: number,
  keyA: Float64Array,
  keyB: Float64Array,
  x: number,
): void {
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
        for (let at = 0; at < ix.attrLenWidth && whole; at++) {
          if (ix.attrLen[s * ix.attrLenWidth + at] !== W) continue;
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

export function parseSort(ix: AnyIndex, sort: string[] | undefined): SortSpec[] {
  const sortable = new Set(ix.settings.sortableAttributes);
  return (sort ?? []).map((s) => {
    const m = /^(.+):(asc|desc)$/.exec(s.trim());
    if (!m)
      throw new SearchRequestError("invalid_search_sort", `Invalid sort "${s}": use attribute:asc or attribute:desc.`);
    if (!sortable.has(m[1]!))
      throw new SearchRequestError("invalid_search_sort", `Attribute "${m[1]}" is not sortable.`);
    return { attr: m[1]!, desc: m[2] === "desc" };
  });
}

export function compareSort(ix: AnyIndex, sort: SortSpec[], a: number, b: number): number {
  for (const { attr, desc } of sort) {
    const values = ix.sortValues.get(attr)!;
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
