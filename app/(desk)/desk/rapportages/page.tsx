// GET /desk/rapportages — reports for the desks the user works for: tickets per week per desk, sector, caller
// type, topic and tag; first-response and resolution time (median, p90, business hours); SLA compliance;
// deflection; searches without results. Every chart has a table alternative; every section a CSV download.
// The sections live in ./sections.
import type { Metadata } from "next";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks } from "@/app/_core/session";
import { buildContactReport } from "@/app/_modules/reports/contacts";
import { defaultPeriod, reportQuerySchema } from "@/app/_modules/reports/schema";
import { buildReport } from "@/app/_modules/reports/service";
import { localDate } from "@/app/_modules/reports/stats";
import { ArticleLinksSection } from "./sections/ArticleLinksSection";
import { ContactsSection } from "./sections/ContactsSection";
import { PeriodForm } from "./sections/PeriodForm";
import {
  DeflectionSection,
  OverviewSection,
  SearchesSection,
  TimesSection,
  VolumeSections,
} from "./sections/TicketReportSections";
import "../desk.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Rapportages" };
export const dynamic = "force-dynamic";

type Raw = Record<string, string | string[] | undefined>;

/** The period asked for, or the default period with the errors per field when it does not parse. */
function parsePeriod(raw: Raw) {
  const parsed = reportQuerySchema.safeParse({ from: raw.from, to: raw.to, desk: raw.desk });
  const fieldErrors: Record<string, string> = {};
  let period: { from: string; to: string; desks?: string[] };
  if (parsed.success) period = parsed.data;
  else {
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "from")] ??= i.message;
    period = defaultPeriod(localDate(new Date()));
  }
  return { period, fieldErrors };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Raw> }) {
  const user = await requirePageRole(["agent"], "/desk/rapportages");
  const raw = await searchParams;
  const desks = visibleDesks(user);
  const { period, fieldErrors } = parsePeriod(raw);
  const chosen = (period.desks ?? []).filter((d) => (desks as string[]).includes(d));
  const report = await buildReport(db(), {
    user,
    from: period.from,
    to: period.to,
    desks: chosen.length ? chosen : undefined,
  });
  const qs = new URLSearchParams({ from: report.period.from, to: report.period.to });
  for (const d of chosen) qs.append("desk", d);
  const query = qs.toString();
  const contacts = await buildContactReport(db(), {
    desks: report.desks.map((d) => d.id),
    from: report.period.from,
    to: report.period.to,
  });

  return (
    <div className="container desk reports">
      <Breadcrumbs trail={[{ href: "/desk", label: "Werkbak" }]} current="Rapportages" />
      <h1>Rapportages</h1>
      <p>
        Cijfers over de tickets die in de gekozen periode zijn binnengekomen (
        {report.desks.map((d) => d.label).join(" en ")}). Tijden zijn in kantooruren (de openingstijden van de helpdesk,
        zonder feestdagen).
      </p>

      <PeriodForm period={report.period} fieldErrors={fieldErrors} desks={desks} chosen={chosen} />
      <OverviewSection report={report} query={query} />
      <TimesSection report={report} query={query} />
      <VolumeSections report={report} query={query} />
      <ContactsSection contacts={contacts} query={query} />
      <DeflectionSection deflection={report.deflection} query={query} />
      <SearchesSection searches={report.searches} query={query} />
      <ArticleLinksSection links={report.articleLinks} query={query} />
      <p className="muted">
        Gemaakt op {new Date(report.generatedAt).toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam" })}.
      </p>
    </div>
  );
}
