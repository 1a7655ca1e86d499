// Tiptap JSON -> Markdown in the canonical form described in ./markdown.ts.
import "server-only";
import type { JSONContent } from "@tiptap/core";
import { NODE, isAllowedHref, isCalloutVariant, isValidId } from "@/app/_lib/tiptap/doc-types";
import { ArticleFormatError, MARK_ORDER, ruleRefText, type MarkJSON } from "./markdown-common";

// ---------------------------------------------------------------------------------------------
// JSON -> Markdown
// ---------------------------------------------------------------------------------------------

type InlineItem = { md: string; text: boolean; marks: MarkJSON[] };

function escapeText(text: string): string {
  return text.replace(/[\\*_`[\]~<]/g, "\\$&").replace(/\{(?=\{)/g, "\\{");
}

// A line beginning like one of these would be read as another block.
function escapeLineStart(line: string): string {
  return line
    .replace(/^(#{1,6})(?=\s|$)/, "\\$1")
    .replace(/^([-+])(?=\s|$)/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^>/, "\\>")
    .replace(/^:::/, "\\:::");
}

function markKey(m: MarkJSON): string {
  return m.type === "link" ? `link:${String(m.attrs?.href)}:${String(m.attrs?.title ?? "")}` : m.type;
}

function linkClose(m: MarkJSON): string {
  const href = String(m.attrs?.href ?? "");
  const dest = /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
  const title = m.attrs?.title ? ` "${String(m.attrs.title).replace(/["\\]/g, "\\$&")}"` : "";
  return `](${dest}${title})`;
}

const OPEN: Record<string, string> = { bold: "**", italic: "*", link: "[" };

function inlineItems(nodes: JSONContent[] | undefined): InlineItem[] {
  const items: InlineItem[] = [];
  for (const node of nodes ?? []) {
    const marks = ((node.marks ?? []) as MarkJSON[]).filter((m) => m.type in OPEN);
    if (marks.some((m) => m.type === "link" && !isAllowedHref(m.attrs?.href))) {
      // A link we would refuse on import is written as its text only.
      marks.splice(
        marks.findIndex((m) => m.type === "link"),
        1,
      );
    }
    switch (node.type) {
      case "text":
        if (node.text) items.push({ md: node.text.replace(/\s*\n\s*/g, " "), text: true, marks });
        break;
      case NODE.articleLink: {
        const slug = node.attrs?.slug;
        if (!isValidId(slug)) throw new ArticleFormatError("Artikellink zonder geldige slug.");
        const label = typeof node.attrs?.label === "string" && node.attrs.label.trim() ? node.attrs.label.trim() : null;
        items.push({
          md: label ? `[[${slug}|${label.replace(/[\\[\]]/g, "\\$&")}]]` : `[[${slug}]]`,
          text: false,
          marks,
        });
        break;
      }
      case NODE.protocolThreshold:
        items.push({ md: `{{drempel:${ruleRefText(node.attrs, "Drempel")}}}`, text: false, marks });
        break;
      default:
        throw new ArticleFormatError(`Dit onderdeel kan niet als Markdown worden geschreven: ${node.type}.`);
    }
  }
  return items;
}

// Emphasis markers next to whitespace do not open or close in Markdown, so whitespace gets no
// bold/italic of its own: a space is bold/italic exactly when the nearest words on both sides
// share that mark. The doc's own marks on whitespace are ignored, which keeps the output a
// function of the visible text only (and so a fixed point under re-parsing).
function splitEdgeWhitespace(items: InlineItem[]): InlineItem[] {
  const pieces: InlineItem[] = [];
  for (const item of items) {
    if (!item.text) {
      pieces.push(item);
      continue;
    }
    for (const part of item.md.split(/(\s+)/)) if (part) pieces.push({ ...item, md: part });
  }
  const isSpace = (p: InlineItem) => p.text && /^\s+$/.test(p.md);
  return pieces.map((piece, i) => {
    if (!isSpace(piece)) return piece;
    let before: InlineItem | undefined;
    for (let j = i - 1; j >= 0 && !before; j--) if (!isSpace(pieces[j])) before = pieces[j];
    let after: InlineItem | undefined;
    for (let j = i + 1; j < pieces.length && !after; j++) if (!isSpace(pieces[j])) after = pieces[j];
    const shared = (m: MarkJSON) =>
      !!before && !!after && [before, after].every((o) => o.marks.some((x) => markKey(x) === markKey(m)));
    return { ...piece, marks: piece.marks.filter((m) => m.type === "link" || shared(m)) };
  });
}

