// The sections and tables of the content-gap page (/redactie/hiaten), one component per list.
import Link from "next/link";
import type { ReactNode } from "react";
import type { getContentGapReport, SearchGapRow } from "@/app/_modules/articles/gaps";
import type { editorSynonymList, handledGaps } from "@/app/_modules/articles/gap-actions";
import { GapActions, RemoveSynonymButton } from "./GapActions";

type GapsReport = Awaited<ReturnType<typeof getContentGapReport>>;
type GapsData = {
  handled: Awaited<ReturnType<typeof handledGaps>>;
  synonyms: Awaited<ReturnType<typeof editorSynonymList>>;
};

const day = (d: Date) =>
  d.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "short", year: "numeric" });

export function Section({
  id,
  title,
  intro,
  count,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="gap-section">
      <h2 id={id}>
        {title} <span className="count">({count})</span>
      </h2>
      <p className="muted">{intro}</p>
      {count === 0 ? <p>Niets gevonden in deze periode.</p> : <div className="table-scroll">{children}</div>}
    </section>
  );
}

export const ARTICLE_LIST = "gap-article-titles";

export function SearchTable({ rows, caption, days }: { rows: SearchGapRow[]; caption: string; days: number }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Zoekvraag</th>
          <th scope="col">Aantal keer</th>
          <th scope="col">Laatst</th>
          <th scope="col">Actie</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.query}>
            <th scope="row">
              <Link href={r.searchHref}>{r.query}</Link>
            </th>
            <td>{r.searches}</td>
            <td>{day(r.lastSearchedAt)}</td>
            <td>
              <Link href={r.href}>
                Artikel schrijven<span className="visually-hidden"> over ‘{r.query}’</span>
              </Link>
              <GapActions query={r.query} days={days} datalistId={ARTICLE_LIST} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The notice after an editor handled a search: what was done, and where. */
export function JustHandledNotice({ gap }: { gap: GapsData["handled"][number] }) {
  return (
    <div className="alert alert-success" role="status">
      <p>
        ‘{gap.query}’ is afgehandeld. {gap.what}
        {gap.article && (
          <>
            {" "}
            bij <Link href={gap.article.href}>{gap.article.title}</Link> ({gap.article.statusLabel})
          </>
        )}
        .
        {gap.action === "question" &&
          gap.article?.statusLabel.includes("beoordeling") &&
          " Een andere redacteur moet de wijziging goedkeuren."}
      </p>
    </div>
  );
}

export function HandledTable({ handled }: { handled: GapsData["handled"] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Afgehandelde zoekvragen</caption>
      <thead>
        <tr>
          <th scope="col">Zoekvraag</th>
          <th scope="col">Wat is er gedaan</th>
          <th scope="col">Artikel</th>
          <th scope="col">Door</th>
          <th scope="col">Datum</th>
        </tr>
      </thead>
      <tbody>
        {handled.map((h) => (
          <tr key={h.query}>
            <th scope="row">{h.query}</th>
            <td>{h.what}</td>
            <td>
              {h.article ? (
                <>
                  <Link href={h.article.href}>{h.article.title}</Link>{" "}
                  <span className="muted">({h.article.statusLabel})</span>
                </>
              ) : (
                "—"
              )}
            </td>
            <td>{h.by ?? "—"}</td>
            <td>{day(h.at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SynonymTable({ synonyms }: { synonyms: GapsData["synonyms"] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Synoniemen van de redactie</caption>
      <thead>
        <tr>
          <th scope="col">Woorden</th>
          <th scope="col">Toegevoegd</th>
          <th scope="col">Actie</th>
        </tr>
      </thead>
      <tbody>
        {synonyms.map((g) => (
          <tr key={g.id}>
            <th scope="row">{g.terms.join(", ")}</th>
            <td>{day(g.createdAt)}</td>
            <td>
              <RemoveSynonymButton id={g.id} label={g.terms.join(", ")} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TopicTable({ rows }: { rows: GapsReport["topicsWithoutArticles"] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Onderwerpen zonder gepubliceerd artikel</caption>
      <thead>
        <tr>
          <th scope="col">Onderwerp</th>
          <th scope="col">Vragen</th>
          <th scope="col">Actie</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.topic}>
            <th scope="row">{r.label}</th>
            <td>{r.tickets}</td>
            <td>
              <Link href={r.href}>
                Artikel schrijven<span className="visually-hidden"> over {r.label}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FeedbackTable({ rows }: { rows: GapsReport["unhelpfulFeedback"] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Opmerkingen bij ‘niet nuttig’</caption>
      <thead>
        <tr>
          <th scope="col">Artikel</th>
          <th scope="col">Opmerking</th>
          <th scope="col">Datum</th>
          <th scope="col">Actie</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.articleId}-${i}`}>
            <th scope="row">
              <Link href={`/artikelen/${r.slug}`}>{r.title}</Link>
            </th>
            <td className="comment">{r.comment}</td>
            <td>{day(r.createdAt)}</td>
            <td>
              <Link href={r.href}>
                Artikel verbeteren<span className="visually-hidden">: {r.title}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReviewTable({ rows }: { rows: GapsReport["articlesPastReview"] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Artikelen met verlopen controledatum</caption>
      <thead>
        <tr>
          <th scope="col">Artikel</th>
          <th scope="col">Controleren vóór</th>
          <th scope="col">Dagen te laat</th>
          <th scope="col">Actie</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.articleId}>
            <th scope="row">{r.title}</th>
            <td>{day(r.reviewDueAt)}</td>
            <td>{r.daysOverdue}</td>
            <td>
              <Link href={r.href}>
                Controleren<span className="visually-hidden">: {r.title}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RuleTable({
  rows,
  titles,
}: {
  rows: GapsReport["rulesWithoutArticles"];
  titles: Record<string, string>;
}) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Protocolregels die geen artikel toont</caption>
      <thead>
        <tr>
          <th scope="col">Regel</th>
          <th scope="col">Code</th>
          <th scope="col">Actie</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ruleId}>
            <th scope="row">{titles[r.ruleId] ?? r.ruleId}</th>
            <td>
              <code>{r.ruleId}</code>
            </td>
            <td>
              <Link href={r.href}>
                Artikel schrijven<span className="visually-hidden"> met deze regel</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
