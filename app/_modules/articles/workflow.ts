// The editorial workflow: draft → in review → published → archived, with four eyes, scheduled
// publication, autosave with conflict detection and a revision for every save and status change.
//
// MODEL (no extra tables): the latest ArticleRevision is always the WORKING COPY. The Article row is what
// the public sees: while an article is published, the row keeps the published content, and edits live
// only in revisions until another editor approves them; for any other status the row mirrors the
// working copy. The working status is the latest revision's status:
//   draft | in_review | scheduled | published | archived
// ("scheduled" = approved, waiting for Article.scheduledAt). Article.status stays one of the four
// public states, so a published article with pending changes is status "published" with a working
// status "draft"/"in_review"/"scheduled". Every state change writes revision N+1; the unique
// (articleId, number) index turns two concurrent changes into one success and one ConflictError.//
// The parts: workflow-policy.ts (statuses, four eyes), workflow-store.ts (shared steps), workflow-validate.ts (the
// server's check of a save), workflow-read.ts (the editor's list and article); this file holds the state changes.
import "server-only";
import type { Db } from "@/app/_core/db";
import { ConflictError, ValidationError, logUnexpected } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import {
  parsePublishNote,
  recordArticlePublication,
  recordArticleRemoval,
  type PublishNote,
} from "@/app/_modules/changes/article-change";
import { snapshotColumn, type ArticleSnapshot } from "./snapshot";
import {
  canApproveArticle,
  FourEyesError,
  requireEditor,
  reviewWriters,
  STALE_MESSAGE,
  toWorkingStatus,
  WROTE_IT,
  type Tx,
} from "./workflow-policy";
import {
  commit,
  contentColumns,
  isUniqueViolation,
  latestRevision,
  loadArticle,
  runHook,
  utcDay,
  type SavedRevision,
  type WorkflowHooks,
} from "./workflow-store";
import { validateArticleFields, type ArticleFieldsInput } from "./workflow-validate";

export * from "./workflow-policy";
export * from "./workflow-read";
export * from "./workflow-store";
export * from "./workflow-validate";

/** Creates a draft article (revision 1). */
export async function createArticle(
  db: Db,
  opts: { user: SessionUser; fields: ArticleFieldsInput; note?: string },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  const snapshot = await validateArticleFields(db, { fields: opts.fields, articleId: null });
  return commit(db, async (tx) => {
    const a = await tx.article.create({ data: { ...contentColumns(snapshot), status: "draft" } });
    await tx.articleRevision.create({
      data: {
        articleId: a.id,
        number: 1,
        status: "draft",
        note: opts.note?.trim() || "Nieuw artikel",
        snapshot: snapshotColumn.encode(snapshot),
        authorId: opts.user.id,
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.created",
      entityType: "article",
      entityId: a.id,
      after: { status: "draft", slug: snapshot.slug },
    });
    return { articleId: a.id, revision: 1 };
  });
}

/** Writes a new working copy; shared by saveDraft and restoreRevision. */
export async function writeDraft(
  db: Db,
  opts: {
    user: SessionUser;
    articleId: string;
    snapshot: ArticleSnapshot;
    baseRevision?: number | null;
    note?: string | null;
    action: "saved" | "restored";
    restoredFrom?: number;
  },
): Promise<SavedRevision> {
  return commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    const snapshotText = snapshotColumn.encode(opts.snapshot);
    // Autosave sends the same content again and again; only a real change makes a revision.
    if (opts.action === "saved" && before === "draft" && latest.number > 0 && latest.snapshot === snapshotText) {
      return { articleId: article.id, revision: latest.number };
    }
    const live = article.status === "published";
    await tx.article.update({
      where: { id: article.id },
      // A published article stays live with its approved content; the edit waits in the revision.
      data: live
        ? { submittedById: null, scheduledAt: null }
        : { ...contentColumns(opts.snapshot), status: "draft", submittedById: null, scheduledAt: null },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status: "draft",
        snapshot: snapshotText,
        authorId: opts.user.id,
        note: opts.note?.trim() || (opts.action === "restored" ? `Versie ${opts.restoredFrom} teruggezet` : null),
      },
    });
    if (opts.action === "restored" || before !== "draft") {
      await recordAudit(tx, {
        actorId: opts.user.id,
        action: opts.action === "restored" ? "article.restored" : "article.returned_to_draft",
        entityType: "article",
        entityId: article.id,
        before: { status: before, revision: latest.number },
        after: { status: "draft", revision: number, ...(opts.restoredFrom ? { restoredFrom: opts.restoredFrom } : {}) },
      });
    }
    return { articleId: article.id, revision: number };
  });
}

