// The content-gap report: where readers and callers miss an article. Each row carries `href`, the
// editor page where to act on it.
import "server-only";
import type { Db } from "@/app/_core/db";
import type { SessionUser } from "@/app/_core/session";
import { labelOf, type Taxonomy } from "@/app/_modules/content/taxonomy";
import { articleColumns } from "./fields";
import { readTaxonomy, requireEditor } from "./workflow";

export type SearchGapRow = { query: string; searches: number; lastSearchedAt: Date; href: string; searchHref: string };
export type TopicGapRow = { topic: string; label: string; tickets: number; href: string };
export type FeedbackRow = {
  articleId: string;
  title: string;
  slug: string;
  comment: string;
  createdAt: Date;
  href: string;
};
export type PastReviewRow = {
  articleId: string;
  title: string;
  slug: string;
  reviewDueAt: Date;
  daysOverdue: number;
  href: string;
};
export type RuleGapRow = { ruleId: string; href: string };

export type ContentGapReport = {
  since: Date;
  days: number;
  searchesWithoutResults: SearchGapRow[];
  searchesWithoutClick: SearchGapRow[];
  topicsWithoutArticles: TopicGapRow[];
  unhelpfulFeedback: FeedbackRow[];
  articlesPastReview: PastReviewRow[];
  rulesWithoutArticles: RuleGapRow[];
};

type Window = { now?: Date; days?: number; limit?: number };

const DAY_MS = 86_400_000;
const sinceOf = (o: Window) => new Date((o.now ?? new Date()).getTime() - (o.days ?? 30) * DAY_MS);
const newArticleHref = (params: Record<string, string>) =>
  `/redactie/artikelen/nieuw?${new URLSearchParams(params).toString()}`;
const editHref = (id: string) => `/redactie/artikelen/${id}`;

function searchRows(
  groups: { normalized: string; _count: { _all: number }; _max: { createdAt: Date | null } }[],
  limit: number,
): SearchGapRow[] {
  return groups
    .filter((g) => g.normalized.trim() !== "")
    .sort(
      (a, b) =>
        b._count._all - a._count._all ||
        +b._max.createdAt! - +a._max.createdAt! ||
        a.normalized.localeCompare(b.normalized),
    )
    .slice(0, limit)
    .map((g) => ({
      query: g.normalized,
      searches: g._count._all,
      lastSearchedAt: g._max.createdAt!,
      href: newArticleHref({ zoekvraag: g.normalized }),
      searchHref: `/zoeken?${new URLSearchParams({ q: g.normalized }).toString()}`,
    }));
}

/** Searches an editor already handled (gap-actions.ts): they leave the open lists. */
async function handledQueries(db: Db): Promise<Set<string>> {
  const rows = await db.searchGapAction.findMany({ select: { normalized: true } });
  return new Set(rows.map((r) => r.normalized));
}

