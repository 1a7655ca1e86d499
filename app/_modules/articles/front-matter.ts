// Front matter of content/articles/*.md, validated against the taxonomy.
// The fields and their limits are defined once in ./fields; this file adds what only content files have.
import "server-only";
import { z } from "zod";
import type { Taxonomy } from "@/app/_modules/content/taxonomy";
import {
  ARTICLE_LIMITS,
  ARTICLE_STATUSES,
  ARTICLE_TYPES,
  articleFieldSchemas,
  articleSourceSchema,
  dateToDay,
} from "./fields";
import { questionIssues, tidyQuestions } from "./questions";

export { ARTICLE_STATUSES, ARTICLE_TYPES, articleSourceSchema, type ArticleSource, type ArticleStatus } from "./fields";

const field = articleFieldSchemas(
  { slug: "expected lowercase words with dashes", day: "expected a date YYYY-MM-DD" },
  { trim: false },
);

/** YAML reads an unquoted 2026-01-31 as a Date: both forms are a day. */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? dateToDay(v)! : v))
  .pipe(field.day);

/** "Ook gevraagd als" in a content file: leave the key out when there are none (export writes no empty list). */
const questions = z
  .array(z.unknown())
  .min(1, "leave the key out when there are no questions")
  .superRefine((list, ctx) => {
    for (const i of questionIssues(list))
      ctx.addIssue({ code: "custom", path: i.index === null ? [] : [i.index], message: i.technical });
  })
  .transform((list) => tidyQuestions(list as string[]));

export const frontMatterSchema = z
  .object({
    slug: field.slug,
    title: field.title,
    summary: field.summary,
    type: field.type.default(ARTICLE_TYPES[0]),
    audiences: field.audiences,
    sectors: field.sectors,
    topic: field.topic,
    questions: questions.optional(),
    status: z.enum(ARTICLE_STATUSES).default("published"),
    lastChecked: isoDate.optional(),
    /** The review date (the row's and the editor's reviewDueAt; see REVIEW_DUE_FILE_KEY in ./fields). */
    reviewDue: isoDate.optional(),
    /** The day the text was last reviewed against its sources; shown as "Laatst gecontroleerd" (wins over lastChecked). */
    reviewedAt: isoDate.optional(),
    /** The primary sources the article rests on, shown under it as "Bronnen". */
    sources: z
      .array(articleSourceSchema)
      .max(ARTICLE_LIMITS.sourcesMax, `at most ${ARTICLE_LIMITS.sourcesMax} sources`)
      .optional(),
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
export function checkAgainstTaxonomy(
  fm: Pick<FrontMatter, "audiences" | "sectors" | "topic">,
  t: Taxonomy,
): { field: string; message: string } | null {
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
