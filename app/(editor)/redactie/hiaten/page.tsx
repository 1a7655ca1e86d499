// GET /redactie/hiaten?dagen= — content gaps: what readers and callers miss, each row linking to where to act.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { getContentGapReport } from "@/app/_modules/articles/gaps";
import { editorSynonymList, handledGaps, questionTargets } from "@/app/_modules/articles/gap-actions";
import {
  ARTICLE_LIST,
  FeedbackTable,
  HandledTable,
  JustHandledNotice,
  ReviewTable,
  RuleTable,
  SearchTable,
  Section,
  SynonymTable,
  TopicTable,
} from "./sections";
import { gapRuleRefs } from "../data";
import { answeredWithoutArticle, timeToArticle } from "@/app/_modules/articles/answered-gaps";
import { AnsweredTable, TimeToArticleTable } from "./DeskSections";
import "../editor.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Redactie: wat ontbreekt er?" };
export const dynamic = "force-dynamic";

const PERIODS = [7, 30, 90] as const;

export default async function GapsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(["editor"], "/redactie/hiaten");
  const sp = await searchParams;
  const days = PERIODS.find((d) => String(d) === sp.dagen) ?? 30;
  const rules = await gapRuleRefs();
  const [report, handled, targets, synonyms, answered, toArticle] = await Promise.all([
    getContentGapReport(db(), { user, ruleIds: rules.refs, days }),
    handledGaps(db(), { user }),
    questionTargets(db(), { user }),
    editorSynonymList(db(), { user }),
    answeredWithoutArticle(db(), { user, days }),
    timeToArticle(db(), { user }),
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
      {justHandled && <JustHandledNotice gap={justHandled} />}
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
        <HandledTable handled={handled} />
      </Section>

      <Section
        id="gap-synonyms"
        title="Synoniemen van de redactie"
        count={synonyms.length}
        intro="Woorden die de zoekfunctie als hetzelfde ziet, naast de synoniemen uit content/taxonomy.yaml. Een wijziging werkt meteen."
      >
        <SynonymTable synonyms={synonyms} />
      </Section>

      <Section
        id="gap-topics"
        title="Onderwerpen met vragen maar zonder artikel"
        count={report.topicsWithoutArticles.length}
        intro="Over deze onderwerpen kwamen vragen binnen bij de helpdesk, maar er staat geen artikel over online."
      >
        <TopicTable rows={report.topicsWithoutArticles} />
      </Section>

      <Section
        id="gap-answered"
        title="Vragen die agents het vaakst beantwoordden zonder artikel"
        count={answered.length}
        intro="Opgeloste vragen waarbij het antwoord naar geen enkel artikel linkte en waar nog geen artikelconcept van is gemaakt, per onderwerp en per vraag met dezelfde woorden."
      >
        <AnsweredTable rows={answered} />
      </Section>

      <Section
        id="gap-time"
        title="Van eerste vraag tot artikel"
        count={toArticle.topics.length}
        intro="Per onderwerp: hoeveel dagen het duurde van de eerste vraag bij de helpdesk tot het eerste artikel, als er bij die eerste vraag nog geen artikel was."
      >
        <TimeToArticleTable data={toArticle} />
      </Section>

      <Section
        id="gap-feedback"
        title="‘Niet nuttig’ met een opmerking"
        count={report.unhelpfulFeedback.length}
        intro="Lezers vonden deze artikelen niet nuttig en schreven waarom."
      >
        <FeedbackTable rows={report.unhelpfulFeedback} />
      </Section>

      <Section
        id="gap-review"
        title="Artikelen waarvan de controledatum voorbij is"
        count={report.articlesPastReview.length}
        intro="Controleer of de tekst nog klopt. Na goedkeuring staat er een nieuwe controledatum."
      >
        <ReviewTable rows={report.articlesPastReview} />
      </Section>

      <Section
        id="gap-rules"
        title="Protocolregels zonder artikel"
        count={report.rulesWithoutArticles.length}
        intro="Geen enkel gepubliceerd artikel toont deze regels uit het verzuimprotocol."
      >
        <RuleTable rows={report.rulesWithoutArticles} titles={rules.titles} />
      </Section>
    </div>
  );
}
