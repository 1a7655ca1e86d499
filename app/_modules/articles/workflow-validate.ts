// The server's check of an editor's save: the article's fields (./fields), taxonomy ids, a free slug, the questions,
// no personal number, and the body against the article schema and every protocol rule it embeds.
import "server-only";
import { z } from "zod";
import type { Issue } from "@/app/_core/errors";
import { ValidationError } from "@/app/_core/errors";
import { findProtocol, findRule } from "@/app/_modules/protocol/engine/definition";
import { ruleViewByRef } from "@/app/_modules/protocol/engine/rule-view";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { DEFAULT_PROTOCOL } from "@/app/_lib/tiptap/doc-types";
import { ARTICLE_LIMITS, ARTICLE_TYPES, articleFieldSchemas, DAY_PATTERN, isCalendarDay } from "./fields";
import { checkAgainstTaxonomy } from "./front-matter";
import { questionIssues, tidyQuestions } from "./questions";
import type { ArticleSnapshot } from "./snapshot";
import { checkRuleBasis, collectRuleRefs, docStrings, validateDoc } from "./validate";
import type { DbOrTx } from "./workflow-policy";
import { readProtocols, readTaxonomy, SLUG_TAKEN } from "./workflow-store";

/** A rule view, or null when the stored protocol data cannot produce one. */
function safeRuleView<T>(fn: () => T | null): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** The editable fields as the editor sends them; body is Tiptap JSON (untrusted). */
export type ArticleFieldsInput = {
  slug: string;
  type?: string;
  title: string;
  summary: string;
  body: unknown;
  audiences: string[];
  sectors: string[];
  topic: string;
  /** "Ook gevraagd als" questions; missing = none. */
  questions?: string[];
  /** YYYY-MM-DD or null. */
  reviewDueAt?: string | null;
  /** Validity period ("geldig vanaf/tot"), YYYY-MM-DD or null / "" for none; inclusive. */
  validFrom?: string | null;
  validUntil?: string | null;
};

const field = articleFieldSchemas({}, { trim: false });

/** The fields the server checks with the shared schemas (values arrive trimmed; the messages are FIELD_MESSAGES). */
const savedFieldsSchema = z.object({
  slug: field.slug,
  title: field.title,
  summary: field.summary,
  type: field.type,
  audiences: field.audiences,
  sectors: field.sectors,
  topic: field.topic,
  reviewDueAt: field.day.optional(),
});

const L = ARTICLE_LIMITS;
const FIELD_MESSAGES: Record<string, string> = {
  slug: `Gebruik alleen kleine letters, cijfers en streepjes, zoals verzuim-melden (hoogstens ${L.slugMax} tekens).`,
  title: `Geef een titel van ${L.titleMin} tot ${L.titleMax} tekens.`,
  summary: `Geef een samenvatting van ${L.summaryMin} tot ${L.summaryMax} tekens.`,
  type: "Kies veelgestelde vraag of nieuws.",
  audiences: "Kies minstens één doelgroep.",
  sectors: "Kies minstens één sector.",
  topic: "Kies een onderwerp.",
  reviewDueAt: "Vul een geldige datum in (JJJJ-MM-DD).",
  validFrom: "Vul een geldige datum in (JJJJ-MM-DD).",
  validUntil: "Vul een geldige datum in (JJJJ-MM-DD).",
};
export const VALID_ORDER = "De datum 'geldig tot' moet op of na 'geldig vanaf' liggen.";

/** A validity day of the form: none, or a day that exists. */
function validityDay(v: unknown, path: "validFrom" | "validUntil", issues: Issue[]): string | null {
  const day = v === null || v === undefined || v === "" ? null : trimmed(v);
  if (day === null) return null;
  if (typeof day !== "string" || !DAY_PATTERN.test(day) || !isCalendarDay(day)) {
    issues.push({ path, message: FIELD_MESSAGES[path]! });
    return null;
  }
  return day;
}

const TAXONOMY_MESSAGES: Record<string, string> = {
  audiences: "Deze doelgroep bestaat niet. Kies een doelgroep uit de lijst.",
  sectors: "Deze sector bestaat niet. Kies een sector uit de lijst.",
  topic: "Dit onderwerp bestaat niet. Kies een onderwerp uit de lijst.",
};

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/**
 * Validates the fields of a save: front-matter rules, taxonomy ids, a free slug, the body against the
 * article schema and every protocol rule it embeds. Throws one ValidationError with all field issues.
 */
