// Closing the loop from the content-gap report: a search without results (or without clicks) becomes an "ook
// gevraagd als" question of an article, or a synonym group. Questions follow the editorial workflow like any edit
// (a published article keeps its live version until another editor approves: four eyes are never bypassed);
// synonyms are held in the database and reach the search index at once. A handled search leaves the open list.
import "server-only";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { ConflictError, ValidationError, type Issue } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import {
  checkSynonymTerms,
  listEditorSynonyms,
  synonymGroupKey,
  type EditorSynonymGroup,
} from "@/app/_modules/content/editor-synonyms";
import { synonymTermsColumn } from "@/app/_modules/content/columns";
import { jsonColumn } from "@/app/_lib/json-column";
import { questionIssues, questionKey, tidyQuestion } from "./questions";
import { parseSnapshot } from "./snapshot";
import {
  latestRevision,
  requireEditor,
  submitForReview,
  toWorkingStatus,
  WORKING_STATUS_LABELS,
  writeDraft,
  type WorkingStatus,
} from "./workflow";

/** SearchGapAction.detail: what was done (the question added with its revision, or the synonym group). */
const gapActionDetailSchema = z.object({
  question: z.string().optional(),
  revision: z.number().optional(),
  terms: z.array(z.string()).optional(),
  synonymId: z.string().optional(),
});
type GapActionDetail = z.infer<typeof gapActionDetailSchema>;
const gapActionDetailColumn = jsonColumn("SearchGapAction.detail", gapActionDetailSchema);

export type GapActionHooks = {
  /** Called after a synonym group was added or removed (committed): re-apply the search settings. */
  onSynonymsChanged?(): void | Promise<void>;
};

export type AddedQuestion = { articleId: string; revision: number; workingStatus: WorkingStatus; submitted: boolean };

const NOT_ADDED = "De vraag is niet toegevoegd.";
const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";

/** The gap must be a logged search that nobody handled yet. */
async function requireOpenGap(db: Db, normalized: string): Promise<void> {
  const n = (normalized ?? "").trim();
  const logged = n ? await db.searchLog.findFirst({ where: { normalized: n }, select: { id: true } }) : null;
  if (!logged)
    throw new ValidationError("Deze zoekvraag staat niet in het overzicht.", [
      { path: "normalized", message: "Deze zoekvraag staat niet (meer) in het overzicht. Laad de pagina opnieuw." },
    ]);
  const done = await db.searchGapAction.findUnique({ where: { normalized: n }, select: { id: true } });
  if (done) throw new ConflictError("Deze zoekvraag is al afgehandeld. Laad de pagina opnieuw.");
}

