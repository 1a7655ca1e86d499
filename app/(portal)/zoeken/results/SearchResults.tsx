// The results column of /zoeken: how many were found, the notices (words left out, "Bedoelde u"), the hits with
// their highlights, the way to the question form when nothing matches, and the pager.
// Plain links, not next/link: leaving a results page is a full page load, which the anonymous page cache can
// answer (a client-side navigation's RSC request cannot be cached), and the links do not each start a prefetch
// render on the server when they scroll into view. It also keeps the uncached render of /zoeken light.
import { labelOf, type Taxonomy } from "@/app/_modules/content/taxonomy";
import type { SearchQuery } from "@/app/_modules/search/query";
import type { ArticleSearchResult } from "@/app/_modules/search/service";
import type { SearchHref } from "./search-href";

type Props = {
  p: SearchQuery;
  result: ArticleSearchResult;
  taxonomy: Taxonomy;
  href: SearchHref;
  /** Carried in each result link (?z=), so the article page records which search led to it. */
  searchId: string | null;
};

export function SearchResults({ p, result, taxonomy, href, searchId }: Props) {
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="visually-hidden">
        Resultaten
      </h2>
      <ResultCount p={p} result={result} taxonomy={taxonomy} />
      <ResultNotices p={p} result={result} href={href} />
      <ol className="plain-list" start={(result.page - 1) * result.perPage + 1}>
        {result.hits.map((h) => (
          <li key={h.id} className="result">
            <h3 style={{ margin: "0 0 0.25rem", fontSize: "1.15rem" }}>
              <a
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
      <Pager result={result} href={href} />
    </section>
  );
}

function ResultCount({ p, result, taxonomy }: Pick<Props, "p" | "result" | "taxonomy">) {
  return (
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
  );
}

function ResultNotices({ p, result, href }: Pick<Props, "p" | "result" | "href">) {
  return (
    <>
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
          <a href={href({ q: result.didYouMean, page: undefined })}>
            <strong>{result.didYouMean}</strong>
          </a>
          ?
        </p>
      )}
      {result.total === 0 && (
        <div className="card">
          <h3>Niet gevonden wat u zocht?</h3>
          <p>
            Probeer andere of minder woorden. Of stel uw vraag aan de helpdesk: wij zoeken dan uit wie u het beste kan
            helpen.
          </p>
          <p>
            <a className="btn" href={`/vraag${p.q.trim() ? `?vraag=${encodeURIComponent(p.q.trim())}` : ""}`}>
              Stel uw vraag
            </a>
          </p>
        </div>
      )}
    </>
  );
}

function Pager({ result, href }: Pick<Props, "result" | "href">) {
  const pages = Math.min(100, Math.ceil(result.total / result.perPage));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Paginering">
      {result.page > 1 && (
        <a className="btn btn-secondary btn-small" href={href({ page: result.page - 1 })}>
          Vorige
        </a>
      )}
      <span>
        Pagina {result.page} van {pages}
      </span>
      {result.page < pages && (
        <a className="btn btn-secondary btn-small" href={href({ page: result.page + 1 })}>
          Volgende
        </a>
      )}
    </nav>
  );
}
