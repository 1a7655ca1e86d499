// The article form as the browser and the server actions both validate it (same zod schema on both sides).
// The service (validateArticleFields) checks again, plus taxonomy ids, a free slug and the body.
import { z } from "zod";
import { ARTICLE_LIMITS, articleFieldSchemas } from "@/app/_modules/articles/fields";
import { questionIssues } from "@/app/_modules/articles/questions";
import { hasNoPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";

const L = ARTICLE_LIMITS;
const field = articleFieldSchemas(
  {
    slugEmpty: "Vul een webadres in, bijvoorbeeld verzuim-melden.",
    slugLong: `Het webadres mag hoogstens ${L.slugMax} tekens hebben.`,
    slug: "Gebruik alleen kleine letters, cijfers en streepjes, zoals verzuim-melden.",
    titleShort: `Geef een titel van minstens ${L.titleMin} tekens.`,
    titleLong: `De titel mag hoogstens ${L.titleMax} tekens hebben.`,
    summaryShort: `Geef een samenvatting van minstens ${L.summaryMin} tekens.`,
    summaryLong: `De samenvatting mag hoogstens ${L.summaryMax} tekens hebben.`,
    type: "Kies veelgestelde vraag of nieuws.",
    audiences: "Kies minstens één doelgroep.",
    sectors: "Kies minstens één sector.",
    topic: "Kies een onderwerp.",
    day: "Vul een geldige datum in.",
  },
  { trim: true },
);

/** Editable fields of the article form (the body travels separately as Tiptap JSON). */
export const articleFormSchema = z.object({
  slug: field.slug,
  type: field.type,
  title: field.title.refine(hasNoPersonalNumber, PERSONAL_NUMBER_MESSAGE),
  summary: field.summary.refine(hasNoPersonalNumber, PERSONAL_NUMBER_MESSAGE),
  audiences: field.audiences,
  sectors: field.sectors,
  topic: field.topic,
  /** "" for no review date (the form's empty date input). */
  reviewDueAt: z.union([z.literal(""), field.day]),
  /** Validity period ("geldig vanaf/tot"), "" for none; the server checks the order. */
  validFrom: z.union([z.literal(""), field.day]),
  validUntil: z.union([z.literal(""), field.day]),
  /** "Ook gevraagd als": same rules as content files and the service (5–200 characters, at most 20, no duplicates, no BSN). */
  questions: z.array(z.string()).superRefine((list, ctx) => {
    for (const i of questionIssues(list))
      ctx.addIssue({ code: "custom", path: i.index === null ? [] : [i.index], message: i.message });
  }),
});

export type ArticleFormValues = z.infer<typeof articleFormSchema>;

// The form's field names, labels and slugify live in a zod-free module, so the editor's client code can use them
// without loading zod with the page.
export { FORM_FIELDS, FORM_LABELS, slugify } from "./form-fields";
