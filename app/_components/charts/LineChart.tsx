// Line chart for weekly series as inline SVG, rendered on the server. Series differ by colour, dash pattern and
// marker shape (never by colour alone), the legend shows all three, and the table alternative lists every value.
import type { ReactNode } from "react";
import { ChartTable, type TableMode } from "./ChartTable";
import {
  AXIS_COLOR,
  fitText,
  formatNumber,
  GRID_COLOR,
  labelStep,
  niceScale,
  r1,
  seriesStyle,
  textWidth,
  TEXT_COLOR,
  type MarkerShape,
} from "./chart-utils";

export type LineSeries = {
  name: string;
  /** One value per category; null leaves a gap. */ values: readonly (number | null)[];
};

export type LineChartProps = {
  /** Visible title; also the table caption. */
  title: string;
  /** X-axis categories, e.g. week labels ("wk 14"). */
  categories: readonly string[];
  series: readonly LineSeries[];
  /** Header of the first table column (default "Week"). */
  categoryHeader?: string;
  formatValue?: (value: number) => string;
  /** Unit shown above the y-axis, e.g. "uur" or "%". */
  yUnit?: string;
  /** Fixed top of the y-axis (e.g. 100 for percentages); rounded up from the data when left out. */
  yMax?: number;
  summary?: string;
  description?: string;
  table?: TableMode;
  width?: number;
  height?: number;
  emptyText?: string;
};

const FONT = 12;

/** A marker shape centred on (x, y). */
export function Marker({
  shape,
  x,
  y,
  color,
  size = 4,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  color: string;
  size?: number;
}): ReactNode {
  const s = size;
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={s} fill={color} />;
    case "ring":
      return <circle cx={x} cy={y} r={s} fill="#fff" stroke={color} strokeWidth={2} />;
    case "square":
      return <rect x={r1(x - s)} y={r1(y - s)} width={2 * s} height={2 * s} fill={color} />;
    case "triangle":
      return (
        <path
          d={`M${r1(x)} ${r1(y - s - 1)}L${r1(x + s + 1)} ${r1(y + s)}L${r1(x - s - 1)} ${r1(y + s)}Z`}
          fill={color}
        />
      );
    case "diamond":
      return (
        <path
          d={`M${r1(x)} ${r1(y - s - 1)}L${r1(x + s + 1)} ${r1(y)}L${r1(x)} ${r1(y + s + 1)}L${r1(x - s - 1)} ${r1(y)}Z`}
          fill={color}
        />
      );
    case "cross":
      return (
        <path
          d={`M${r1(x - s)} ${r1(y - s)}L${r1(x + s)} ${r1(y + s)}M${r1(x + s)} ${r1(y - s)}L${r1(x - s)} ${r1(y + s)}`}
          stroke={color}
          strokeWidth={2.5}
        />
      );
  }
}

/** Dutch summary of a line chart for its aria-label: per series the last and the highest value. */
export function lineSummary(
  title: string,
  categories: readonly string[],
  series: readonly LineSeries[],
  format: (v: number) => string,
): string {
  if (categories.length === 0 || series.length === 0) return `${title}: geen gegevens.`;
  const parts = [
    `${title}: lijndiagram met ${series.length} ${series.length === 1 ? "lijn" : "lijnen"}, van ${categories[0]} tot ${categories[categories.length - 1]}.`,
  ];
  for (const s of series) {
    let hi = -1;
    let last = -1;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return;
      last = i;
      if (hi < 0 || v > s.values[hi]!) hi = i;
    });
    if (last < 0) parts.push(`${s.name}: geen waarden.`);
    else
      parts.push(
        `${s.name}: laatste ${format(s.values[last]!)} (${categories[last]}), hoogste ${format(s.values[hi]!)} (${categories[hi]}).`,
      );
  }
  parts.push("Alle waarden staan in de tabel bij de grafiek.");
  return parts.join(" ");
}

