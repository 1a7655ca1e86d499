// A non-blocking B1 check of Dutch text: long sentences, long words, passive-voice hints and jargon
// with plainer alternatives. Heuristics, not grammar: every finding is a hint the editor may ignore.
import type { JSONContent } from "@tiptap/core";
import { NODE } from "@/app/_lib/tiptap/doc-types";

export type PlainLanguageKind = "long-sentence" | "long-word" | "passive" | "jargon";

/** A hint on a span of text; start/end are offsets in the checked string (end exclusive). */
export type PlainLanguageFinding = {
  kind: PlainLanguageKind;
  start: number;
  end: number;
  text: string;
  message: string;
  suggestion?: string;
};

/** A finding in a document, with ProseMirror positions (from/to) for highlighting in the editor. */
export type DocPlainLanguageFinding = PlainLanguageFinding & { from: number; to: number; block: number };

export type PlainLanguageOptions = {
  /** A sentence with more words than this is long (default 20). */
  maxSentenceWords?: number;
  /** A word with more letters than this is long (default 15). */
  maxWordLetters?: number;
  /** Extra long words that readers know (added to the built-in list). */
  allowWords?: readonly string[];
};

/** Long compounds our readers know from their daily work; they are not flagged. */
export const KNOWN_LONG_WORDS: readonly string[] = [
  "leerplichtambtenaar",
  "leerplichtambtenaren",
  "leerlingadministratie",
  "leerlingadministratiepakket",
  "samenwerkingsverband",
  "burgerservicenummer",
  "verzuimregistratie",
  "kwalificatieplicht",
  "kwalificatieplichtig",
  "startkwalificatie",
  "softwareleverancier",
  "verzuimmelding",
  "verzuimspreekuur",
  "persoonsgebonden",
  "persoonsgegevens",
  "leerlinggegevens",
  "leerlingenadministratie",
  "verantwoordelijk",
  "onderwijsinstelling",
  "ontwikkelingsperspectief",
  "basisvaardigheden",
  "schoolmaatschappelijk",
  "jeugdgezondheidszorg",
  "voortgezet-onderwijs",
];

/** Formal words and phrases with a plainer alternative. */
export const JARGON: readonly { term: string; alternative: string }[] = [
  { term: "onverwijld", alternative: "meteen" },
  { term: "terstond", alternative: "meteen" },
  { term: "derhalve", alternative: "daarom" },
  { term: "middels", alternative: "met, via" },
  { term: "teneinde", alternative: "om" },
  { term: "alsmede", alternative: "en, ook" },
  { term: "indien", alternative: "als" },
  { term: "reeds", alternative: "al" },
  { term: "thans", alternative: "nu" },
  { term: "tevens", alternative: "ook" },
  { term: "hetgeen", alternative: "wat" },
  { term: "doch", alternative: "maar" },
  { term: "echter", alternative: "maar" },
  { term: "evenwel", alternative: "toch, maar" },
  { term: "alvorens", alternative: "voordat" },
  { term: "omtrent", alternative: "over" },
  { term: "inzake", alternative: "over" },
  { term: "aangaande", alternative: "over" },
  { term: "betreffende", alternative: "over" },
  { term: "conform", alternative: "volgens" },
  { term: "overeenkomstig", alternative: "volgens" },
  { term: "ingevolge", alternative: "volgens" },
  { term: "mits", alternative: "als" },
  { term: "zulks", alternative: "dat" },
  { term: "vigerend", alternative: "geldend" },
  { term: "vigerende", alternative: "geldende" },
  { term: "trachten", alternative: "proberen" },
  { term: "verstrekken", alternative: "geven" },
  { term: "retourneren", alternative: "terugsturen" },
  { term: "woonachtig", alternative: "wonen" },
  { term: "bewerkstelligen", alternative: "zorgen voor, regelen" },
  { term: "zorgdragen", alternative: "zorgen" },
  { term: "c.q.", alternative: "of" },
  { term: "dient te", alternative: "moet" },
  { term: "dienen te", alternative: "moeten" },
  { term: "dan wel", alternative: "of" },
  { term: "ten behoeve van", alternative: "voor" },
  { term: "ten aanzien van", alternative: "over, voor" },
  { term: "met betrekking tot", alternative: "over" },
  { term: "in het kader van", alternative: "bij, voor" },
  { term: "ter zake", alternative: "hierover" },
  { term: "op grond van", alternative: "volgens" },
];

// Abbreviations whose final period does not end a sentence.
const ABBREVIATIONS = new Set([
  "bijv",
  "bv",
  "bijvoorbeeld",
  "o.a",
  "d.w.z",
  "i.p.v",
  "m.b.t",
  "t.a.v",
  "t.b.v",
  "z.s.m",
  "incl",
  "excl",
  "enz",
  "etc",
  "nr",
  "art",
  "jl",
  "vgl",
  "e.d",
  "e.a",
  "o.b.v",
  "m.i.v",
  "n.a.v",
  "t/m",
  "ca",
  "dhr",
  "mevr",
  "mw",
  "blz",
  "zgn",
  "resp",
  "evt",
  "max",
  "min",
]);

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

