// The stored diff of a change record: plain text, one line per row, so it survives any later change to the article
// model and reads in a mail or a log as well. A section starts with "## <label>"; then "- " removed, "+ " added,
// "  " unchanged context and "…" for skipped unchanged lines. Pure.
import "server-only";
import { diffLines, diffSnapshots, type DiffRow } from "@/app/_modules/articles/diff";
import type { ArticleSnapshot } from "@/app/_modules/articles/snapshot";

/** Unchanged lines kept around a change. */
const CONTEXT = 1;

const joinSegments = (side: DiffRow["left"]): string => (side ? side.segments.map((s) => s.text).join("") : "");

function sectionText(label: string, rows: DiffRow[]): string[] {
  const keep = rows.map((r) => r.kind !== "same");
  const near = rows.map((_, i) => {
    for (let d = -CONTEXT; d <= CONTEXT; d++) if (keep[i + d]) return true;
    return false;
  });
  const out = [`## ${label}`];
  let skipped = false;
  rows.forEach((r, i) => {
    if (!near[i]) {
      if (!skipped) out.push("…");
      skipped = true;
      return;
    }
    skipped = false;
    if (r.kind === "same") out.push(`  ${joinSegments(r.left)}`);
    if (r.kind === "changed" || r.kind === "removed") out.push(`- ${joinSegments(r.left)}`);
    if (r.kind === "changed" || r.kind === "added") out.push(`+ ${joinSegments(r.right)}`);
  });
  return out;
}

/** The text diff of two line lists under one label; "" when they are equal. */
export function linesDiffText(label: string, older: readonly string[], newer: readonly string[]): string {
  const rows = diffLines(older, newer);
  if (!rows.some((r) => r.kind !== "same")) return "";
  return sectionText(label, rows).join("\n");
}

/** The text diff of two article snapshots (only changed fields); against null, the whole new article is added. */
export function snapshotDiffText(older: ArticleSnapshot | null, newer: ArticleSnapshot): string {
  const empty: ArticleSnapshot = { ...newer };
  for (const k of Object.keys(empty) as (keyof ArticleSnapshot)[]) {
    const v = empty[k];
    (empty as Record<string, unknown>)[k] = Array.isArray(v) ? [] : k === "body" ? "" : null;
  }
  const d = diffSnapshots(older ?? empty, newer);
  return d.fields
    .filter((f) => f.changed)
    .map((f) => sectionText(f.label, f.rows).join("\n"))
    .join("\n");
}

/** Field labels whose section appears in a diff text, e.g. ["Tekst", "Samenvatting"]. */
export const diffSections = (text: string): string[] =>
  text
    .split("\n")
    .filter((l) => l.startsWith("## "))
    .map((l) => l.slice(3));

export type DiffTextLine = { kind: "section" | "same" | "removed" | "added" | "gap"; text: string };

/** Reads a stored diff for display. */
export function parseDiffText(text: string): DiffTextLine[] {
  if (text === "") return [];
  return text.split("\n").map((l): DiffTextLine => {
    if (l.startsWith("## ")) return { kind: "section", text: l.slice(3) };
    if (l.startsWith("- ")) return { kind: "removed", text: l.slice(2) };
    if (l.startsWith("+ ")) return { kind: "added", text: l.slice(2) };
    if (l === "…") return { kind: "gap", text: l };
    return { kind: "same", text: l.startsWith("  ") ? l.slice(2) : l };
  });
}
