// GET /redactie/hiaten?dagen= — content gaps: what readers and callers miss, each row linking to where to act.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { getContentGapReport, type SearchGapRow } from "@/app/_modules/articles/gaps";
import { editorSynonymList, handledGaps, questionTargets } from "@/app/_modules/articles/gap-actions";
import { GapActions, RemoveSynonymButton } from "./GapActions";
import { gapRuleRefs } from "../data";
import "../editor.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Redactie: wat ontbreekt er?" };
export const dynamic = "force-dynamic";

const PERIODS = [7, 30, 90] as const;
const day = (d: Date) =>
  d.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "short", year: "numeric" });

function Section({
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

const ARTICLE_LIST = "gap-article-titles";

function SearchTable({ rows, caption, days }: { rows: SearchGapRow[]; caption: string; days: number }) {
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

export default async function GapsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(["editor"], "/redactie/hiaten");
  const sp = await searchParams;
  const days = PERIODS.find((d) => String(d) === sp.dagen) ?? 30;
  const rules = await gapRuleRefs();
  const [report, handled, targets, synonyms] = await Promise.all([
    getContentGapReport(db(), { user, ruleIds: rules.refs, days }),
    handledGaps(db(), { user }),
    questionTargets(db(), { user }),
    editorSynonymList(db(), { user }),
  ]);
  const justHandled = typeof sp.afgehandeld === "string" ? handled.find((h) => h.query === sp.afgehandeld) : undefined;

  return (
    <div className="container redactie">
      <Breadcrumbs trail={[{ href: "/redactie", label: "Artikelen" }]} current="Wat ontbreekt er?" />
      <h1>Wat ontbreekt er?</h1>
      <p>
        Hier ziet u waar bezoekers en bellers geen antwoord vinden. Elke regel heeft een link naar de plek waar u er
        iets aan doet.
      </p>
      {justHandled && (
        <div className="alert alert-success" role="status">
          <p>
            ‘{justHandled.query}’ is afgehandeld. {justHandled.what}
            {justHandled.article && (
              <>
                {" "}
                bij <Link href={justHandled.article.href}>{justHandled.article.title}</Link> (
                {justHandled.article.statusLabel})
              </>
            )}
            .
            {justHandled.action === "question" &&
              justHandled.article?.statusLabel.includes("beoordeling") &&
              " Een andere redacteur moet de wijziging goedkeuren."}
          </p>
        </div>
      )}
      <datalist id={ARTICLE_LIST}>
        {targets.map((a) => (
          <option key={a.id} value={a.title} />
        ))}
      </datalist>
      <nav aria-label="Periode" className="status-filter">
        <ul>
          {PERIODS.map((d) => (
            <li key={d}>
              <Link href={`/redactie/hiaten?dagen=${d}`} aria-current={d === days ? "page" : undefined}>
                Laatste {d} dagen
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Section
        id="gap-none"
        title="Zoekvragen zonder resultaat"
        count={report.searchesWithoutResults.length}
        intro="Bezoekers zochten hierop en vonden geen enkel artikel."
      >
        <SearchTable rows={report.searchesWithoutResults} caption="Zoekvragen zonder resultaat" days={days} />
      </Section>

      <Section
        id="gap-noclick"
        title="Zoekvragen waarop niemand klikte"
        count={report.searchesWithoutClick.length}
        intro="Er waren resultaten, maar niemand opende een artikel. Misschien past de titel of samenvatting niet bij de vraag."
      >
        <SearchTable rows={report.searchesWithoutClick} caption="Zoekvragen zonder klik" days={days} />
      </Section>

      <Section
        id="gap-handled"
        title="Afgehandeld"
        count={handled.length}
        intro="Zoekvragen die een redacteur heeft toegevoegd als vraag bij een artikel of als synoniem. Ze staan niet meer in de lijsten hierboven."
      >
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
      </Section>

      <Section
        id="gap-synonyms"
        title="Synoniemen van de redactie"
        count={synonyms.length}
        intro="Woorden die de zoekfunctie als hetzelfde ziet, naast de synoniemen uit content/taxonomy.yaml. Een wijziging werkt meteen."
      >
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
      </Section>

      <Section
        id="gap-topics"
        title="Onderwerpen met vragen maar zonder artikel"
        count={report.topicsWithoutArticles.length}
        intro="Over deze onderwerpen kwamen vragen binnen bij de helpdesk, maar er staat geen artikel over online."
      >
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
            {report.topicsWithoutArticles.map((r) => (
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
      </Section>

      <Section
        id="gap-feedback"
        title="‘Niet nuttig’ met een opmerking"
        count={report.unhelpfulFeedback.length}
        intro="Lezers vonden deze artikelen niet nuttig en schreven waarom."
      >
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
            {report.unhelpfulFeedback.map((r, i) => (
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
      </Section>

      <Section
        id="gap-review"
        title="Artikelen waarvan de controledatum voorbij is"
        count={report.articlesPastReview.length}
        intro="Controleer of de tekst nog klopt. Na goedkeuring staat er een nieuwe controledatum."
      >
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
            {report.articlesPastReview.map((r) => (
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
      </Section>

      <Section
        id="gap-rules"
        title="Protocolregels zonder artikel"
        count={report.rulesWithoutArticles.length}
        intro="Geen enkel gepubliceerd artikel toont deze regels uit het verzuimprotocol."
      >
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
            {report.rulesWithoutArticles.map((r) => (
              <tr key={r.ruleId}>
                <th scope="row">{rules.titles[r.ruleId] ?? r.ruleId}</th>
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
      </Section>
    </div>
  );
}
