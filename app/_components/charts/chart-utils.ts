// Shared helpers for the SVG charts: colours that pass WCAG 1.4.11 (≥ 3:1 against white), dash patterns and
// markers so series never differ by colour alone, axis scales and Dutch number formatting. Pure.

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross" | "ring";
export type SeriesStyle = { color: string; dash: string | undefined; marker: MarkerShape; dashName: string };

/** Bar colour (the portal's dark blue, 10:1 on white). */
export const BAR_COLOR = "#154273";
/** Text and axis colours; the axis grey still has 4.8:1 on white. */
export const TEXT_COLOR = "#1a1a1a";
export const AXIS_COLOR = "#6b7480";
export const GRID_COLOR = "#dfe3e8";

/** Series styles in order: each has its own colour, dash pattern and marker. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: "#154273", dash: undefined, marker: "circle", dashName: "doorgetrokken lijn" },
  { color: "#a4161a", dash: "8 4", marker: "square", dashName: "streepjeslijn" },
  { color: "#1d6b2f", dash: "2 4", marker: "triangle", dashName: "stippellijn" },
  { color: "#7a4d00", dash: "10 3 2 3", marker: "diamond", dashName: "streep-stiplijn" },
  { color: "#5b2a86", dash: "14 5", marker: "cross", dashName: "lange streepjes" },
  { color: "#00606b", dash: "4 2", marker: "ring", dashName: "korte streepjes" },
];

/** The style of the i-th series (repeats after the last). */
export function seriesStyle(i: number): SeriesStyle {
  return SERIES_STYLES[((i % SERIES_STYLES.length) + SERIES_STYLES.length) % SERIES_STYLES.length]!;
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`Expected a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1]!, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** A round axis maximum ≥ `max` with `ticks` equal steps of 1, 1.5, 2, 2.5, 3, 4, 5 or 7.5 × 10^k. */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: ticks, step: 1 };
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10].map((f) => f * pow).find((s) => s >= raw - 1e-12)!;
  return { max: step * ticks, step };
}

const nl = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
/** Default value formatting: Dutch separators, at most one decimal. */
export function formatNumber(v: number): string {
  return nl.format(v);
}

/** Rough text width in SVG user units (system fonts average ~0.58 em per character). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

/** The text cut to fit `width` with an ellipsis. */
export function fitText(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * 0.58)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Show every n-th category label so labels of `labelWidth` do not overlap across `width`. */
export function labelStep(count: number, width: number, labelWidth: number): number {
  if (count <= 0) return 1;
  const fit = Math.max(1, Math.floor(width / Math.max(1, labelWidth)));
  return Math.max(1, Math.ceil(count / fit));
}

/** Rounds coordinates so the markup stays short and stable. */
export const r1 = (v: number) => Math.round(v * 10) / 10;
