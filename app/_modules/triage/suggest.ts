// Article suggestions for a whole question ("question mode"): every content word of the question is optional, and
// articles rank by how much of the question they cover, weighted by how rare each word is in the knowledge base,
// plus the protocol rules the question touches (a count of hours or times is the point of many questions). Each
// suggestion says why it is suggested, in the caller's own words ("Past bij: gespijbeld, melden").
//
// Pure: the search engine, the rule articles and the rule titles come in through `SuggestSources`, so this ranks the
// same way whatever engine runs and is tested against the real index in suggest.int.test.ts.
import { tokenize } from "./text";

export type ArticleSuggestion = {
  slug: string;
  title: string;
  /** Why it is suggested, for the caller: "Past bij: …". */
  reason: string;
  /** The question's words (as the caller wrote them) and rule titles the article matched. */
  matched: string[];
};

/** `inTitle`: the word matched the article's title (the caller sees that match in the list). */
export type TermHits = { total: number; slugs: { slug: string; title: string; inTitle?: boolean }[] };

export interface SuggestSources {
  /** Published articles matching one word (best first) and how many match it in all; narrowed to a sector if given. */
  searchTerm(term: string, sector?: string): Promise<TermHits>;
  /** How many published articles there are (for word rarity). */
  articleCount(): Promise<number>;
  /** Published articles that explain each protocol rule id. */
  articlesForRules(ruleIds: string[]): Promise<Record<string, { slug: string; title: string }[]>>;
  /** A rule's title as the portal shows it ("Melden bij 16 uur ongeoorloofd verzuim in 4 weken"), or null. */
  ruleTitle(ruleId: string): Promise<string | null>;
  /** Slugs of the articles written for an audience of the caller, or null when the caller has none. */
  audienceSlugs(): Promise<Set<string> | null>;
  /** Words that carry no meaning in a question (the taxonomy's stop words: articles, pronouns, question words). */
  stopWords(): Promise<Set<string>>;
}

export type SuggestOptions = { sector?: string; protocolHints?: string[]; limit?: number };

const MAX_TERMS = 16;
const DEFAULT_LIMIT = 5;
/** Suggestions below this share of the best score are noise ("ik ben ouder" for a school's question). */
const MIN_SHARE = 0.3;
/** Articles not written for the caller's audience count for this much. */
const OTHER_AUDIENCE = 0.6;
/** A word found in the title counts this much more than one in the body. */
const TITLE_BOOST = 1.5;
const MIN_WORD_LENGTH = 3;
/** A reason names at most this many of the question's words: those in the title first, then the rarest. */
const REASON_WORDS = 2;
/**
 * Dutch function words beyond the taxonomy's stop words (which editors keep for the search box): pronouns,
 * prepositions, conjunctions and adverbs that carry no topic in a question. Negations and "zonder" stay: they are
 * part of what happens ("komt niet", "zonder reden").
 */
export const FUNCTION_WORDS = new Set([
  "haar", "hem", "hun", "zijn", "jullie", "jou", "jouw", "mijn", "onze", "wiens", "wier", "per", "via", "tegen", "sinds",
  "vanaf", "tijdens", "binnen", "buiten", "onder", "boven", "achter", "naast", "tussen", "rond", "omdat", "voordat",
  "nadat", "zodat", "terwijl", "toen", "daar", "hier", "daarom", "daarna", "daarvoor", "dus", "want", "meer", "minder",
  "veel", "weinig", "erg", "heel", "zeer", "alle", "alles", "elke", "ieder", "iedere", "andere", "ander", "zelf", "echt",
  "precies", "ongeveer", "misschien", "soms", "steeds", "nu", "straks", "morgen", "gisteren", "vandaag", "hallo",
  "beste", "bedankt", "alvast", "vraag", "vragen", "iemand", "niemand", "iets", "niets", "kunnen", "zou", "zouden",
  "willen", "wil", "wilt", "laten", "krijg", "krijgen", "geven", "nieuw", "nieuwe", "goed", "juist", "iets", "hoeveel",
]);

type Term = { key: string; shown: string; at: number };

/** The content words of a question: lowercase, without stop words, numbers and very short words; first spelling kept. */
export function questionTerms(question: string, stop: Set<string>): Term[] {
  const out = new Map<string, Term>();
  tokenize(question).forEach((t, at) => {
    const key = t.norm;
    if (key.length < MIN_WORD_LENGTH || /^\d/.test(key) || stop.has(key) || FUNCTION_WORDS.has(key) || out.has(key)) return;
    out.set(key, { key, shown: t.raw, at });
  });
  return [...out.values()].slice(0, MAX_TERMS);
}

