// Small pieces the report sections share: value conversions for the charts, Dutch number formats, the SLA tone of a
// tile and the CSV download link of a section.
import type { StatTile } from "@/app/_components/charts/StatTiles";
import { REPORT_SECTIONS, type ReportSection } from "@/app/_modules/reports/service";

const HOUR = 3_600_000;
/** Milliseconds as hours with one decimal (null stays null: no data that week). */
export const hoursValue = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);
/** A rate 0..1 as a percentage with one decimal. */
export const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
export const fmtHours = (v: number) => `${v.toLocaleString("nl-NL", { maximumFractionDigits: 1 })} uur`;
export const fmtPct = (v: number) => `${v.toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;

/** Green from 90%, orange from 75%, red below. */
export function slaTone(rate: number | null): StatTile["tone"] {
  if (rate === null) return "neutral";
  return rate >= 0.9 ? "good" : rate >= 0.75 ? "warning" : "bad";
}

export function CsvLink({ section, query, label }: { section: ReportSection; query: string; label?: string }) {
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
