// The article form's field names, Dutch labels and slugify, without zod: the editor page's client code imports these
// at once, and the schema (./schema.ts, with zod) only when it validates (a lazy resolver and a dynamic import).
/** Field names of the form, in the order the error summary lists them. */
export const FORM_FIELDS = [
  "title",
  "slug",
  "summary",
  "type",
  "audiences",
  "sectors",
  "topic",
  "reviewDueAt",
  "validFrom",
  "validUntil",
  "questions",
  "body",
] as const;

/** Dutch labels of the form fields (error summary, validation messages). */
export const FORM_LABELS: Record<(typeof FORM_FIELDS)[number], string> = {
  title: "Titel",
  slug: "Webadres",
  summary: "Samenvatting",
  type: "Soort artikel",
  audiences: "Doelgroepen",
  sectors: "Sectoren",
  topic: "Onderwerp",
  reviewDueAt: "Controleren vóór",
  validFrom: "Geldig vanaf",
  validUntil: "Geldig tot",
  questions: "Ook gevraagd als",
  body: "Tekst",
};

/** A URL-safe slug from a title (accents removed, words joined by hyphens). */
export function slugify(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