/** A multi-series line chart with legend, markers, an aria-label summary and a table alternative. */
export function LineChart(props: LineChartProps) {
  const {
    title,
    categories,
    series,
    categoryHeader = "Week",
    formatValue = formatNumber,
    yUnit,
    description,
    table = "details",
    width = 640,
    height = 260,
    emptyText = "Geen gegevens in deze periode.",
  } = props;
  const summary = props.summary ?? lineSummary(title, categories, series, formatValue);
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const empty = categories.length === 0 || series.length === 0 || values.length === 0;

  return (
    <figure style={{ margin: "1.5rem 0" }}>
      <figcaption>
        <strong>{title}</strong>
        {description ? <span className="hint">{description}</span> : null}
      </figcaption>
      {empty ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          {plot({ categories, series, formatValue, yUnit, yMax: props.yMax, width, height, summary, values })}
          <ul
            aria-label="Legenda"
            style={{
              listStyle: "none",
              padding: 0,
              margin: "0.5rem 0 0",
              display: "flex",
              flexWrap: "wrap",
              gap: "0.25rem 1.25rem",
            }}
          >
            {series.map((s, i) => {
              const st = seriesStyle(i);
              return (
                <li key={i} style={{ display: "flex", alignItems: "center", gap: "0.4rem" }}>
                  <svg width="40" height="14" viewBox="0 0 40 14" aria-hidden="true" focusable="false">
                    <line x1={2} x2={38} y1={7} y2={7} stroke={st.color} strokeWidth={2.5} strokeDasharray={st.dash} />
                    <Marker shape={st.marker} x={20} y={7} color={st.color} />
                  </svg>
                  <span>{s.name}</span>
                </li>
              );
            })}
          </ul>
          <ChartTable
            caption={title}
            columns={[categoryHeader, ...series.map((s) => s.name)]}
            rows={categories.map((c, i) => ({
              label: c,
              cells: series.map((s) => {
                const v = s.values[i];
                return v === null || v === undefined || !Number.isFinite(v) ? "–" : formatValue(v);
              }),
            }))}
            mode={table}
          />
        </>
      )}
    </figure>
  );
}

type PlotInput = {
  categories: readonly string[];
  series: readonly LineSeries[];
  formatValue: (v: number) => string;
  yUnit?: string;
  yMax?: number;
  width: number;
  height: number;
  summary: string;
  values: number[];
};

function plot({ categories, series, formatValue, yUnit, yMax, width, height, summary, values }: PlotInput) {
  const dataMax = Math.max(0, ...values);
  const scale = yMax && yMax >= dataMax ? { max: yMax, step: yMax / 4 } : niceScale(dataMax || 1);
  const ticks = [0, 1, 2, 3, 4].map((k) => k * scale.step);
  const left = Math.max(
    Math.max(...ticks.map((t) => textWidth(formatValue(t), FONT))) + 12,
    textWidth(categories[0] ?? "", FONT) / 2 + 4,
  );
  const top = yUnit ? 22 : 10;
  const right = Math.max(12, textWidth(categories[categories.length - 1] ?? "", FONT) / 2 + 4);
  const bottom = 26;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = categories.length;
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => top + plotH - (Math.min(v, scale.max) / scale.max) * plotH;
  const step = labelStep(
    n,
    plotW + plotW / Math.max(1, n - 1),
    Math.max(...categories.map((c) => textWidth(c, FONT))) + 10,
  );

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
      {yUnit ? (
        <text x={4} y={12} fill={TEXT_COLOR}>
          {yUnit}
        </text>
      ) : null}
      {ticks.map((t, k) => (
        <g key={k}>
          <line
            x1={left}
            x2={width - right}
            y1={r1(y(t))}
            y2={r1(y(t))}
            stroke={k === 0 ? AXIS_COLOR : GRID_COLOR}
            strokeWidth={1}
          />
          <text x={left - 6} y={r1(y(t))} textAnchor="end" dominantBaseline="middle" fill={TEXT_COLOR}>
            {formatValue(t)}
          </text>
        </g>
      ))}
      {categories.map((c, i) =>
        i % step === 0 ? (
          <text key={i} x={r1(x(i))} y={height - 8} textAnchor="middle" fill={TEXT_COLOR}>
            {fitText(c, (plotW / Math.max(1, n - 1)) * step, FONT)}
          </text>
        ) : null,
      )}
      {series.map((s, si) => {
        const st = seriesStyle(si);
        // Null values split the line; a point alone still gets its marker.
        let d = "";
        let pen = false;
        s.values.forEach((v, i) => {
          if (i >= n || v === null || !Number.isFinite(v)) {
            pen = false;
            return;
          }
          d += `${pen ? "L" : "M"}${r1(x(i))} ${r1(y(v))}`;
          pen = true;
        });
        return (
          <g key={si}>
            <path
              d={d}
              fill="none"
              stroke={st.color}
              strokeWidth={2.5}
              strokeDasharray={st.dash}
              strokeLinejoin="round"
            />
            {s.values.map((v, i) =>
              i < n && v !== null && Number.isFinite(v) ? (
                <g key={i}>
                  <title>{`${s.name}, ${categories[i]}: ${formatValue(v)}`}</title>
                  <Marker shape={st.marker} x={r1(x(i))} y={r1(y(v))} color={st.color} />
                </g>
              ) : null,
            )}
          </g>
        );
      })}
    </svg>
  );
}
