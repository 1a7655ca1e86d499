// Server rendering of the charts (no snapshots): summaries, value labels, table alternatives, legend patterns.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, barSummary, type BarChartProps } from "./BarChart";
import {
  contrastRatio,
  fitText,
  labelStep,
  niceScale,
  SERIES_STYLES,
  BAR_COLOR,
  AXIS_COLOR,
  TEXT_COLOR,
} from "./chart-utils";
import { LineChart, lineSummary, type LineChartProps } from "./LineChart";
import { StatTiles } from "./StatTiles";

const bar = (p: BarChartProps) => renderToStaticMarkup(h(BarChart, p));
const line = (p: LineChartProps) => renderToStaticMarkup(h(LineChart, p));
const doc = (html: string) => {
  // A tiny DOM-free reader: enough to count and pick elements in the static markup.
  const count = (re: RegExp) => (html.match(re) ?? []).length;
  return { html, count };
};
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
const ariaLabel = (html: string) => decode(/<svg[^>]*role="img"[^>]*aria-label="([^"]*)"/.exec(html)?.[1] ?? "");
const tableCells = (html: string) => [...html.matchAll(/<(th|td)[^>]*>([^<]*)<\/\1>/g)].map((m) => decode(m[2]!));

const topics = [
  { label: "Verzuim melden", value: 42 },
  { label: "Verlof", value: 7 },
  { label: "Persoonsgebonden nummer en onderwijsnummer van leerlingen", value: 1234.5 },
];

