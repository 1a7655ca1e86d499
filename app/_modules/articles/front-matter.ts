// Front matter of content/articles/*.md, validated against the taxonomy.
import { z } from "zod";
import type { Taxonomy } from "@/app/_modules/content/taxonomy";
import { questionIssues, tidyQuestions } from "./questions";

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD"));

export const ARTICLE_STATUSES = ["draft", "in_review", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_TYPES = ["faq", "nieuws"] as const;

/** "Ook gevraagd als" in a content file: leave the key out when there are none (export writes no empty list). */
const questions = z
  .array(z.unknown())
  .min(1, "leave the key out when there are no questions")
  .superRefine((list, ctx) => {
    for (const i of questionIssues(list))
      ctx.addIssue({ code: "custom", path: i.index === null ? [] : [i.index], message: i.technical });
  })
  .transform((list) => tidyQuestions(list as string[]));

/** One source of an article: a law text, a page of DUO, the Inspectie, the Rijksoverheid, a Kamerstuk … */
export const articleSourceSchema = z.strictObject({
  title: z.string().trim().min(3, "expected the title of the source").max(200),
  url: z
    .string()
    .max(500)
    .regex(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i, "expected an https:// address"),
});
export type ArticleSource = z.infer<typeof articleSourceSchema>;

export const frontMatterSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected lowercase words with dashes")
      .max(120),
    title: z.string().min(5).max(160),
    summary: z.string().min(10).max(400),
    type: z.enum(ARTICLE_TYPES).default("faq"),
    audiences: z.array(z.string()).min(1),
    sectors: z.array(z.string()).min(1),
    topic: z.string(),
    questions: questions.optional(),
    status: z.enum(ARTICLE_STATUSES).default("published"),
    lastChecked: isoDate.optional(),
    reviewDue: isoDate.optional(),
    /** The day the text was last reviewed against its sources; shown as "Laatst gecontroleerd" (wins over lastChecked). */
    reviewedAt: isoDate.optional(),
    /** The primary sources the article rests on, shown under it as "Bronnen". */
    sources: z.array(articleSourceSchema).max(20, "at most 20 sources").optional(),
  })
  .superRefine((fm, ctx) => {
    // One check date per file: reviewedAt (reviewed against the sources) or lastChecked, so export writes it back as is.
    if (fm.reviewedAt !== undefined && fm.lastChecked !== undefined)
      ctx.addIssue({ code: "custom", path: ["reviewedAt"], message: "use either reviewedAt or lastChecked, not both" });
    if (fm.reviewedAt !== undefined && !fm.sources?.length)
      ctx.addIssue({
        code: "custom",
        path: ["reviewedAt"],
        message: "reviewedAt means reviewed against sources: add sources, or use lastChecked",
      });
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Checks taxonomy ids; returns the first wrong field and why, or null. */
export function checkAgainstTaxonomy(fm: FrontMatter, t: Taxonomy): { field: string; message: string } | null {
  const ids = (list: "audiences" | "sectors" | "topics") => new Set(t[list].map((e) => e.id));
  const aud = ids("audiences");
  const sec = ids("sectors");
  const bad = (field: string, v: string, list: string) => ({
    field,
    message: `unknown ${list} "${v}" (see content/taxonomy.yaml)`,
  });
  for (const [i, a] of fm.audiences.entries()) if (!aud.has(a)) return bad(`audiences.${i}`, a, "audience");
  for (const [i, s] of fm.sectors.entries()) if (!sec.has(s)) return bad(`sectors.${i}`, s, "sector");
  if (!ids("topics").has(fm.topic)) return bad("topic", fm.topic, "topic");
  return null;
}
