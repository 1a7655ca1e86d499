// Report section: the share of agents' replies that link an article (provenance, issue #19), per desk and topic.
import { ChartTable } from "@/app/_components/charts/ChartTable";
import type { ArticleLinks } from "@/app/_modules/reports/service";
import { formatCount, formatCountOf, formatPercent } from "@/app/_modules/reports/stats";
import { CsvLink } from "./report-parts";

export function ArticleLinksSection({ links: a, query }: { links: ArticleLinks; query: string }) {
  const table = (caption: string, head: string, rows: ArticleLinks["byDesk"]) => (
    <ChartTable
      caption={caption}
      mode="visible"
      columns={[head, "Antwoorden", "Met een artikel", "Met een artikel (%)"]}
      rows={rows.map((r) => ({
        label: r.label,
        cells: [formatCount(r.replies), formatCount(r.withArticle), formatPercent(r.rate)],
      }))}
    />
  );
  return (
    <section aria-labelledby="article-links-title" className="report-section">
      <h2 id="article-links-title">Antwoorden met een artikel</h2>
      <p>
        {formatCount(a.withArticle)} van {formatCountOf(a.replies, "antwoord", "antwoorden")} aan bellers{" "}
        {a.withArticle === 1 ? "linkte" : "linkten"} naar een artikel ({formatPercent(a.rate)}). Het gaat om de
        antwoorden op de tickets van deze periode.
      </p>
      {a.replies === 0 ? (
        <p className="muted">Geen antwoorden in deze periode.</p>
      ) : (
        <>
          {table("Antwoorden met een artikel per helpdesk", "Helpdesk", a.byDesk)}
          {table("Antwoorden met een artikel per onderwerp", "Onderwerp", a.byTopic)}
        </>
      )}
      <CsvLink section="articleLinks" query={query} />
    </section>
  );
}