describe("BarChart", () => {
  it.each(["horizontal", "vertical"] as const)(
    "%s: an image with a summary, value labels and a folded table",
    (orientation) => {
      const html = bar({
        title: "Tickets per onderwerp",
        data: topics,
        orientation,
        labelHeader: "Onderwerp",
        valueHeader: "Tickets",
      });
      const d = doc(html);
      expect(d.count(/<svg[^>]*role="img"/g)).toBe(1);
      expect(ariaLabel(html)).toBe(
        "Tickets per onderwerp: staafdiagram met 3 staven. Hoogste: Persoonsgebonden nummer en onderwijsnummer van leerlingen (1.234,5). Laagste: Verlof (7). Alle waarden staan in de tabel bij de grafiek.",
      );
      expect(d.count(/<rect /g)).toBe(3);
      // Every value is printed in the SVG as text, not only in the table.
      const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
      for (const v of ["42", "7", "1.234,5"]) expect(svg).toContain(`>${v}</text>`);
      expect(html).toMatch(/<details[^>]*><summary[^>]*>Bekijk de cijfers als tabel<\/summary>/);
      expect(html).toMatch(/<caption[^>]*>Tickets per onderwerp<\/caption>/);
      expect(tableCells(html)).toEqual([
        "Onderwerp",
        "Tickets",
        "Verzuim melden",
        "42",
        "Verlof",
        "7",
        "Persoonsgebonden nummer en onderwijsnummer van leerlingen",
        "1.234,5",
      ]);
      expect(html).toContain('<th scope="row"');
      expect(html).toContain("<figcaption><strong>Tickets per onderwerp</strong>");
    },
  );

  it("scales bars to the largest value", () => {
    const html = bar({
      title: "T",
      data: [
        { label: "a", value: 10 },
        { label: "b", value: 5 },
        { label: "c", value: 0 },
      ],
      width: 400,
    });
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[1]).toBeCloseTo(widths[0]! / 2, 0);
    expect(widths[2]).toBe(0);
  });

  it("can show the table always, with custom value labels and summary", () => {
    const html = bar({
      title: "Eerste reactie",
      data: [{ label: "BRON PO", value: 3.5, valueLabel: "3,5 uur" }],
      table: "visible",
      summary: "Eigen samenvatting",
    });
    expect(html).not.toContain("<details");
    expect(html).toContain("<table");
    expect(ariaLabel(html)).toBe("Eigen samenvatting");
    expect(html).toContain(">3,5 uur</text>");
    expect(tableCells(html)).toContain("3,5 uur");
  });

  it("shows a message instead of an empty chart", () => {
    const html = bar({ title: "Tickets per tag", data: [], emptyText: "Nog geen tags gebruikt." });
    expect(html).not.toContain("<svg");
    expect(html).toContain("Nog geen tags gebruikt.");
  });

  it("keeps value labels readable with many vertical bars (upright text)", () => {
    const data = Array.from({ length: 53 }, (_, i) => ({ label: `wk ${i + 1}`, value: 1000 + i }));
    const html = bar({ title: "Per week", data, orientation: "vertical" });
    expect(doc(html).count(/transform="rotate\(-90/g)).toBe(53);
    // Not every axis label fits; the ones shown do not overlap.
    const axisLabels = doc(html).count(/>wk \d+<\/text>/g);
    expect(axisLabels).toBeGreaterThan(5);
    expect(axisLabels).toBeLessThan(53);
    expect(tableCells(html)).toHaveLength(2 + 53 * 2);
  });

  it("escapes labels", () => {
    const html = bar({ title: "<b>x</b>", data: [{ label: "<script>alert(1)</script>", value: 1 }] });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>x</b>");
  });

  it("summarises a single bar", () => {
    expect(barSummary("T", [{ label: "a", value: 2 }], String)).toBe(
      "T: staafdiagram met 1 staaf. a (2). Alle waarden staan in de tabel bij de grafiek.",
    );
    expect(barSummary("T", [], String)).toBe("T: geen gegevens.");
  });
});

describe("LineChart", () => {
  const weeks = ["wk 10", "wk 11", "wk 12", "wk 13"];
  const props: LineChartProps = {
    title: "Eerste reactie per week",
    categories: weeks,
    series: [
      { name: "BRON PO", values: [2, 3.5, null, 1] },
      { name: "IPO", values: [4, 4, 5, 6] },
      { name: "Alle helpdesks", values: [3, 3.8, 5, 4] },
    ],
    yUnit: "uur",
  };

  it("draws one line per series, with its own dash pattern and markers", () => {
    const html = line(props);
    const paths = [...html.matchAll(/<path d="(M[^"]*)" fill="none"[^>]*>/g)];
    expect(paths).toHaveLength(3);
    expect(new Set(paths.map((p) => /stroke-dasharray="([^"]+)"/.exec(p[0])?.[1] ?? "solid")).size).toBe(3);
    expect(new Set(paths.map((p) => /stroke="([^"]+)"/.exec(p[0])?.[1])).size).toBe(3);
    // The null splits BRON PO's line in two pieces.
    expect(paths[0]![1]!.match(/M/g)).toHaveLength(2);
    // Markers carry a tooltip with series, week and value.
    expect(html).toContain("<title>BRON PO, wk 11: 3,5</title>");
    expect(doc(html).count(/<title>/g)).toBe(11);
  });

  it("has a legend showing line and marker, and a table with every value", () => {
    const html = line(props);
    expect(html).toMatch(/<ul aria-label="Legenda"/);
    const legend = html.slice(html.indexOf('<ul aria-label="Legenda"'), html.indexOf("</ul>"));
    expect(doc(legend).count(/<li[ >]/g)).toBe(3);
    expect(doc(legend).count(/aria-hidden="true"/g)).toBe(3);
    expect(legend).toContain("stroke-dasharray");
    const cells = tableCells(html);
    expect(cells.slice(0, 4)).toEqual(["Week", "BRON PO", "IPO", "Alle helpdesks"]);
    expect(cells.slice(12, 16)).toEqual(["wk 12", "–", "5", "5"]);
    expect(html).toMatch(/<caption[^>]*>Eerste reactie per week<\/caption>/);
  });

  it("summarises each series in the aria-label", () => {
    expect(ariaLabel(line(props))).toBe(
      "Eerste reactie per week: lijndiagram met 3 lijnen, van wk 10 tot wk 13. BRON PO: laatste 1 (wk 13), hoogste 3,5 (wk 11). IPO: laatste 6 (wk 13), hoogste 6 (wk 13). Alle helpdesks: laatste 4 (wk 13), hoogste 5 (wk 12). Alle waarden staan in de tabel bij de grafiek.",
    );
    expect(lineSummary("T", ["a"], [{ name: "S", values: [null] }], String)).toBe(
      "T: lijndiagram met 1 lijn, van a tot a. S: geen waarden. Alle waarden staan in de tabel bij de grafiek.",
    );
  });

  it("uses a fixed axis top for percentages and the unit label", () => {
    const html = line({
      title: "SLA",
      categories: weeks,
      series: [{ name: "Op tijd", values: [80, 90, 100, 95] }],
      yMax: 100,
      yUnit: "%",
      formatValue: (v) => `${v}%`,
    });
    expect(html).toContain(">100%</text>");
    expect(html).toContain(">%</text>");
  });

  it("shows a message when there is nothing to draw", () => {
    const html = line({ title: "Leeg", categories: weeks, series: [{ name: "S", values: [null, null, null, null] }] });
    expect(html).not.toContain("<svg role");
    expect(html).toContain("Geen gegevens in deze periode.");
  });
});

describe("StatTiles", () => {
  it("renders label–value pairs in a labelled group", () => {
    const html = renderToStaticMarkup(
      h(StatTiles, {
        label: "Kerncijfers",
        tiles: [
          { label: "Eerste reactie (mediaan)", value: "1,5 uur", hint: "p90: 6 uur" },
          { label: "SLA eerste reactie", value: "92%", tone: "good" },
        ],
      }),
    );
    expect(html).toMatch(/^<div role="group" aria-label="Kerncijfers"><dl/);
    expect(tableCells(html.replace(/<(\/?)d[td]([^>]*)>/g, "<$1td$2>"))).toEqual([
      "Eerste reactie (mediaan)",
      "1,5 uur",
      "p90: 6 uur",
      "SLA eerste reactie",
      "92%",
    ]);
    expect(html).toContain("var(--c-success)");
  });
});

describe("chart colours and scales", () => {
  it.each([BAR_COLOR, AXIS_COLOR, TEXT_COLOR, ...SERIES_STYLES.map((s) => s.color)])(
    "%s has at least 3:1 contrast on white",
    (c) => {
      expect(contrastRatio(c, "#ffffff")).toBeGreaterThanOrEqual(3);
    },
  );

  it("gives every series its own dash pattern and marker", () => {
    expect(new Set(SERIES_STYLES.map((s) => s.dash ?? "solid")).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.marker)).size).toBe(SERIES_STYLES.length);
  });

  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 1);
  });

  it.each([
    [7, { max: 8, step: 2 }],
    [42, { max: 60, step: 15 }],
    [100, { max: 100, step: 25 }],
    [0.9, { max: 1, step: 0.25 }],
    [0, { max: 4, step: 1 }],
  ])("nice scale for %d", (max, want) => {
    const s = niceScale(max);
    expect(s.max).toBeCloseTo(want.max);
    expect(s.step).toBeCloseTo(want.step);
  });

  it("fits text and spaces labels", () => {
    expect(fitText("Verzuim melden", 200, 12)).toBe("Verzuim melden");
    expect(fitText("Verzuim melden", 40, 12)).toMatch(/…$/);
    expect(labelStep(53, 600, 40)).toBe(4);
    expect(labelStep(4, 600, 40)).toBe(1);
  });
});
