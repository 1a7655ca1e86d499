// Reading for the editor: the article list with working statuses and one article as the editor opens it.
import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Db, Prisma } from "@/app/_core/db";
import type { SessionUser } from "@/app/_core/session";
import { articleColumns } from "./fields";
import { parseSnapshot, type ArticleSnapshot } from "./snapshot";
import {
  canApproveArticle,
  requireEditor,
  reviewWriters,
  toWorkingStatus,
  WORKING_STATUS_LABELS,
  WORKING_STATUSES,
  type WorkingStatus,
} from "./workflow-policy";
import { latestRevision, loadArticle } from "./workflow-store";

export type EditorArticleRow = {
  id: string;
  slug: string;
  title: string;
  type: string;
  topic: string;
  audiences: string[];
  sectors: string[];
  /** Public state of the row. */
  status: string;
  /** State of the working copy (latest revision). */
  workingStatus: WorkingStatus;
  statusLabel: string;
  /** Published, with edits that are not live yet. */
  hasPendingChanges: boolean;
  revision: number;
  submittedById: string | null;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  reviewDueAt: Date | null;
  pastReview: boolean;
  updatedAt: Date;
  href: string;
};

export type EditorStatusFilter = WorkingStatus | "past-review" | "pending-changes" | "all";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Articles for the editor's list. status filters on the working status ("in_review" includes published
 * articles with changes in review), "past-review" on published articles past their review date.
 * Titles and slugs show the working copy.
 */
export async function listArticlesForEditor(
  db: Db,
  opts: {
    user: SessionUser;
    status?: EditorStatusFilter;
    q?: string;
    audience?: string;
    sector?: string;
    topic?: string;
    now?: Date;
    limit?: number;
  },
): Promise<EditorArticleRow[]> {
  requireEditor(opts.user);
  const now = opts.now ?? new Date();
  const where: Prisma.ArticleWhereInput = {};
  if (opts.topic) where.topic = opts.topic;
  // JSON arrays of ids are stored as text; an id in quotes matches exactly one element.
  const and: Prisma.ArticleWhereInput[] = [];
  if (opts.audience) and.push({ audiences: { contains: JSON.stringify(opts.audience) } });
  if (opts.sector) and.push({ sectors: { contains: JSON.stringify(opts.sector) } });
  if (and.length) where.AND = and;
  if (opts.status === "past-review") Object.assign(where, { status: "published", reviewDueAt: { lt: now } });
  const articles = await db.article.findMany({
    where,
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      type: true,
      topic: true,
      audiences: true,
      sectors: true,
      status: true,
      submittedById: true,
      scheduledAt: true,
      publishedAt: true,
      reviewDueAt: true,
      updatedAt: true,
      summary: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, status: true, snapshot: true } },
    },
  });
  const q = opts.q ? fold(opts.q.trim()) : "";
  const rows: EditorArticleRow[] = [];
  for (const a of articles) {
    const rev = a.revisions[0];
    const working = rev ? toWorkingStatus(rev.status) : toWorkingStatus(a.status);
    const snap = rev ? parseSnapshot(rev.snapshot) : null;
    const title = snap?.title ?? a.title;
    const slug = snap?.slug ?? a.slug;
    const hasPendingChanges = a.status === "published" && working !== "published";
    const pastReview = a.status === "published" && !!a.reviewDueAt && a.reviewDueAt < now;
    const s = opts.status ?? "all";
    if (s === "pending-changes" && !hasPendingChanges) continue;
    if ((WORKING_STATUSES as readonly string[]).includes(s) && working !== s) continue;
    if (q && ![title, slug, a.title, a.summary].some((t) => fold(t).includes(q))) continue;
    rows.push({
      id: a.id,
      slug,
      title,
      type: a.type,
      topic: a.topic,
      audiences: articleColumns.audiences.decode(a.audiences),
      sectors: articleColumns.sectors.decode(a.sectors),
      status: a.status,
      workingStatus: working,
      statusLabel: hasPendingChanges
        ? `Gepubliceerd, wijziging: ${WORKING_STATUS_LABELS[working].toLowerCase()}`
        : WORKING_STATUS_LABELS[working],
      hasPendingChanges,
      revision: rev?.number ?? 0,
      submittedById: a.submittedById,
      scheduledAt: a.scheduledAt,
      publishedAt: a.publishedAt,
      reviewDueAt: a.reviewDueAt,
      pastReview,
      updatedAt: a.updatedAt,
      href: `/redactie/artikelen/${a.id}`,
    });
    if (opts.limit && rows.length >= opts.limit) break;
  }
  return rows;
}

export type EditorArticle = {
  id: string;
  status: string;
  workingStatus: WorkingStatus;
  hasPendingChanges: boolean;
  /** The revision the editor's next save must name as baseRevision. */
  revision: number;
  /** The working copy; body as Tiptap JSON. */
  fields: Omit<ArticleSnapshot, "body"> & { body: JSONContent };
  /** The public slug while published (the working copy may rename it). */
  liveSlug: string | null;
  submittedBy: { id: string; name: string } | null;
  canApprove: boolean;
  /** The user wrote part of the revisions under review (so cannot approve them). */
  wroteIt: boolean;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  lastCheckedAt: Date | null;
  updatedAt: Date;
};

/** An article as the editor opens it: the working copy and what the user may do with it. */
export async function getArticleForEditor(
  db: Db,
  opts: { user: SessionUser; articleId: string },
): Promise<EditorArticle> {
  requireEditor(opts.user);
  const article = await loadArticle(db, opts.articleId);
  const latest = await latestRevision(db, article);
  const working = toWorkingStatus(latest.status);
  const submitter = article.submittedById
    ? await db.user.findUnique({ where: { id: article.submittedById }, select: { id: true, name: true } })
    : null;
  const writerIds = working === "in_review" ? await reviewWriters(db, article.id) : [];
  return {
    id: article.id,
    status: article.status,
    workingStatus: working,
    hasPendingChanges: article.status === "published" && working !== "published",
    revision: latest.number,
    fields: { ...latest.parsed, body: articleColumns.body.decode(latest.parsed.body) },
    liveSlug: article.status === "published" ? article.slug : null,
    submittedBy: submitter,
    canApprove: canApproveArticle(opts.user, {
      submittedById: article.submittedById,
      workingStatus: working,
      writerIds,
    }),
    wroteIt: writerIds.includes(opts.user.id),
    scheduledAt: article.scheduledAt,
    publishedAt: article.publishedAt,
    lastCheckedAt: article.lastCheckedAt,
    updatedAt: article.updatedAt,
  };
}
