// Published articles for the public portal: lookup, server rendering with live protocol data, related
// articles, view counts and "Was dit artikel nuttig?" feedback.
import "server-only";
import { db } from "@/app/_core/db";
import { NotFoundError, RateLimitError } from "@/app/_core/errors";
import { env } from "@/app/_core/env";
import { ruleViewByRef } from "@/app/_modules/protocol/engine/rule-view";
import { getProtocols } from "@/app/_modules/protocol/store";
import { protocolSetAt } from "@/app/_modules/protocol/engine/periods";
import { hitRateLimit } from "@/app/_modules/ratelimit/service";
import type { ContentResolver } from "@/app/_lib/tiptap/doc-types";
import { articleColumns, decodeSources } from "./fields";
import { renderArticleHtml } from "./render";
import { currentWhere } from "./validity";

export type PublicArticle = {
  id: string;
  slug: string;
  type: string;
  title: string;
  summary: string;
  body: string;
  audiences: string[];
  sectors: string[];
  topic: string;
  protocolRuleIds: string[];
  publishedAt: Date | null;
  lastCheckedAt: Date | null;
  updatedAt: Date;
  /** The article's own sources (front matter `sources:`). */
  sources: { title: string; url: string }[];
  /** Validity period ("geldig vanaf/tot"), days at midnight UTC; the editor's successor for when it expires. */
  validFrom: Date | null;
  validUntil: Date | null;
  successorId: string | null;
};

type Row = Omit<PublicArticle, "audiences" | "sectors" | "protocolRuleIds" | "sources"> & {
  audiences: string;
  sectors: string;
  protocolRuleIds: string;
  sources: string;
};

const toPublic = (a: Row): PublicArticle => ({
  ...a,
  audiences: articleColumns.audiences.decode(a.audiences),
  sectors: articleColumns.sectors.decode(a.sectors),
  protocolRuleIds: articleColumns.protocolRuleIds.decode(a.protocolRuleIds),
  sources: decodeSources(a.sources),
});

const publicSelect = {
  id: true,
  slug: true,
  type: true,
  title: true,
  summary: true,
  body: true,
  audiences: true,
  sectors: true,
  topic: true,
  protocolRuleIds: true,
  publishedAt: true,
  lastCheckedAt: true,
  updatedAt: true,
  sources: true,
  validFrom: true,
  validUntil: true,
  successorId: true,
} as const;

/** A published article by slug, or null. */
export async function getPublishedArticle(slug: string): Promise<PublicArticle | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const a = await db().article.findFirst({ where: { slug, status: "published" }, select: publicSelect });
  return a ? toPublic(a) : null;
}

/**
 * Resolver for the renderer: protocol rules from the current protocol data (the rule versions in force today, or
 * on `day` (YYYY-MM-DD) for a preview "as it will read on"), article titles from the database.
 */
export async function contentResolver(day?: string): Promise<ContentResolver> {
  const [protocols, titles] = await Promise.all([
    getProtocols().then((set) => (day ? protocolSetAt(set, day) : set)),
    db().article.findMany({ where: { status: "published" }, select: { slug: true, title: true } }),
  ]);
  const bySlug = new Map(titles.map((t) => [t.slug, t]));
  return {
    rule: (ref) => ruleViewByRef(protocols, ref.protocol ? `${ref.protocol}/${ref.ruleId}` : ref.ruleId),
    article: (slug) => bySlug.get(slug) ?? null,
  };
}

/** Renders an article body (Tiptap JSON) to sanitized HTML. */
export async function renderBody(bodyJson: string, resolver?: ContentResolver): Promise<string> {
  return renderArticleHtml(articleColumns.body.decode(bodyJson), resolver ?? (await contentResolver()));
}

/** Published articles of a topic, newest check first. */
export async function listTopicArticles(topic: string): Promise<PublicArticle[]> {
  const rows = await db().article.findMany({
    where: { ...currentWhere(), topic },
    select: publicSelect,
    orderBy: [{ type: "asc" }, { title: "asc" }],
  });
  return rows.map(toPublic);
}

/** The most read published FAQ articles. */
export async function mostRead(limit = 6) {
  return db().article.findMany({
    where: { ...currentWhere(), type: "faq" },
    orderBy: [{ viewCount: "desc" }, { title: "asc" }],
    take: limit,
    select: { slug: true, title: true, summary: true },
  });
}

/** The newest published "Nieuws en praktijk" items. */
export async function latestNews(limit = 3) {
  return db().article.findMany({
    where: { ...currentWhere(), type: "nieuws" },
    orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
    take: limit,
    select: { slug: true, title: true, summary: true },
  });
}

/** Published article counts per topic. */
export async function topicCounts(): Promise<Record<string, number>> {
  const rows = await db().article.groupBy({ by: ["topic"], where: currentWhere(), _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.topic, r._count._all]));
}

/** Related articles: linked ones first, then shared protocol rules, then the same topic. */
export async function relatedArticles(a: PublicArticle, limit = 5) {
  const candidates = await db().article.findMany({
    where: { ...currentWhere(), id: { not: a.id } },
    select: { slug: true, title: true, topic: true, protocolRuleIds: true, sectors: true },
  });
  const linked = new Set([...a.body.matchAll(/"slug":"([a-z0-9-]+)"/g)].map((m) => m[1]));
  const rules = new Set(a.protocolRuleIds);
  const scored = candidates.map((c) => {
    const cr = articleColumns.protocolRuleIds.decode(c.protocolRuleIds);
    const cs = articleColumns.sectors.decode(c.sectors);
    const score =
      (linked.has(c.slug) ? 10 : 0) +
      cr.filter((r) => rules.has(r)).length * 3 +
      (c.topic === a.topic ? 4 : 0) +
      (cs.some((s) => a.sectors.includes(s)) ? 1 : 0);
    return { slug: c.slug, title: c.title, score };
  });
  return scored
    .filter((s) => s.score >= 4)
    .sort((x, y) => y.score - x.score || x.title.localeCompare(y.title))
    .slice(0, limit);
}

/** Counts a view (no personal data). */
export async function countView(id: string): Promise<void> {
  await db()
    .article.update({ where: { id }, data: { viewCount: { increment: 1 } } })
    .catch(() => {});
}

/** Stores "Was dit artikel nuttig?" feedback; rate-limited per IP (the IP itself is not stored with it). */
export async function recordFeedback(opts: {
  slug: string;
  helpful: boolean;
  comment?: string;
  ip: string;
}): Promise<void> {
  const a = await db().article.findFirst({ where: { slug: opts.slug, status: "published" }, select: { id: true } });
  if (!a) throw new NotFoundError("Dit artikel bestaat niet (meer).");
  if (env().RATE_LIMITS) {
    const r = await hitRateLimit(db(), { bucket: "feedback", key: opts.ip, limit: 10, windowMs: 10 * 60_000 });
    if (!r.allowed)
      throw new RateLimitError(
        "U heeft al veel beoordelingen gegeven. Probeer het later opnieuw.",
        r.retryAfterMs / 1000,
      );
  }
  await db().articleFeedback.create({
    data: { articleId: a.id, helpful: opts.helpful, comment: opts.comment?.trim() || null },
  });
}