type Word = { text: string; start: number; end: number };

function words(text: string, offset = 0): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));
}

/** Sentences of a text as [start, end) ranges (trimmed). */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const re = /[.!?]+(?=\s|$)|\n+|[:;](?=\s*\n)/g;
  for (const m of text.matchAll(re)) {
    const at = m.index;
    if (m[0][0] === ".") {
      const before = /([\p{L}\p{N}./]+)$/u.exec(text.slice(Math.max(0, at - 20), at))?.[1]?.toLowerCase() ?? "";
      const isAbbreviation =
        ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before) || /^(?:\p{L}\.)+\p{L}$/u.test(before);
      // "art. 21", "bijv. een" continue the sentence; a capital after an abbreviation may still start a new one.
      const next = /^\s+(\S)/u.exec(text.slice(at + m[0].length))?.[1] ?? "";
      if (isAbbreviation && !/\p{Lu}/u.test(next)) continue;
      if (/^\d+$/.test(before) && /^\p{Ll}/u.test(next)) continue; // "1. of 2. keer" style numbering inside a sentence
    }
    push(at + m[0].length);
    start = at + m[0].length;
  }
  push(text.length);
  return out;
}

const WORDEN = new Set(["word", "wordt", "worden", "werd", "werden", "geworden"]);
const ZIJN = new Set(["is", "zijn", "ben", "bent", "was", "waren"]);
const SEPARABLE = "(?:aan|af|bij|door|in|mee|na|op|over|terug|toe|uit|vast|voor|weg|vrij|kwijt|samen)?";
// Participles: ge…d/t (also after a separable prefix), and for "worden" also ge…en and be-/ver-/ont-/her-…d/t.
const PARTICIPLE_DT = new RegExp(`^${SEPARABLE}ge\\p{L}{2,}[dt]$`, "u");
const PARTICIPLE_WORDEN = new RegExp(`^(?:${SEPARABLE}ge\\p{L}{2,}(?:d|t|en)|(?:be|ver|ont|her)\\p{L}{2,}[dt])$`, "u");
// Words that look like a participle but are a noun or adjective.
const NOT_PARTICIPLE = new Set([
  "gebied",
  "gewicht",
  "gezicht",
  "gebod",
  "gedicht",
  "gerecht",
  "gevecht",
  "geluid",
  "geduld",
  "gebit",
  "gemoed",
  "geldt",
  "gezond",
  "geschikt",
  "gewend",
  "gepast",
  "geweest",
  "gereed",
  "gerust",
  "gebleven",
  "gegaan",
  "gekomen",
  "geworden",
  "gemiddeld",
  "gebeurd",
  "geoorloofd",
  "bestand",
  "beleid",
  "bezit",
  "bericht",
  "bekend",
  "verband",
  "verkeerd",
  "ontvangst",
  "herfst",
]);

const GE_PARTICIPLE = new RegExp(`^${SEPARABLE}ge\\p{L}{2,}(?:d|t|en)$`, "u");

