// Text normalisation for the triage engine: tokens with offsets, Dutch number words, spelling repair against a
// vocabulary (typos, split or joined compounds, plurals), and a small token-pattern language compiled to RegExp.

export type Token = {
  /** Offsets in the original text, for quoting evidence back to the caller. */
  start: number;
  end: number;
  /** Lowercased, without diacritics or apostrophes. */
  norm: string;
  /** Original spelling (case kept), for case-sensitive hints such as "LAS" and "BOL". */
  raw: string;
  sentence: number;
};

/** One canonical token: what the lexicon patterns see. `src` points back to the original token(s). */
export type CanonToken = { text: string; from: number; to: number; sentence: number };

const NUMBER_WORDS: Record<string, number> = {
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  zeventien: 17,
  achttien: 18,
  negentien: 19,
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  zestig: 60,
  zeventig: 70,
  tachtig: 80,
  negentig: 90,
  honderd: 100,
  anderhalf: 1.5,
  anderhalve: 1.5,
};
const UNIT_DIGITS: Record<string, number> = {
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
};
const TENS: Record<string, number> = {
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  zestig: 60,
  zeventig: 70,
  tachtig: 80,
  negentig: 90,
};
const ORDINAL_WORDS: Record<string, number> = {
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  vijfde: 5,
  zesde: 6,
  zevende: 7,
  achtste: 8,
  negende: 9,
  tiende: 10,
  elfde: 11,
  twaalfde: 12,
  dertiende: 13,
  veertiende: 14,
  vijftiende: 15,
  zestiende: 16,
  zeventiende: 17,
  achttiende: 18,
  negentiende: 19,
  twintigste: 20,
};

/** The numeric value of a Dutch number word ("zestien", "vierentwintig"), or undefined. */
export function numberWord(word: string): number | undefined {
  if (word in NUMBER_WORDS) return NUMBER_WORDS[word];
  const m =
    /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(
      word,
    );
  return m ? UNIT_DIGITS[m[1]] + TENS[m[2]] : undefined;
}

/** The value of a Dutch ordinal word ("derde", "tiende"), or undefined. */
export function ordinalWord(word: string): number | undefined {
  return ORDINAL_WORDS[word];
}

