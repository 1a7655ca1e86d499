// Server-action posts the framework would answer with a 500 (Next.js 16.4 parses the body before any app code
// runs, and maps its own parse failures and its CSRF refusal to 500): refused here with a 4xx, from proxy.ts.
//
// What is checked, before the framework reads anything:
// - Origin: a browser always sends it with a POST. It must parse and name this host (Next.js's own rule:
//   x-forwarded-host, else host); otherwise 403 (Next.js would abort with a 500).
// - Content type: what Next.js's client sends (text/plain for fetch actions, multipart/form-data for forms and
//   files), or urlencoded (which Next.js declines itself); anything else 415.
// - A text/plain body (a fetch action's JSON arguments, never large): at most MAX_TEXT_BODY bytes (else 413), valid
//   UTF-8, nested at most MAX_DEPTH deep, and JSON; otherwise 400. Those are the garbage, invalid-UTF-8 and
//   100k-deep-nesting posts that made the decoder throw.
// - A small multipart body (up to MAX_TEXT_BODY: forms without files, arguments with FormData): it must parse
//   as multipart, and its numbered parts (the framework's JSON argument rows) must pass the text/plain checks.
//   Larger multipart bodies are uploads: parsing them twice would double their cost, so they go to the framework.
// What cannot be caught here without parsing multipart bodies ourselves is listed in the README (Security).
import "server-only";
import type { NextRequest } from "next/server";

export const MAX_TEXT_BODY = 1024 * 1024;
export const MAX_DEPTH = 256;
const ACTION_TYPES = ["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"];

/** A 4xx for a malformed server-action post, or null to let it through. */
export async function refuseMalformedAction(req: NextRequest | Request): Promise<Response | null> {
  if (req.method !== "POST") return null;
  const h = req.headers;
  const type = (h.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const isAction =
    h.has("next-action") || type === "multipart/form-data" || type === "application/x-www-form-urlencoded";
  if (!isAction) return null;
  if (!originAllowed(h)) return refuse(403, "Dit verzoek komt niet van deze website.");
  if (!ACTION_TYPES.includes(type)) return refuse(415, "Dit soort verzoek kunnen wij niet verwerken.");
  const length = Number(h.get("content-length") ?? NaN);
  if (type === "multipart/form-data") return checkSmallMultipart(req, length);
  if (type !== "text/plain") return null;
  if (Number.isFinite(length) && length > MAX_TEXT_BODY) return refuse(413, "Het verzoek is te groot.");
  const bytes = new Uint8Array(await req.clone().arrayBuffer());
  if (bytes.byteLength > MAX_TEXT_BODY) return refuse(413, "Het verzoek is te groot.");
  return wellFormedActionBody(bytes) ? null : refuse(400, "Het formulier is niet goed verstuurd.");
}

async function checkSmallMultipart(req: Request, length: number): Promise<Response | null> {
  const malformed = () => refuse(400, "Het formulier is niet goed verstuurd.");
  if (!/;\s*boundary=/i.test(req.headers.get("content-type") ?? "")) return malformed();
  if (!Number.isFinite(length) || length > MAX_TEXT_BODY) return null;
  let form: FormData;
  try {
    form = await req.clone().formData();
  } catch {
    return malformed();
  }
  for (const [name, value] of form) {
    if (/^\d+$/.test(name) && typeof value === "string" && !wellFormedActionBody(new TextEncoder().encode(value)))
      return malformed();
  }
  return null;
}

/** Whether a fetch action's text body is UTF-8, not nested too deep, and JSON (what Next.js's client sends). */
export function wellFormedActionBody(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (!withinDepth(text, MAX_DEPTH)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether JSON-like text nests arrays/objects at most `max` deep (strings skipped), without parsing it. */
export function withinDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return false;
    } else if (c === 93 || c === 125) depth--;
  }
  return true;
}

/** Next.js's CSRF rule, answered before it turns into a 500: a present Origin must name this site. */
export function originAllowed(h: Headers): boolean {
  const origin = h.get("origin");
  if (origin === null) return true; // not a browser (Next.js lets these through too: they carry no one's cookies)
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // includes "null" (sandboxed frames, file://)
  }
  if (!originHost) return false;
  const forwarded = h.get("x-forwarded-host")?.split(",")[0]?.trim();
  return originHost === (forwarded || h.get("host"));
}

function refuse(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}
