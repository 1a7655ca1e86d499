// The term dictionary: ids for normalised words, a trie for prefix and typo look-ups (Damerau–Levenshtein with
// adjacent transpositions, as Meilisearch's automata), and posting lists with word positions in typed arrays.

/** Positions are `attribute * ATTR_STRIDE + word position`, so one number says where a word sits. */
export const ATTR_STRIDE = 1 << 16;

/** Growable posting list of one term: slots in ascending order, each with its positions. */
export class Posting {
  docs = new Int32Array(4);
  /** `posStart[k]..posStart[k+1]` indexes the positions of entry k. */
  posStart = new Int32Array(5);
  positions = new Int32Array(8);
  n = 0;

  add(slot: number, positions: ArrayLike<number>): void {
    if (this.n + 1 >= this.docs.length) {
      this.docs = grow(this.docs, this.docs.length * 2);
      this.posStart = grow(this.posStart, this.docs.length + 1);
    }
    let np = this.posStart[this.n]!;
    if (np + positions.length > this.positions.length) {
      this.positions = grow(this.positions, Math.max(this.positions.length * 2, np + positions.length));
    }
    for (let i = 0; i < positions.length; i++) this.positions[np++] = positions[i]!;
    this.docs[this.n] = slot;
    this.n++;
    this.posStart[this.n] = np;
  }

  /** Entry index of a slot, or -1. */
  find(slot: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.docs[mid]!;
      if (v === slot) return mid;
      if (v < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Keeps only entries whose slot is alive, renumbered through `remap`. */
  compact(remap: Int32Array): void {
    const next = new Posting();
    for (let k = 0; k < this.n; k++) {
      const s = remap[this.docs[k]!]!;
      if (s < 0) continue;
      next.add(s, Array.from(this.positions.subarray(this.posStart[k]!, this.posStart[k + 1]!)));
    }
    this.docs = next.docs;
    this.posStart = next.posStart;
    this.positions = next.positions;
    this.n = next.n;
  }
}

/** Copies a typed array into a bigger one. */
export function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

interface TrieNode {
  children: Map<string, TrieNode> | null;
  term: number;
}

export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly postings: Posting[] = [];
  private readonly root: TrieNode = { children: null, term: -1 };
  /** Bumped when a term is added: look-up caches depend on it. */
  version = 0;

  id(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** Id of a term, created when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.ids.set(term, id);
    this.terms.push(term);
    this.postings.push(new Posting());
    let node = this.root;
    for (const ch of term) {
      node.children ??= new Map();
      let child = node.children.get(ch);
      if (!child) {
        child = { children: null, term: -1 };
        node.children.set(ch, child);
      }
      node = child;
    }
    node.term = id;
    this.version++;
    return id;
  }

  /** Document frequency (entries, deleted ones included until compaction). */
  df(id: number): number {
    return this.postings[id]!.n;
  }

  /**
   * Terms within `budget` typos of `word` (or, with `prefix`, terms that start with something within budget).
   * A different first letter counts as two typos, as in Meilisearch. Returns term id → typos.
   */
  lookup(word: string, budget: number, prefix: boolean): Map<number, number> {
    const q = Array.from(word);
    const m = q.length;
    const out = new Map<number, number>();
    const record = (id: number, d: number) => {
      const old = out.get(id);
      if (old === undefined || d < old) out.set(id, d);
    };
    const collect = (node: TrieNode, d: number) => {
      if (node.term >= 0) record(node.term, d);
      if (node.children) for (const c of node.children.values()) collect(c, d);
    };
    const first = this.root.children;
    if (!first || m === 0) return out;
    const row0 = Array.from({ length: m + 1 }, (_, j) => j);
    const walk = (
      node: TrieNode,
      ch: string,
      prev: number[],
      prevPrev: number[] | null,
      prevCh: string,
      k: number,
      extra: number,
      best: number,
    ) => {
      const row = new Array<number>(m + 1);
      row[0] = prev[0]! + 1;
      let min = row[0]!;
      for (let j = 1; j <= m; j++) {
        const qc = q[j - 1]!;
        let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (qc === ch ? 0 : 1));
        if (prevPrev && j > 1 && ch === q[j - 2] && prevCh === qc) v = Math.min(v, prevPrev[j - 2]! + 1);
        row[j] = v;
        if (v < min) min = v;
      }
      const full = row[m]!;
      if (prefix) {
        if (full < best) best = full;
        if (node.term >= 0 && best <= k) record(node.term, best + extra);
        if (min > k || min >= best) {
          // Nothing below can do better than the prefix already matched: every term below matches with `best`.
          if (best <= k && node.children) for (const c of node.children.values()) collect(c, best + extra);
          return;
        }
      } else {
        if (node.term >= 0 && full <= k) record(node.term, full + extra);
        if (min > k) return;
      }
      if (node.children) for (const [c, child] of node.children) walk(child, c, row, prev, ch, k, extra, best);
    };
    for (const [c, child] of first) {
      const extra = c === q[0] ? 0 : 1;
      const k = budget - extra;
      if (k < 0) continue;
      walk(child, c, row0, null, "", k, extra, Infinity);
    }
    return out;
  }
}
