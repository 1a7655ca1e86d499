// Bar chart as inline SVG, rendered on the server (no client JS, no chart library). The SVG is one image with a
// spoken summary; every value is also printed next to its bar and listed in the table alternative.
import { ChartTable, type TableMode } from "./ChartTable";
import {
  AXIS_COLOR,
  BAR_COLOR,
  fitText,
  formatNumber,
  GRID_COLOR,
  labelStep,
  niceScale,
  r1,
  textWidth,
  TEXT_COLOR,
} from "./chart-utils";

export type BarDatum = {
  label: string;
  value: number;
  /** Printed instead of the formatted value. */ valueLabel?: string;
};

export type BarChartProps = {
  /** Visible title; also the table caption. */
  title: string;
  data: readonly BarDatum[];
  /** horizontal (default) suits long category names; vertical suits weeks. */
  orientation?: "horizontal" | "vertical";
  /** Column headers of the table alternative. */
  labelHeader?: string;
  valueHeader?: string;
  formatValue?: (value: number) => string;
  /** Spoken summary of the image; a summary of the highest and lowest values is made when left out. */
  summary?: string;
  /** A short explanation under the title (what is counted, which unit). */
  description?: string;
  /** "details" folds the table under the chart (default); "visible" always shows it. */
  table?: TableMode;
  /** Bar colour; keep ≥ 3:1 against white. */
  color?: string;
  /** Natural width in px; the SVG scales down on narrow screens. */
  width?: number;
  emptyText?: string;
};

const FONT = 13;

/** Dutch summary of a bar chart for its aria-label. */
export function barSummary(title: string, data: readonly BarDatum[], format: (v: number) => string): string {
  if (data.length === 0) return `${title}: geen gegevens.`;
  let hi = data[0]!;
  let lo = data[0]!;
  for (const d of data) {
    if (d.value > hi.value) hi = d;
    if (d.value < lo.value) lo = d;
  }
  const show = (d: BarDatum) => `${d.label} (${d.valueLabel ?? format(d.value)})`;
  const parts = [`${title}: staafdiagram met ${data.length} ${data.length === 1 ? "staaf" : "staven"}.`];
  if (data.length === 1) parts.push(`${show(hi)}.`);
  else parts.push(`Hoogste: ${show(hi)}. Laagste: ${show(lo)}.`);
  parts.push("Alle waarden staan in de tabel bij de grafiek.");
  return parts.join(" ");
}

/** A bar chart with value labels, an aria-label summary and a table alternative. */
export function BarChart(props: BarChartProps) {
  const {
    title,
    data,
    orientation = "horizontal",
    labelHeader = "Categorie",
    valueHeader = "Aantal",
    formatValue = formatNumber,
    description,
    table = "details",
    color = BAR_COLOR,
    width = 640,
    emptyText = "Geen gegevens in deze periode.",
  } = props;
  const shown = (d: BarDatum) => d.valueLabel ?? formatValue(d.value);
  const summary = props.summary ?? barSummary(title, data, formatValue);
  const max = Math.max(0, ...data.map((d) => (Number.isFinite(d.value) ? d.value : 0)));

  return (
    <figure style={{ margin: "1.5rem 0" }}>
      <figcaption>
        <strong>{title}</strong>
        {description ? <span className="hint">{description}</span> : null}
      </figcaption>
      {data.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          {orientation === "horizontal"
            ? horizontal(data, { width, max, color, summary, shown })
            : vertical(data, { width, max, color, summary, shown })}
          <ChartTable
            caption={title}
            columns={[labelHeader, valueHeader]}
            rows={data.map((d) => ({ label: d.label, cells: [shown(d)] }))}
            mode={table}
          />
        </>
      )}
    </figure>
  );
}

type Layout = { width: number; max: number; color: string; summary: string; shown: (d: BarDatum) => string };
const barLength = (v: number, max: number, span: number) => (max > 0 && v > 0 ? (Math.min(v, max) / max) * span : 0);

