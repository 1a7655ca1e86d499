// The one source of index settings: both engines get exactly these (embedded directly, Meilisearch via
// updateSettings), so ranking behaves the same whichever engine runs.
import "server-only";
import { withLexicon, type Lexicon } from "./lexicon";
import { toMeiliStopWords, toMeiliSynonyms, type SearchVocabulary } from "./synonyms";
import type { IndexSettings, SearchParams } from "./types";

export const ARTICLE_INDEX = "articles";
export const TICKET_INDEX = "tickets";

/**
 * How the portal searches articles (its search page, API, wizard and desk suggestions, and search-eval): every
 * content word optional, ranked by coverage weighted by rarity (see coverage.ts and README.md).
 */
export const ARTICLE_SEARCH: Pick<SearchParams, "matchingStrategy"> = { matchingStrategy: "frequency" };

const RANKING: NonNullable<IndexSettings["rankingRules"]> = [
  "words",
  "typo",
  "proximity",
  "attribute",
  "sort",
  "exactness",
];
const TYPOS: IndexSettings["typoTolerance"] = { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } };

/**
 * Knowledge-base articles: {id, slug, title, questions[], summary, body, type, audiences[], sectors[], topic,
 * protocolRuleIds[], publishedAt}. A match in the title beats one in the "ook gevraagd als" questions (callers' own
 * phrasings, kept by editors), which beats one in the summary, which beats one in the body.
 */
export function articleIndexSettings(taxonomy: SearchVocabulary, lexicon?: Lexicon): IndexSettings {
  const vocab = withLexicon(taxonomy, lexicon);
  return {
    searchableAttributes: ["title", "questions", "summary", "body"],
    filterableAttributes: [
      "type",
      "audiences",
      "sectors",
      "topic",
      "protocolRuleIds",
      "slug",
      "validFromDay",
      "validUntilDay",
    ],
    sortableAttributes: ["publishedAt", "title"],
    displayedAttributes: ["*"],
    synonyms: toMeiliSynonyms(vocab),
    stopWords: toMeiliStopWords(taxonomy),
    typoTolerance: TYPOS,
    rankingRules: RANKING,
  };
}

/**
 * Tickets, one index for all desks (every search filters on `deskId`): {id, reference, subject, bodyText,
 * organisation, requesterName, deskId, status, priority, topic, tags[], assigneeId, createdAt, updatedAt}.
 * The taxonomy's synonyms help here too when given.
 */
export function ticketIndexSettings(taxonomy: SearchVocabulary = {}): IndexSettings {
  return {
    searchableAttributes: ["reference", "subject", "bodyText", "organisation", "requesterName", "tags"],
    filterableAttributes: ["deskId", "status", "priority", "topic", "tags", "assigneeId"],
    sortableAttributes: ["createdAt", "updatedAt", "priority"],
    displayedAttributes: ["*"],
    synonyms: toMeiliSynonyms(taxonomy),
    stopWords: toMeiliStopWords(taxonomy),
    typoTolerance: TYPOS,
    rankingRules: RANKING,
  };
}
