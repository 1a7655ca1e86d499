// THE article schema: the one Tiptap extension list used by the browser editor, the server
// renderer, the validator and the Markdown converter. No React imports here, so server code can
// import it. Editor-only behaviour (click handling, placeholders) may differ between the lists
// built below, the schema may not: a test compares getSchema() of both.
import { Node, mergeAttributes, type AnyExtension, type Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit, TableCell, TableHeader } from "@tiptap/extension-table";
import {
  DEFAULT_PROTOCOL,
  NODE,
  isAllowedHref,
  isCalloutVariant,
  isValidId,
  type CalloutVariant,
} from "../../_modules/articles/doc-types";

/** Reads an id-like data attribute, dropping anything that is not a valid id (pasted HTML is untrusted). */
function idAttr(el: HTMLElement, name: string): string | null {
  const value = el.getAttribute(name);
  return isValidId(value) ? value : null;
}

/** Tip or warning box: `:::info` / `:::waarschuwing` in Markdown. */
export const Callout = Node.create({
  name: NODE.callout,
  group: "block",
  content: "block+",
  defining: true,

  addAttributes() {
    return {
      variant: {
        default: "info" satisfies CalloutVariant,
        parseHTML: (el) => {
          const v = el.getAttribute("data-variant");
          return isCalloutVariant(v) ? v : "info";
        },
        renderHTML: (attrs) => ({ "data-variant": attrs.variant }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="callout"]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    return [
      "div",
      mergeAttributes(HTMLAttributes, { "data-type": "callout", class: `callout callout-${node.attrs.variant}` }),
      0,
    ];
  },
});

/** Inline link to another article by slug: `[[slug]]` / `[[slug|tekst]]`; shows the live title. */
export const ArticleLink = Node.create({
  name: NODE.articleLink,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      slug: {
        default: null,
        parseHTML: (el) => idAttr(el, "data-slug"),
        renderHTML: (attrs) => ({ "data-slug": attrs.slug }),
      },
      label: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-label") || null,
        renderHTML: (attrs) => (attrs.label ? { "data-label": attrs.label } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-type="article-link"]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    return [
      "span",
      mergeAttributes(HTMLAttributes, { "data-type": "article-link", class: "article-link-chip" }),
      String(node.attrs.label ?? node.attrs.slug ?? ""),
    ];
  },

  renderText({ node }) {
    return String(node.attrs.label ?? node.attrs.slug ?? "");
  },
});

function ruleLabel(attrs: Record<string, unknown>): string {
  const protocol = typeof attrs.protocol === "string" ? attrs.protocol : DEFAULT_PROTOCOL;
  return `${protocol}/${String(attrs.ruleId ?? "")}`;
}

const ruleAttributes = () => ({
  ruleId: {
    default: null,
    parseHTML: (el: HTMLElement) => idAttr(el, "data-rule-id"),
    renderHTML: (attrs: Record<string, unknown>) => ({ "data-rule-id": attrs.ruleId }),
  },
  protocol: {
    default: null,
    parseHTML: (el: HTMLElement) => idAttr(el, "data-protocol"),
    renderHTML: (attrs: Record<string, unknown>) => (attrs.protocol ? { "data-protocol": attrs.protocol } : {}),
  },
});

/** A protocol rule rendered from data as a card: `{{regel:id}}` on its own line. */
export const ProtocolRule = Node.create({
  name: NODE.protocolRule,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes: ruleAttributes,

  parseHTML() {
    return [{ tag: 'div[data-type="protocol-rule"]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    return [
      "div",
      mergeAttributes(HTMLAttributes, { "data-type": "protocol-rule", class: "protocol-rule-chip" }),
      `Protocolregel: ${ruleLabel(node.attrs)}`,
    ];
  },

  renderText({ node }) {
    return `{{regel:${ruleLabel(node.attrs)}}}`;
  },
});

/** A rule's threshold in words inside running text: `{{drempel:id}}`. */
export const ProtocolThreshold = Node.create({
  name: NODE.protocolThreshold,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addAttributes: ruleAttributes,

  parseHTML() {
    return [{ tag: 'span[data-type="protocol-threshold"]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    return [
      "span",
      mergeAttributes(HTMLAttributes, { "data-type": "protocol-threshold", class: "protocol-threshold-chip" }),
      `drempel: ${ruleLabel(node.attrs)}`,
    ];
  },

  renderText({ node }) {
    return `{{drempel:${ruleLabel(node.attrs)}}}`;
  },
});

// GFM table cells hold one line of inline text; allowing lists or headings in a cell would make
// content the Markdown export cannot write.
const ArticleTableCell = TableCell.extend({ content: "paragraph+" });
const ArticleTableHeader = TableHeader.extend({ content: "paragraph+" });

interface BuildOptions {
  /** Editor-only link behaviour; has no effect on the schema. */
  openLinksOnClick: boolean;
}

function buildExtensions({ openLinksOnClick }: BuildOptions): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      // Not in the Markdown subset (content/README.md): leaving them out of the schema means
      // the editor cannot produce what the files cannot hold.
      blockquote: false,
      code: false,
      codeBlock: false,
      hardBreak: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: openLinksOnClick,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        // null defaults keep target/rel/class out of stored JSON; the renderer decides rel.
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => isAllowedHref(url),
        shouldAutoLink: (url) => isAllowedHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: false }, tableCell: false, tableHeader: false }),
    ArticleTableCell,
    ArticleTableHeader,
    Callout,
    ArticleLink,
    ProtocolRule,
    ProtocolThreshold,
  ];
}

/** The article extension list for server use (rendering, validation, getSchema). */
export const articleExtensions: Extensions = buildExtensions({ openLinksOnClick: true });

/** The same schema for the browser editor, plus editor-only extras (placeholder, character count…). */
export function createEditorExtensions(extra: Extensions = []): Extensions {
  return [...buildExtensions({ openLinksOnClick: false }), ...extra];
}
