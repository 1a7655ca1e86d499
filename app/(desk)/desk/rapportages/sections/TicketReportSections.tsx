// The ticket sections of the report page: overview (key figures per desk), response and resolution time per week,
// tickets per week by dimension, deflection by the question analysis, and searches without results. Every chart
// has a table alternative and every section a CSV download.
import { BarChart } from "@/app/_components/charts/BarChart";
import { ChartTable } from "@/app/_components/charts/ChartTable";
import { LineChart } from "@/app/_components/charts/LineChart";
import { StatTiles, type StatTile } from "@/app/_components/charts/StatTiles";
import type { Breakdown, Dimension, Kpis, Report } from "@/app/_modules/reports/service";
import { formatCount, formatCountOf, formatHours, formatPercent, localDate } from "@/app/_modules/reports/stats";
import { CsvLink, fmtHours, fmtPct, hoursValue, pct, slaTone } from "./report-parts";

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

export function OverviewSection({ report, query }: { report: Report; query: string }) {
  return (
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
  );
}

export function TimesSection({ report, query }: { report: Report; query: string }) {
  const categories = report.weeks.map((w) => w.label);
  return (
    <section aria-labelledby="time-title" className="report-section">
      <h2 id="time-title">Reactie- en oplostijd per week</h2>
      <LineChart
        title="Eerste reactie en oplostijd (mediaan, kantooruren)"
        categories={categories}
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
        categories={categories}
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
  );
}

export function VolumeSections({ report, query }: { report: Report; query: string }) {
  const weeks = report.weeks;
  return (
    <section aria-labelledby="volume-title" className="report-section">
      <h2 id="volume-title">Tickets per week</h2>
      <VolumeSection b={report.volume.desk} weeks={weeks} query={query} line />
      <VolumeSection b={report.volume.sector} weeks={weeks} query={query} />
      <VolumeSection b={report.volume.callerType} weeks={weeks} query={query} />
      <VolumeSection b={report.volume.topic} weeks={weeks} query={query} />
      <VolumeSection b={report.volume.tag} weeks={weeks} query={query} />
      <VolumeSection b={report.volume.organisation} weeks={weeks} query={query} />
      <VolumeSection b={report.volume.school} weeks={weeks} query={query} />
    </section>
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

export function DeflectionSection({ deflection: d, query }: { deflection: Report["deflection"]; query: string }) {
  const analysesWithSuggestions = d.withoutTicket + d.outcomes.submitted;
  return (
    <section aria-labelledby="deflection-title" className="report-section">
      <h2 id="deflection-title">Vragen opgelost zonder ticket</h2>
      <p>Hoe vaak de vraaganalyse artikelen liet zien en de bezoeker daarna géén vraag instuurde.</p>
      <StatTiles
        label="Cijfers over de vraaganalyse"
        tiles={[
          {
            label: "Zonder ticket opgelost",
            value: formatPercent(d.rate),
            hint: `${formatCount(d.withoutTicket)} van ${formatCount(analysesWithSuggestions)} ${analysesWithSuggestions === 1 ? "analyse" : "analyses"} met suggesties`,
          },
          {
            label: "Analyses met suggesties",
            value: formatCount(d.withSuggestions),
            hint: `${formatCountOf(d.runs, "analyse", "analyses")} gestart`,
          },
          {
            label: "Artikelen geopend",
            value: formatCount(d.articlesOpened),
            hint: `in ${formatCountOf(d.runsWithArticleOpened, "analyse", "analyses")}`,
          },
        ]}
      />
      <LineChart
        title="Zonder ticket opgelost per week"
        categories={d.weekly.map((w) => w.label)}
        series={[{ name: "Zonder ticket (%)", values: d.weekly.map((w) => pct(w.rate)) }]}
        formatValue={fmtPct}
        yUnit="%"
        yMax={100}
      />
      <CsvLink section="deflection" query={query} />
    </section>
  );
}

export function SearchesSection({ searches: s, query }: { searches: Report["searches"]; query: string }) {
  return (
    <section aria-labelledby="searches-title" className="report-section">
      <h2 id="searches-title">Zoekvragen zonder resultaat</h2>
      <p>
        {formatCount(s.zeroResults)} van {formatCountOf(s.total, "zoekopdracht", "zoekopdrachten")} op het portaal{" "}
        {s.zeroResults === 1 ? "gaf" : "gaven"} geen resultaat ({formatPercent(s.zeroRate)}). Dit zijn onderwerpen
        waarvoor misschien een artikel nodig is.
      </p>
      {s.top.length === 0 ? (
        <p className="muted">Geen zoekvragen zonder resultaat in deze periode.</p>
      ) : (
        <ChartTable
          caption="Meest gezochte vragen zonder resultaat"
          mode="visible"
          columns={["Zoekvraag", "Aantal keer", "Laatst gezocht"]}
          rows={s.top.map((x) => ({
            label: x.query,
            cells: [formatCount(x.count), x.lastSearchedAt ? localDate(new Date(x.lastSearchedAt)) : "–"],
          }))}
        />
      )}
      <CsvLink section="searches" query={query} />
    </section>
  );
}
