// THE article schema: the one Tiptap extension list used by the browser editor, the server
// renderer, the validator and the Markdown converter. No React imports here, so server code can
// import it. Editor-only behaviour (click handling, placeholders) may differ between the lists
// built below, the schema may not: a test compares getSchema() of both.
import { Node, mergeAttributes, type AnyExtension, type Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit, TableCell, TableHeader } from "@tiptap/extension-table";
import { DEFAULT_PROTOCOL, NODE, isAllowedHref, isCalloutVariant, isValidId, type CalloutVariant } from "./doc-types";

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

/** What the editor shows for a rule: its title and threshold as the reader sees them, or null when unknown. */
export type RuleDescriber = (ref: {
  ruleId: string;
  protocol: string;
}) => { title: string; thresholdText: string } | null;
type RuleNodeOptions = { describe: RuleDescriber | null };

function describeRule(describe: RuleDescriber | null, attrs: Record<string, unknown>) {
  if (!describe || typeof attrs.ruleId !== "string") return null;
  try {
    return describe({
      ruleId: attrs.ruleId,
      protocol: typeof attrs.protocol === "string" ? attrs.protocol : DEFAULT_PROTOCOL,
    });
  } catch {
    return null;
  }
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
export const ProtocolRule = Node.create<RuleNodeOptions>({
  name: NODE.protocolRule,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { describe: null };
  },

  addAttributes: ruleAttributes,

  parseHTML() {
    return [{ tag: 'div[data-type="protocol-rule"]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    // In the editor the rule reads as the reader will see it (title and threshold); the id stays in the attributes.
    const d = describeRule(this.options.describe, node.attrs);
    return [
      "div",
      mergeAttributes(HTMLAttributes, { "data-type": "protocol-rule", class: "protocol-rule-chip" }),
      d
        ? `Protocolregel: ${d.title} — ${d.thresholdText}`
        : `Protocolregel: ${ruleLabel(node.attrs)}${this.options.describe ? " (niet gevonden)" : ""}`,
    ];
  },

  renderText({ node }) {
    return `{{regel:${ruleLabel(node.attrs)}}}`;
  },
});

/** A rule's threshold in words inside running text: `{{drempel:id}}`. */
export const ProtocolThreshold = Node.create<RuleNodeOptions>({
  name: NODE.protocolThreshold,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { describe: null };
  },

  addAttributes: ruleAttributes,

  parseHTML() {
    return [{ tag: 'span[data-type="protocol-threshold"]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    const d = describeRule(this.options.describe, node.attrs);
    return [
      "span",
      mergeAttributes(HTMLAttributes, { "data-type": "protocol-threshold", class: "protocol-threshold-chip" }),
      d ? d.thresholdText : `drempel: ${ruleLabel(node.attrs)}${this.options.describe ? " (niet gevonden)" : ""}`,
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
  /** Editor-only: how rule chips read (no effect on the schema or the stored JSON). */
  describeRule?: RuleDescriber | null;
}

function buildExtensions({ openLinksOnClick, describeRule: describe = null }: BuildOptions): AnyExtension[] {
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
    describe ? ProtocolRule.configure({ describe }) : ProtocolRule,
    describe ? ProtocolThreshold.configure({ describe }) : ProtocolThreshold,
  ];
}

/** The article extension list for server use (rendering, validation, getSchema). */
export const articleExtensions: Extensions = buildExtensions({ openLinksOnClick: true });

/** The same schema for the browser editor, plus editor-only extras (placeholder, character count…). */
export function createEditorExtensions(
  extra: Extensions = [],
  opts: { describeRule?: RuleDescriber | null } = {},
): Extensions {
  return [...buildExtensions({ openLinksOnClick: false, describeRule: opts.describeRule }), ...extra];
}
