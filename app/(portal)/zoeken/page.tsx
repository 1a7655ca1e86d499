import type { Metadata } from "next";
import Link from "next/link";
import { SearchCombobox } from "@/app/_components/SearchCombobox";
import { getTaxonomy } from "@/app/_modules/content/store";
import { labelOf } from "@/app/_modules/content/taxonomy";
import { searchPageParams, searchQuerySchema } from "@/app/_modules/search/query";
import { isSearchPageFill, SEARCH_ID_PLACEHOLDER } from "@/app/_modules/search/search-page-cache";
import { headers } from "next/headers";
import { clientIp } from "@/app/_core/request-ip";
import { logSearch, searchArticles } from "@/app/_modules/search/service";

export const dynamic = "force-dynamic";

type SP = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SP> }): Promise<Metadata> {
  const q = (await searchParams).q;
  return { title: typeof q === "string" && q.trim() ? `Zoeken: ${q.slice(0, 60)}` : "Veelgestelde vragen" };
}

const FILTERS = [
  { key: "sector", facet: "sectors", list: "sectors", label: "Sector" },
  { key: "audience", facet: "audiences", list: "audiences", label: "Voor wie" },
  { key: "topic", facet: "topic", list: "topics", label: "Onderwerp" },
] as const;

// GET /zoeken?q=&sector=&audience=&topic=&page= — search results with facets, paging and "bedoelde u".
export default async function SearchPage({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const taxonomy = await getTaxonomy();
  const parsed = searchQuerySchema(taxonomy).safeParse(searchPageParams(sp));
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
  const result = await searchArticles({
    q: p.q,
    sector: p.sector,
    audience: p.audience,
    topic: p.topic,
    type: p.type,
    page: p.page,
    perPage: 10,
  });
  // Rendered for the page cache: the cache logs each answer and fills in the id (search-page-cache.ts).
  const searchId = !p.q.trim()
    ? null
    : isSearchPageFill(await headers())
      ? SEARCH_ID_PLACEHOLDER
      : logSearch({ query: p.q, resultCount: result.total, source: "portal", visitor: clientIp(await headers()) });
  const active = { sector: p.sector, audience: p.audience, topic: p.topic } as Record<string, string | undefined>;
  const activeFilters = Object.values(active).filter(Boolean).length;
  const href = (patch: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    const next = {
      q: p.q || undefined,
      sector: p.sector,
      audience: p.audience,
      topic: p.topic,
      type: p.type,
      ...patch,
    };
    for (const [k, v] of Object.entries(next))
      if (v !== undefined && v !== "" && !(k === "page" && String(v) === "1")) params.set(k, String(v));
    const s = params.toString();
    return `/zoeken${s ? `?${s}` : ""}`;
  };
  const pages = Math.min(100, Math.ceil(result.total / result.perPage));
  const heading = p.q.trim() ? `Zoekresultaten voor ‘${p.q.trim()}’` : "Veelgestelde vragen";

  return (
    <div className="container">
      <h1>{heading}</h1>
      <div style={{ maxWidth: "44rem", marginBottom: "1.5rem" }}>
        <SearchCombobox key={p.q} label="Zoek opnieuw" initialQuery={p.q.trim()} />
      </div>
      <div className="search-layout">
        <aside aria-label="Filters">
          {/* Folded on small screens, so the results come first; always open on wide screens (globals.css). */}
          <details className="facet-panel">
            <summary>Filteren{activeFilters ? ` (${activeFilters} actief)` : ""}</summary>
            <h2 className="visually-hidden">Filters</h2>
            {FILTERS.map((f) => {
              const counts = result.facets[f.facet];
              const entries = taxonomy[f.list].filter((e) => (counts[e.id] ?? 0) > 0 || active[f.key] === e.id);
              if (!entries.length) return null;
              return (
                <section key={f.key} className="facet" aria-labelledby={`facet-${f.key}`}>
                  <h3 id={`facet-${f.key}`}>{f.label}</h3>
                  <ul className="plain-list">
                    {entries.map((e) => {
                      const on = active[f.key] === e.id;
                      return (
                        <li key={e.id} style={{ padding: "0.2rem 0", border: 0 }}>
                          <Link
                            href={href({ [f.key]: on ? undefined : e.id, page: undefined })}
                            aria-current={on ? "true" : undefined}
                          >
                            {on ? <strong>✓ {e.label}</strong> : e.label}
                          </Link>{" "}
                          <span className="muted">({counts[e.id] ?? 0})</span>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
            {(p.sector || p.audience || p.topic) && (
              <p>
                <Link href={href({ sector: undefined, audience: undefined, topic: undefined, page: undefined })}>
                  Alle filters wissen
                </Link>
              </p>
            )}
          </details>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Resultaten
          </h2>
          <p role="status" aria-live="polite">
            {result.total === 0
              ? "Geen artikelen gevonden."
              : `${result.total} ${result.total === 1 ? "artikel" : "artikelen"} gevonden.`}
            {(p.sector || p.audience || p.topic) && (
              <>
                {" "}
                Filters:{" "}
                {[
                  p.sector && labelOf(taxonomy, "sectors", p.sector),
                  p.audience && labelOf(taxonomy, "audiences", p.audience),
                  p.topic && labelOf(taxonomy, "topics", p.topic),
                ]
                  .filter(Boolean)
                  .join(", ")}
                .
              </>
            )}
          </p>
          {result.ignoredWords.length > 0 && (
            <p className="alert">
              Met alle woorden vonden wij niets. Deze resultaten zijn gevonden zonder{" "}
              {result.ignoredWords.map((w, i) => (
                <span key={i}>
                  {i ? " en " : ""}‘{w}’
                </span>
              ))}
              .
            </p>
          )}
          {result.didYouMean && (
            <p className="alert">
              Bedoelde u:{" "}
              <Link href={href({ q: result.didYouMean, page: undefined })}>
                <strong>{result.didYouMean}</strong>
              </Link>
              ?
            </p>
          )}
          {result.total === 0 && (
            <div className="card">
              <h3>Niet gevonden wat u zocht?</h3>
              <p>
                Probeer andere of minder woorden. Of stel uw vraag aan de helpdesk: wij zoeken dan uit wie u het beste
                kan helpen.
              </p>
              <p>
                <Link className="btn" href={`/vraag${p.q.trim() ? `?vraag=${encodeURIComponent(p.q.trim())}` : ""}`}>
                  Stel uw vraag
                </Link>
              </p>
            </div>
          )}
          <ol className="plain-list" start={(result.page - 1) * result.perPage + 1}>
            {result.hits.map((h) => (
              <li key={h.id} className="result">
                <h3 style={{ margin: "0 0 0.25rem", fontSize: "1.15rem" }}>
                  <Link
                    href={`/artikelen/${h.slug}${searchId ? `?z=${searchId}` : ""}`}
                    dangerouslySetInnerHTML={{ __html: h.titleHtml }}
                  />
                </h3>
                <p dangerouslySetInnerHTML={{ __html: h.snippetHtml }} />
                <p className="muted" style={{ fontSize: "0.9rem" }}>
                  {h.type === "nieuws" ? "Nieuws en praktijk · " : ""}
                  {labelOf(taxonomy, "topics", h.topic)}
                </p>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav className="pager" aria-label="Paginering">
              {result.page > 1 && (
                <Link className="btn btn-secondary btn-small" href={href({ page: result.page - 1 })}>
                  Vorige
                </Link>
              )}
              <span>
                Pagina {result.page} van {pages}
              </span>
              {result.page < pages && (
                <Link className="btn btn-secondary btn-small" href={href({ page: result.page + 1 })}>
                  Volgende
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}
