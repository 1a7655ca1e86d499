// Server-side HTML for stored Tiptap JSON, rendered with the SAME extension list as the editor
// and then sanitized: the JSON comes from a browser, so nothing in it is trusted.
import "server-only";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import sanitizeHtml from "sanitize-html";
import { articleExtensions } from "@/app/_lib/tiptap/extensions";
import {
  NODE,
  isAllowedHref,
  isCalloutVariant,
  isExternalHref,
  isValidId,
  type ContentResolver,
  type JSONContent,
  type RuleRef,
  type RuleView,
} from "@/app/_lib/tiptap/doc-types";

export interface RenderOptions {
  /** Where an article link points; default `/artikelen/<slug>`. */
  articleHref?: (slug: string) => string;
}

/** Dutch texts the reader sees. */
export const RENDER_TEXT = {
  ruleMissing: "Deze regel bestaat niet meer. Kijk in het actuele verzuimprotocol of neem contact op met de helpdesk.",
  thresholdMissing: "(deze regel bestaat niet meer)",
  basis: { law: "Wet", school: "Schoolbeleid" },
  callout: { info: "Goed om te weten", waarschuwing: "Let op" },
  unreadable: "Deze tekst kan op dit moment niet worden getoond.",
} as const;

const CLASSES = [
  "callout",
  "callout-info",
  "callout-waarschuwing",
  "protocol-rule",
  "protocol-rule-missing",
  "protocol-rule-ref",
  "protocol-rule-title",
  "protocol-rule-when",
  "protocol-rule-actions",
  "protocol-rule-action",
  "protocol-rule-actor",
  "protocol-rule-basis",
  "protocol-rule-explanation",
  "badge",
  "badge-law",
  "badge-school",
  "protocol-threshold",
  "protocol-threshold-missing",
  "threshold-basis",
  "protocol-rule-source",
  "article-link",
  "article-link-missing",
  "table-scroll",
  "align-left",
  "align-center",
  "align-right",
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "aside",
    "span",
  ],
  allowedAttributes: {
    a: ["href", "rel", "title"],
    ol: ["start"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    div: ["role", "aria-label"],
    aside: ["aria-label"],
    span: ["title"],
  },
  allowedClasses: { "*": CLASSES },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // Second line of defence behind the renderer: only our link policy survives, and links that
    // leave the portal never get access to window.opener or the referrer.
    a: (tagName, attribs) => {
      const href = attribs.href;
      if (!isAllowedHref(href)) return { tagName: "span", attribs: {} };
      const out: Record<string, string> = { href };
      if (attribs.class) out.class = attribs.class;
      if (attribs.title) out.title = attribs.title;
      if (isExternalHref(href)) out.rel = "noopener noreferrer";
      return { tagName, attribs: out };
    },
  },
};

/** Sanitizes HTML down to what the article renderer emits (also usable on any untrusted HTML). */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function join(children: string | string[] | undefined): string {
  return Array.isArray(children) ? children.join("") : (children ?? "");
}

function refOf(node: PMNode): RuleRef | null {
  const { ruleId, protocol } = node.attrs as { ruleId: unknown; protocol: unknown };
  if (!isValidId(ruleId) || (protocol != null && !isValidId(protocol))) return null;
  return protocol ? { ruleId, protocol } : { ruleId };
}

// A resolver that throws (database hiccup, bad protocol file) must not take the page down;
// the reader then sees the same notice as for a rule that no longer exists.
function safe<T>(fn: () => T | null): T | null {
  try {
    return fn() ?? null;
  } catch {
    return null;
  }
}

/** "Wet" or "Schoolbeleid <school>": always shown next to a threshold, so school policy never reads as law. */
function basisTextOf(rule: RuleView): string {
  const basis = rule.basis === "law" ? "law" : "school";
  return rule.basisText?.trim() || RENDER_TEXT.basis[basis];
}

/** The basis badge, linked to the rule's source when it has an address (a law text or government page). */
function basisBadge(rule: RuleView): string {
  const basis = rule.basis === "law" ? "law" : "school";
  const text = esc(basisTextOf(rule));
  const title = rule.source?.label ? ` title="${esc(`Bron: ${rule.source.label}`)}"` : "";
  const url = rule.source?.url;
  return url && isAllowedHref(url)
    ? `<a class="badge badge-${basis}" href="${esc(url)}"${title}${isExternalHref(url) ? ` rel="noopener noreferrer"` : ""}>${text}</a>`
    : `<span class="badge badge-${basis}"${title}>${text}</span>`;
}

