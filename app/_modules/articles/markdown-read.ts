// Markdown -> Tiptap JSON for the article subset (see the canonical form in ./markdown.ts): marked (GFM) with our
// own constructs as extensions, then tokens to nodes; anything outside the subset is refused with a Dutch message.
import "server-only";
import { Marked, type Token, type Tokens, type TokenizerExtension } from "marked";
import type { JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { articleSchema } from "./validate";
import { NODE, isAllowedHref, isCalloutVariant, isValidId, type RuleRef } from "@/app/_lib/tiptap/doc-types";
import { ArticleFormatError, MARK_ORDER, type MarkJSON } from "./markdown-common";

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
