// The article form as the browser and the server actions both validate it (same zod schema on both sides).
// The service (validateArticleFields) checks again, plus taxonomy ids, a free slug and the body.
import { z } from "zod";
import { questionIssues } from "@/app/_modules/articles/questions";
import { hasNoPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Editable fields of the article form (the body travels separately as Tiptap JSON). */
export const articleFormSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1, "Vul een webadres in, bijvoorbeeld verzuim-melden.")
    .max(120, "Het webadres mag hoogstens 120 tekens hebben.")
    .regex(ID, "Gebruik alleen kleine letters, cijfers en streepjes, zoals verzuim-melden."),
  type: z.enum(["faq", "nieuws"], { message: "Kies veelgestelde vraag of nieuws." }),
  title: z
    .string()
    .trim()
    .min(5, "Geef een titel van minstens 5 tekens.")
    .max(160, "De titel mag hoogstens 160 tekens hebben.")
    .refine(hasNoPersonalNumber, PERSONAL_NUMBER_MESSAGE),
  summary: z
    .string()
    .trim()
    .min(10, "Geef een samenvatting van minstens 10 tekens.")
    .max(400, "De samenvatting mag hoogstens 400 tekens hebben.")
    .refine(hasNoPersonalNumber, PERSONAL_NUMBER_MESSAGE),
  audiences: z.array(z.string()).min(1, "Kies minstens één doelgroep."),
  sectors: z.array(z.string()).min(1, "Kies minstens één sector."),
  topic: z.string().min(1, "Kies een onderwerp."),
  reviewDueAt: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een geldige datum in.")]),
  /** "Ook gevraagd als": same rules as content files and the service (5–200 characters, at most 20, no duplicates, no BSN). */
  questions: z.array(z.string()).superRefine((list, ctx) => {
    for (const i of questionIssues(list))
      ctx.addIssue({ code: "custom", path: i.index === null ? [] : [i.index], message: i.message });
  }),
});

export type ArticleFormValues = z.infer<typeof articleFormSchema>;

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