function sourceLine(rule: RuleView): string {
  const src = rule.source;
  if (!src?.label) return "";
  const label = esc(src.label);
  const link =
    src.url && isAllowedHref(src.url) ? `<a href="${esc(src.url)}" rel="noopener noreferrer">${label}</a>` : label;
  return `<p class="protocol-rule-source">Bron: ${link}</p>`;
}

function ruleCard(rule: RuleView): string {
  const actions = rule.actions.length
    ? `<ol class="protocol-rule-actions">${rule.actions
        .map(
          (a) =>
            `<li><span class="protocol-rule-action">${esc(a.action)}</span> <span class="protocol-rule-actor">Wie: ${esc(a.actor)}</span></li>`,
        )
        .join("")}</ol>`
    : "";
  return (
    `<aside class="protocol-rule" aria-label="Protocolregel: ${esc(rule.title)}">` +
    `<p class="protocol-rule-title"><strong>${esc(rule.title)}</strong> ${basisBadge(rule)}</p>` +
    `<p class="protocol-rule-when"><strong>Wanneer:</strong> ${esc(rule.thresholdText)}</p>` +
    actions +
    `<p class="protocol-rule-basis">Grondslag: ${esc(basisTextOf(rule))}</p>` +
    (rule.explanation ? `<p class="protocol-rule-explanation">${esc(rule.explanation)}</p>` : "") +
    sourceLine(rule) +
    `</aside>`
  );
}

function alignClass(node: PMNode): string {
  const align = node.attrs.align;
  return align === "left" || align === "center" || align === "right" ? ` class="align-${align}"` : "";
}

function spanAttrs(node: PMNode): string {
  const colspan = Number(node.attrs.colspan);
  const rowspan = Number(node.attrs.rowspan);
  return (
    (Number.isInteger(colspan) && colspan > 1 && colspan < 100 ? ` colspan="${colspan}"` : "") +
    (Number.isInteger(rowspan) && rowspan > 1 && rowspan < 1000 ? ` rowspan="${rowspan}"` : "")
  );
}

type NodeRenderer = (props: { node: PMNode; children?: string | string[]; parent?: PMNode }) => string;

