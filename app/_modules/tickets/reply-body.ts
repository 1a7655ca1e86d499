// The stored text of an agent's reply or note. With editor JSON the text is derived here, on the server, from the
// document after it passed the one Tiptap schema (app/_lib/tiptap/extensions.ts): a client-sent body/bodyJson
// pair is never trusted, so a clean `body` cannot smuggle a BSN in `bodyJson`. The number guard reads every string
// of the document (text, link addresses, labels), not only what the mail shows.
import "server-only";
import { ValidationError } from "@/app/_core/errors";
import { replyDocToText, type ReplyNode } from "@/app/_components/editor/reply-text";
import { docStrings, validateDoc } from "@/app/_modules/articles/validate";
import type { JSONContent } from "@/app/_lib/tiptap/doc-types";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";

const FORMAT_ERROR = "De opgemaakte tekst klopt niet. Probeer het opnieuw.";

/**
 * { body, bodyJson } to store: without JSON the plain body as sent (macros, demo data, API use); with JSON the body
 * is the plain text of the validated document and the client's body is ignored.
 */
export function deriveReplyBody(input: { body?: unknown; bodyJson?: unknown }): {
  body: unknown;
  bodyJson?: JSONContent;
} {
  if (input.bodyJson === undefined || input.bodyJson === null) return { body: input.body };
  let raw = input.bodyJson;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new ValidationError(FORMAT_ERROR, [{ path: "bodyJson", message: FORMAT_ERROR }]);
    }
  }
  const v = validateDoc(raw);
  if (!v.ok) throw new ValidationError(FORMAT_ERROR, [{ path: "bodyJson", message: v.message }]);
  if (containsPersonalNumber(docStrings(v.doc))) {
    throw new ValidationError("Niet alle velden zijn goed ingevuld.", [
      { path: "body", message: PERSONAL_NUMBER_MESSAGE },
    ]);
  }
  return { body: replyDocToText(v.doc as ReplyNode), bodyJson: v.doc };
}