function inlineToMarkdown(nodes: JSONContent[] | undefined): string {
  const items = splitEdgeWhitespace(inlineItems(nodes));
  let out = "";
  const active: MarkJSON[] = [];
  // How many following words keep this mark (whitespace does not count or break the run).
  const runLength = (mark: MarkJSON, from: number) => {
    let n = 0;
    for (let j = from; j < items.length; j++) {
      const item = items[j];
      if (item.text && /^\s+$/.test(item.md)) continue;
      if (!item.marks.some((m) => markKey(m) === markKey(mark))) break;
      n++;
    }
    return n;
  };
  const close = (m: MarkJSON) => (m.type === "link" ? linkClose(m) : OPEN[m.type]);
  items.forEach((item, i) => {
    const wanted = new Set(item.marks.map(markKey));
    let keep = 0;
    while (keep < active.length && wanted.has(markKey(active[keep]))) keep++;
    while (active.length > keep) out += close(active.pop()!);
    // Whitespace never opens bold/italic (a marker before a space does not open): it stays
    // inside the marks still open and otherwise goes between them.
    const whitespace = item.text && /^\s+$/.test(item.md);
    const open = item.marks
      .filter((m) => !active.some((a) => markKey(a) === markKey(m)))
      .filter((m) => !whitespace || m.type === "link")
      // The mark that lasts longest opens first (outermost), so fewer markers are needed.
      .sort((a, b) => runLength(b, i) - runLength(a, i) || MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
    for (const m of open) {
      out += OPEN[m.type];
      active.push(m);
    }
    out += item.text ? escapeText(item.md) : item.md;
  });
  while (active.length) out += close(active.pop()!);
  return out.trim();
}

function indent(text: string, width: number): string {
  const pad = " ".repeat(width);
  return text
    .split("\n")
    .map((line) => (line ? pad + line : line))
    .join("\n");
}

function isEmptyBlock(node: JSONContent): boolean {
  if (node.type === "paragraph" || node.type === "heading") {
    return inlineToMarkdown(node.content) === "";
  }
  if (node.type === NODE.callout) return (node.content ?? []).every(isEmptyBlock);
  if (node.type === "listItem") return (node.content ?? []).every(isEmptyBlock);
  if (node.type === "bulletList" || node.type === "orderedList") return (node.content ?? []).every(isEmptyBlock);
  if (node.type === "table") return (node.content ?? []).length === 0;
  return false;
}

function listToMarkdown(node: JSONContent): string {
  const items = (node.content ?? []).filter((item) => !isEmptyBlock(item));
  const start = node.type === "orderedList" ? Math.max(0, Number(node.attrs?.start ?? 1) || 1) : 0;
  return items
    .map((item, i) => {
      const marker = node.type === "orderedList" ? `${start + i}. ` : "- ";
      const [first, ...rest] = item.content ?? [];
      let text = first?.type === "paragraph" ? escapeLineStart(inlineToMarkdown(first.content)) : "";
      const more = first?.type === "paragraph" ? rest : (item.content ?? []);
      for (const child of more) {
        if (isEmptyBlock(child)) continue;
        const md = blockToMarkdown(child);
        // A nested list follows directly (tight); any other block needs a blank line, and so does
        // a numbered list not starting at 1, which CommonMark does not let interrupt a paragraph.
        const tight =
          child.type === "bulletList" || (child.type === "orderedList" && Number(child.attrs?.start ?? 1) === 1);
        text += `${tight ? "\n" : "\n\n"}${indent(md, marker.length)}`;
      }
      return marker + text;
    })
    .join("\n");
}

function tableToMarkdown(node: JSONContent): string {
  const rows = (node.content ?? []).filter((r) => (r.content ?? []).length > 0);
  const grid = rows.map((row) => {
    const cells: { text: string; align: unknown }[] = [];
    for (const cell of row.content ?? []) {
      const text = (cell.content ?? [])
        .map((p) => inlineToMarkdown(p.content))
        .filter(Boolean)
        .join(" ")
        // GFM splits cells before reading inline syntax, so every pipe (text, labels, URLs) is escaped.
        .replace(/\|/g, "\\|");
      cells.push({ text, align: cell.attrs?.align });
      // Markdown has no merged cells; keep the column count right.
      for (let k = 1; k < Number(cell.attrs?.colspan ?? 1); k++) cells.push({ text: "", align: null });
    }
    return cells;
  });
  const width = Math.max(...grid.map((r) => r.length));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  const delimiter = Array.from({ length: width }, (_, c) => {
    const align = grid[0][c]?.align;
    return align === "left" ? ":---" : align === "center" ? ":---:" : align === "right" ? "---:" : "---";
  });
  return [
    line(pad(grid[0].map((c) => c.text))),
    line(delimiter),
    ...grid.slice(1).map((r) => line(pad(r.map((c) => c.text)))),
  ].join("\n");
}

function blockToMarkdown(node: JSONContent): string {
  switch (node.type) {
    case "paragraph":
      return escapeLineStart(inlineToMarkdown(node.content));
    case "heading": {
      const level = Number(node.attrs?.level) >= 3 ? 3 : 2;
      // A trailing " #" would be read as a closing sequence and dropped.
      const text = inlineToMarkdown(node.content).replace(/(\s)(#+)$/, "$1\\$2");
      return `${"#".repeat(level)} ${text}`;
    }
    case "bulletList":
    case "orderedList":
      return listToMarkdown(node);
    case "table":
      return tableToMarkdown(node);
    case NODE.callout: {
      const variant = isCalloutVariant(node.attrs?.variant) ? node.attrs.variant : "info";
      return `:::${variant}\n${blocksToMarkdown(node.content)}\n:::`;
    }
    case NODE.protocolRule:
      return `{{regel:${ruleRefText(node.attrs, "Protocolregel")}}}`;
    default:
      throw new ArticleFormatError(`Dit onderdeel kan niet als Markdown worden geschreven: ${node.type}.`);
  }
}

function blocksToMarkdown(nodes: JSONContent[] | undefined): string {
  return (nodes ?? [])
    .filter((n) => !isEmptyBlock(n))
    .map(blockToMarkdown)
    .join("\n\n");
}

/** Writes a document as canonical Markdown (see the rules at the top of this file). */
export function docToMarkdown(doc: JSONContent): string {
  const body = blocksToMarkdown(doc.content);
  return body ? `${body}\n` : "";
}
