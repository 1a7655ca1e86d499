// A query word that occurs in no document at all can empty a search: Meilisearch's matching strategy `last`
// drops words from the end of the query, so "wat gebeurt er als een leerling spijbelt" (no document says
// "gebeurt") finds nothing although "leerling spijbelt" finds the answer. Both engines behave so. When that
// happens the portal searches once more without the words that match nothing (typos and prefixes allowed, as
// always) and says which words it left out. Used by the portal's search and by `npm run search:eval`.
import { tokenize } from "./text";
import type { SearchDocument, SearchIndex, SearchParams, SearchResult } from "./types";

export type FallbackResult<T extends SearchDocument> = SearchResult<T> & {
  /** Words of the query that matched no document and were left out (in the query's own spelling). */
  ignoredWords: string[];
};

export type FallbackOptions = {
  /** The index's stop words, when the caller knows them (else they are read from the index's settings). */
  stopWords?: ReadonlySet<string>;
  /**
   * Remembers whether a word matches any document (per filter and matching strategy), so the words many queries
   * share are each checked once. The caller owns it and must empty it whenever the index changes.
   */
  wordMatches?: Map<string, boolean>;
};

/** Searches; when nothing matches, searches again without the query words that match no document. */
export async function searchIgnoringUnknownWords<T extends SearchDocument>(
  index: SearchIndex<T>,
  q: string,
  params: SearchParams = {},
  options: FallbackOptions = {},
): Promise<FallbackResult<T>> {
  const res = await index.search(q, params);
  if (params.matchingStrategy === "frequency") {
    // Every word is optional already: nothing to search again, only the notice of words that match nothing.
    return { ...res, ignoredWords: res.estimatedTotalHits > 0 ? await unknownWords(index, q, params, options) : [] };
  }
  if (res.estimatedTotalHits > 0) return { ...res, ignoredWords: [] };
  const tokens = tokenize(q, false);
  if (tokens.length < 2) return { ...res, ignoredWords: [] };
  const originals = tokens.map((t) => q.slice(t.start, t.end));
  // Each word on its own, within the same filter (a stop word alone matches everything and is kept).
  const found = await Promise.all(
    originals.map((w) => matchesAny(index, w, { filter: params.filter, limit: 0 }, options.wordMatches)),
  );
  const kept = originals.filter((_, i) => found[i]);
  if (!kept.length || kept.length === originals.length) return { ...res, ignoredWords: [] };
  const again = await index.search(kept.join(" "), params);
  return { ...again, query: q, ignoredWords: originals.filter((_, i) => !found[i]) };
}

/** The query's words (2 or more) that match no document within the filter, in the query's own spelling. */
async function unknownWords<T extends SearchDocument>(
  index: SearchIndex<T>,
  q: string,
  params: SearchParams,
  options: FallbackOptions,
): Promise<string[]> {
  const tokens = tokenize(q, false);
  if (tokens.length < 2) return [];
  const stop = options.stopWords ?? new Set((await index.getSettings()).stopWords);
  const originals = tokens.filter((t) => !stop.has(t.term)).map((t) => q.slice(t.start, t.end));
  const found = await Promise.all(
    originals.map((w) =>
      matchesAny(
        index,
        w + " ",
        { filter: params.filter, limit: 0, matchingStrategy: params.matchingStrategy },
        options.wordMatches,
      ),
    ),
  );
  return originals.filter((_, i) => !found[i]);
}

/** Whether a one-word search finds anything; answered from `memo` when this word was checked before. */
async function matchesAny<T extends SearchDocument>(
  index: SearchIndex<T>,
  word: string,
  params: SearchParams,
  memo: Map<string, boolean> | undefined,
): Promise<boolean> {
  const key = memo && JSON.stringify([word, params.filter ?? null, params.matchingStrategy ?? null]);
  const known = key === undefined ? undefined : memo!.get(key);
  if (known !== undefined) return known;
  const found = (await index.search(word, params)).estimatedTotalHits > 0;
  if (key !== undefined) {
    if (memo!.size >= WORD_MEMO_LIMIT) memo!.clear();
    memo!.set(key, found);
  }
  return found;
}

const WORD_MEMO_LIMIT = 20_000;