/**
 * Saves the editor's fields as a new revision (creates the article when articleId is null) and returns
 * the new revision number. A stale baseRevision is a ConflictError: nothing is overwritten silently.
 * Saving an article that is in review or scheduled takes it back to draft (it needs a new review).
 */
export async function saveDraft(
  db: Db,
  opts: {
    user: SessionUser;
    articleId: string | null;
    fields: ArticleFieldsInput;
    baseRevision: number | null;
    note?: string;
  },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  if (opts.articleId === null) return createArticle(db, { user: opts.user, fields: opts.fields, note: opts.note });
  await loadArticle(db, opts.articleId);
  // Without the revision the editor started from, a save could silently overwrite someone else's work.
  if (!Number.isInteger(opts.baseRevision)) {
    throw new ValidationError("Het artikel is niet opgeslagen.", [
      { path: "baseRevision", message: "De versie waarop u verder werkt ontbreekt. Laad het artikel opnieuw." },
    ]);
  }
  const snapshot = await validateArticleFields(db, { fields: opts.fields, articleId: opts.articleId });
  return writeDraft(db, {
    user: opts.user,
    articleId: opts.articleId,
    snapshot,
    baseRevision: opts.baseRevision,
    note: opts.note,
    action: "saved",
  });
}

/** Offers the working copy for review; the submitter is remembered for the four-eyes rule. */
export async function submitForReview(
  db: Db,
  opts: { user: SessionUser; articleId: string; baseRevision?: number | null; note?: string },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  return commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before !== "draft") {
      throw new ConflictError(
        before === "published"
          ? "Er zijn geen wijzigingen om te laten beoordelen. Bewerk het artikel eerst."
          : before === "archived"
            ? "Een gearchiveerd artikel kunt u niet aanbieden. Bewerk het eerst of zet een oude versie terug."
            : "Dit artikel is al aangeboden ter beoordeling.",
      );
    }
    const live = article.status === "published";
    await tx.article.update({
      where: { id: article.id },
      data: { submittedById: opts.user.id, ...(live ? {} : { status: "in_review" }) },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status: "in_review",
        snapshot: latest.snapshot,
        authorId: opts.user.id,
        note: opts.note?.trim() || "Aangeboden ter beoordeling",
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.submitted",
      entityType: "article",
      entityId: article.id,
      before: { status: before, revision: latest.number },
      after: { status: "in_review", revision: number },
    });
    return { articleId: article.id, revision: number };
  });
}

/** Copies a working copy into the row and makes it public; records the change ("Wat is er veranderd"). */
async function publishWorkingCopy(
  tx: Tx,
  article: Awaited<ReturnType<typeof loadArticle>>,
  snapshot: ArticleSnapshot,
  now: Date,
  change: { actorId: string | null; note: PublishNote },
) {
  await recordArticlePublication(tx, { article, snapshot, actorId: change.actorId, note: change.note, now });
  await tx.article.update({
    where: { id: article.id },
    data: {
      ...contentColumns(snapshot),
      status: "published",
      publishedAt: article.publishedAt ?? now,
      // Approval is a content check by a second person.
      lastCheckedAt: utcDay(now),
      scheduledAt: null,
      submittedById: null,
      pendingChangeSummary: null,
      pendingDeskNote: null,
    },
  });
}

