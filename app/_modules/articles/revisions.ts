// Revision history of an article: list, compare side by side, and restore an old version as a new draft.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { diffSnapshots, type SnapshotDiff } from "./diff";
import { articleColumns } from "./fields";
import { parseSnapshot } from "./snapshot";
import {
  requireEditor,
  toWorkingStatus,
  validateArticleFields,
  writeDraft,
  WORKING_STATUS_LABELS,
  type SavedRevision,
  type WorkingStatus,
} from "./workflow";

export type RevisionListItem = {
  number: number;
  status: WorkingStatus;
  statusLabel: string;
  note: string | null;
  author: { id: string; name: string } | null;
  createdAt: Date;
  title: string;
};

async function requireArticle(db: Db, articleId: string): Promise<void> {
  const a = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!a) throw new NotFoundError("Dit artikel bestaat niet (meer).");
}

/** Every revision of an article, newest first (author null = imported or published by the schedule). */
export async function listRevisions(
  db: Db,
  opts: { user: SessionUser; articleId: string },
): Promise<RevisionListItem[]> {
  requireEditor(opts.user);
  await requireArticle(db, opts.articleId);
  const revs = await db.articleRevision.findMany({
    where: { articleId: opts.articleId },
    orderBy: { number: "desc" },
    select: {
      number: true,
      status: true,
      note: true,
      createdAt: true,
      snapshot: true,
      author: { select: { id: true, name: true } },
    },
  });
  return revs.map((r) => {
    const status = toWorkingStatus(r.status);
    return {
      number: r.number,
      status,
      statusLabel: WORKING_STATUS_LABELS[status],
      note: r.note,
      author: r.author,
      createdAt: r.createdAt,
      title: parseSnapshot(r.snapshot).title,
    };
  });
}

async function loadSnapshot(db: Db, articleId: string, number: number) {
  const r = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: {
      number: true,
      status: true,
      createdAt: true,
      snapshot: true,
      note: true,
      author: { select: { id: true, name: true } },
    },
  });
  if (!r) throw new NotFoundError(`Versie ${number} van dit artikel bestaat niet.`);
  return { ...r, parsed: parseSnapshot(r.snapshot) };
}

export type RevisionComparison = {
  left: {
    number: number;
    status: WorkingStatus;
    createdAt: Date;
    author: { id: string; name: string } | null;
    note: string | null;
  };
  right: RevisionComparison["left"];
  diff: SnapshotDiff;
};

/** Compares two revisions side by side; the lower number is shown on the left. */
export async function compareRevisions(
  db: Db,
  opts: { user: SessionUser; articleId: string; from: number; to: number },
): Promise<RevisionComparison> {
  requireEditor(opts.user);
  await requireArticle(db, opts.articleId);
  const [lo, hi] = opts.from <= opts.to ? [opts.from, opts.to] : [opts.to, opts.from];
  const a = await loadSnapshot(db, opts.articleId, lo);
  const b = await loadSnapshot(db, opts.articleId, hi);
  const meta = (r: typeof a) => ({
    number: r.number,
    status: toWorkingStatus(r.status),
    createdAt: r.createdAt,
    author: r.author,
    note: r.note,
  });
  return { left: meta(a), right: meta(b), diff: diffSnapshots(a.parsed, b.parsed) };
}

/**
 * Restores an old revision as a new draft revision. For a published article the live version stays
 * until the restored draft is approved. The old content is validated again (its slug may be taken now).
 */
export async function restoreRevision(
  db: Db,
  opts: { user: SessionUser; articleId: string; revision: number; baseRevision?: number | null; note?: string },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  await requireArticle(db, opts.articleId);
  const old = await loadSnapshot(db, opts.articleId, opts.revision);
  const snapshot = await validateArticleFields(db, {
    articleId: opts.articleId,
    fields: { ...old.parsed, body: articleColumns.body.decode(old.parsed.body) },
  });
  return writeDraft(db, {
    user: opts.user,
    articleId: opts.articleId,
    snapshot,
    baseRevision: opts.baseRevision,
    note: opts.note,
    action: "restored",
    restoredFrom: opts.revision,
  });
}
