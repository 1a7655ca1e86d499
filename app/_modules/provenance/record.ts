// Records what an agent's reply relied on (issue #19, "answers that remember their sources"): every published
// article it links (/artikelen/<slug>) with the revision in force, and every protocol rule such an article renders
// with the rule version in force that day. Called inside the transaction that stores the reply.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { articleColumns } from "@/app/_modules/articles/fields";
import type { ProtocolSet } from "@/app/_modules/protocol/engine/definition";
import { loadStoredProtocols } from "@/app/_modules/protocol/store";
import { protocolOfRule, ruleVersionAt } from "./rule-version";

type Tx = Prisma.TransactionClient | Db;

const ARTICLE_LINK = /\/artikelen\/([a-z0-9]+(?:-[a-z0-9]+)*)(?![a-z0-9-])/g;
const MAX_ARTICLES = 20;

/** The article slugs a reply links, in order, unique (from its text and, when there, its editor document). */
export function linkedArticleSlugs(text: string, doc?: unknown): string[] {
  const hay = doc === undefined || doc === null ? text : `${text}\n${JSON.stringify(doc)}`;
  const out = new Set<string>();
  for (const m of hay.matchAll(ARTICLE_LINK)) {
    out.add(m[1]!);
    if (out.size >= MAX_ARTICLES) break;
  }
  return [...out];
}

/** All protocols as stored with the editors' rule versions, resolved (read in the caller's transaction; no cache). */
export async function loadProtocolSet(tx: Tx): Promise<ProtocolSet> {
  return loadStoredProtocols(tx);
}

/** The number of the revision that is published now (0 for an article without revisions). */
export async function publishedRevision(tx: Tx, articleId: string): Promise<number> {
  const r = await tx.articleRevision.findFirst({
    where: { articleId, status: "published" },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return r?.number ?? 0;
}

export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Stores the sources of a message: one "article" row per published article linked, one "rule" row per protocol rule
 * those articles render. Links to unknown or unpublished articles are not sources. Returns the number of rows.
 */
export async function recordMessageSources(
  tx: Tx,
  opts: { messageId: string; ticketId: string; slugs: readonly string[]; now: Date },
): Promise<number> {
  if (opts.slugs.length === 0) return 0;
  const articles = await tx.article.findMany({
    where: { slug: { in: [...opts.slugs] }, status: "published" },
    select: { id: true, slug: true, protocolRuleIds: true },
  });
  if (articles.length === 0) return 0;
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const ordered = opts.slugs.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : []));
  const needsRules = ordered.some((a) => articleColumns.protocolRuleIds.decode(a.protocolRuleIds).length > 0);
  const set = needsRules ? await loadProtocolSet(tx) : null;
  const day = dayOf(opts.now);
  const rows: Prisma.MessageSourceCreateManyInput[] = [];
  const seenRules = new Set<string>();
  for (const a of ordered) {
    const base = { messageId: opts.messageId, ticketId: opts.ticketId, articleId: a.id, createdAt: opts.now };
    rows.push({ ...base, kind: "article", articleRevision: await publishedRevision(tx, a.id) });
    for (const ruleId of set ? articleColumns.protocolRuleIds.decode(a.protocolRuleIds) : []) {
      const protocolId = protocolOfRule(set!, ruleId);
      const v = protocolId ? ruleVersionAt(set!, protocolId, ruleId, day) : null;
      if (!v || seenRules.has(`${v.protocolId}/${v.ruleId}`)) continue;
      seenRules.add(`${v.protocolId}/${v.ruleId}`);
      rows.push({
        ...base,
        kind: "rule",
        protocolId: v.protocolId,
        ruleId: v.ruleId,
        ruleVersionKey: v.versionKey,
        ruleFingerprint: v.fingerprint,
      });
    }
  }
  await tx.messageSource.createMany({ data: rows });
  return rows.length;
}