/**
 * Approves an article in review (another editor or an admin than the submitter): publishes it now, or
 * schedules it when publishAt lies in the future. Calls hooks.onPublished after commit.
 */
export async function approveArticle(
  db: Db,
  opts: {
    user: SessionUser;
    articleId: string;
    publishAt?: Date | null;
    baseRevision?: number | null;
    note?: string;
    /** For "Wat is er veranderd": a one-line summary of the change and a note for the desk (both optional). */
    changeSummary?: string | null;
    deskNote?: string | null;
    now?: Date;
    hooks?: WorkflowHooks;
  },
): Promise<SavedRevision & { status: "published" | "scheduled"; scheduledAt: Date | null }> {
  requireEditor(opts.user);
  const change = parsePublishNote(opts);
  const now = opts.now ?? new Date();
  if (opts.publishAt && Number.isNaN(opts.publishAt.getTime())) {
    throw new ValidationError("De datum klopt niet.", [
      { path: "publishAt", message: "Vul een geldige datum en tijd in." },
    ]);
  }
  const schedule = !!opts.publishAt && opts.publishAt.getTime() > now.getTime();
  const result = await commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before !== "in_review") {
      throw new ConflictError(
        before === "scheduled"
          ? "Dit artikel is al goedgekeurd en ingepland."
          : "Dit artikel staat niet ter beoordeling.",
      );
    }
    const writerIds = await reviewWriters(tx, article.id);
    if (!canApproveArticle(opts.user, { submittedById: article.submittedById, workingStatus: before, writerIds })) {
      throw new FourEyesError(
        article.submittedById !== opts.user.id && writerIds.includes(opts.user.id) ? WROTE_IT : undefined,
      );
    }
    const number = latest.number + 1;
    if (schedule) {
      await tx.article.update({
        where: { id: article.id },
        data: {
          scheduledAt: opts.publishAt!,
          pendingChangeSummary: change.changeSummary,
          pendingDeskNote: change.deskNote,
        },
      });
    } else {
      await publishWorkingCopy(tx, article, latest.parsed, now, { actorId: opts.user.id, note: change });
    }
    const status = schedule ? "scheduled" : "published";
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status,
        snapshot: latest.snapshot,
        authorId: opts.user.id,
        note: opts.note?.trim() || (schedule ? "Goedgekeurd en ingepland" : "Goedgekeurd en gepubliceerd"),
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: schedule ? "article.scheduled" : "article.published",
      entityType: "article",
      entityId: article.id,
      before: { status: before, revision: latest.number, submittedById: article.submittedById },
      after: { status, revision: number, ...(schedule ? { scheduledAt: opts.publishAt!.toISOString() } : {}) },
    });
    return { articleId: article.id, revision: number, status, scheduledAt: schedule ? opts.publishAt! : null } as const;
  });
  if (result.status === "published") await runHook("onPublished", opts.hooks, result.articleId);
  return result;
}

/** Sends an article in review (or scheduled) back to draft with a note for the writer. */
export async function rejectReview(
  db: Db,
  opts: { user: SessionUser; articleId: string; note: string; baseRevision?: number | null },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  const note = (opts.note ?? "").trim();
  if (!note)
    throw new ValidationError("Geef een toelichting.", [{ path: "note", message: "Schrijf kort wat er beter moet." }]);
  if (note.length > 2000)
    throw new ValidationError("De toelichting is te lang.", [
      { path: "note", message: "Gebruik hoogstens 2000 tekens." },
    ]);
  return commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before !== "in_review" && before !== "scheduled")
      throw new ConflictError("Dit artikel staat niet ter beoordeling.");
    const live = article.status === "published";
    await tx.article.update({
      where: { id: article.id },
      data: { submittedById: null, scheduledAt: null, ...(live ? {} : { status: "draft" }) },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: { articleId: article.id, number, status: "draft", snapshot: latest.snapshot, authorId: opts.user.id, note },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.rejected",
      entityType: "article",
      entityId: article.id,
      before: { status: before, revision: latest.number, submittedById: article.submittedById },
      after: { status: "draft", revision: number, note },
    });
    return { articleId: article.id, revision: number };
  });
}