async function recordHandled(
  db: Db,
  data: {
    normalized: string;
    action: "question" | "synonym";
    articleId: string | null;
    detail: GapActionDetail;
    actorId: string;
  },
) {
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.searchGapAction.create({
        data: {
          normalized: data.normalized,
          action: data.action,
          articleId: data.articleId,
          detail: gapActionDetailColumn.encode(data.detail),
          actorId: data.actorId,
        },
      });
      await recordAudit(tx, {
        actorId: data.actorId,
        action: `search_gap.${data.action}`,
        entityType: "search_gap",
        entityId: row.id,
        after: { query: data.normalized, articleId: data.articleId, ...data.detail },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("Deze zoekvraag is intussen door iemand anders afgehandeld.");
    throw e;
  }
}

/**
 * Adds the question (the search as an editor tidied it) to an article's "ook gevraagd als" list as a new draft
 * revision. A published article without pending changes is offered for review at once (another editor approves);
 * an article that already has a draft gets the question in that draft. Articles in review, scheduled or archived
 * are refused: their content is fixed until the review ends.
 */
export async function addGapQuestion(
  db: Db,
  opts: { user: SessionUser; normalized: string; question: string; articleId: string },
): Promise<AddedQuestion> {
  requireEditor(opts.user);
  const question = tidyQuestion(typeof opts.question === "string" ? opts.question : "");
  const issues: Issue[] = questionIssues([question]).map((i) => ({
    path: "question",
    message: i.message.replace(/^Vraag 1/, "De vraag"),
  }));
  if (!opts.articleId) issues.push({ path: "articleId", message: "Kies een artikel uit de lijst." });
  if (issues.length) throw new ValidationError(NOT_ADDED, issues);
  await requireOpenGap(db, opts.normalized);

  const article = await db.article.findUnique({ where: { id: opts.articleId } });
  if (!article)
    throw new ValidationError(NOT_ADDED, [
      { path: "articleId", message: "Dit artikel bestaat niet (meer). Kies een artikel uit de lijst." },
    ]);
  const latest = await latestRevision(db, article);
  const working = toWorkingStatus(latest.status);
  if (working === "archived") {
    throw new ValidationError(NOT_ADDED, [
      { path: "articleId", message: "Dit artikel is gearchiveerd. Kies een ander artikel." },
    ]);
  }
  if (working === "in_review" || working === "scheduled") {
    throw new ValidationError(NOT_ADDED, [
      {
        path: "articleId",
        message: `Dit artikel is ${WORKING_STATUS_LABELS[working].toLowerCase()}. Voeg de vraag toe als de beoordeling klaar is, of kies een ander artikel.`,
      },
    ]);
  }
  const current = latest.parsed.questions;
  if (current.some((q) => questionKey(q) === questionKey(question))) {
    throw new ValidationError(NOT_ADDED, [{ path: "question", message: "Deze vraag staat al bij dit artikel." }]);
  }
  const next = [...current, question];
  const tooMany = questionIssues(next).find((i) => i.code === "too-many");
  if (tooMany)
    throw new ValidationError(NOT_ADDED, [
      { path: "question", message: `Dit artikel heeft al ${current.length} vragen. ${tooMany.message}` },
    ]);

  const saved = await writeDraft(db, {
    user: opts.user,
    articleId: article.id,
    snapshot: { ...latest.parsed, questions: next },
    baseRevision: latest.number,
    note: `Vraag toegevoegd uit ‘Wat ontbreekt er?’: ${question}`,
    action: "saved",
  });
  let revision = saved.revision;
  let status: WorkingStatus = "draft";
  if (working === "published") {
    const submitted = await submitForReview(db, {
      user: opts.user,
      articleId: article.id,
      baseRevision: saved.revision,
      note: "Nieuwe vraag uit ‘Wat ontbreekt er?’: graag beoordelen",
    });
    revision = submitted.revision;
    status = "in_review";
  }
  await recordHandled(db, {
    normalized: opts.normalized.trim(),
    action: "question",
    articleId: article.id,
    detail: { question, revision },
    actorId: opts.user.id,
  });
  return { articleId: article.id, revision, workingStatus: status, submitted: status === "in_review" };
}

/** Adds a synonym group (the search's word and what it means) that both engines load with the taxonomy's. */
export async function addGapSynonym(
  db: Db,
  opts: { user: SessionUser; normalized: string; terms: unknown; hooks?: GapActionHooks },
): Promise<{ id: string; terms: string[] }> {
  requireEditor(opts.user);
  const { terms, issues } = checkSynonymTerms(opts.terms);
  if (issues.length) throw new ValidationError("Het synoniem is niet toegevoegd.", issues);
  await requireOpenGap(db, opts.normalized);
  const termsKey = synonymGroupKey(terms);
  if (await db.editorSynonym.findUnique({ where: { termsKey }, select: { id: true } })) {
    throw new ValidationError("Het synoniem is niet toegevoegd.", [
      { path: "terms", message: "Deze woorden staan al als synoniemen in de lijst." },
    ]);
  }
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const row = await tx.editorSynonym.create({
        data: { terms: JSON.stringify(terms), termsKey, createdById: opts.user.id },
      });
      await recordAudit(tx, {
        actorId: opts.user.id,
        action: "search.synonym_added",
        entityType: "editor_synonym",
        entityId: row.id,
        after: { terms },
      });
      return row.id;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new ValidationError("Het synoniem is niet toegevoegd.", [
        { path: "terms", message: "Deze woorden staan al als synoniemen in de lijst." },
      ]);
    throw e;
  }
  await recordHandled(db, {
    normalized: opts.normalized.trim(),
    action: "synonym",
    articleId: null,
    detail: { terms, synonymId: id },
    actorId: opts.user.id,
  });
  await opts.hooks?.onSynonymsChanged?.();
  return { id, terms };
}