function horizontal(data: readonly BarDatum[], { width, max, color, summary, shown }: Layout) {
  const rowH = 28;
  const barH = 18;
  const pad = 4;
  const labelW = Math.min(width * 0.4, Math.max(48, ...data.map((d) => textWidth(d.label, FONT))) + 8);
  const valueW = Math.max(32, ...data.map((d) => textWidth(shown(d), FONT))) + 8;
  const span = Math.max(40, width - labelW - valueW - pad);
  const height = data.length * rowH + pad * 2;
  return (
    <svg
      role="img"
      aria-label={summary}
      focusable="false"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, height: "auto", display: "block" }}
      fontSize={FONT}
      fontFamily="inherit"
    >
      <line x1={labelW} x2={labelW} y1={0} y2={height} stroke={AXIS_COLOR} strokeWidth={1} />
      {data.map((d, i) => {
        const y = pad + i * rowH;
        const len = barLength(d.value, max, span);
        const label = fitText(d.label, labelW - 8, FONT);
        return (
          <g key={i}>
            <title>{`${d.label}: ${shown(d)}`}</title>
            <text x={labelW - 6} y={y + rowH / 2} dominantBaseline="middle" textAnchor="end" fill={TEXT_COLOR}>
              {label}
            </text>
            <rect x={labelW} y={y + (rowH - barH) / 2} width={r1(len)} height={barH} fill={color} />
            <text
              x={r1(labelW + len + 6)}
              y={y + rowH / 2}
              dominantBaseline="middle"
              fill={TEXT_COLOR}
              fontWeight={600}
            >
              {shown(d)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function vertical(data: readonly BarDatum[], { width, max, color, summary, shown }: Layout) {
  const font = FONT - 1;
  const axisLabelW = Math.max(...data.map((d) => textWidth(d.label, font)));
  // Room at both ends so the first and last axis labels are not cut off.
  const left = Math.min(width / 4, Math.max(4, axisLabelW / 2 - 4));
  const slot = (width - 2 * left) / data.length;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const valueW = Math.max(...data.map((d) => textWidth(shown(d), font)));
  // Value labels sit level above each bar; when they are wider than a bar's slot they turn upright. Only when
  // even an upright label has no room (hundreds of bars) do they go, and the table and tooltips carry the values.
  // Bold digits run wider than the estimate; keep a margin so neighbours never touch.
  const labelMode = valueW * 1.15 + 4 <= slot ? "level" : slot >= font * 0.8 ? "upright" : "none";
  const top = labelMode === "upright" ? r1(valueW + 8) : 22;
  const plotH = 180;
  const bottom = 24;
  const height = top + plotH + bottom;
  const step = labelStep(data.length, width - 2 * left, axisLabelW + 8);
  const scale = niceScale(max || 1);
  return (
    <svg
      role="img"
      aria-label={summary}
      focusable="false"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, height: "auto", display: "block" }}
      fontSize={font}
      fontFamily="inherit"
    >
      {[1, 2, 3, 4].map((k) => {
        const y = r1(top + plotH - (plotH * (k * scale.step)) / scale.max);
        return <line key={k} x1={left} x2={width - left} y1={y} y2={y} stroke={GRID_COLOR} strokeWidth={1} />;
      })}
      <line x1={left} x2={width - left} y1={top + plotH} y2={top + plotH} stroke={AXIS_COLOR} strokeWidth={1} />
      {data.map((d, i) => {
        const cx = r1(left + slot * i + slot / 2);
        const len = barLength(d.value, scale.max, plotH);
        const vy = r1(top + plotH - len - 5);
        return (
          <g key={i}>
            <title>{`${d.label}: ${shown(d)}`}</title>
            <rect x={r1(cx - barW / 2)} y={r1(top + plotH - len)} width={r1(barW)} height={r1(len)} fill={color} />
            {labelMode === "level" ? (
              <text x={cx} y={vy} textAnchor="middle" fill={TEXT_COLOR} fontWeight={600}>
                {shown(d)}
              </text>
            ) : labelMode === "upright" ? (
              <text
                x={cx}
                y={vy}
                transform={`rotate(-90 ${cx} ${vy})`}
                dominantBaseline="middle"
                fill={TEXT_COLOR}
                fontWeight={600}
              >
                {shown(d)}
              </text>
            ) : null}
            {i % step === 0 ? (
              <text x={cx} y={top + plotH + 16} textAnchor="middle" fill={TEXT_COLOR}>
                {fitText(d.label, slot * step - 4, font)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
