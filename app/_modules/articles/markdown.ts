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
// is refused with a Dutch message, so the seed stops on it instead of silently dropping text.//
// The parts: markdown-read.ts (Markdown -> JSON), markdown-write.ts (JSON -> Markdown), markdown-common.ts (the
// format error); this file holds the article file format and re-exports the rest.
import "server-only";
import YAML from "yaml";
import type { JSONContent } from "@tiptap/core";
import { ArticleFormatError } from "./markdown-common";
import { markdownToDoc } from "./markdown-read";
import { docToMarkdown } from "./markdown-write";

export { ArticleFormatError } from "./markdown-common";
export { markdownToDoc, parseRuleRef } from "./markdown-read";
export { docToMarkdown } from "./markdown-write";

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
