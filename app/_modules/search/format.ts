// `_formatted` for the embedded engine: highlights and crops like Meilisearch, with the text HTML-escaped before
// the tags go in, so the result can be rendered as HTML as is.
import { escapeHtml, tokenize, type Token } from "./text";
import type { SearchParams } from "./types";

export interface HighlightPlan {
  /** normalised term → which query words it stands for, and how many leading characters to mark (-1 = all) */
  terms: Map<string, { mask: number; prefixLen: number }>;
  /** multi-word matches (synonyms, split words); null = any word */
  phrases: { words: (string | null)[]; mask: number }[];
}

const DEFAULT_CROP = 10;

/** Builds a hit's `_formatted`: every string escaped; highlights and crops where asked. */
export function formatHit(doc: Record<string, unknown>, plan: HighlightPlan, params: SearchParams, names: string[]): Record<string, unknown> {
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

/** Highlights and/or crops one string. */
export function formatText(text: string, plan: HighlightPlan, highlight: boolean, cropLen: number | undefined, o: FormatOptions): string {
  if (!highlight && cropLen === undefined) return escapeHtml(text);
  const toks = tokenize(text);
  const marks = matchTokens(toks, text, plan);

  let from = 0;
  let to = text.length;
  let before = "";
  let after = "";
  if (cropLen !== undefined && toks.length > cropLen) {
    const [s, e] = cropWindow(toks.length, marks, Math.max(1, cropLen));
    from = s === 0 ? 0 : toks[s]!.start;
    to = e === toks.length ? text.length : toks[e - 1]!.end;
    if (s > 0) before = o.marker;
    if (e < toks.length) after = o.marker;
  } else if (cropLen === 0) {
    return "";
  }

  let html = before;
  let at = from;
  if (highlight) {
    for (let t = 0; t < toks.length; t++) {
      const m = marks[t]!;
      if (!m.len) continue;
      const tok = toks[t]!;
      if (tok.start < from || tok.end > to) continue;
      const end = tok.start + m.len;
      html += escapeHtml(text.slice(at, tok.start)) + o.pre + escapeHtml(text.slice(tok.start, end)) + o.post;
      at = end;
    }
  }
  html += escapeHtml(text.slice(at, to)) + after;
  return html;
}

interface Mark {
  /** original characters to highlight from the word start (0 = no match) */
  len: number;
  mask: number;
}

function matchTokens(toks: Token[], text: string, plan: HighlightPlan): Mark[] {
  const marks: Mark[] = toks.map(() => ({ len: 0, mask: 0 }));
  toks.forEach((tok, t) => {
    const hit = plan.terms.get(tok.term);
    if (!hit) return;
    marks[t] = { len: hit.prefixLen < 0 ? tok.end - tok.start : originalLength(text.slice(tok.start, tok.end), hit.prefixLen), mask: hit.mask };
  });
  if (plan.phrases.length) {
    // Phrases by their first word, so each token checks only the phrases that can start there.
    const byFirst = new Map<string | null, HighlightPlan["phrases"]>();
    for (const ph of plan.phrases) {
      const k = ph.words[0] ?? null;
      const list = byFirst.get(k);
      if (list) list.push(ph);
      else byFirst.set(k, [ph]);
    }
    const anyStart = byFirst.get(null) ?? [];
    for (let t = 0; t < toks.length; t++) {
      const list = byFirst.get(toks[t]!.term);
      for (const ph of list ? [...list, ...anyStart] : anyStart) {
        if (t + ph.words.length > toks.length) continue;
        if (!ph.words.every((w, k) => w === null || toks[t + k]!.term === w)) continue;
        for (let k = 0; k < ph.words.length; k++) {
          const tok = toks[t + k]!;
          if (ph.words[k] !== null) marks[t + k] = { len: tok.end - tok.start, mask: marks[t + k]!.mask | ph.mask };
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

/** The window of `len` words with the most distinct query words, the matches as central as possible. */
function cropWindow(n: number, marks: Mark[], len: number): [number, number] {
  if (!marks.some((m) => m.len)) return [0, len];
  let best = 0;
  let bestScore = -1;
  let bestCenter = Infinity;
  for (let s = 0; s + len <= n; s++) {
    let mask = 0;
    let count = 0;
    let firstMatch = -1;
    let lastMatch = -1;
    for (let t = s; t < s + len; t++) {
      if (!marks[t]!.len) continue;
      mask |= marks[t]!.mask;
      count++;
      if (firstMatch < 0) firstMatch = t;
      lastMatch = t;
    }
    const score = popcount(mask) * 1000 + count;
    const center = Math.abs((firstMatch + lastMatch) / 2 - (s + (len - 1) / 2));
    if (score > bestScore || (score === bestScore && center < bestCenter)) {
      best = s;
      bestScore = score;
      bestCenter = center;
    }
  }
  return [best, best + len];
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
