// The search page (/zoeken) in the anonymous page cache (app/_core/page-cache.ts). The page renders for the cache
// with a placeholder search id in its result links and logs nothing; every answer from the cache logs the search
// and puts a fresh id in the links, so the content-gap report and click tracking see each search as before.
import "server-only";
import { PAGE_FILL_HEADER, pageCache, type PageCache } from "@/app/_core/page-cache";
import { queryRecord } from "@/app/_core/query-params";
import { clientIp } from "@/app/_core/request-ip";
import { parseSearchPageQuery, searchAndLog } from "./public-search";
import { articleIndexVersion } from "./service";

/** Stands in for the search id while the page renders for the cache (same length as a real id; never a real id). */
export const SEARCH_ID_PLACEHOLDER = `c${"Z".repeat(32)}`;

/** Puts /zoeken in the page cache (once per process, at start). */
export function registerSearchPageCache(cache: PageCache = pageCache()): void {
  cache.register("/zoeken", {
    version: articleIndexVersion,
    placeholder: SEARCH_ID_PLACEHOLDER,
    async prepare(url, req) {
      const parsed = await parseSearchPageQuery(queryRecord(url.searchParams));
      if (!parsed.success) return null;
      const p = parsed.data;
      return {
        key: url.search,
        async answer() {
          if (!p.q.trim()) return "";
          const { searchId } = await searchAndLog(p, { source: "portal", visitor: clientIp(req.headers), perPage: 10 });
          // A query that is all long digit runs is not logged; its links then carry an id that matches no search.
          return searchId ?? "0";
        },
      };
    },
  });
}

/** In the search page, given its request headers: whether this render is for the page cache. */
export function isSearchPageFill(requestHeaders: Pick<Headers, "get">): boolean {
  return pageCache().isFill(requestHeaders.get(PAGE_FILL_HEADER));
}
