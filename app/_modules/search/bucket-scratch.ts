// Working memory and the proximity cost of the Meilisearch-like bucket ranking (strategies `last` and `all`).
import { ATTR_STRIDE, grow, type Posting } from "./vocabulary";

export const NONE = 255;

/** A way one query word (or a run of words) can match: a term or a phrase, with its typo cost. */
export interface Matcher {
  from: number;
  to: number;
  cost: number;
  exact: boolean;
  posting: Posting;
}

/** Distance cost between two words (1 = adjacent in order, reversed costs one more, capped at 8; different attributes = 8). */
export function pairProximity(a: Int32Array, la: number, b: Int32Array, lb: number): number {
  let best = 8;
  let j = 0;
  for (let x = 0; x < la; x++) {
    const p = a[x]!;
    while (j < lb && b[j]! < p) j++;
    if (j < lb) {
      const d = b[j] === p ? 1 : b[j]! - p;
      if (d < best && Math.floor(b[j]! / ATTR_STRIDE) === Math.floor(p / ATTR_STRIDE)) best = d;
    }
    if (j > 0) {
      const d = p - b[j - 1]! + 1;
      if (d < best && Math.floor(b[j - 1]! / ATTR_STRIDE) === Math.floor(p / ATTR_STRIDE)) best = d;
    }
    if (best === 1) return 1;
  }
  return best;
}

/** Per-search working memory, grown on demand and reused (searches never overlap: they are synchronous). */
export class Scratch {
  n = 0;
  /** word i, slot s → i * n + s */
  cost = new Uint8Array(0);
  exact = new Uint8Array(0);
  heads = new Int32Array(0);
  entM = new Int32Array(1024);
  entE = new Int32Array(1024);
  entNext = new Int32Array(1024);
  used = 0;
  cand = new Int32Array(0);
  leading = new Uint8Array(0);
  coarse = new Int32Array(0);
  pos: Int32Array[] = [];
  len: number[] = [];

  reset(n: number, W: number): this {
    const size = n * W;
    if (this.cost.length < size) {
      this.cost = new Uint8Array(size);
      this.exact = new Uint8Array(size);
      this.heads = new Int32Array(size);
    }
    if (this.cand.length < n) {
      this.cand = new Int32Array(n);
      this.leading = new Uint8Array(n);
      this.coarse = new Int32Array(n);
    }
    this.cost.fill(NONE, 0, size);
    this.exact.fill(0, 0, size);
    this.heads.fill(-1, 0, size);
    this.n = n;
    this.used = 0;
    while (this.pos.length < W) {
      this.pos.push(new Int32Array(64));
      this.len.push(0);
    }
    return this;
  }

  /** Remembers that matcher `m`'s posting entry `e` matches at `at` (word × slot). */
  link(at: number, m: number, e: number): void {
    if (this.used === this.entM.length) {
      const cap = this.used * 2;
      this.entM = grow(this.entM, cap);
      this.entE = grow(this.entE, cap);
      this.entNext = grow(this.entNext, cap);
    }
    this.entM[this.used] = m;
    this.entE[this.used] = e;
    this.entNext[this.used] = this.heads[at]!;
    this.heads[at] = this.used++;
  }

  /** Collects the sorted positions where word i matches in a document into pos[i] / len[i]. */
  gather(i: number, at: number, matchers: Matcher[]): void {
    let buf = this.pos[i]!;
    let l = 0;
    for (let e = this.heads[at]!; e >= 0; e = this.entNext[e]!) {
      const p = matchers[this.entM[e]!]!.posting;
      const x = this.entE[e]!;
      const end = p.posStart[x + 1]!;
      for (let y = p.posStart[x]!; y < end; y++) {
        if (l === buf.length) buf = this.pos[i] = grow(buf, l * 2);
        buf[l++] = p.positions[y]!;
      }
    }
    buf.subarray(0, l).sort();
    this.len[i] = l;
  }
}