function render(doc: JSONContent, resolver: ContentResolver | null, options: RenderOptions): string {
  const articleHref = options.articleHref ?? ((slug: string) => `/artikelen/${slug}`);

  const nodeMapping: Record<string, NodeRenderer> = {
    heading: ({ node, children }) => {
      const tag = Number(node.attrs.level) >= 3 ? "h3" : "h2";
      return `<${tag}>${join(children)}</${tag}>`;
    },
    orderedList: ({ node, children }) => {
      const start = Number(node.attrs.start);
      const startAttr = Number.isInteger(start) && start !== 1 && start >= 0 ? ` start="${start}"` : "";
      return `<ol${startAttr}>${join(children)}</ol>`;
    },
    table: ({ node, children }) => {
      const rows = Array.isArray(children) ? children : [join(children)];
      const first = node.firstChild;
      const headerRow =
        !!first && first.childCount > 0 && first.content.content.every((c) => c.type.name === "tableHeader");
      const head = headerRow ? `<thead>${rows[0]}</thead>` : "";
      const body = (headerRow ? rows.slice(1) : rows).join("");
      return `<div class="table-scroll"><table>${head}${body ? `<tbody>${body}</tbody>` : ""}</table></div>`;
    },
    tableHeader: ({ node, children, parent }) => {
      // Header cells in a row that also has data cells label that row; otherwise their column.
      const rowHasData = !!parent && parent.content.content.some((c) => c.type.name === "tableCell");
      return `<th scope="${rowHasData ? "row" : "col"}"${spanAttrs(node)}${alignClass(node)}>${join(children)}</th>`;
    },
    tableCell: ({ node, children }) => `<td${spanAttrs(node)}${alignClass(node)}>${join(children)}</td>`,
    [NODE.callout]: ({ node, children }) => {
      const variant = isCalloutVariant(node.attrs.variant) ? node.attrs.variant : "info";
      const label = RENDER_TEXT.callout[variant];
      return `<div class="callout callout-${variant}" role="note" aria-label="${esc(label)}">${join(children)}</div>`;
    },
    [NODE.articleLink]: ({ node }) => {
      const slug = node.attrs.slug;
      const label = typeof node.attrs.label === "string" && node.attrs.label.trim() ? node.attrs.label.trim() : null;
      if (!isValidId(slug)) return `<span class="article-link-missing">${esc(label ?? "")}</span>`;
      if (!resolver) return `<a class="article-link" href="${esc(articleHref(slug))}">${esc(label ?? slug)}</a>`;
      const article = safe(() => resolver.article(slug));
      if (!article) return `<span class="article-link-missing">${esc(label ?? slug)}</span>`;
      return `<a class="article-link" href="${esc(articleHref(article.slug))}">${esc(label ?? article.title)}</a>`;
    },
    [NODE.protocolRule]: ({ node }) => {
      const ref = refOf(node);
      if (ref && !resolver) {
        return `<p class="protocol-rule-ref">Protocolregel: ${esc(ref.protocol ? `${ref.protocol}/${ref.ruleId}` : ref.ruleId)}</p>`;
      }
      const rule = ref && resolver ? safe(() => resolver.rule(ref)) : null;
      if (!rule) {
        return `<aside class="protocol-rule protocol-rule-missing" aria-label="Protocolregel niet gevonden"><p>${esc(RENDER_TEXT.ruleMissing)}</p></aside>`;
      }
      return ruleCard(rule);
    },
    [NODE.protocolThreshold]: ({ node }) => {
      const ref = refOf(node);
      if (ref && !resolver) return `<span class="protocol-threshold">${esc(ref.ruleId)}</span>`;
      const rule = ref && resolver ? safe(() => resolver.rule(ref)) : null;
      if (!rule) return `<span class="protocol-threshold-missing">${esc(RENDER_TEXT.thresholdMissing)}</span>`;
      // The basis is part of the threshold: an inline number never appears without whose rule it is.
      return `<span class="protocol-threshold">${esc(rule.thresholdText)}</span><span class="threshold-basis"> (${basisBadge(rule)})</span>`;
    },
  };

  const html = renderToHTMLString({
    content: doc,
    extensions: articleExtensions,
    options: {
      nodeMapping,
      markMapping: {
        link: ({ mark, children }: { mark: Mark; children?: string | string[] }) => {
          const href = mark.attrs.href;
          if (!isAllowedHref(href)) return join(children);
          const rel = isExternalHref(href) ? ` rel="noopener noreferrer"` : "";
          return `<a href="${esc(href)}"${rel}>${join(children)}</a>`;
        },
      },
      // Unknown types in stored JSON (an old schema, a hand-edited row): keep the text, drop the wrapper.
      unhandledNode: ({ children }: { children?: string | string[] }) => join(children),
      unhandledMark: ({ children }: { children?: string | string[] }) => join(children),
    },
  });
  return sanitizeArticleHtml(html);
}

function renderSafely(doc: JSONContent, resolver: ContentResolver | null, options: RenderOptions): string {
  if (!doc || typeof doc !== "object" || doc.type !== "doc") return "";
  try {
    return render(doc, resolver, options);
  } catch {
    // Structurally broken JSON (validated on save, so this means a bad row): show a notice, not a 500.
    return `<p>${esc(RENDER_TEXT.unreadable)}</p>`;
  }
}

/** Renders an article body to sanitized HTML, with protocol rules and article links resolved live. */
export function renderArticleHtml(doc: JSONContent, resolver: ContentResolver, options: RenderOptions = {}): string {
  return renderSafely(doc, resolver, options);
}

/**
 * Renders a document without live data (staff replies, previews): article links point to
 * `/artikelen/<slug>`, protocol nodes show their id. Pass a resolver to resolve them anyway.
 */
export function renderPlainHtml(
  doc: JSONContent,
  resolver: ContentResolver | null = null,
  options: RenderOptions = {},
): string {
  return renderSafely(doc, resolver, options);
}
