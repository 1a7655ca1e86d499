// `_formatted` for the embedded engine: highlights and crops like Meilisearch, with the text HTML-escaped before
// the tags go in, so the result can be rendered as HTML as is.
import { escapeHtml, tokenize } from "./text";
import type { SearchParams } from "./types";

export interface HighlightPlan {
  /** normalised term → which query words it stands for, and how many leading characters to mark (-1 = all) */
  terms: Map<string, { mask: number; prefixLen: number }>;
  /** multi-word matches (synonyms, split words); null = any word */
  phrases: { words: (string | null)[]; mask: number }[];
}

const DEFAULT_CROP = 10;

/** Builds a hit's `_formatted`: every string escaped; highlights and crops where asked. */
export function formatHit(
  doc: Record<string, unknown>,
  plan: HighlightPlan,
  params: SearchParams,
  names: string[],
): Record<string, unknown> {
  const hl = new Set(params.attributesToHighlight ?? []);
  const allHl = hl.has("*");
  const crop = new Map<string, number>();
  for (const spec of params.attributesToCrop ?? []) {
    const m = /^(.*?)(?::(\d+))?$/.exec(spec)!;
    const len = m[2] ? Number(m[2]) : (params.cropLength ?? DEFAULT_CROP);
    if (m[1] === "*") for (const n of names) crop.set(n, crop.get(n) ?? len);
    else crop.set(m[1]!, len);
  }
  const opts: FormatOptions = {
    pre: params.highlightPreTag ?? "<em>",
    post: params.highlightPostTag ?? "</em>",
    marker: params.cropMarker ?? "…",
  };
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const highlight = allHl || hl.has(name);
    const cropLen = crop.get(name);
    out[name] = mapStrings(doc[name], (s) => formatText(s, plan, highlight, cropLen, opts));
  }
  return out;
}

/** Where the plan's terms and phrases match in each string attribute of a hit (Meilisearch's `_matchesPosition`). */
export function matchPositions(
  doc: Record<string, unknown>,
  plan: HighlightPlan,
  names: string[],
): Record<string, { start: number; length: number }[]> {
  const out: Record<string, { start: number; length: number }[]> = {};
  for (const name of names) {
    const text = doc[name];
    if (typeof text !== "string" || !text) continue;
    const sp = spansOf(text);
    const marks = matchSpans(sp, text, plan);
    if (!marks.any) continue;
    const list: { start: number; length: number }[] = [];
    for (let t = 0; t < sp.terms.length; t++)
      if (marks.lens[t]) list.push({ start: sp.starts[t]!, length: marks.lens[t]! });
    out[name] = list;
  }
  return out;
}

interface FormatOptions {
  pre: string;
  post: string;
  marker: string;
}

function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === "string") return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

/** A string's words as parallel arrays (no positions: formatting needs only offsets). */
interface Spans {
  terms: string[];
  starts: Int32Array;
  ends: Int32Array;
}

// Documents are formatted again and again with the same stored strings, so their words are kept (bounded: the
// cache is dropped whole when it holds too many words, which at worst costs one re-tokenisation per string).
const spanCache = new Map<string, Spans>();
const MAX_CACHED_WORDS = 1_000_000;
let cachedWords = 0;

function spansOf(text: string): Spans {
  let sp = spanCache.get(text);
  if (sp) return sp;
  const toks = tokenize(text, false);
  sp = {
    terms: new Array<string>(toks.length),
    starts: new Int32Array(toks.length),
    ends: new Int32Array(toks.length),
  };
  for (let i = 0; i < toks.length; i++) {
    sp.terms[i] = toks[i]!.term;
    sp.starts[i] = toks[i]!.start;
    sp.ends[i] = toks[i]!.end;
  }
  if (text.length > 64) {
    if (cachedWords + toks.length > MAX_CACHED_WORDS) {
      spanCache.clear();
      cachedWords = 0;
    }
    spanCache.set(text, sp);
    cachedWords += toks.length;
  }
  return sp;
}

/** Highlights and/or crops one string. */
export function formatText(
  text: string,
  plan: HighlightPlan,
  highlight: boolean,
  cropLen: number | undefined,
  o: FormatOptions,
): string {
  if (!highlight && cropLen === undefined) return escapeHtml(text);
  const sp = spansOf(text);
  const n = sp.terms.length;
  const marks = matchSpans(sp, text, plan);

  let from = 0;
  let to = text.length;
  let first = 0;
  let last = n;
  let before = "";
  let after = "";
  if (cropLen !== undefined && n > cropLen) {
    [first, last] = cropWindow(marks, Math.max(1, cropLen));
    from = first === 0 ? 0 : sp.starts[first]!;
    to = last === n ? text.length : sp.ends[last - 1]!;
    if (first > 0) before = o.marker;
    if (last < n) after = o.marker;
  } else if (cropLen === 0) {
    return "";
  }

  let html = before;
  let at = from;
  if (highlight && marks.any) {
    for (let t = first; t < last; t++) {
      const len = marks.lens[t]!;
      if (!len) continue;
      const start = sp.starts[t]!;
      const end = start + len;
      html += escapeHtml(text.slice(at, start)) + o.pre + escapeHtml(text.slice(start, end)) + o.post;
      at = end;
    }
  }
  html += escapeHtml(text.slice(at, to)) + after;
  return html;
}

