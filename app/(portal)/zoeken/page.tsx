import type { Metadata } from "next";
import { headers } from "next/headers";
import { SearchCombobox } from "@/app/_components/SearchCombobox";
import { clientIp } from "@/app/_core/request-ip";
import { getTaxonomy } from "@/app/_modules/content/store";
import { parseSearchPageQuery, searchAndLog } from "@/app/_modules/search/public-search";
import { isSearchPageFill, SEARCH_ID_PLACEHOLDER } from "@/app/_modules/search/search-page-cache";
import { searchHref } from "./results/search-href";
import { SearchFilters } from "./results/SearchFilters";
import { SearchResults } from "./results/SearchResults";

export const dynamic = "force-dynamic";

type SP = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SP> }): Promise<Metadata> {
  const q = (await searchParams).q;
  return { title: typeof q === "string" && q.trim() ? `Zoeken: ${q.slice(0, 60)}` : "Veelgestelde vragen" };
}

// GET /zoeken?q=&sector=&audience=&topic=&page= — search results with facets, paging and "bedoelde u".
export default async function SearchPage({ searchParams }: { searchParams: Promise<SP> }) {
  const parsed = await parseSearchPageQuery(await searchParams);
  if (!parsed.success) {
    return (
      <div className="container">
        <h1>Zoeken</h1>
        <div className="alert alert-error" role="alert">
          <p>Deze zoekopdracht kunnen wij niet uitvoeren:</p>
          <ul>
            {parsed.error.issues.map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
        <SearchCombobox />
      </div>
    );
  }
  const p = parsed.data;
  const taxonomy = await getTaxonomy();
  const requestHeaders = await headers();
  // Rendered for the page cache: the cache logs each answer and fills in the id (search-page-cache.ts).
  const fill = isSearchPageFill(requestHeaders);
  const { result, searchId } = await searchAndLog(p, {
    source: "portal",
    visitor: clientIp(requestHeaders),
    perPage: 10,
    log: !fill,
  });
  const href = searchHref(p);
  const heading = p.q.trim() ? `Zoekresultaten voor ‘${p.q.trim()}’` : "Veelgestelde vragen";

  return (
    <div className="container">
      <h1>{heading}</h1>
      <div style={{ maxWidth: "44rem", marginBottom: "1.5rem" }}>
        <SearchCombobox key={p.q} label="Zoek opnieuw" initialQuery={p.q.trim()} />
      </div>
      <div className="search-layout">
        <SearchFilters p={p} result={result} taxonomy={taxonomy} href={href} />
        <SearchResults
          p={p}
          result={result}
          taxonomy={taxonomy}
          href={href}
          searchId={fill && p.q.trim() ? SEARCH_ID_PLACEHOLDER : searchId}
        />
      </div>
    </div>
  );
}
