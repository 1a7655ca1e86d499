// Working statuses, the four-eyes rule and who may do what with an article in the editorial workflow.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { ExpectedError, NotFoundError } from "@/app/_core/errors";
import { hasRole, type SessionUser } from "@/app/_core/session";

export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

export const WORKING_STATUSES = ["draft", "in_review", "scheduled", "published", "archived"] as const;
export type WorkingStatus = (typeof WORKING_STATUSES)[number];

/** Dutch names of the working statuses, for lists and badges. */
export const WORKING_STATUS_LABELS: Record<WorkingStatus, string> = {
  draft: "Concept",
  in_review: "Ter beoordeling",
  scheduled: "Ingepland",
  published: "Gepubliceerd",
  archived: "Gearchiveerd",
};

/** Raised when the four-eyes rule forbids an action (403: the user may see the article). */
export class FourEyesError extends ExpectedError {
  constructor(
    message = "U hebt dit artikel zelf ter beoordeling aangeboden. Een andere redacteur of een beheerder moet het goedkeuren.",
  ) {
    super(message, 403);
  }
}

export const WROTE_IT =
  "U hebt aan deze versie van het artikel meegeschreven. Een redacteur of beheerder die er niet aan schreef, moet het goedkeuren.";

export const STALE_MESSAGE =
  "Iemand anders heeft dit artikel intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen. Kopieer uw tekst, laad de nieuwste versie en breng uw wijzigingen opnieuw aan.";

// ---------------------------------------------------------------------------------------------
// Policies

/** Editors and admins work on articles; anyone else gets a 404 so the workspace is not confirmed. */
export function requireEditor(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!hasRole(user, ["editor"])) throw new NotFoundError();
}

/**
 * Whether a user may approve an article in review: an editor or admin who neither submitted it nor wrote any of the
 * revisions under review (see reviewWriters). Pressing "submit" on a colleague's text does not make its writer a
 * second pair of eyes.
 */
export function canApproveArticle(
  user: SessionUser | null | undefined,
  article: { submittedById: string | null; workingStatus: WorkingStatus; writerIds: readonly string[] },
): boolean {
  return (
    hasRole(user, ["editor"]) &&
    article.workingStatus === "in_review" &&
    article.submittedById !== user.id &&
    !article.writerIds.includes(user.id)
  );
}

/**
 * Who wrote the content under review: the authors of every revision after the last published one (all revisions of
 * a never-published article) that changed the content. Status-only revisions (submit, reject, archive) have the same
 * snapshot as the one before and make nobody a writer.
 */
export async function reviewWriters(db: DbOrTx, articleId: string): Promise<string[]> {
  const lastPublished = await db.articleRevision.findFirst({
    where: { articleId, status: "published" },
    orderBy: { number: "desc" },
    select: { number: true, snapshot: true },
  });
  const revs = await db.articleRevision.findMany({
    where: { articleId, number: { gt: lastPublished?.number ?? 0 } },
    orderBy: { number: "asc" },
    select: { snapshot: true, authorId: true },
  });
  const writers = new Set<string>();
  let previous = lastPublished?.snapshot ?? null;
  for (const r of revs) {
    if (r.snapshot !== previous && r.authorId) writers.add(r.authorId);
    previous = r.snapshot;
  }
  return [...writers];
}

/** Narrows a stored revision status to a working status (unknown values read as draft). */
export function toWorkingStatus(status: string): WorkingStatus {
  return (WORKING_STATUSES as readonly string[]).includes(status) ? (status as WorkingStatus) : "draft";
}