interface Marks {
  /** per word: original characters to highlight from the word start (0 = no match) */
  lens: Int32Array;
  /** per word: which query words it matches */
  masks: Int32Array;
  any: boolean;
}

function matchSpans(sp: Spans, text: string, plan: HighlightPlan): Marks {
  const n = sp.terms.length;
  const marks: Marks = { lens: new Int32Array(n), masks: new Int32Array(n), any: false };
  for (let t = 0; t < n; t++) {
    const hit = plan.terms.get(sp.terms[t]!);
    if (!hit) continue;
    const start = sp.starts[t]!;
    const end = sp.ends[t]!;
    marks.lens[t] = hit.prefixLen < 0 ? end - start : originalLength(text.slice(start, end), hit.prefixLen);
    marks.masks[t] = hit.mask;
    marks.any = true;
  }
  if (plan.phrases.length) {
    // Phrases by their first word, so each word checks only the phrases that can start there.
    const byFirst = new Map<string | null, HighlightPlan["phrases"]>();
    for (const ph of plan.phrases) {
      const k = ph.words[0] ?? null;
      const list = byFirst.get(k);
      if (list) list.push(ph);
      else byFirst.set(k, [ph]);
    }
    const anyStart = byFirst.get(null) ?? [];
    for (let t = 0; t < n; t++) {
      const list = byFirst.get(sp.terms[t]!);
      for (const ph of list ? [...list, ...anyStart] : anyStart) {
        if (t + ph.words.length > n) continue;
        if (!ph.words.every((w, k) => w === null || sp.terms[t + k] === w)) continue;
        for (let k = 0; k < ph.words.length; k++) {
          if (ph.words[k] === null) continue;
          marks.lens[t + k] = sp.ends[t + k]! - sp.starts[t + k]!;
          marks.masks[t + k] = marks.masks[t + k]! | ph.mask;
          marks.any = true;
        }
      }
    }
  }
  return marks;
}

/** How many original characters make up the first `folded` normalised characters of a word. */
function originalLength(word: string, folded: number): number {
  let count = 0;
  let i = 0;
  for (const ch of word) {
    if (count >= folded) break;
    const f = tokenize(ch)[0]?.term ?? "";
    count += f.length;
    i += ch.length;
  }
  // Combining marks that follow belong to the last marked letter.
  while (i < word.length && /\p{M}/u.test(word[i]!)) i++;
  return i;
}

/** The window of `len` words with the most distinct query words, the matches as central as possible (one pass). */
function cropWindow(marks: Marks, len: number): [number, number] {
  const n = marks.lens.length;
  if (!marks.any) return [0, len];
  // Nearest match at or after / at or before each word, for the centre of the matches in a window.
  const next = new Int32Array(n + 1).fill(-1);
  for (let t = n - 1; t >= 0; t--) next[t] = marks.lens[t] ? t : next[t + 1]!;
  const prev = new Int32Array(n).fill(-1);
  for (let t = 0; t < n; t++) prev[t] = marks.lens[t] ? t : t > 0 ? prev[t - 1]! : -1;
  const bits = new Int32Array(32);
  let count = 0;
  let distinct = 0;
  const add = (t: number, d: number) => {
    if (!marks.lens[t]) return;
    count += d;
    for (let m = marks.masks[t]!, b = 0; m; m >>>= 1, b++) {
      if (!(m & 1)) continue;
      if (d > 0 && bits[b]++ === 0) distinct++;
      else if (d < 0 && --bits[b]! === 0) distinct--;
    }
  };
  for (let t = 0; t < len; t++) add(t, 1);
  let best = 0;
  let bestScore = -1;
  let bestCenter = Infinity;
  for (let s = 0; s + len <= n; s++) {
    if (s > 0) {
      add(s - 1, -1);
      add(s + len - 1, 1);
    }
    const score = distinct * 1000 + count;
    const firstMatch = next[s]! >= 0 && next[s]! < s + len ? next[s]! : -1;
    const lastMatch = firstMatch >= 0 ? prev[s + len - 1]! : -1;
    const center = Math.abs((firstMatch + lastMatch) / 2 - (s + (len - 1) / 2));
    if (score > bestScore || (score === bestScore && center < bestCenter)) {
      best = s;
      bestScore = score;
      bestCenter = center;
    }
  }
  return [best, best + len];
}