// distance = position of the candidate minus the position of the auxiliary verb.
function isParticiple(w: string, aux: "worden" | "zijn", distance: number): boolean {
  if (NOT_PARTICIPLE.has(w) || w !== w.toLowerCase() || w.endsWith("heid")) return false;
  if (aux === "zijn") return PARTICIPLE_DT.test(w);
  if (!PARTICIPLE_WORDEN.test(w)) return false;
  // be-/ver-/ont-/her- forms are also present-tense verbs, so only near the auxiliary.
  return GE_PARTICIPLE.test(w) || (distance >= -2 && distance <= 6);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const jargonPatterns = JARGON.map((j) => ({
  ...j,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(j.term).replace(/ /g, "\\s+")}(?![\\p{L}\\p{N}])`, "giu"),
}));

/** Checks Dutch text against B1 writing habits; returns hints sorted by position. */
export function checkPlainLanguage(text: string, opts: PlainLanguageOptions = {}): PlainLanguageFinding[] {
  const maxWords = opts.maxSentenceWords ?? 20;
  const maxLetters = opts.maxWordLetters ?? 15;
  const allowed = new Set([...KNOWN_LONG_WORDS, ...(opts.allowWords ?? [])].map((w) => w.toLowerCase()));
  const findings: PlainLanguageFinding[] = [];
  const add = (kind: PlainLanguageKind, start: number, end: number, message: string, suggestion?: string) =>
    findings.push({ kind, start, end, text: text.slice(start, end), message, ...(suggestion ? { suggestion } : {}) });

  for (const s of splitSentences(text)) {
    const ws = words(text.slice(s.start, s.end), s.start);
    if (ws.length > maxWords) {
      add(
        "long-sentence",
        s.start,
        s.end,
        `Deze zin heeft ${ws.length} woorden. Zinnen van meer dan ${maxWords} woorden zijn moeilijk te lezen. Maak er twee of meer zinnen van.`,
      );
    }
    const lower = ws.map((w) => w.text.toLowerCase());
    for (const [i, w] of lower.entries()) {
      const aux = WORDEN.has(w) ? "worden" : ZIJN.has(w) ? "zijn" : null;
      if (!aux) continue;
      // "worden" + participle anywhere in the sentence (main and subordinate clause order);
      // "zijn" only right around it, because "is" with an adjective is common and not passive.
      const candidates =
        aux === "worden"
          ? lower.map((_, j) => j).filter((j) => j !== i)
          : [i - 1, ...Array.from({ length: 5 }, (_, k) => i + 1 + k)].filter((j) => j >= 0 && j < lower.length);
      const j = candidates.find((c) => isParticiple(ws[c].text, aux, c - i));
      if (j === undefined) continue;
      const from = Math.min(ws[i].start, ws[j].start);
      const to = Math.max(ws[i].end, ws[j].end);
      add(
        "passive",
        from,
        to,
        `Mogelijk lijdende vorm ("${text.slice(from, to)}"). Schrijf liever wie iets doet, bijvoorbeeld "de school meldt" in plaats van "er wordt gemeld".`,
      );
    }
  }

  for (const w of words(text)) {
    if (/\d/.test(w.text) || (w.text === w.text.toUpperCase() && w.text.length > 1)) continue; // numbers and acronyms
    const lowered = w.text.toLowerCase();
    const parts = lowered.split(/['’-]/);
    const isKnown = (p: string) =>
      [...allowed].some((a) => p === a || (p.startsWith(a) && /^(?:s|e|en|n|'s)$/.test(p.slice(a.length))));
    if (isKnown(lowered)) continue;
    const long = parts.find((p) => [...p].length > maxLetters && !isKnown(p));
    if (long) {
      add(
        "long-word",
        w.start,
        w.end,
        `Lang woord (${[...long].length} letters). Lange woorden zijn moeilijk te lezen. Gebruik een korter of bekender woord, of leg het uit.`,
      );
    }
  }

  for (const j of jargonPatterns) {
    for (const m of text.matchAll(j.re)) {
      add(
        "jargon",
        m.index,
        m.index + m[0].length,
        `"${m[0]}" is formele taal. Schrijf liever: ${j.alternative}.`,
        j.alternative.split(",")[0].trim(),
      );
    }
  }

  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---------------------------------------------------------------------------------------------
// Documents: every textblock (paragraph, heading, list item paragraph, table cell) is checked on its
// own; offsets are mapped to ProseMirror positions so the editor can highlight them.

const LEAF = new Set(["hardBreak", "horizontalRule", NODE.articleLink, NODE.protocolRule, NODE.protocolThreshold]);
const TEXTBLOCK = new Set(["paragraph", "heading"]);

function nodeSize(n: JSONContent): number {
  if (n.type === "text") return n.text?.length ?? 0;
  if (LEAF.has(n.type ?? "")) return 1;
  return 2 + (n.content ?? []).reduce((sum, c) => sum + nodeSize(c), 0);
}

/** Runs checkPlainLanguage on every textblock of a Tiptap document. */
export function checkDocPlainLanguage(doc: JSONContent, opts: PlainLanguageOptions = {}): DocPlainLanguageFinding[] {
  const out: DocPlainLanguageFinding[] = [];
  let block = 0;
  const visit = (node: JSONContent, pos: number) => {
    // pos = position right before this node
    if (TEXTBLOCK.has(node.type ?? "")) {
      let text = "";
      const map: number[] = [];
      let p = pos + 1;
      for (const child of node.content ?? []) {
        if (child.type === "text") {
          const t = child.text ?? "";
          for (let i = 0; i < t.length; i++) map.push(p + i);
          text += t;
        } else {
          // An inline atom reads as one word (its label or a stand-in) and maps to its own position.
          const label =
            child.type === "hardBreak"
              ? "\n"
              : typeof child.attrs?.label === "string" && child.attrs.label
                ? child.attrs.label
                : "X";
          for (let i = 0; i < label.length; i++) map.push(p);
          text += label;
        }
        p += nodeSize(child);
      }
      const b = block++;
      for (const f of checkPlainLanguage(text, opts)) {
        out.push({ ...f, from: map[f.start], to: map[f.end - 1] + 1, block: b });
      }
      return;
    }
    let p = node.type === "doc" ? 0 : pos + 1;
    for (const child of node.content ?? []) {
      visit(child, p);
      p += nodeSize(child);
    }
  };
  visit(doc, -1);
  return out;
}
