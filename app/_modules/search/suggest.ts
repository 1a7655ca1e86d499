// "Bedoelde u …?": a corrected query from the index's own vocabulary (word → number of occurrences in the
// articles), for whole queries and single words. Two words the caller split that the articles write as one
// ("leerplicht ambtenar" → "leerplichtambtenaar") are joined first; then each unknown word becomes the most
// frequent known word within a few typos.
import "server-only";
import { stem } from "./dutch";
import { words } from "./text";

const stemSets = new WeakMap<Map<string, number>, { size: number; stems: Set<string> }>();

/** A word the articles use, as such or in another form ("bereik" when they say "bereikbaar" or "bereiken"). */
function known(w: string, vocab: Map<string, number>): boolean {
  if (vocab.has(w)) return true;
  let s = stemSets.get(vocab);
  if (!s || s.size !== vocab.size) {
    s = { size: vocab.size, stems: new Set([...vocab.keys()].map(stem)) };
    stemSets.set(vocab, s);
  }
  return s.stems.has(stem(w));
}

/** Whether the query has a word of 4+ letters (not a number) that occurs in no article. */
export function hasUnknownWord(q: string, vocab: Map<string, number>): boolean {
  return vocab.size > 0 && words(q).some((w) => w.length >= 4 && !/^\d+$/.test(w) && !known(w, vocab));
}

/** The corrected query, or null when nothing needs correcting (or nothing close enough is known). */
export function suggestSpelling(q: string, vocab: Map<string, number>): string | null {
  const parts = words(q);
  if (!parts.length || !vocab.size) return null;
  let changed = false;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i]!;
    const b = parts[i + 1];
    if (b && (!known(a, vocab) || !known(b, vocab)) && a.length >= 3 && b.length >= 3) {
      const joined = a + b;
      const fix = vocab.has(joined) ? joined : nearest(joined, vocab, joined.length >= 12 ? 2 : 1);
      if (fix) {
        out.push(fix);
        changed = true;
        i++;
        continue;
      }
    }
    if (known(a, vocab) || a.length < 4 || /^\d+$/.test(a)) {
      out.push(a);
      continue;
    }
    const fix = nearest(a, vocab, a.length >= 9 ? 3 : 2);
    if (fix) changed = true;
    out.push(fix ?? a);
  }
  const suggestion = out.join(" ");
  return changed && suggestion !== parts.join(" ") ? suggestion : null;
}

/** The most frequent vocabulary word within `max` edits (the fewest edits first). */
function nearest(w: string, vocab: Map<string, number>, max: number): string | null {
  let best: { word: string; d: number; n: number } | null = null;
  for (const [cand, n] of vocab) {
    if (Math.abs(cand.length - w.length) > max) continue;
    const d = distance(w, cand, max);
    if (d <= max && (!best || d < best.d || (d === best.d && n > best.n))) best = { word: cand, d, n };
  }
  return best?.word ?? null;
}

/** Damerau–Levenshtein distance with an early exit above `max`. */
function distance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}
