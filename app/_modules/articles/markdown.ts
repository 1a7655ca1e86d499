// Markdown <-> Tiptap JSON for the article subset of content/README.md, and the article file
// format (YAML front matter + Markdown body).
//
// CANONICAL FORM — what docToMarkdown writes; for such text docToMarkdown(markdownToDoc(x)) === x:
//  1. Blocks are separated by exactly one blank line; the body ends with one "\n" (an empty body is "").
//  2. A paragraph is one line: no hard wraps, no leading or trailing spaces.
//  3. Headings are "## " / "### " + text.
//  4. Bullets are "- "; numbers "1. ", "2. " … counting up from the list's start number.
//     Lists are tight (no blank lines between items). A nested list is indented to the text
//     column of its parent item: two spaces under "- ", three under "1. " (CommonMark needs the
//     marker width), four under "10. ".
//  5. Tables: "| a | b |" header row, then "| --- | --- |" (":--- ", ":---:", "---:" for aligned
//     columns), every row with the same number of cells, one space inside each pipe.
//  6. Bold "**x**", italic "*x*", links "[text](url)". Whitespace at the edge of bold/italic is
//     written outside the markers.
//  7. Callouts: ":::info" / ":::waarschuwing", the blocks, ":::" on their own lines.
//  8. "{{regel:id}}" / "{{regel:protocol/id}}" alone on a line; "{{drempel:…}}" in running text;
//     "[[slug]]" / "[[slug|tekst]]" for article links.
//  9. These characters in text are backslash-escaped: \ * _ ` [ ] ~ < and "{" before "{";
//     "|" inside table cells; a paragraph or item that would otherwise start a block
//     ("# ", "- ", "+ ", "1. ", ">", ":::") gets its first marker escaped.
// Known limit: bold and italic that start at the same place but end apart ("***a* b**") are
// read differently by marked than by CommonMark; such text may come back with other emphasis.
// Anything outside the subset (h1, code, quotes, images, HTML, strike-through, task lists)
// is refused with a Dutch message, so the seed stops on it instead of silently dropping text.
import { Marked, type Token, type Tokens, type TokenizerExtension } from "marked";
import YAML from "yaml";
import type { JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { articleSchema } from "./validate";
import { NODE, isAllowedHref, isCalloutVariant, isValidId, type RuleRef } from "@/app/_lib/tiptap/doc-types";

/** A Markdown body or article file that is outside the supported format. */
export class ArticleFormatError extends Error {
  constructor(
    message: string,
    /** The front-matter key or "body" that is wrong. */
    readonly field?: string,
    readonly fileName?: string,
  ) {
    super(fileName ? `${fileName}: ${field ? `${field}: ` : ""}${message}` : message);
    this.name = "ArticleFormatError";
  }
}

// ---------------------------------------------------------------------------------------------
// Lexer: marked (GFM) plus our own constructs as marked extensions
// ---------------------------------------------------------------------------------------------

interface FormatErrorToken {
  type: "formatError";
  raw: string;
  message: string;
}

function short(raw: string): string {
  const one = raw.trim().split("\n")[0] ?? "";
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** Parses "id" or "protocol/id" into a rule reference, or null when malformed. */
export function parseRuleRef(text: string): RuleRef | null {
  const parts = text.trim().split("/");
  if (parts.length === 1 && isValidId(parts[0])) return { ruleId: parts[0] };
  if (parts.length === 2 && isValidId(parts[0]) && isValidId(parts[1])) return { protocol: parts[0], ruleId: parts[1] };
  return null;
}

function ruleRefText(attrs: Record<string, unknown> | undefined, what: string): string {
  const ruleId = attrs?.ruleId;
  const protocol = attrs?.protocol;
  if (!isValidId(ruleId) || (protocol != null && !isValidId(protocol))) {
    throw new ArticleFormatError(`${what} zonder geldige regel-id.`);
  }
  return protocol ? `${protocol}/${ruleId}` : ruleId;
}

// A block construct starts only at the beginning of a line; marked passes start() the source
// minus its first character, hence the "\n" anchor and the +1.
function lineStart(marker: string) {
  return (src: string): number | undefined => {
    const i = src.indexOf(`\n${marker}`);
    return i < 0 ? undefined : i + 1;
  };
}

const calloutBlock: TokenizerExtension = {
  name: "callout",
  level: "block",
  start: lineStart(":::"),
  tokenizer(src) {
    const open = /^:::([^\n]*)(?:\n|$)/.exec(src);
    if (!open) return undefined;
    const variant = open[1].trim();
    if (variant === "") {
      return { type: "formatError", raw: open[0], message: "Een ::: zonder bijbehorend :::info of :::waarschuwing." };
    }
    // Nested callouts are allowed, so count openers to find the matching closer.
    let depth = 1;
    let pos = open[0].length;
    while (pos < src.length) {
      const eol = src.indexOf("\n", pos);
      const end = eol < 0 ? src.length : eol;
      const line = src.slice(pos, end);
      if (/^:::\s*$/.test(line)) depth--;
      else if (/^:::\S/.test(line)) depth++;
      if (depth === 0) {
        const token = {
          type: "callout",
          raw: src.slice(0, eol < 0 ? end : end + 1),
          variant,
          tokens: [] as Token[],
        };
        this.lexer.blockTokens(src.slice(open[0].length, pos), token.tokens);
        return token;
      }
      pos = end + 1;
    }
    return {
      type: "formatError",
      raw: src,
      message: `Het blok ":::${variant}" is niet afgesloten met ::: op een eigen regel.`,
    };
  },
};

const ruleBlock: TokenizerExtension = {
  name: "protocolRule",
  level: "block",
  start: lineStart("{{regel:"),
  tokenizer(src) {
    const m = /^\{\{regel:([^{}\n]*)\}\}[ \t]*(?:\n+|$)/.exec(src);
    if (!m) return undefined;
    return { type: "protocolRule", raw: m[0], ref: m[1] };
  },
};

const thresholdInline: TokenizerExtension = {
  name: "protocolThreshold",
  level: "inline",
  start(src) {
    const i = src.indexOf("{{");
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^\{\{(drempel|regel):([^{}\n]*)\}\}/.exec(src);
    if (!m) return undefined;
    if (m[1] === "regel") {
      return {
        type: "formatError",
        raw: m[0],
        message: `${m[0]} moet op een eigen regel staan (gebruik {{drempel:…}} in een zin).`,
      };
    }
    return { type: "protocolThreshold", raw: m[0], ref: m[2] };
  },
};

const articleLinkInline: TokenizerExtension = {
  name: "articleLink",
  level: "inline",
  start(src) {
    const i = src.indexOf("[[");
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^\[\[([^[\]|\n]*)(?:\|((?:\\.|[^[\]\\\n])*))?\]\]/.exec(src);
    if (!m) return undefined;
    return {
      type: "articleLink",
      raw: m[0],
      slug: m[1].trim(),
      label: m[2] === undefined ? null : m[2].replace(/\\(.)/g, "$1"),
    };
  },
};

const lexer = new Marked({ gfm: true, breaks: false }).use({
  extensions: [calloutBlock, ruleBlock, thresholdInline, articleLinkInline],
  tokenizer: {
    // Bare URLs stay text: a link is always written as [text](url), so text round-trips.
    url() {
      return undefined;
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Tokens -> JSON
// ---------------------------------------------------------------------------------------------

type MarkJSON = { type: string; attrs?: Record<string, unknown> };
const MARK_ORDER = ["link", "bold", "italic"];

const UNSUPPORTED_BLOCK: Record<string, string> = {
  code: "Codeblokken worden niet ondersteund.",
  blockquote: "Citaten (> …) worden niet ondersteund; gebruik een :::info-blok.",
  hr: "Horizontale lijnen (---) worden niet ondersteund.",
  html: "HTML is niet toegestaan in een artikel.",
  def: "Linkdefinities ([x]: url) worden niet ondersteund; zet de url in de link zelf.",
};

const UNSUPPORTED_INLINE: Record<string, string> = {
  codespan: "Code (`…`) wordt niet ondersteund.",
  del: "Doorhalen (~~…~~) wordt niet ondersteund.",
  image: "Afbeeldingen worden niet ondersteund.",
  html: "HTML is niet toegestaan in een artikel.",
  tag: "HTML is niet toegestaan in een artikel.",
};

function fail(message: string, raw?: string): never {
  throw new ArticleFormatError(raw ? `${message} (bij "${short(raw)}")` : message, "body");
}

function withMark(marks: MarkJSON[], mark: MarkJSON): MarkJSON[] {
  const rest = marks.filter((m) => m.type !== mark.type);
  return [...rest, mark].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

function inlineNodes(tokens: Token[] | undefined, marks: MarkJSON[] = []): JSONContent[] {
  const out: JSONContent[] = [];
  const add = (node: JSONContent) => out.push(marks.length ? { ...node, marks } : node);
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "text":
      case "escape": {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length && token.type === "text") {
          out.push(...inlineNodes(t.tokens, marks));
          break;
        }
        const text = t.text.replace(/[ \t]*\n[ \t]*/g, " ");
        if (text) add({ type: "text", text });
        break;
      }
      case "br":
        add({ type: "text", text: " " });
        break;
      case "strong":
        out.push(...inlineNodes((token as Tokens.Strong).tokens, withMark(marks, { type: "bold" })));
        break;
      case "em":
        out.push(...inlineNodes((token as Tokens.Em).tokens, withMark(marks, { type: "italic" })));
        break;
      case "link": {
        const link = token as Tokens.Link;
        if (!isAllowedHref(link.href)) {
          fail(
            "Deze link is niet toegestaan; gebruik https://, http://, mailto: of een pad dat met / begint.",
            link.raw,
          );
        }
        const attrs: Record<string, unknown> = { href: link.href };
        if (link.title) attrs.title = link.title;
        out.push(...inlineNodes(link.tokens, withMark(marks, { type: "link", attrs })));
        break;
      }
      case "articleLink": {
        const { slug, label, raw } = token as unknown as { slug: string; label: string | null; raw: string };
        if (!isValidId(slug)) fail("Een artikellink heeft een geldige slug nodig, zoals [[verzuim-melden]].", raw);
        const text = label?.trim() ? label.trim() : null;
        add({ type: NODE.articleLink, attrs: { slug, label: text } });
        break;
      }
      case "protocolThreshold": {
        const { ref, raw } = token as unknown as { ref: string; raw: string };
        const parsed = parseRuleRef(ref);
        if (!parsed) fail("Ongeldige regel-id in {{drempel:…}}.", raw);
        add({ type: NODE.protocolThreshold, attrs: { ruleId: parsed.ruleId, protocol: parsed.protocol ?? null } });
        break;
      }
      case "formatError":
        return fail((token as unknown as FormatErrorToken).message, token.raw);
      default:
        fail(UNSUPPORTED_INLINE[token.type] ?? `Dit onderdeel wordt niet ondersteund: ${token.type}.`, token.raw);
    }
  }
  return out;
}

function paragraph(tokens: Token[] | undefined): JSONContent {
  const content = inlineNodes(tokens);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

function listItem(item: Tokens.ListItem): JSONContent {
  if (item.task) fail("Takenlijsten (- [ ]) worden niet ondersteund.", item.raw);
  const content = blockNodes(item.tokens);
  if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
  return { type: "listItem", content };
}

function tableCell(cell: Tokens.TableCell, header: boolean): JSONContent {
  return {
    type: header ? "tableHeader" : "tableCell",
    attrs: cell.align ? { align: cell.align } : {},
    content: [paragraph(cell.tokens)],
  };
}

function blockNodes(tokens: Token[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "space":
        break;
      case "heading": {
        const h = token as Tokens.Heading;
        if (h.depth !== 2 && h.depth !== 3) {
          fail(
            h.depth === 1
              ? "Gebruik geen # in de tekst: de titel is al het hoofdkopje. Begin met ##."
              : "Gebruik alleen ## en ### voor kopjes.",
            h.raw,
          );
        }
        const content = inlineNodes(h.tokens);
        out.push({ type: "heading", attrs: { level: h.depth }, ...(content.length ? { content } : {}) });
        break;
      }
      case "paragraph":
        out.push(paragraph((token as Tokens.Paragraph).tokens));
        break;
      case "text": {
        // Block-level text appears in tight list items.
        const t = token as Tokens.Text;
        out.push(paragraph(t.tokens ?? [{ type: "text", raw: t.raw, text: t.text }]));
        break;
      }
      case "list": {
        const list = token as Tokens.List;
        const items = list.items.map(listItem);
        if (list.ordered) {
          const start = typeof list.start === "number" ? list.start : 1;
          out.push({ type: "orderedList", attrs: { start }, content: items });
        } else {
          out.push({ type: "bulletList", content: items });
        }
        break;
      }
      case "table": {
        const table = token as Tokens.Table;
        const rows = [
          { type: "tableRow", content: table.header.map((c) => tableCell(c, true)) },
          ...table.rows.map((row) => ({ type: "tableRow", content: row.map((c) => tableCell(c, false)) })),
        ];
        out.push({ type: "table", content: rows });
        break;
      }
      case "callout": {
        const { variant, tokens: inner, raw } = token as unknown as { variant: string; tokens: Token[]; raw: string };
        if (!isCalloutVariant(variant)) fail(`Onbekend blok ":::${variant}"; kies :::info of :::waarschuwing.`, raw);
        const content = blockNodes(inner);
        if (content.length === 0) fail("Een :::-blok mag niet leeg zijn.", raw);
        out.push({ type: NODE.callout, attrs: { variant }, content });
        break;
      }
      case "protocolRule": {
        const { ref, raw } = token as unknown as { ref: string; raw: string };
        const parsed = parseRuleRef(ref);
        if (!parsed) fail("Ongeldige regel-id in {{regel:…}}.", raw);
        out.push({ type: NODE.protocolRule, attrs: { ruleId: parsed.ruleId, protocol: parsed.protocol ?? null } });
        break;
      }
      case "formatError":
        return fail((token as unknown as FormatErrorToken).message, token.raw);
      default:
        fail(UNSUPPORTED_BLOCK[token.type] ?? `Dit onderdeel wordt niet ondersteund: ${token.type}.`, token.raw);
    }
  }
  return out;
}

/** Parses an article body (the Markdown subset of content/README.md) into schema-valid Tiptap JSON. */
export function markdownToDoc(md: string): JSONContent {
  const source = md.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const content = blockNodes(lexer.lexer(source));
  const json: JSONContent = { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
  try {
    const node = PMNode.fromJSON(articleSchema(), json);
    node.check();
    return node.toJSON() as JSONContent;
  } catch (err) {
    throw new ArticleFormatError(`De opbouw van de tekst klopt niet: ${(err as Error).message}`, "body");
  }
}

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

// ---------------------------------------------------------------------------------------------
// Article files: front matter + body
// ---------------------------------------------------------------------------------------------

/** Front-matter keys in the order files are written. */
export const FRONT_MATTER_KEYS = [
  "slug",
  "title",
  "summary",
  "type",
  "audiences",
  "sectors",
  "topic",
  "questions",
  "status",
  "lastChecked",
  "reviewDue",
  "reviewedAt",
  "sources",
] as const;

/** Splits an article file into its raw front matter and the parsed body; errors name the file and field. */
export function parseArticleFile(
  text: string,
  fileName: string,
): { frontMatter: Record<string, unknown>; body: JSONContent } {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const m = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*(?:\n|$)/m.exec(source);
  if (!m || m.index !== 0) {
    throw new ArticleFormatError(
      "Het bestand moet beginnen met front matter tussen twee regels ---.",
      "front matter",
      fileName,
    );
  }
  let frontMatter: unknown;
  try {
    frontMatter = YAML.parse(m[1]);
  } catch (err) {
    throw new ArticleFormatError(
      `De front matter is geen geldige YAML: ${(err as Error).message}`,
      "front matter",
      fileName,
    );
  }
  if (!frontMatter || typeof frontMatter !== "object" || Array.isArray(frontMatter)) {
    throw new ArticleFormatError("De front matter moet uit sleutels met waarden bestaan.", "front matter", fileName);
  }
  const fm = frontMatter as Record<string, unknown>;
  const expectedSlug = fileName.replace(/^.*[\\/]/, "").replace(/\.md$/i, "");
  if (fm.slug !== undefined && fm.slug !== expectedSlug) {
    throw new ArticleFormatError(`De slug moet gelijk zijn aan de bestandsnaam ("${expectedSlug}").`, "slug", fileName);
  }
  try {
    return { frontMatter: fm, body: markdownToDoc(source.slice(m[0].length).replace(/^\n+/, "")) };
  } catch (err) {
    if (err instanceof ArticleFormatError) throw new ArticleFormatError(err.message, "body", fileName);
    throw err;
  }
}

function normalizeValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normalizeValue);
  return value;
}

/** Writes an article file: front matter in the fixed key order (flow arrays, YYYY-MM-DD dates) + canonical body. */
export function serializeArticleFile(frontMatter: Record<string, unknown>, doc: JSONContent): string {
  const known = FRONT_MATTER_KEYS.filter((k) => frontMatter[k] !== undefined);
  const extra = Object.keys(frontMatter)
    .filter((k) => !(FRONT_MATTER_KEYS as readonly string[]).includes(k) && frontMatter[k] !== undefined)
    .sort();
  const ordered: Record<string, unknown> = {};
  for (const key of [...known, ...extra]) ordered[key] = normalizeValue(frontMatter[key]);
  const yamlDoc = new YAML.Document(ordered);
  YAML.visit(yamlDoc, {
    Seq(_, node) {
      // Lists of words stay on one line; lists of objects (sources) get one item per line.
      node.flow = node.items.every((item) => YAML.isScalar(item));
    },
  });
  // Questions are sentences: one per line reads and merges better than one long flow list.
  const questions = yamlDoc.get("questions", true);
  if (YAML.isSeq(questions)) questions.flow = false;
  const yamlText = yamlDoc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body = docToMarkdown(doc);
  return `---\n${yamlText}---\n${body ? `\n${body}` : ""}`;
}
