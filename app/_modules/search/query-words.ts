// What the portal sends to either engine, and what it tells the user about a hit. Both engines get the same
// query: stop words taken out here (so a trailing stop word never becomes a prefix term in Meilisearch while the
// embedded engine drops it), and in question mode the question words too. Each hit then says which of the
// query's words it matched (from `_matchesPosition`, which both engines give), so the wizard can say why it
// suggests an article.
import "server-only";
import { stem } from "./dutch";
import { tokenize } from "./text";
import type { MatchPosition } from "./types";

/**
 * Words that make a sentence a question without saying what it is about ("hoeveel", "vanaf", "wanneer"), beside
 * the taxonomy's stop words. Only question mode leaves them out; a plain search keeps them when they are not stop
 * words ("hoeveel" can be the point of a short search).
 */
export const QUESTION_WORDS = new Set([
  "hoeveel",
  "hoelang",
  "hoevaak",
  "vanaf",
  "wanneer",
  "waarom",
  "waarvoor",
  "waarmee",
  "waarover",
  "waarnaar",
  "welke",
  "welk",
  "wie",
  "wat",
  "hoe",
  "waar",
  "kan",
  "kunnen",
  "kun",
  "kunt",
  "moet",
  "moeten",
  "mag",
  "mogen",
  "zou",
  "zouden",
  "wil",
  "willen",
  "wilt",
  "ik",
  "we",
  "wij",
  "mijn",
  "onze",
  "ons",
  "iemand",
  "iets",
  "er",
  "eigenlijk",
  "precies",
  "nou",
  "nu",
  "dan",
  "nog",
  "even",
  "graag",
  "klopt",
  "het",
  "dat",
  "dit",
  "een",
  "de",
  "is",
  "zijn",
  "wordt",
  "worden",
  "word",
  "ben",
  "bent",
  "heb",
  "hebt",
  "heeft",
  "hebben",
  "doe",
  "doen",
  "doet",
  "gaat",
  "gaan",
  "geldt",
  "gelden",
]);

/**
 * The query as both engines get it: words that are stop words (or, in question mode, question words) left out,
 * the rest in the caller's own spelling. It ends with a space when the last word typed was left out or was
 * followed by a separator, so the word before it is never completed as a prefix.
 */
export function engineQuery(q: string, stopWords: ReadonlySet<string>, mode: "search" | "question" = "search"): string {
  const toks = tokenize(q, false);
  if (!toks.length) return q.trim();
  const drop = (t: string) => stopWords.has(t) || (mode === "question" && QUESTION_WORDS.has(t));
  const kept = toks.filter((t) => !drop(t.term));
  // Only stop words: keep the query as it is (the engines then find what its last word starts).
  if (!kept.length) return mode === "question" ? "" : q.trim();
  const last = toks[toks.length - 1]!;
  const open = kept[kept.length - 1] === last && last.end === q.length && mode === "search";
  return kept.map((t) => q.slice(t.start, t.end)).join(" ") + (open ? "" : " ");
}

/**
 * The query words (in the query's spelling) a hit matched: a matched span in the hit's text counts for a query
 * word when it is that word, has its stem, contains it or is contained in it (compounds, prefixes), or is within
 * one or two typos of it.
 */
export function matchedQueryWords(
  q: string,
  doc: Record<string, unknown>,
  positions: Record<string, MatchPosition[]> | undefined,
  /** Matched text known otherwise (the highlights of an attribute that was not retrieved). */
  extra: string[] = [],
): string[] {
  const spans = new Set<string>(extra.flatMap((x) => tokenize(x, false).map((t) => t.term)));
  for (const [attr, list] of Object.entries(positions ?? {})) {
    const text = doc[attr];
    if (typeof text !== "string") continue;
    for (const { start, length } of list) {
      const t = tokenize(text.slice(start, start + length), false)[0]?.term;
      if (t) spans.add(t);
    }
  }
  const out: string[] = [];
  for (const tok of tokenize(q, false)) {
    const word = q.slice(tok.start, tok.end);
    if (out.includes(word)) continue;
    for (const span of spans) {
      if (related(tok.term, span)) {
        out.push(word);
        break;
      }
    }
  }
  return out;
}

function related(word: string, span: string): boolean {
  if (word === span) return true;
  if (word.length >= 4 && span.length >= 4 && (span.includes(word) || word.includes(span) || stem(word) === stem(span)))
    return true;
  const budget = word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
  return budget > 0 && Math.abs(word.length - span.length) <= budget && editDistance(word, span) <= budget;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
