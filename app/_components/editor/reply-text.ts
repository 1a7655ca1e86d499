// The plain text the caller receives for a reply written in the small editor: paragraphs separated by a blank
// line, lists as "- " / "1. " lines, and links written out ("text (https://…)") because a mail in plain text
// has no other way to carry them. Pure, so the browser and tests use the same function.

type Mark = { type: string; attrs?: Record<string, unknown> };
export type ReplyNode = {
  type?: string;
  text?: string;
  marks?: Mark[];
  attrs?: Record<string, unknown>;
  content?: ReplyNode[];
};

function inline(nodes: ReplyNode[] | undefined): string {
  let out = "";
  for (const n of nodes ?? []) {
    if (n.type === "text") {
      const text = n.text ?? "";
      const href = n.marks?.find((m) => m.type === "link")?.attrs?.href;
      out += typeof href === "string" && href && href !== text && !text.includes(href) ? `${text} (${href})` : text;
    } else if (n.type === "hardBreak") out += "\n";
    else if (n.type === "articleLink") {
      const slug = String(n.attrs?.slug ?? "");
      out += `${String(n.attrs?.label ?? slug)} (/artikelen/${slug})`;
    } else out += inline(n.content);
  }
  return out;
}

function block(node: ReplyNode, indent: string): string[] {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return [indent + inline(node.content)];
    case "bulletList":
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      return (node.content ?? []).flatMap((item, i) => {
        const bullet = node.type === "bulletList" ? "- " : `${start + i}. `;
        const inner = (item.content ?? []).flatMap((c) => block(c, indent + " ".repeat(bullet.length)));
        if (inner.length) inner[0] = indent + bullet + inner[0]!.slice(indent.length + bullet.length);
        return [inner.join("\n")];
      });
    }
    default:
      return node.content ? node.content.flatMap((c) => block(c, indent)) : [indent + inline([node])];
  }
}

/** Plain text of a Tiptap document for the reply mail and the stored body. */
export function replyDocToText(doc: ReplyNode | null | undefined): string {
  if (!doc || doc.type !== "doc") return "";
  const parts: string[] = [];
  for (const node of doc.content ?? []) {
    const lines = block(node, "");
    // Items of one list stay together; blocks are separated by a blank line.
    parts.push(node.type === "bulletList" || node.type === "orderedList" ? lines.join("\n") : lines.join("\n\n"));
  }
  return parts
    .join("\n\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A plain text (a macro) as document paragraphs, without any HTML parsing. */
export function textToReplyDoc(text: string): ReplyNode {
  const paragraphs = text.replace(/\r\n?/g, "\n").split(/\n{2,}/);
  return {
    type: "doc",
    content: paragraphs.map((p) => {
      const lines = p.split("\n");
      const content: ReplyNode[] = [];
      lines.forEach((l, i) => {
        if (i > 0) content.push({ type: "text", text: " " });
        if (l) content.push({ type: "text", text: l });
      });
      return { type: "paragraph", content: content.filter((c) => c.text) };
    }),
  };
}