/** Archives an article: it leaves the portal (hooks.onUnpublished after commit when it was public). */
export async function archiveArticle(
  db: Db,
  opts: { user: SessionUser; articleId: string; note?: string; baseRevision?: number | null; hooks?: WorkflowHooks },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  const result = await commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before === "archived" && article.status === "archived")
      throw new ConflictError("Dit artikel is al gearchiveerd.");
    const wasLive = article.status === "published";
    if (wasLive) await recordArticleRemoval(tx, { article, actorId: opts.user.id });
    // Off the portal the row mirrors the working copy again, so a later restore or edit starts from it.
    await tx.article.update({
      where: { id: article.id },
      data: { ...contentColumns(latest.parsed), status: "archived", scheduledAt: null, submittedById: null },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status: "archived",
        snapshot: latest.snapshot,
        authorId: opts.user.id,
        note: opts.note?.trim() || "Gearchiveerd",
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.archived",
      entityType: "article",
      entityId: article.id,
      before: { status: before, public: wasLive, revision: latest.number },
      after: { status: "archived", revision: number },
    });
    return { articleId: article.id, revision: number, wasLive };
  });
  if (result.wasLive) await runHook("onUnpublished", opts.hooks, result.articleId);
  return { articleId: result.articleId, revision: result.revision };
}

/** Publishes every approved article whose scheduledAt has passed; the app calls this periodically. */
export async function publishDueArticles(
  db: Db,
  opts: { now?: Date; hooks?: WorkflowHooks } = {},
): Promise<{ published: string[] }> {
  const now = opts.now ?? new Date();
  const due = await db.article.findMany({
    where: { scheduledAt: { lte: now } },
    select: { id: true },
    orderBy: { scheduledAt: "asc" },
  });
  const published: string[] = [];
  for (const { id } of due) {
    try {
      const done = await db.$transaction(async (tx) => {
        const article = await tx.article.findUnique({ where: { id } });
        if (!article?.scheduledAt || article.scheduledAt > now) return false;
        const latest = await latestRevision(tx, article);
        if (toWorkingStatus(latest.status) !== "scheduled") {
          // A later change made the schedule void; drop it rather than publish unreviewed content.
          await tx.article.update({ where: { id }, data: { scheduledAt: null } });
          return false;
        }
        // Claim by the exact scheduledAt: another instance running the same job gets count 0.
        const claimed = await tx.article.updateMany({
          where: { id, scheduledAt: article.scheduledAt },
          data: { scheduledAt: null },
        });
        if (claimed.count !== 1) return false;
        await publishWorkingCopy(tx, article, latest.parsed, now, {
          actorId: null,
          note: { changeSummary: article.pendingChangeSummary, deskNote: article.pendingDeskNote },
        });
        const number = latest.number + 1;
        await tx.articleRevision.create({
          data: {
            articleId: id,
            number,
            status: "published",
            snapshot: latest.snapshot,
            authorId: null,
            note: "Gepubliceerd volgens planning",
          },
        });
        await recordAudit(tx, {
          actorId: null,
          action: "article.published",
          entityType: "article",
          entityId: id,
          before: { status: "scheduled", revision: latest.number, scheduledAt: article.scheduledAt.toISOString() },
          after: { status: "published", revision: number },
        });
        return true;
      });
      if (done) published.push(id);
    } catch (e) {
      // One article that cannot be published (e.g. its new slug was taken meanwhile) must not block the rest.
      if (!isUniqueViolation(e)) logUnexpected("articles.publishDueArticles", e);
      else
        logUnexpected(
          "articles.publishDueArticles",
          new Error(`article ${id}: unique constraint (slug taken or concurrent change)`),
        );
    }
  }
  for (const id of published) await runHook("onPublished", opts.hooks, id);
  return { published };
}