/** Question words that stand next to each other in the question read as one phrase: "ongeoorloofd verzuim". */
function phrases(terms: Term[]): string[] {
  const sorted = [...terms].sort((a, b) => a.at - b.at);
  const out: string[] = [];
  let prev: Term | undefined;
  for (const t of sorted) {
    if (prev && t.at === prev.at + 1) out[out.length - 1] += ` ${t.shown}`;
    else out.push(t.shown);
    prev = t;
  }
  return out.map((p) => p.toLowerCase());
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Up to `limit` articles for a whole question, best first, each with the reason it is suggested. */
export async function suggestForQuestion(question: string, src: SuggestSources, opts: SuggestOptions = {}): Promise<ArticleSuggestion[]> {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const terms = questionTerms(question, await src.stopWords());
  const hints = opts.protocolHints ?? [];
  if (!terms.length && !hints.length) return [];

  const n = Math.max(1, await src.articleCount());
  type Acc = { slug: string; title: string; score: number; terms: Term[]; inTitle: Set<Term>; rules: string[] };
  const acc = new Map<string, Acc>();
  const get = (slug: string, title: string) => {
    let a = acc.get(slug);
    if (!a) acc.set(slug, (a = { slug, title, score: 0, terms: [], inTitle: new Set(), rules: [] }));
    return a;
  };

  // Every content word on its own: an article scores the rarity of each word it matches, a little less further down.
  const [perTerm, together] = await Promise.all([
    Promise.all(terms.map((t) => src.searchTerm(t.key, opts.sector))),
    terms.length > 1 ? src.searchTerm(terms.map((t) => t.key).join(" "), opts.sector) : Promise.resolve({ total: 0, slugs: [] }),
  ]);
  let maxIdf = 0;
  const idfOf = new Map<Term, number>();
  perTerm.forEach((hits, i) => {
    if (!hits.total) return;
    const idf = Math.log(1 + n / hits.total);
    maxIdf = Math.max(maxIdf, idf);
    idfOf.set(terms[i], idf);
    hits.slugs.forEach((h, rank) => {
      const a = get(h.slug, h.title);
      a.score += (idf * (h.inTitle ? TITLE_BOOST : 1)) / (1 + 0.15 * rank);
      a.terms.push(terms[i]);
      if (h.inTitle) a.inTitle.add(terms[i]);
    });
  });
  // All words at once, ranked by the engine itself (proximity, title before body): a bonus for its first few.
  together.slugs.slice(0, 5).forEach((h) => {
    const a = acc.get(h.slug);
    if (a) a.score += maxIdf / 2;
  });

  // The protocol rules the question touches ("18 uur gespijbeld" → the 16-hour rule): the articles that explain them.
  if (hints.length) {
    const byRule = await src.articlesForRules(hints);
    const ruleWeight = Math.max(maxIdf, Math.log(1 + n / 3)) * 1.5;
    for (const id of hints) {
      const list = byRule[id] ?? [];
      if (!list.length) continue;
      const title = await src.ruleTitle(id);
      list.forEach((h, rank) => {
        const a = get(h.slug, h.title);
        a.score += ruleWeight / (1 + 0.3 * rank);
        if (title && !a.rules.includes(title)) a.rules.push(title);
      });
    }
  }

  const audience = await src.audienceSlugs();
  const ranked = [...acc.values()]
    .map((a) => ({ ...a, score: audience && !audience.has(a.slug) ? a.score * OTHER_AUDIENCE : a.score }))
    .sort((x, y) => y.score - x.score || x.title.localeCompare(y.title, "nl"));
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((a) => a.score >= best * MIN_SHARE)
    .slice(0, limit)
    .map((a) => {
      // The rarest words it matched, not already said by a rule title ("uur" in "16 uur ongeoorloofd verzuim").
      const said = a.rules.join(" ").toLowerCase();
      const words = a.terms
        .filter((t) => !new RegExp(`\\b${t.key}\\b`).test(said) && (a.inTitle.has(t) || (idfOf.get(t) ?? 0) >= maxIdf / 3))
        .sort((x, y) => Number(a.inTitle.has(y)) - Number(a.inTitle.has(x)) || (idfOf.get(y) ?? 0) - (idfOf.get(x) ?? 0))
        .slice(0, REASON_WORDS);
      const matched = [...a.rules.map(lowerFirst), ...phrases(words)];
      return { slug: a.slug, title: a.title, matched, reason: `Past bij: ${matched.slice(0, 3).join(", ")}` };
    });
}
