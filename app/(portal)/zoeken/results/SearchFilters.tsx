// The facet panel of /zoeken: one list per filter with its counts, and a link that clears them all.
// Plain links, not next/link: leaving a results page is a full page load, which the anonymous page cache can
// answer (a client-side navigation's RSC request cannot be cached), and the links do not each start a prefetch
// render on the server when they scroll into view. It also keeps the uncached render of /zoeken light.
import type { Taxonomy } from "@/app/_modules/content/taxonomy";
import type { SearchQuery } from "@/app/_modules/search/query";
import type { ArticleSearchResult } from "@/app/_modules/search/service";
import type { SearchHref } from "./search-href";

const FILTERS = [
  { key: "sector", facet: "sectors", list: "sectors", label: "Sector" },
  { key: "audience", facet: "audiences", list: "audiences", label: "Voor wie" },
  { key: "topic", facet: "topic", list: "topics", label: "Onderwerp" },
] as const;

export function SearchFilters({
  p,
  result,
  taxonomy,
  href,
}: {
  p: SearchQuery;
  result: ArticleSearchResult;
  taxonomy: Taxonomy;
  href: SearchHref;
}) {
  const active = { sector: p.sector, audience: p.audience, topic: p.topic } as Record<string, string | undefined>;
  const activeFilters = Object.values(active).filter(Boolean).length;
  return (
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
                      <a
                        href={href({ [f.key]: on ? undefined : e.id, page: undefined })}
                        aria-current={on ? "true" : undefined}
                      >
                        {on ? <strong>✓ {e.label}</strong> : e.label}
                      </a>{" "}
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
            <a href={href({ sector: undefined, audience: undefined, topic: undefined, page: undefined })}>
              Alle filters wissen
            </a>
          </p>
        )}
      </details>
    </aside>
  );
}
