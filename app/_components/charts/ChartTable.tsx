// The table alternative every chart carries (WCAG 1.1.1): a real <table> with a caption and header cells,
// either folded in a <details> under the chart or always visible.
import type { ReactNode } from "react";

export type TableMode = "details" | "visible";

export type ChartTableProps = {
  caption: string;
  /** Column headers; the first column holds the row labels. */
  columns: readonly string[];
  rows: readonly { label: string; cells: readonly string[] }[];
  mode?: TableMode;
  /** Text of the <summary> when folded. */
  toggleText?: string;
};

/** A data table with caption, column and row headers; numbers right-aligned. */
export function ChartTable({
  caption,
  columns,
  rows,
  mode = "details",
  toggleText = "Bekijk de cijfers als tabel",
}: ChartTableProps) {
  const table: ReactNode = (
    <div style={{ overflowX: "auto" }}>
      <table className="data-table">
        <caption style={{ textAlign: "left", fontWeight: 600, marginBottom: "0.25rem" }}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" style={i > 0 ? { textAlign: "right" } : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, j) => (
                <td key={j} style={{ textAlign: "right", fontVariantNumeric: "tabular-nums" }}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (mode === "visible") return table;
  return (
    <details style={{ marginTop: "0.5rem" }}>
      <summary style={{ cursor: "pointer", fontWeight: 600, color: "var(--c-link)" }}>{toggleText}</summary>
      {table}
    </details>
  );
}