/** Most frequent searches (by normalized query) in the window that found nothing and nobody handled yet. */
export async function searchesWithoutResults(db: Db, opts: Window = {}): Promise<SearchGapRow[]> {
  const [groups, handled] = await Promise.all([
    db.searchLog.groupBy({
      by: ["normalized"],
      where: { createdAt: { gte: sinceOf(opts) }, resultCount: 0 },
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    handledQueries(db),
  ]);
  return searchRows(
    groups.filter((g) => !handled.has(g.normalized)),
    opts.limit ?? 20,
  );
}

/** Most frequent searches that found results but never led to a click in the window (and nobody handled yet). */
export async function searchesWithoutClick(db: Db, opts: Window = {}): Promise<SearchGapRow[]> {
  const where = { createdAt: { gte: sinceOf(opts) }, resultCount: { gt: 0 } };
  const [all, clicked, handled] = await Promise.all([
    db.searchLog.groupBy({ by: ["normalized"], where, _count: { _all: true }, _max: { createdAt: true } }),
    db.searchLog.groupBy({
      by: ["normalized"],
      where: { ...where, clickedSlug: { not: null } },
      _count: { _all: true },
    }),
    handledQueries(db),
  ]);
  const hasClick = new Set(clicked.map((c) => c.normalized));
  return searchRows(
    all.filter((g) => !hasClick.has(g.normalized) && !handled.has(g.normalized)),
    opts.limit ?? 20,
  );
}

/** Ticket topics in the window that no published article covers, most tickets first. */
export async function topicsWithoutArticles(
  db: Db,
  opts: Window & { taxonomy?: Taxonomy | null } = {},
): Promise<TopicGapRow[]> {
  const [tickets, covered] = await Promise.all([
    db.ticket.groupBy({
      by: ["topic"],
      where: { createdAt: { gte: sinceOf(opts) }, topic: { not: null } },
      _count: { _all: true },
    }),
    db.article.findMany({ where: { status: "published" }, select: { topic: true }, distinct: ["topic"] }),
  ]);
  const coveredTopics = new Set(covered.map((a) => a.topic));
  return tickets
    .filter((t): t is typeof t & { topic: string } => !!t.topic && !coveredTopics.has(t.topic))
    .sort((a, b) => b._count._all - a._count._all || a.topic.localeCompare(b.topic))
    .slice(0, opts.limit ?? 50)
    .map((t) => ({
      topic: t.topic,
      label: opts.taxonomy ? labelOf(opts.taxonomy, "topics", t.topic) : t.topic,
      tickets: t._count._all,
      href: newArticleHref({ onderwerp: t.topic }),
    }));
}

/** "Niet nuttig" feedback with a comment in the window, newest first. */
export async function unhelpfulFeedback(db: Db, opts: Window = {}): Promise<FeedbackRow[]> {
  const rows = await db.articleFeedback.findMany({
    where: { helpful: false, comment: { not: null }, createdAt: { gte: sinceOf(opts) } },
    orderBy: { createdAt: "desc" },
    take: (opts.limit ?? 50) * 2,
    select: { comment: true, createdAt: true, article: { select: { id: true, title: true, slug: true } } },
  });
  return rows
    .filter((r) => r.comment && r.comment.trim() !== "")
    .slice(0, opts.limit ?? 50)
    .map((r) => ({
      articleId: r.article.id,
      title: r.article.title,
      slug: r.article.slug,
      comment: r.comment!.trim(),
      createdAt: r.createdAt,
      href: editHref(r.article.id),
    }));
}

/** Published articles whose review date has passed, longest overdue first. */
export async function articlesPastReview(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<PastReviewRow[]> {
  const now = opts.now ?? new Date();
  const rows = await db.article.findMany({
    where: { status: "published", reviewDueAt: { lt: now } },
    orderBy: { reviewDueAt: "asc" },
    take: opts.limit ?? 100,
    select: { id: true, title: true, slug: true, reviewDueAt: true },
  });
  return rows.map((a) => ({
    articleId: a.id,
    title: a.title,
    slug: a.slug,
    reviewDueAt: a.reviewDueAt!,
    daysOverdue: Math.floor((now.getTime() - a.reviewDueAt!.getTime()) / DAY_MS),
    href: editHref(a.id),
  }));
}

/**
 * Protocol rules that no published article embeds. ruleIds are all known rules, as "id" or
 * "protocol/id" (articles store bare rule ids, so a rule counts as covered by id).
 */
export async function rulesWithoutArticles(db: Db, opts: { ruleIds: readonly string[] }): Promise<RuleGapRow[]> {
  const published = await db.article.findMany({ where: { status: "published" }, select: { protocolRuleIds: true } });
  const embedded = new Set(published.flatMap((a) => articleColumns.protocolRuleIds.decode(a.protocolRuleIds)));
  const seen = new Set<string>();
  const rows: RuleGapRow[] = [];
  for (const ref of opts.ruleIds) {
    const bare = ref.split("/").pop() ?? ref;
    if (embedded.has(bare) || seen.has(ref)) continue;
    seen.add(ref);
    rows.push({ ruleId: ref, href: newArticleHref({ regel: ref }) });
  }
  return rows;
}

/** The whole content-gap report for editors (last `days` days, default 30). */
export async function getContentGapReport(
  db: Db,
  opts: { user: SessionUser; ruleIds: readonly string[]; now?: Date; days?: number; limit?: number },
): Promise<ContentGapReport> {
  requireEditor(opts.user);
  const w = { now: opts.now ?? new Date(), days: opts.days ?? 30, limit: opts.limit };
  const taxonomy = await readTaxonomy(db).catch(() => null);
  const [searchesNone, searchesNoClick, topics, feedback, pastReview, rules] = await Promise.all([
    searchesWithoutResults(db, w),
    searchesWithoutClick(db, w),
    topicsWithoutArticles(db, { ...w, taxonomy }),
    unhelpfulFeedback(db, w),
    articlesPastReview(db, { now: w.now }),
    rulesWithoutArticles(db, { ruleIds: opts.ruleIds }),
  ]);
  return {
    since: sinceOf(w),
    days: w.days,
    searchesWithoutResults: searchesNone,
    searchesWithoutClick: searchesNoClick,
    topicsWithoutArticles: topics,
    unhelpfulFeedback: feedback,
    articlesPastReview: pastReview,
    rulesWithoutArticles: rules,
  };
}
