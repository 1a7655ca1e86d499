import type { Metadata } from "next";
import { getTaxonomy } from "@/app/_modules/content/store";
import { listDesks } from "@/app/_modules/desks/service";
import { QuestionWizard } from "./QuestionWizard";

export const metadata: Metadata = { title: "Stel uw vraag" };
export const dynamic = "force-dynamic";

// GET /vraag?vraag= — the question analysis: works out who should answer, suggests articles first.
export default async function QuestionPage({ searchParams }: { searchParams: Promise<{ vraag?: string }> }) {
  const { vraag } = await searchParams;
  const [taxonomy, desks] = await Promise.all([getTaxonomy(), listDesks()]);
  return (
    <div className="container" style={{ maxWidth: "50rem" }}>
      <h1>Stel uw vraag</h1>
      <p className="lead">
        In vier korte stappen. Wij kijken eerst of het antwoord al in onze artikelen staat. Anders sturen wij uw vraag
        naar de helpdesk die u het beste helpt.
      </p>
      <QuestionWizard
        topics={taxonomy.topics.map((t) => ({ id: t.id, label: t.label }))}
        desks={desks.map((d) => ({
          id: d.id,
          name: d.name,
          article: d.article,
          phone: d.phone,
          phoneHref: d.phoneHref,
          hoursText: d.hoursText,
        }))}
        initialQuestion={typeof vraag === "string" ? vraag.slice(0, 5000) : undefined}
      />
    </div>
  );
}