function fold(ch: string): string {
  return ch
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

const TOKEN_RE = /\d+(?:[.,]\d+)?(?:e|de|ste)(?![a-z])|\d+(?:[.,]\d+)?|[a-z]+(?:['\u2019`][a-z]+)*/g;

/** Splits text into tokens; letters and digits part ("groep7" → groep, 7), hyphens and slashes separate words. */
export function tokenize(text: string): Token[] {
  let norm = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text[i]);
    for (const c of f) {
      norm += c;
      map.push(i);
    }
  }
  const tokens: Token[] = [];
  let sentence = 0;
  let last = 0;
  for (const m of norm.matchAll(TOKEN_RE)) {
    const gap = norm.slice(last, m.index);
    if (tokens.length && /[.!?;]\s|[.!?;]$|\n/.test(gap)) sentence++;
    const start = map[m.index];
    const end = map[m.index + m[0].length - 1] + 1;
    tokens.push({ start, end, norm: m[0].replace(/['\u2019`]/g, ""), raw: text.slice(start, end), sentence });
    last = m.index + m[0].length;
  }
  return tokens;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** Typos allowed for a word of this length: none up to 6 letters (too many real words lie one edit apart), one up to 9, then two. */
export function allowedEdits(length: number): number {
  return length <= 6 ? 0 : length <= 9 ? 1 : 2;
}

/**
 * Spelling repair against a vocabulary. `words` maps a spelling to its canonical form (which may be several
 * words, e.g. "telaat" → "te laat"); `prefixes` are stems that patterns match with a trailing `*`, so tokens
 * starting with them are left alone.
 */
export class Vocabulary {
  private readonly exact = new Map<string, string>();
  private readonly fuzzy: string[] = [];
  private readonly prefixes: string[] = [];

  constructor(words: Iterable<[string, string]>, prefixes: Iterable<string>, protectedWords: Iterable<string>) {
    for (const [k, v] of words) this.exact.set(k, v);
    for (const p of prefixes) if (p.length >= 4) this.prefixes.push(p);
    for (const [k, v] of this.exact) if (k === v && k.length >= 6 && /^[a-z]+$/.test(k)) this.fuzzy.push(k);
    // Protected words are recognised as themselves but never become the target of a typo repair.
    for (const w of protectedWords) this.exact.set(w, w);
    for (const p of this.prefixes) if (p.length >= 6 && !this.exact.has(p)) this.fuzzy.push(p);
  }

  private startsWithPrefix(w: string): boolean {
    return this.prefixes.some((p) => w.startsWith(p));
  }

  private inflected(w: string): string | undefined {
    for (const suffix of ["s", "en", "n", "e", "ers", "er", "tje", "je", "jes", "tjes"]) {
      if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
        const stem = this.exact.get(w.slice(0, -suffix.length));
        if (stem) return stem;
      }
    }
    return undefined;
  }

  private nearest(w: string): string | undefined {
    let best: string | undefined;
    let bestD = Infinity;
    for (const v of this.fuzzy) {
      if (v[0] !== w[0]) continue; // first letters are rarely mistyped; this keeps ordinary words from drifting
      const max = allowedEdits(v.length);
      if (max === 0 || Math.abs(v.length - w.length) > max) continue;
      const d = editDistance(w, v, max);
      if (d <= max && d < bestD) {
        best = v;
        bestD = d;
      }
    }
    return best === undefined ? undefined : (this.exact.get(best) ?? best);
  }

  /** Canonical form of an exactly known spelling or its plural, without typo repair or prefixes. */
  known(w: string): string | undefined {
    return this.exact.get(w) ?? this.inflected(w);
  }

  /** Canonical form of one word, or undefined when it is not (near) a vocabulary word. */
  lookup(w: string, fuzzy = true): string | undefined {
    const hit = this.exact.get(w) ?? this.inflected(w);
    if (hit !== undefined) return hit;
    if (this.startsWithPrefix(w)) return w;
    if (!fuzzy || w.length < 7) return undefined;
    return this.nearest(w) ?? (w.length >= 9 ? this.nearestInflected(w) : undefined);
  }

  private nearestInflected(w: string): string | undefined {
    for (const suffix of ["en", "s", "n", "e"]) {
      // Only long stems: "verlopen" minus "en" is one letter away from "verlof", which is a different word.
      if (w.endsWith(suffix) && w.length - suffix.length >= 8) {
        const hit = this.nearest(w.slice(0, -suffix.length));
        if (hit) return hit;
      }
    }
    return undefined;
  }

  /** Splits an unknown compound into a known head or tail plus the rest ("brugklasleerling" → brugklas leerling). */
  split(w: string): string[] | undefined {
    if (w.length < 7 || this.startsWithPrefix(w)) return undefined;
    for (let k = w.length - 3; k >= 5; k--) {
      const head = this.exact.get(w.slice(0, k));
      // Person words as a head make a new noun ("ouderconsulent", "leerlingvolgsysteem"), not the person.
      if (head && NO_SPLIT_HEADS.has(head)) return undefined;
      if (head) return [head, this.lookup(w.slice(k), false) ?? w.slice(k)];
    }
    for (let k = 3; k <= w.length - 5; k++) {
      const tail = this.exact.get(w.slice(k)) ?? this.inflected(w.slice(k));
      if (tail) return [w.slice(0, k), tail];
    }
    return undefined;
  }
}

const FUNCTION_WORDS = new Set([
  "en",
  "de",
  "het",
  "een",
  "in",
  "op",
  "te",
  "van",
  "is",
  "of",
  "al",
  "nu",
  "om",
  "aan",
  "bij",
  "met",
  "die",
  "dat",
  "ik",
  "we",
  "wij",
  "ze",
  "zij",
  "hij",
  "u",
]);
const NO_SPLIT_HEADS = new Set([
  "ouder",
  "ouders",
  "vader",
  "moeder",
  "kind",
  "kinderen",
  "leerling",
  "student",
  "zoon",
  "dochter",
  "oma",
  "opa",
]);

/** Turns tokens into canonical tokens: numbers as digits ("zesde" → "6e"), repaired and merged words. */
export function canonicalize(
  tokens: Token[],
  vocab: Vocabulary,
  special?: (t: Token, prev?: Token, next?: Token) => string | undefined,
): CanonToken[] {
  const out: CanonToken[] = [];
  const push = (text: string, from: number, to: number) => {
    for (const part of text.split(" ")) if (part) out.push({ text: part, from, to, sentence: tokens[from].sentence });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = special?.(t, tokens[i - 1], tokens[i + 1]);
    if (s !== undefined) {
      push(s, i, i);
      continue;
    }
    if (/^\d/.test(t.norm)) {
      const ord = /^(\d+)(?:e|de|ste)$/.exec(t.norm);
      push(ord ? `${ord[1]}e` : t.norm.replace(",", "."), i, i);
      continue;
    }
    if (t.raw === "één" || t.raw === "Één") {
      push("1", i, i);
      continue;
    }
    const n = numberWord(t.norm);
    if (n !== undefined) {
      push(String(n), i, i);
      continue;
    }
    const o = ordinalWord(t.norm);
    if (o !== undefined) {
      push(`${o}e`, i, i);
      continue;
    }
    // Words written apart or with a hyphen ("basis school", "leerplicht-ambtenaar", "IB-er"): join when known.
    let merged = false;
    for (let n = 3; n >= 2 && !merged; n--) {
      const parts = tokens.slice(i, i + n);
      if (parts.length < n || parts.some((p) => !/^[a-z]+$/.test(p.norm) || p.sentence !== t.sentence)) continue;
      if (parts.slice(1).some((p) => FUNCTION_WORDS.has(p.norm))) continue; // "werkt en" is not "werkten"
      // Only exact spellings (and plurals) join: a typo repair across a word boundary would invent words.
      const hit = vocab.known(parts.map((p) => p.norm).join(""));
      // "leerkracht en" is not the plural "leerkrachten": a known first word keeps its own meaning.
      if (hit !== undefined && !vocabHasAll(vocab, parts, hit) && vocab.known(parts[0].norm) !== hit) {
        push(hit, i, i + n - 1);
        i += n - 1;
        merged = true;
      }
    }
    if (merged) continue;
    const hit = vocab.lookup(t.norm);
    if (hit !== undefined) {
      push(hit, i, i);
      continue;
    }
    const parts = vocab.split(t.norm);
    push(parts ? parts.join(" ") : t.norm, i, i);
  }
  return out;
}

// Joining is only worth it when the separate words do not already say the same ("te laat" stays "te laat").
function vocabHasAll(vocab: Vocabulary, parts: Token[], hit: string): boolean {
  return parts.map((p) => vocab.lookup(p.norm, false) ?? p.norm).join(" ") === hit;
}

/**
 * Compiles a token pattern to a RegExp over " tok tok … " strings. Slots are separated by spaces:
 * `a|b` alternatives, `word*` a prefix, `#` a number (captured), `#e` an ordinal (captured), a trailing `?` makes a
 * slot optional, `~N` skips up to N tokens.
 */
export function compilePattern(pattern: string): RegExp {
  const slots = pattern.trim().split(/\s+/);
  const parts: string[] = [];
  slots.forEach((slot, idx) => {
    const last = idx === slots.length - 1;
    const skip = /^~(\d+)$/.exec(slot);
    if (skip) {
      parts.push(`(?:\\S+ ){0,${skip[1]}}`);
      return;
    }
    const optional = slot.endsWith("?") && slot.length > 1;
    const body = (optional ? slot.slice(0, -1) : slot)
      .split("|")
      .map((alt) => {
        if (alt === "#") return "(\\d+(?:\\.\\d+)?)";
        if (alt === "#e") return "(\\d+)e";
        const esc = alt.replace(/\*$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        return alt.endsWith("*") ? `${esc}\\S*` : esc;
      })
      .join("|");
    const tail = last ? "(?= )" : " ";
    parts.push(optional ? `(?:(?:${body})${tail})?` : `(?:${body})${tail}`);
  });
  return new RegExp(`(?<= )${parts.join("")}`, "g");
}

/** The words a pattern names (for the vocabulary), split into whole words and `*` prefixes. */
export function patternWords(pattern: string): { words: string[]; prefixes: string[] } {
  const words: string[] = [];
  const prefixes: string[] = [];
  for (const slot of pattern.trim().split(/\s+/)) {
    if (/^~\d+$/.test(slot)) continue;
    for (const alt of slot.replace(/\?$/, "").split("|")) {
      if (alt.startsWith("#") || !/^[a-z]/.test(alt)) continue;
      if (alt.endsWith("*")) prefixes.push(alt.slice(0, -1));
      else words.push(alt);
    }
  }
  return { words, prefixes };
}

/** A canonical token stream as one searchable string, with the token index at every character. */
export class CanonText {
  readonly text: string;
  private readonly index: number[] = [];

  constructor(readonly tokens: CanonToken[]) {
    let s = " ";
    tokens.forEach((t, i) => {
      for (let k = 0; k < t.text.length + 1; k++) this.index[s.length + k] = i;
      s += t.text + " ";
    });
    this.text = s;
  }

  /** All matches of a compiled pattern, as canonical token ranges with captured numbers. */
  matches(re: RegExp): { first: number; last: number; nums: number[] }[] {
    const out: { first: number; last: number; nums: number[] }[] = [];
    re.lastIndex = 0;
    for (const m of this.text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const first = this.index[m.index];
      const last = this.index[m.index + m[0].length - 1];
      out.push({
        first,
        last,
        nums: m
          .slice(1)
          .filter((x) => x !== undefined)
          .map(Number),
      });
    }
    return out;
  }
}
