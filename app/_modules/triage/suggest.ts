// Article suggestions for a whole question: the search engine's question mode (stop and question words left out,
// every content word optional, ranked by coverage) fused with the protocol rules the question touches (a count of
// hours or times is the point of many questions) and the caller's audience. Each suggestion says why it is
// suggested, in the caller's own words ("Past bij: melden bij 16 uur ongeoorloofd verzuim in 4 weken, gespijbeld").
//
// Pure: the search engine, the rule articles and the rule titles come in through `SuggestSources`, so this ranks the
// same way whatever engine runs and is tested against the real index in suggest.int.test.ts.
import "server-only";
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
/** One article the engine found for the whole question, best first; `matchedWords` in the caller's spelling. */
export type QuestionHit = { slug: string; title: string; matchedWords: string[] };

export interface SuggestSources {
  /** The engine's question mode: articles for a whole question, best first. */
  searchQuestion(question: string): Promise<QuestionHit[]>;
  /** Published articles that explain each protocol rule id. */
  articlesForRules(ruleIds: string[]): Promise<Record<string, { slug: string; title: string }[]>>;
  /** A rule's title as the portal shows it ("Melden bij 16 uur ongeoorloofd verzuim in 4 weken"), or null. */
  ruleTitle(ruleId: string): Promise<string | null>;
  /** Slugs of the articles written for an audience of the caller, or null when the caller has none. */
  audienceSlugs(): Promise<Set<string> | null>;
  /** Words that carry no meaning in a question (the taxonomy's stop words: articles, pronouns, question words). */
  stopWords(): Promise<Set<string>>;
}

export type SuggestOptions = { protocolHints?: string[]; limit?: number };

const DEFAULT_LIMIT = 5;
/** Suggestions below this share of the best score are noise ("ik ben ouder" for a school's question). */
const MIN_SHARE = 0.3;
/** Articles not written for the caller's audience count for this much. */
const OTHER_AUDIENCE = 0.6;
/** The article that explains a rule the question touches counts this much (the engine's first hit counts 1). */
const RULE_WEIGHT = 0.8;
/** A reason names at most this many of the caller's words. */
const REASON_WORDS = 3;
/**
 * Dutch function words beyond the taxonomy's stop words (which editors keep for the search box): pronouns,
 * prepositions, conjunctions and adverbs that carry no topic in a question. Negations and "zonder" stay: they are
 * part of what happens ("komt niet", "zonder reden").
 */
export const FUNCTION_WORDS = new Set([
  "haar",
  "hem",
  "hun",
  "zijn",
  "jullie",
  "jou",
  "jouw",
  "mijn",
  "onze",
  "wiens",
  "wier",
  "per",
  "via",
  "tegen",
  "sinds",
  "vanaf",
  "tijdens",
  "binnen",
  "buiten",
  "onder",
  "boven",
  "achter",
  "naast",
  "tussen",
  "rond",
  "omdat",
  "voordat",
  "nadat",
  "zodat",
  "terwijl",
  "toen",
  "daar",
  "hier",
  "daarom",
  "daarna",
  "daarvoor",
  "dus",
  "want",
  "meer",
  "minder",
  "veel",
  "weinig",
  "erg",
  "heel",
  "zeer",
  "alle",
  "alles",
  "elke",
  "ieder",
  "iedere",
  "andere",
  "ander",
  "zelf",
  "echt",
  "precies",
  "ongeveer",
  "misschien",
  "soms",
  "steeds",
  "nu",
  "straks",
  "morgen",
  "gisteren",
  "vandaag",
  "hallo",
  "beste",
  "bedankt",
  "alvast",
  "vraag",
  "vragen",
  "iemand",
  "niemand",
  "iets",
  "niets",
  "kunnen",
  "zou",
  "zouden",
  "willen",
  "wil",
  "wilt",
  "laten",
  "krijg",
  "krijgen",
  "geven",
  "nieuw",
  "nieuwe",
  "goed",
  "juist",
  "iets",
  "hoeveel",
]);

/** The caller's words an article matched, as phrases in question order ("ongeoorloofd verzuim"), without function words. */
export function reasonWords(question: string, matched: string[], stop: Set<string>): string[] {
  const wanted = new Set(matched.map((w) => w.toLowerCase()));
  const out: string[] = [];
  let prev = -2;
  tokenize(question).forEach((t, at) => {
    const key = t.norm;
    if (!wanted.has(t.raw.toLowerCase()) || stop.has(key) || FUNCTION_WORDS.has(key) || /^\d/.test(key)) return;
    wanted.delete(t.raw.toLowerCase());
    if (at === prev + 1 && out.length) out[out.length - 1] += ` ${t.raw.toLowerCase()}`;
    else out.push(t.raw.toLowerCase());
    prev = at;
  });
  return out;
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Up to `limit` articles for a whole question, best first, each with the reason it is suggested. */
export async function suggestForQuestion(
  question: string,
  src: SuggestSources,
  opts: SuggestOptions = {},
): Promise<ArticleSuggestion[]> {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const hints = opts.protocolHints ?? [];
  type Acc = { slug: string; title: string; score: number; words: string[]; rules: string[] };
  const acc = new Map<string, Acc>();
  const get = (slug: string, title: string) => {
    let a = acc.get(slug);
    if (!a) acc.set(slug, (a = { slug, title, score: 0, words: [], rules: [] }));
    return a;
  };

  const [found, byRule, stop] = await Promise.all([
    src.searchQuestion(question),
    hints.length
      ? src.articlesForRules(hints)
      : Promise.resolve({} as Record<string, { slug: string; title: string }[]>),
    src.stopWords(),
  ]);
  // The engine's coverage ranking, a little less further down.
  found.forEach((h, rank) => {
    const a = get(h.slug, h.title);
    a.score += 1 / (1 + 0.3 * rank);
    a.words = h.matchedWords;
  });
  // The protocol rules the question touches ("18 uur gespijbeld" → the 16-hour rule): the articles that explain them.
  for (const id of hints) {
    const list = byRule[id] ?? [];
    if (!list.length) continue;
    const title = await src.ruleTitle(id);
    list.forEach((h, rank) => {
      const a = get(h.slug, h.title);
      a.score += RULE_WEIGHT / (1 + 0.3 * rank);
      if (title && !a.rules.includes(title)) a.rules.push(title);
    });
  }
  if (!acc.size) return [];

  const audience = await src.audienceSlugs();
  const ranked = [...acc.values()]
    .map((a) => ({ ...a, score: audience && !audience.has(a.slug) ? a.score * OTHER_AUDIENCE : a.score }))
    .sort((x, y) => y.score - x.score || x.title.localeCompare(y.title, "nl"));
  const best = ranked[0]!.score;
  return ranked
    .filter((a) => a.score >= best * MIN_SHARE)
    .slice(0, limit)
    .map((a) => {
      // Words a rule title already says ("uur" in "16 uur ongeoorloofd verzuim") are not repeated.
      const said = ` ${a.rules.join(" ").toLowerCase()} `;
      const words = reasonWords(question, a.words, stop).filter((w) => !said.includes(` ${w} `));
      const matched = [...a.rules.map(lowerFirst), ...words.slice(0, REASON_WORDS)];
      return {
        slug: a.slug,
        title: a.title,
        matched,
        reason: `Past bij: ${matched.slice(0, REASON_WORDS).join(", ")}`,
      };
    })
    .filter((s) => s.matched.length > 0);
}
