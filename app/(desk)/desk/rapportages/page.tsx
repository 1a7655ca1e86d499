// GET /desk/rapportages — reports for the desks the user works for: tickets per week per desk, sector, caller
// type, topic and tag; first-response and resolution time (median, p90, business hours); SLA compliance;
// deflection; searches without results. Every chart has a table alternative; every section a CSV download.
import type { Metadata } from "next";
import { BarChart } from "@/app/_components/charts/BarChart";
import { ChartTable } from "@/app/_components/charts/ChartTable";
import { LineChart } from "@/app/_components/charts/LineChart";
import { StatTiles, type StatTile } from "@/app/_components/charts/StatTiles";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks } from "@/app/_core/session";
import { defaultPeriod, reportQuerySchema } from "@/app/_modules/reports/schema";
import {
  buildReport,
  REPORT_SECTIONS,
  type Breakdown,
  type Dimension,
  type Kpis,
  type ReportSection,
} from "@/app/_modules/reports/service";
import { formatCount, formatCountOf, formatHours, formatPercent, localDate } from "@/app/_modules/reports/stats";
import { deskLabel } from "../labels";
import { buildContactReport } from "@/app/_modules/reports/contacts";
import { CHANNEL_LABELS } from "@/app/_modules/tickets/channel";
import "../desk.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Rapportages" };
export const dynamic = "force-dynamic";

