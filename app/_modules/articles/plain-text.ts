// Document -> plain text for the search index and snippets. Protocol data is resolved when a
// resolver is given, so an article is found by the threshold it shows, not by a rule id.
import "server-only";
import { NODE, isValidId, type ContentResolver, type JSONContent, type RuleRef } from "@/app/_lib/tiptap/doc-types";

function ruleRef(attrs: Record<string, unknown> | undefined): RuleRef | null {
  if (!isValidId(attrs?.ruleId)) return null;
  return isValidId(attrs?.protocol) ? { ruleId: attrs.ruleId, protocol: attrs.protocol } : { ruleId: attrs.ruleId };
}

function safe<T>(fn: () => T | null): T | null {
  try {
    return fn() ?? null;
  } catch {
    return null;
  }
}

function inlineText(nodes: JSONContent[] | undefined, resolver?: ContentResolver | null): string {
  let out = "";
  for (const n of nodes ?? []) {
    if (n.type === "text") out += n.text ?? "";
    else if (n.type === NODE.protocolThreshold) {
      const ref = ruleRef(n.attrs);
      out += (ref && resolver && safe(() => resolver.rule(ref))?.thresholdText) || "";
    } else if (n.type === NODE.articleLink) {
      const label = typeof n.attrs?.label === "string" && n.attrs.label.trim() ? n.attrs.label.trim() : null;
      const slug = isValidId(n.attrs?.slug) ? n.attrs.slug : "";
      out += label ?? ((resolver && slug && safe(() => resolver.article(slug))?.title) || slug.replace(/-/g, " "));
    } else out += inlineText(n.content, resolver);
  }
  return out.replace(/\s+/g, " ").trim();
}

function blockLines(node: JSONContent, resolver: ContentResolver | null | undefined, lines: string[]): void {
  switch (node.type) {
    case "paragraph":
    case "heading":
      lines.push(inlineText(node.content, resolver));
      break;
    case "tableRow":
      lines.push(
        (node.content ?? [])
          .map((cell) => (cell.content ?? []).map((p) => inlineText(p.content, resolver)).join(" "))
          .join(" | "),
      );
      break;
    case NODE.protocolRule: {
      const ref = ruleRef(node.attrs);
      const rule = ref && resolver ? safe(() => resolver.rule(ref)) : null;
      if (!rule) break;
      lines.push(rule.title, `Wanneer: ${rule.thresholdText}`);
      for (const a of rule.actions) lines.push(`${a.action} (Wie: ${a.actor})`);
      lines.push(rule.basisLabel, rule.explanation);
      break;
    }
    default:
      for (const child of node.content ?? []) blockLines(child, resolver, lines);
  }
}

/** Plain text of a document: one line per heading, paragraph, list item and table row. */
export function docToPlainText(doc: JSONContent, resolver?: ContentResolver | null): string {
  if (!doc || typeof doc !== "object") return "";
  const lines: string[] = [];
  blockLines(doc, resolver, lines);
  return lines
    .map((l) => (l ?? "").trim())
    .filter(Boolean)
    .join("\n");
}
