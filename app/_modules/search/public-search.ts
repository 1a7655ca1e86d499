// The public knowledge-base search as /zoeken, its page cache and GET /api/v1/search run it: the query checked
// against the taxonomy, the search, and the search-log entry that the content-gap report and click tracking read.
import "server-only";
import { getTaxonomy } from "@/app/_modules/content/store";
import { searchPageParams, searchQuerySchema, type SearchQuery } from "./query";
import { logSearch } from "./search-log";
import { searchArticles, type ArticleSearchResult } from "./service";

/** The query schema with today's taxonomy: route()'s schema factory for GET /api/v1/search. */
export async function publicSearchSchema() {
  return searchQuerySchema(await getTaxonomy());
}

/** /zoeken's query parameters checked against the taxonomy (parameters the page does not read are ignored). */
export async function parseSearchPageQuery(params: Record<string, string | string[] | undefined>) {
  return (await publicSearchSchema()).safeParse(searchPageParams(params));
}

export type PublicSearch = {
  /** Where the search came from, as the log records it. */
  source: "portal" | "api" | "autocomplete";
  /** The visitor's address: with it the log keeps one row per settled search (log-policy.ts). */
  visitor?: string;
  perPage: number;
  /** false while /zoeken renders for the page cache: the cache logs each answer itself (search-page-cache.ts). */
  log?: boolean;
};

/**
 * Runs a checked search and logs it. The search id links the result's clicks to the log row; it is null for an
 * empty query, when nothing is logged, and for a query that is all long digit runs.
 */
export async function searchAndLog(
  q: SearchQuery,
  how: PublicSearch,
): Promise<{ result: ArticleSearchResult; searchId: string | null }> {
  const result = await searchArticles({
    q: q.q,
    sector: q.sector,
    audience: q.audience,
    topic: q.topic,
    type: q.type,
    page: q.page,
    perPage: how.perPage,
  });
  const searchId =
    how.log !== false && q.q.trim()
      ? logSearch({ query: q.q, resultCount: result.total, source: how.source, visitor: how.visitor })
      : null;
  return { result, searchId };
}