/** Removes an editor synonym group (audited); the search stops using it at once. */
export async function removeEditorSynonym(
  db: Db,
  opts: { user: SessionUser; id: string; hooks?: GapActionHooks },
): Promise<void> {
  requireEditor(opts.user);
  await db.$transaction(async (tx) => {
    const row = await tx.editorSynonym.findUnique({ where: { id: opts.id } });
    if (!row) throw new ConflictError("Deze synoniemen zijn al verwijderd.");
    await tx.editorSynonym.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "search.synonym_removed",
      entityType: "editor_synonym",
      entityId: row.id,
      before: { terms: synonymTermsColumn.decode(row.terms) },
    });
  });
  await opts.hooks?.onSynonymsChanged?.();
}

export type HandledGapRow = {
  query: string;
  action: "question" | "synonym";
  /** What was done, in words for the report. */
  what: string;
  article: { id: string; title: string; statusLabel: string; href: string } | null;
  by: string | null;
  at: Date;
};

/** Searches that editors handled, newest first. */
export async function handledGaps(db: Db, opts: { user: SessionUser; limit?: number }): Promise<HandledGapRow[]> {
  requireEditor(opts.user);
  const rows = await db.searchGapAction.findMany({ orderBy: { createdAt: "desc" }, take: opts.limit ?? 50 });
  const articleIds = [...new Set(rows.map((r) => r.articleId).filter((id): id is string => !!id))];
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const [articles, actors] = await Promise.all([
    db.article.findMany({
      where: { id: { in: articleIds } },
      select: {
        id: true,
        title: true,
        status: true,
        revisions: { orderBy: { number: "desc" }, take: 1, select: { status: true } },
      },
    }),
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
  ]);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const nameById = new Map(actors.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const detail = gapActionDetailColumn.decode(r.detail);
    const a = r.articleId ? articleById.get(r.articleId) : undefined;
    const working = a ? toWorkingStatus(a.revisions[0]?.status ?? a.status) : null;
    const statusLabel =
      !a || !working
        ? ""
        : a.status === "published" && working !== "published"
          ? `online, wijziging ${WORKING_STATUS_LABELS[working].toLowerCase()}`
          : WORKING_STATUS_LABELS[working].toLowerCase();
    return {
      query: r.normalized,
      action: r.action === "synonym" ? "synonym" : "question",
      what:
        r.action === "synonym"
          ? `Synoniemen: ${(detail.terms ?? []).join(", ")}`
          : `Vraag toegevoegd: ‘${detail.question ?? ""}’`,
      article: a ? { id: a.id, title: a.title, statusLabel, href: `/redactie/artikelen/${a.id}` } : null,
      by: r.actorId ? (nameById.get(r.actorId) ?? null) : null,
      at: r.createdAt,
    };
  });
}

export type ArticleChoice = { id: string; title: string };

/** Articles a question can be added to (not archived), by working-copy title, for the typeahead. */
export async function questionTargets(db: Db, opts: { user: SessionUser }): Promise<ArticleChoice[]> {
  requireEditor(opts.user);
  const rows = await db.article.findMany({
    where: { status: { not: "archived" } },
    select: {
      id: true,
      title: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { snapshot: true, status: true } },
    },
  });
  return rows
    .filter((a) => toWorkingStatus(a.revisions[0]?.status ?? "draft") !== "archived")
    .map((a) => ({
      id: a.id,
      title: a.revisions[0] ? parseSnapshot(a.revisions[0].snapshot).title : a.title,
    }))
    .sort((x, y) => x.title.localeCompare(y.title, "nl"));
}

/** The editors' synonym groups, for the report. */
export async function editorSynonymList(db: Db, opts: { user: SessionUser }): Promise<EditorSynonymGroup[]> {
  requireEditor(opts.user);
  return listEditorSynonyms(db);
}
