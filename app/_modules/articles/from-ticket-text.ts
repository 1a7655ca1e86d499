// Turning a ticket's question and answer into article text: personal details out (names we know, e-mail addresses,
// phone numbers, BSN and onderwijsnummer through the privacy module's guard), greetings and signatures off, and the
// limits of the article's fields. Pure: unit-tested and used by from-ticket.ts.
import { findPersonalNumbers } from "@/app/_modules/privacy/personal-number";
import { ARTICLE_LIMITS } from "./fields";
import { QUESTION_MAX, QUESTION_MIN } from "./questions";

export const NAME_MARK = "[naam]";
export const EMAIL_MARK = "[e-mailadres]";
export const PHONE_MARK = "[telefoonnummer]";
export const NUMBER_MARK = "[nummer verwijderd]";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Dutch phone numbers: 06-12345678, 020 123 4567, +31 6 1234 5678, (010) 123 45 67, 0800-1234.
const PHONE = /(?:\+31[\s-]?(?:\(0\))?|\(0|\b0)(?:\(?\d{1,3}\)?[\s-]?)(?:\d[\s-]?){5,8}\d\b/g;
const GREETING = /^(?:beste|geachte|hallo|hoi|dag|goedemorgen|goedemiddag|goedenavond)\b[^\n,]*,?\s*\n?/i;
const SIGN_OFF =
  /\n\s*(?:met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groet(?:en|jes)?|mvg|hartelijke groet(?:en)?)\b[\s\S]*$/i;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Removes the personal details from one text; names: the people on the ticket (caller, agents). */
export function removePersonalDetails(text: string, names: readonly string[]): string {
  let out = text;
  // Numbers first, by position from the end, so the other patterns cannot cut one in half.
  for (const m of findPersonalNumbers(out).sort((a, b) => b.start - a.start)) {
    out = out.slice(0, m.start) + NUMBER_MARK + out.slice(m.end);
  }
  out = out.replace(EMAIL, EMAIL_MARK).replace(PHONE, PHONE_MARK);
  // Whole names first, then their parts of 3+ letters ("Fatima", "El Amrani"), whole words only.
  const parts = new Set<string>();
  for (const n of names) {
    const name = n.trim();
    if (name.length < 2) continue;
    parts.add(name);
    for (const p of name.split(/\s+/)) if (p.length >= 3 && /^\p{Lu}/u.test(p)) parts.add(p);
  }
  for (const p of [...parts].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(p)}(?![\\p{L}\\d])`, "gu"), NAME_MARK);
  }
  return out.replace(new RegExp(`(?:${escapeRegExp(NAME_MARK)}\\s*){2,}`, "g"), `${NAME_MARK} `).trim();
}

/** The answer without its greeting line and signature. */
export function stripGreetings(text: string): string {
  return text.replace(/\r\n/g, "\n").trim().replace(GREETING, "").replace(SIGN_OFF, "").trim();
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, "")}…`;
}

/** The "Ook gevraagd als" question: one line within the question limits, or null when too short to use. */
export function questionFrom(text: string): string | null {
  const q = clip(oneLine(text), QUESTION_MAX);
  return q.length >= QUESTION_MIN ? q : null;
}

/** The title: the ticket's subject within the title limits. */
export function titleFrom(subject: string): string {
  const t = clip(oneLine(subject), ARTICLE_LIMITS.titleMax);
  return t.length >= ARTICLE_LIMITS.titleMin ? t : `Vraag: ${t}`.padEnd(ARTICLE_LIMITS.titleMin, ".");
}

/** The summary: the answer's first sentences within the summary limits. */
export function summaryFrom(answer: string, title: string): string {
  const flat = oneLine(answer);
  const sentence = flat.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? flat;
  const s = clip(sentence.length >= ARTICLE_LIMITS.summaryMin ? sentence : flat, ARTICLE_LIMITS.summaryMax);
  return s.length >= ARTICLE_LIMITS.summaryMin ? s : clip(`Antwoord op de vraag: ${title}`, ARTICLE_LIMITS.summaryMax);
}

/** A slug from the title and the ticket reference (unique per ticket). */
export function slugFrom(title: string, reference: string): string {
  const base = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  const ref = reference.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return base ? `${base}-${ref}` : `vraag-${ref}`;
}

/** The answer as an article body: one paragraph per block of text. */
export function bodyFrom(answer: string) {
  const paragraphs = answer
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean);
  return {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
}
