// Text analysis shared by indexing, querying and highlighting: lowercase + accent folding, split on anything that
// is not a letter or digit (like Meilisearch's tokenizer for Latin script). No stemming, no compound splitting.

const foldCache = new Map<string, string>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPECIAL: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ĳ: "ij", ł: "l", đ: "d", þ: "th" };

/** Folds one character: lowercase, accents stripped; "" when it is not part of a word. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 97 && code <= 122) return ch;
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code >= 48 && code <= 57) return ch;
    return "";
  }
  let f = foldCache.get(ch);
  if (f === undefined) {
    const lower = ch.toLowerCase();
    f = SPECIAL[lower] ?? lower.normalize("NFD").replace(/\p{M}/gu, "");
    if (!LETTER_OR_DIGIT.test(f)) f = /\p{M}/u.test(ch) ? "\u0000" : "";
    foldCache.set(ch, f);
  }
  return f;
}

/** Lowercases and strips accents: "Coördinator" → "coordinator". */
export function fold(text: string): string {
  return tokenize(text)
    .map((t) => t.term)
    .join(" ");
}

export interface Token {
  /** Normalised word. */
  term: string;
  /** Offsets of the word in the original text. */
  start: number;
  end: number;
  /** Word position: +1 per word, +8 across a sentence end (as Meilisearch does for hard separators). */
  pos: number;
}

/** Splits text into normalised words with their offsets and positions (`pos` is -1 with `positions` off). */
export function tokenize(text: string, positions = true): Token[] {
  const out: Token[] = [];
  let pos = -1;
  let prevEnd = -1;
  let start = -1;
  // 0 = plain lowercase ASCII, 1 = ASCII with capitals, 2 = needs per-character folding
  let kind = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const term = kind === 0 ? raw : kind === 1 ? raw.toLowerCase() : foldRun(raw);
    if (positions) pos += prevEnd < 0 ? 1 : isHardGap(text.slice(prevEnd, start)) ? 8 : 1;
    out.push({ term, start, end, pos });
    prevEnd = end;
    start = -1;
    kind = 0;
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const lower = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
      const upper = code >= 65 && code <= 90;
      if (lower || upper) {
        if (start < 0) start = i;
        if (upper && kind === 0) kind = 1;
      } else if (start >= 0) push(i);
      i++;
      continue;
    }
    const len = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const f = foldChar(text.slice(i, i + len));
    if (f === "\u0000") {
      // A combining mark in decomposed text belongs to the word it follows.
      if (start >= 0) kind = 2;
    } else if (f) {
      if (start < 0) start = i;
      kind = 2;
    } else if (start >= 0) push(i);
    i += len;
  }
  if (start >= 0) push(text.length);
  return out;
}

function foldRun(raw: string): string {
  let s = "";
  for (const ch of raw) {
    const f = foldChar(ch);
    if (f !== "\u0000") s += f;
  }
  return s;
}

/** A sentence end between two words: `.`, `!`, `?`, `;` or a line break followed by white space. */
function isHardGap(sep: string): boolean {
  return /[.!?;…][\s\p{Pi}\p{Pf}"')\]]*\s|\n/u.test(sep);
}

/** Normalised words of a query or setting value. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
