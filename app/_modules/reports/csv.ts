// The report's CSV downloads: one file per section (`;`-separated, decimal comma, UTF-8 with BOM, formula-safe).
import "server-only";
import { ValidationError } from "@/app/_core/errors";
import { DIMENSION_TITLES, type Kpis, type Report } from "./report-types";
import { encodeCsv, localDate, type CsvCell } from "./stats";

export const REPORT_SECTIONS = [
  { id: "summary", title: "Overzicht per helpdesk", file: "overzicht" },
  { id: "weekly", title: "Reactie- en oplostijd per week", file: "per-week" },
  { id: "desk", title: DIMENSION_TITLES.desk, file: "tickets-per-helpdesk" },
  { id: "sector", title: DIMENSION_TITLES.sector, file: "tickets-per-sector" },
  { id: "callerType", title: DIMENSION_TITLES.callerType, file: "tickets-per-soort-melder" },
  { id: "topic", title: DIMENSION_TITLES.topic, file: "tickets-per-onderwerp" },
  { id: "tag", title: DIMENSION_TITLES.tag, file: "tickets-per-tag" },
  { id: "organisation", title: DIMENSION_TITLES.organisation, file: "tickets-per-organisatie" },
  { id: "school", title: DIMENSION_TITLES.school, file: "tickets-per-school" },
  { id: "deflection", title: "Vragen opgelost zonder ticket", file: "zonder-ticket" },
  { id: "searches", title: "Zoekvragen zonder resultaat", file: "zoeken-zonder-resultaat" },
  { id: "articleLinks", title: "Antwoorden met een artikel", file: "antwoorden-met-artikel" },
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number]["id"];

/** True for a known CSV section id (use to validate `?section=`). */
export function isReportSection(value: unknown): value is ReportSection {
  return REPORT_SECTIONS.some((s) => s.id === value);
}

/** File name for a section's CSV download, e.g. "rapportage-per-week-2026-02-02-tot-2026-03-29.csv". */
export function csvFileName(report: Pick<Report, "period">, section: ReportSection): string {
  const s = REPORT_SECTIONS.find((x) => x.id === section)!;
  return `rapportage-${s.file}-${report.period.from}-tot-${report.period.to}.csv`;
}

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100);
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function kpiCells(k: Kpis): CsvCell[] {
  return [
    k.created,
    k.answered,
    hours(k.firstResponse.medianMs),
    hours(k.firstResponse.p90Ms),
    k.resolved,
    hours(k.resolution.medianMs),
    hours(k.resolution.p90Ms),
    k.slaFirstResponse.met,
    k.slaFirstResponse.breached,
    k.slaFirstResponse.pending,
    pct(k.slaFirstResponse.rate),
    k.slaResolution.met,
    k.slaResolution.breached,
    k.slaResolution.pending,
    pct(k.slaResolution.rate),
  ];
}

/** One report section as CSV (`;`-separated, decimal comma, UTF-8 with BOM, formula-safe); hours are business hours. */
export function reportToCsv(report: Report, section: ReportSection): string {
  let rows: CsvCell[][];
  switch (section) {
    case "summary":
      rows = [
        [
          "Helpdesk",
          "Tickets",
          "Beantwoord",
          "Eerste reactie mediaan (uur)",
          "Eerste reactie p90 (uur)",
          "Opgelost",
          "Oplostijd mediaan (uur)",
          "Oplostijd p90 (uur)",
          "Eerste reactie op tijd",
          "Eerste reactie te laat",
          "Eerste reactie loopt nog",
          "Eerste reactie op tijd (%)",
          "Oplossing op tijd",
          "Oplossing te laat",
          "Oplossing loopt nog",
          "Oplossing op tijd (%)",
        ],
        ...report.kpisByDesk.map((d) => [d.label, ...kpiCells(d.kpis)]),
        ["Totaal", ...kpiCells(report.kpis)],
      ];
      break;
    case "weekly":
      rows = [
        [
          "Week",
          "Begint op",
          "Tickets",
          "Eerste reactie mediaan (uur)",
          "Eerste reactie p90 (uur)",
          "Oplostijd mediaan (uur)",
          "Oplostijd p90 (uur)",
          "Eerste reactie op tijd (%)",
          "Oplossing op tijd (%)",
        ],
        ...report.weekly.map((w) => [
          w.week,
          w.start,
          w.created,
          hours(w.firstResponse.medianMs),
          hours(w.firstResponse.p90Ms),
          hours(w.resolution.medianMs),
          hours(w.resolution.p90Ms),
          pct(w.slaFirstResponseRate),
          pct(w.slaResolutionRate),
        ]),
      ];
      break;
    case "desk":
    case "sector":
    case "callerType":
    case "topic":
    case "tag":
    case "organisation":
    case "school": {
      const b = report.volume[section];
      const head = {
        desk: "Helpdesk",
        sector: "Sector",
        callerType: "Soort melder",
        topic: "Onderwerp",
        tag: "Tag",
        organisation: "Organisatie",
        school: "School",
      }[section];
      const byOrganisation = section === "organisation" || section === "school";
      rows = [
        [head, "Code", "Totaal", ...report.weeks.map((w) => w.key)],
        ...b.rows.map((r) => [r.label, byOrganisation ? (r.code ?? "") : r.key, r.total, ...r.perWeek]),
      ];
      break;
    }
    case "deflection": {
      const d = report.deflection;
      rows = [
        [
          "Week",
          "Vraaganalyses met suggesties",
          "Zonder ticket afgerond",
          "Toch ticket ingediend",
          "Zonder ticket (%)",
        ],
        ...d.weekly.map((w) => [w.week, w.withSuggestions, w.withoutTicket, w.submitted, pct(w.rate)]),
        ["Totaal", d.withSuggestions, d.withoutTicket, d.outcomes.submitted, pct(d.rate)],
      ];
      break;
    }
    case "searches":
      rows = [
        ["Zoekvraag", "Aantal keer", "Laatst gezocht"],
        ...report.searches.top.map((s) => [
          s.query,
          s.count,
          s.lastSearchedAt ? localDate(new Date(s.lastSearchedAt)) : "",
        ]),
      ];
      break;
    case "articleLinks": {
      const a = report.articleLinks;
      const line = (kind: string, r: { label: string; replies: number; withArticle: number; rate: number | null }) => [
        kind,
        r.label,
        r.replies,
        r.withArticle,
        pct(r.rate),
      ];
      rows = [
        ["Indeling", "Naam", "Antwoorden", "Met een artikel", "Met een artikel (%)"],
        ...a.byDesk.map((r) => line("Helpdesk", r)),
        ...a.byTopic.map((r) => line("Onderwerp", r)),
        line("Totaal", { label: "Alle antwoorden", ...a }),
      ];
      break;
    }
    default: {
      const never: never = section;
      throw new ValidationError(`Onbekend onderdeel: ${String(never)}`);
    }
  }
  return encodeCsv(rows);
}
