// The editor's pick of the article that replaces this one when it expires (Article.successorId, issue #19). Set on
// the row directly (it changes no text, so no revision and no review), audited. Without a pick the article page
// links the newest current article on the same topic (validity.ts).
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { requireEditor } from "./workflow-policy";

export const SUCCESSOR_SELF = "Een artikel kan niet zijn eigen opvolger zijn. Kies een ander artikel.";
export const SUCCESSOR_UNKNOWN = "Dit artikel bestaat niet of is niet gepubliceerd. Kies een artikel uit de lijst.";

export async function setSuccessor(
  db: Db,
  opts: { user: SessionUser; articleId: string; successorId: string | null },
): Promise<void> {
  requireEditor(opts.user);
  const article = await db.article.findUnique({
    where: { id: opts.articleId },
    select: { id: true, successorId: true },
  });
  if (!article) throw new NotFoundError();
  if (opts.successorId === article.id)
    throw new ValidationError(SUCCESSOR_SELF, [{ path: "successorId", message: SUCCESSOR_SELF }]);
  if (opts.successorId) {
    const s = await db.article.findFirst({
      where: { id: opts.successorId, status: "published" },
      select: { id: true },
    });
    if (!s) throw new ValidationError(SUCCESSOR_UNKNOWN, [{ path: "successorId", message: SUCCESSOR_UNKNOWN }]);
  }
  await db.$transaction(async (tx) => {
    await tx.article.update({ where: { id: article.id }, data: { successorId: opts.successorId } });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.successor_set",
      entityType: "article",
      entityId: article.id,
      before: { successorId: article.successorId },
      after: { successorId: opts.successorId },
    });
  });
}

/** The choices: published articles on the same topic, other than this one. */
export async function successorChoices(db: Db, opts: { user: SessionUser; articleId: string }) {
  requireEditor(opts.user);
  const a = await db.article.findUnique({ where: { id: opts.articleId }, select: { topic: true, successorId: true } });
  if (!a) return { current: null, choices: [] };
  const choices = await db.article.findMany({
    where: { status: "published", topic: a.topic, id: { not: opts.articleId } },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
  return { current: a.successorId, choices };
}