export async function validateArticleFields(
  db: DbOrTx,
  opts: { fields: ArticleFieldsInput; articleId: string | null },
): Promise<ArticleSnapshot> {
  const f: Record<string, unknown> = isRecord(opts.fields) ? opts.fields : {};
  const issues: Issue[] = [];
  const reviewDueAt =
    f.reviewDueAt === null || f.reviewDueAt === undefined || f.reviewDueAt === "" ? undefined : trimmed(f.reviewDueAt);
  const parsed = savedFieldsSchema.safeParse({
    slug: trimmed(f.slug),
    title: trimmed(f.title),
    summary: trimmed(f.summary),
    type: f.type ?? ARTICLE_TYPES[0],
    audiences: f.audiences,
    sectors: f.sectors,
    topic: f.topic,
    reviewDueAt,
  });
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? "");
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({ path: key, message: FIELD_MESSAGES[key] ?? "Dit veld klopt niet." });
    }
  }
  if (typeof reviewDueAt === "string" && !issues.some((i) => i.path === "reviewDueAt") && !isCalendarDay(reviewDueAt))
    issues.push({ path: "reviewDueAt", message: FIELD_MESSAGES.reviewDueAt });
  const validFrom = validityDay(f.validFrom, "validFrom", issues);
  const validUntil = validityDay(f.validUntil, "validUntil", issues);
  if (validFrom && validUntil && validUntil < validFrom) issues.push({ path: "validUntil", message: VALID_ORDER });
  if (parsed.success) {
    // checkAgainstTaxonomy stops at the first wrong id; ask per list so every wrong field is named.
    const taxonomy = await readTaxonomy(db);
    for (const list of ["audiences", "sectors", "topic"] as const) {
      const probe = {
        ...parsed.data,
        audiences: [],
        sectors: [],
        topic: taxonomy.topics[0]?.id ?? "",
        [list]: parsed.data[list],
      };
      const wrong = checkAgainstTaxonomy(probe, taxonomy);
      if (wrong) issues.push({ path: wrong.field, message: TAXONOMY_MESSAGES[list] });
    }
    const taken = await db.article.findFirst({
      where: { slug: parsed.data.slug, ...(opts.articleId ? { NOT: { id: opts.articleId } } : {}) },
      select: { id: true },
    });
    if (taken) issues.push({ path: "slug", message: SLUG_TAKEN });
  }
  const questionList = f.questions === undefined || f.questions === null ? [] : f.questions;
  const badQuestions = questionIssues(questionList);
  for (const i of badQuestions)
    issues.push({ path: i.index === null ? "questions" : `questions.${i.index}`, message: i.message });
  // The BSN rule holds for articles too: no personal number in the title, the summary or anywhere in the body.
  for (const key of ["title", "summary"] as const) {
    const v = f[key];
    if (typeof v === "string" && containsPersonalNumber(v) && !issues.some((i) => i.path === key))
      issues.push({ path: key, message: PERSONAL_NUMBER_MESSAGE });
  }
  const body = validateDoc(f.body);
  if (!body.ok) issues.push({ path: "body", message: body.message });
  else if (containsPersonalNumber(docStrings(body.doc)))
    issues.push({ path: "body", message: PERSONAL_NUMBER_MESSAGE });
  else {
    const refs = collectRuleRefs(body.doc);
    if (refs.length > 0) {
      const protocols = await readProtocols(db);
      for (const r of refs) {
        const p = findProtocol(protocols, r.protocol ?? DEFAULT_PROTOCOL);
        if (!p || !findRule(p, r.ruleId)) {
          issues.push({
            path: "body",
            message: `De protocolregel "${r.protocol ? `${r.protocol}/` : ""}${r.ruleId}" bestaat niet. Kies een regel uit de lijst.`,
          });
        }
      }
      const basisProblem = checkRuleBasis(body.doc, (r) =>
        safeRuleView(() => ruleViewByRef(protocols, r.protocol ? `${r.protocol}/${r.ruleId}` : r.ruleId)),
      );
      if (basisProblem) issues.push({ path: "body", message: basisProblem });
    }
  }
  if (issues.length > 0 || !parsed.success || !body.ok || badQuestions.length > 0) {
    throw new ValidationError("Het artikel is niet opgeslagen. Verbeter de velden met een melding.", issues);
  }
  const fm = parsed.data;
  return {
    slug: fm.slug,
    type: fm.type,
    title: fm.title,
    summary: fm.summary,
    body: JSON.stringify(body.doc),
    audiences: fm.audiences,
    sectors: fm.sectors,
    topic: fm.topic,
    questions: tidyQuestions(questionList as string[]),
    reviewDueAt: fm.reviewDueAt ?? null,
    validFrom,
    validUntil,
  };
}