type Raw = Record<string, string | string[] | undefined>;
const HOUR = 3_600_000;
const hoursValue = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const fmtHours = (v: number) => `${v.toLocaleString("nl-NL", { maximumFractionDigits: 1 })} uur`;
const fmtPct = (v: number) => `${v.toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;

function slaTone(rate: number | null): StatTile["tone"] {
  if (rate === null) return "neutral";
  return rate >= 0.9 ? "good" : rate >= 0.75 ? "warning" : "bad";
}

function kpiTiles(k: Kpis): StatTile[] {
  return [
    {
      label: "Tickets binnengekomen",
      value: formatCount(k.created),
      hint: `${formatCount(k.answered)} beantwoord · ${formatCount(k.resolved)} opgelost`,
    },
    {
      label: "Eerste reactie (mediaan)",
      value: formatHours(k.firstResponse.medianMs),
      hint: `p90: ${formatHours(k.firstResponse.p90Ms)} · ${formatCountOf(k.firstResponse.count, "ticket", "tickets")} · kantooruren`,
    },
    {
      label: "Oplostijd (mediaan)",
      value: formatHours(k.resolution.medianMs),
      hint: `p90: ${formatHours(k.resolution.p90Ms)} · ${formatCountOf(k.resolution.count, "ticket", "tickets")} · kantooruren`,
    },
    {
      label: "Eerste reactie op tijd",
      value: formatPercent(k.slaFirstResponse.rate),
      tone: slaTone(k.slaFirstResponse.rate),
      hint: `${formatCount(k.slaFirstResponse.met)} op tijd · ${formatCount(k.slaFirstResponse.breached)} te laat · ${formatCount(k.slaFirstResponse.pending)} loopt nog`,
    },
    {
      label: "Oplossing op tijd",
      value: formatPercent(k.slaResolution.rate),
      tone: slaTone(k.slaResolution.rate),
      hint: `${formatCount(k.slaResolution.met)} op tijd · ${formatCount(k.slaResolution.breached)} te laat · ${formatCount(k.slaResolution.pending)} loopt nog`,
    },
  ];
}

function CsvLink({ section, query, label }: { section: ReportSection; query: string; label?: string }) {
  const title = REPORT_SECTIONS.find((s) => s.id === section)!.title;
  return (
    <p className="csv-link">
      <a href={`/desk/rapportages/export?section=${section}&${query}`} download>
        {label ?? `Download als CSV`}
        <span className="visually-hidden">: {title}</span>
      </a>
    </p>
  );
}

function VolumeSection({
  b,
  weeks,
  query,
  line,
}: {
  b: Breakdown;
  weeks: { label: string }[];
  query: string;
  line?: boolean;
}) {
  const id = `vol-${b.dimension}`;
  const top = b.rows.slice(0, 12);
  return (
    <section aria-labelledby={id} className="report-section">
      <h3 id={id}>{b.title}</h3>
      {line ? (
        <LineChart
          title={`${b.title} per week`}
          categories={weeks.map((w) => w.label)}
          series={top.map((r) => ({ name: r.label, values: r.perWeek }))}
          description="Aantal binnengekomen tickets per week."
          yUnit="tickets"
        />
      ) : (
        <BarChart
          title={`${b.title} in de periode`}
          data={top.map((r) => ({ label: r.label, value: r.total }))}
          labelHeader={b.title.replace("Tickets per ", "")}
          valueHeader="Tickets"
          description="Totaal aantal binnengekomen tickets in de gekozen periode."
        />
      )}
      {b.rows.length > 0 && (
        <ChartTable
          caption={`${b.title} per week`}
          columns={["", ...weeks.map((w) => w.label), "Totaal"]}
          rows={b.rows.map((r) => ({
            label: r.label,
            cells: [...r.perWeek.map((n) => formatCount(n)), formatCount(r.total)],
          }))}
          toggleText="Bekijk de aantallen per week"
        />
      )}
      <CsvLink section={b.dimension as Dimension} query={query} />
    </section>
  );
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Raw> }) {
  const user = await requirePageRole(["agent"], "/desk/rapportages");
  const raw = await searchParams;
  const desks = visibleDesks(user);
  const parsed = reportQuerySchema.safeParse({ from: raw.from, to: raw.to, desk: raw.desk });
  const fieldErrors: Record<string, string> = {};
  let period: { from: string; to: string; desks?: string[] };
  if (parsed.success) period = parsed.data;
  else {
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "from")] ??= i.message;
    period = defaultPeriod(localDate(new Date()));
  }
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
  const minutesText = (ms: number | null) =>
    ms === null ? "–" : `${(ms / 60_000).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} min`;
  const weeks = report.weeks;
  const hasErrors = Object.keys(fieldErrors).length > 0;

  return (
    <div className="container desk reports">
      <Breadcrumbs trail={[{ href: "/desk", label: "Werkbak" }]} current="Rapportages" />
      <h1>Rapportages</h1>
      <p>
        Cijfers over de tickets die in de gekozen periode zijn binnengekomen (
        {report.desks.map((d) => d.label).join(" en ")}). Tijden zijn in kantooruren (de openingstijden van de helpdesk,
        zonder feestdagen).
      </p>

      <form method="get" action="/desk/rapportages" className="card period-form" noValidate>
        <h2 id="period-title">Periode kiezen</h2>
        <div aria-live="polite">
          {hasErrors && (
            <div className="alert alert-error">
              <p>De periode klopt niet. U ziet nu de standaardperiode (de laatste 8 weken).</p>
              <ul>
                {Object.entries(fieldErrors).map(([k, m]) => (
                  <li key={k}>
                    <a href={`#period-${k === "to" ? "to" : k === "desk" ? "desk" : "from"}`}>{m}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="period-fields">
          <div className="field">
            <label htmlFor="period-from">Van</label>
            <input
              id="period-from"
              name="from"
              type="date"
              defaultValue={report.period.from}
              aria-invalid={!!fieldErrors.from}
              aria-describedby={fieldErrors.from ? "period-from-error" : undefined}
            />
            {fieldErrors.from && (
              <p id="period-from-error" className="field-error">
                {fieldErrors.from}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="period-to">Tot en met</label>
            <input
              id="period-to"
              name="to"
              type="date"
              defaultValue={report.period.to}
              aria-invalid={!!fieldErrors.to}
              aria-describedby={fieldErrors.to ? "period-to-error" : undefined}
            />
            {fieldErrors.to && (
              <p id="period-to-error" className="field-error">
                {fieldErrors.to}
              </p>
            )}
          </div>
          {desks.length > 1 && (
            <fieldset className="field" id="period-desk">
              <legend>Helpdesk</legend>
              {desks.map((d) => (
                <label key={d} className="choice">
                  <input type="checkbox" name="desk" value={d} defaultChecked={chosen.includes(d)} /> {deskLabel(d)}
                </label>
              ))}
              <span className="hint">Niets aangevinkt: alle helpdesks.</span>
            </fieldset>
          )}
        </div>
        <button type="submit" className="btn">
          Toon rapportage
        </button>
      </form>

      <section aria-labelledby="kpi-title" className="report-section">
        <h2 id="kpi-title">Overzicht</h2>
        <StatTiles tiles={kpiTiles(report.kpis)} label="Kerncijfers van de periode" />
        <ChartTable
          caption="Kerncijfers per helpdesk"
          mode="visible"
          columns={[
            "Helpdesk",
            "Tickets",
            "Eerste reactie mediaan",
            "Eerste reactie p90",
            "Oplostijd mediaan",
            "Oplostijd p90",
            "Eerste reactie op tijd",
            "Oplossing op tijd",
          ]}
          rows={[
            ...report.kpisByDesk.map((d) => ({ label: d.label, k: d.kpis })),
            { label: "Totaal", k: report.kpis },
          ].map(({ label, k }) => ({
            label,
            cells: [
              formatCount(k.created),
              formatHours(k.firstResponse.medianMs),
              formatHours(k.firstResponse.p90Ms),
              formatHours(k.resolution.medianMs),
              formatHours(k.resolution.p90Ms),
              formatPercent(k.slaFirstResponse.rate),
              formatPercent(k.slaResolution.rate),
            ],
          }))}
        />
        <CsvLink section="summary" query={query} />
      </section>

      <section aria-labelledby="time-title" className="report-section">
        <h2 id="time-title">Reactie- en oplostijd per week</h2>
        <LineChart
          title="Eerste reactie en oplostijd (mediaan, kantooruren)"
          categories={weeks.map((w) => w.label)}
          series={[
            { name: "Eerste reactie, mediaan", values: report.weekly.map((w) => hoursValue(w.firstResponse.medianMs)) },
            { name: "Eerste reactie, p90", values: report.weekly.map((w) => hoursValue(w.firstResponse.p90Ms)) },
            { name: "Oplostijd, mediaan", values: report.weekly.map((w) => hoursValue(w.resolution.medianMs)) },
            { name: "Oplostijd, p90", values: report.weekly.map((w) => hoursValue(w.resolution.p90Ms)) },
          ]}
          formatValue={fmtHours}
          yUnit="uur"
          description="Per week van binnenkomst: hoe lang het duurde tot de eerste reactie en tot de oplossing, in kantooruren."
        />
        <LineChart
          title="SLA op tijd per week"
          categories={weeks.map((w) => w.label)}
          series={[
            { name: "Eerste reactie op tijd", values: report.weekly.map((w) => pct(w.slaFirstResponseRate)) },
            { name: "Oplossing op tijd", values: report.weekly.map((w) => pct(w.slaResolutionRate)) },
          ]}
          formatValue={fmtPct}
          yUnit="%"
          yMax={100}
          description="Deel van de tickets waarvan de termijn gehaald is (tickets die nog lopen tellen niet mee)."
        />
        <CsvLink section="weekly" query={query} />
      </section>

      <section aria-labelledby="volume-title" className="report-section">
        <h2 id="volume-title">Tickets per week</h2>
        <VolumeSection b={report.volume.desk} weeks={weeks} query={query} line />
        <VolumeSection b={report.volume.sector} weeks={weeks} query={query} />
        <VolumeSection b={report.volume.callerType} weeks={weeks} query={query} />
        <VolumeSection b={report.volume.topic} weeks={weeks} query={query} />
        <VolumeSection b={report.volume.tag} weeks={weeks} query={query} />
      </section>

      <section aria-labelledby="contacts-title" className="report-section" data-contact-report>
        <h2 id="contacts-title">Contacten en telefoon</h2>
        <BarChart
          title="Tickets per kanaal"
          labelHeader="Kanaal"
          valueHeader="Tickets"
          table="visible"
          data={contacts.perChannel.map((c) => ({ label: CHANNEL_LABELS[c.channel], value: c.tickets }))}
          description="Binnengekomen tickets in de periode, naar het kanaal waarlangs de vraag kwam."
        />
        <BarChart
          title="Opgelost bij eerste contact (%)"
          labelHeader="Helpdesk"
          valueHeader="Opgelost bij eerste contact"
          table="visible"
          formatValue={fmtPct}
          data={contacts.firstContactResolution.map((d) => ({
            label: deskLabel(d.desk),
            value: pct(d.rate) ?? 0,
            valueLabel:
              d.rate === null
                ? "–"
                : `${formatPercent(d.rate)} (${formatCount(d.answered)} van ${formatCount(d.contacts)})`,
          }))}
          description="Van de gesprekken met een vraag voor de helpdesk: het deel dat tijdens het gesprek is beantwoord."
        />
        <StatTiles
          label="Terugbelverzoeken"
          tiles={[
            {
              label: "Op tijd teruggebeld",
              value: formatPercent(contacts.callbacks.rate),
              tone: slaTone(contacts.callbacks.rate),
              hint: `${formatCount(contacts.callbacks.onTime)} op tijd · ${formatCount(contacts.callbacks.late)} te laat · ${formatCount(contacts.callbacks.open)} nog open`,
            },
          ]}
        />
        <BarChart
          title="Contacten per uur (09.00–13.00)"
          labelHeader="Uur"
          valueHeader="Contacten"
          table="visible"
          data={contacts.perHour.map((h) => ({
            label: `${String(h.hour).padStart(2, "0")}.00–${String(h.hour + 1).padStart(2, "0")}.00`,
            value: h.contacts,
          }))}
          description="Hoeveel gesprekken er per uur begonnen: de drukte die het telefoonrooster moet opvangen."
        />
        <BarChart
          title="Gemiddelde gespreksduur per kanaal"
          labelHeader="Kanaal"
          valueHeader="Gemiddelde duur"
          table="visible"
          data={contacts.handling
            .filter((h) => h.contacts > 0)
            .map((h) => ({
              label: CHANNEL_LABELS[h.channel],
              value: Math.round(((h.averageMs ?? 0) / 60_000) * 10) / 10,
              valueLabel: minutesText(h.averageMs),
            }))}
          description="Van het openen van het contactscherm tot het vastleggen."
        />
        <p className="csv-link">
          <a href={`/desk/rapportages/export?section=contacten&${query}`} download>
            Download als CSV<span className="visually-hidden">: Contacten en telefoon</span>
          </a>
        </p>
      </section>

      <section aria-labelledby="deflection-title" className="report-section">
        <h2 id="deflection-title">Vragen opgelost zonder ticket</h2>
        <p>Hoe vaak de vraaganalyse artikelen liet zien en de bezoeker daarna géén vraag instuurde.</p>
        <StatTiles
          label="Cijfers over de vraaganalyse"
          tiles={[
            {
              label: "Zonder ticket opgelost",
              value: formatPercent(report.deflection.rate),
              hint: `${formatCount(report.deflection.withoutTicket)} van ${formatCount(report.deflection.withoutTicket + report.deflection.outcomes.submitted)} ${report.deflection.withoutTicket + report.deflection.outcomes.submitted === 1 ? "analyse" : "analyses"} met suggesties`,
            },
            {
              label: "Analyses met suggesties",
              value: formatCount(report.deflection.withSuggestions),
              hint: `${formatCountOf(report.deflection.runs, "analyse", "analyses")} gestart`,
            },
            {
              label: "Artikelen geopend",
              value: formatCount(report.deflection.articlesOpened),
              hint: `in ${formatCountOf(report.deflection.runsWithArticleOpened, "analyse", "analyses")}`,
            },
          ]}
        />
        <LineChart
          title="Zonder ticket opgelost per week"
          categories={report.deflection.weekly.map((w) => w.label)}
          series={[{ name: "Zonder ticket (%)", values: report.deflection.weekly.map((w) => pct(w.rate)) }]}
          formatValue={fmtPct}
          yUnit="%"
          yMax={100}
        />
        <CsvLink section="deflection" query={query} />
      </section>

      <section aria-labelledby="searches-title" className="report-section">
        <h2 id="searches-title">Zoekvragen zonder resultaat</h2>
        <p>
          {formatCount(report.searches.zeroResults)} van{" "}
          {formatCountOf(report.searches.total, "zoekopdracht", "zoekopdrachten")} op het portaal{" "}
          {report.searches.zeroResults === 1 ? "gaf" : "gaven"} geen resultaat (
          {formatPercent(report.searches.zeroRate)}). Dit zijn onderwerpen waarvoor misschien een artikel nodig is.
        </p>
        {report.searches.top.length === 0 ? (
          <p className="muted">Geen zoekvragen zonder resultaat in deze periode.</p>
        ) : (
          <ChartTable
            caption="Meest gezochte vragen zonder resultaat"
            mode="visible"
            columns={["Zoekvraag", "Aantal keer", "Laatst gezocht"]}
            rows={report.searches.top.map((s) => ({
              label: s.query,
              cells: [formatCount(s.count), s.lastSearchedAt ? localDate(new Date(s.lastSearchedAt)) : "–"],
            }))}
          />
        )}
        <CsvLink section="searches" query={query} />
      </section>
      <p className="muted">
        Gemaakt op {new Date(report.generatedAt).toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam" })}.
      </p>
    </div>
  );
}
