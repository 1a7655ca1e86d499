// Shared by the Markdown reader and writer: the format error, and how a protocol rule reference reads.
import "server-only";
import { isValidId } from "@/app/_lib/tiptap/doc-types";

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

export type MarkJSON = { type: string; attrs?: Record<string, unknown> };
/** The order marks nest in, outermost first. */
export const MARK_ORDER = ["link", "bold", "italic"];

/** A rule reference node's attrs as "id" or "protocol/id"; refused without a valid id. */
export function ruleRefText(attrs: Record<string, unknown> | undefined, what: string): string {
  const ruleId = attrs?.ruleId;
  const protocol = attrs?.protocol;
  if (!isValidId(ruleId) || (protocol != null && !isValidId(protocol))) {
    throw new ArticleFormatError(`${what} zonder geldige regel-id.`);
  }
  return protocol ? `${protocol}/${ruleId}` : ruleId;
}
