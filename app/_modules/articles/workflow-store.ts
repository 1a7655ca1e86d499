// Shared steps of the workflow's services (also used by revisions.ts, links.ts and gaps.ts): reading the
// taxonomy, the protocols and the working copy, committing with the right error for a unique violation, the row
// columns of a snapshot and running the after-commit hooks.
import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/app/_core/db";
import { ConflictError, NotFoundError, ValidationError, logUnexpected } from "@/app/_core/errors";
import type { Taxonomy } from "@/app/_modules/content/taxonomy";
import type { ProtocolSet } from "@/app/_modules/protocol/engine/definition";
import { loadStoredProtocols } from "@/app/_modules/protocol/store";
import { taxonomySettingColumn } from "@/app/_modules/content/columns";
import { articleColumns, dayToDate } from "./fields";
import { articleSnapshot, parseSnapshot, snapshotColumn, type ArticleSnapshot } from "./snapshot";
import { collectRuleRefs } from "./validate";
import { STALE_MESSAGE, type DbOrTx, type Tx } from "./workflow-policy";

/** Called after the transaction has committed, so the search index never sees uncommitted content. */
export type WorkflowHooks = {
  onPublished?(articleId: string): void | Promise<void>;
  onUnpublished?(articleId: string): void | Promise<void>;
};

export type SavedRevision = { articleId: string; revision: number };

/** The taxonomy as imported by the seed (Setting "taxonomy"). */
export async function readTaxonomy(db: DbOrTx): Promise<Taxonomy> {
  const row = await db.setting.findUnique({ where: { key: "taxonomy" } });
  if (!row) throw new Error("taxonomy not seeded: run `npm run db:seed`");
  return taxonomySettingColumn.decode(row.value).taxonomy;
}

/** Every stored protocol, resolved (extends applied, the editors' rule versions merged). */
export async function readProtocols(db: DbOrTx): Promise<ProtocolSet> {
  return loadStoredProtocols(db);
}

type RevisionRow = { number: number; status: string; snapshot: string; authorId: string | null };

/** The working copy: the latest revision, or one made from the row for an article without history. */
export async function latestRevision(
  db: DbOrTx,
  article: Parameters<typeof articleSnapshot>[0] & { id: string; status: string },
): Promise<RevisionRow & { parsed: ArticleSnapshot }> {
  const rev = await db.articleRevision.findFirst({
    where: { articleId: article.id },
    orderBy: { number: "desc" },
    select: { number: true, status: true, snapshot: true, authorId: true },
  });
  if (rev) return { ...rev, parsed: parseSnapshot(rev.snapshot) };
  const parsed = articleSnapshot(article);
  return { number: 0, status: article.status, snapshot: snapshotColumn.encode(parsed), authorId: null, parsed };
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

export const SLUG_TAKEN = "Er is al een artikel met dit webadres. Kies een ander webadres.";

// The only unique column of Article besides its id is the slug; on ArticleRevision it is (articleId, number),
// which two concurrent changes of one article both claim.
export async function commit<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(fn);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    if ((e as { meta?: { modelName?: string } }).meta?.modelName === "Article") {
      throw new ValidationError("Het webadres is al in gebruik.", [{ path: "slug", message: SLUG_TAKEN }]);
    }
    throw new ConflictError(STALE_MESSAGE);
  }
}

export async function runHook(
  name: keyof WorkflowHooks,
  hooks: WorkflowHooks | undefined,
  articleId: string,
): Promise<void> {
  const fn = hooks?.[name];
  if (!fn) return;
  // The change is committed; a failing index update must not report the publication as failed.
  try {
    await fn(articleId);
  } catch (e) {
    logUnexpected(`articles.${name}`, e);
  }
}

export async function loadArticle(db: DbOrTx, articleId: string) {
  const a = await db.article.findUnique({ where: { id: articleId } });
  if (!a) throw new NotFoundError("Dit artikel bestaat niet (meer).");
  return a;
}

/** Rule ids as stored in Article.protocolRuleIds (same form as the seed: unique, sorted, without protocol). */
export function ruleIdsOf(doc: JSONContent): string[] {
  return [...new Set(collectRuleRefs(doc).map((r) => r.ruleId))].sort();
}

/** The row columns that hold an article's content, from a snapshot. */
export function contentColumns(s: ArticleSnapshot) {
  const doc = articleColumns.body.decode(s.body);
  return {
    slug: s.slug,
    type: s.type,
    title: s.title,
    summary: s.summary,
    body: s.body,
    audiences: articleColumns.audiences.encode(s.audiences),
    sectors: articleColumns.sectors.encode(s.sectors),
    topic: s.topic,
    questions: articleColumns.questions.encode(s.questions),
    reviewDueAt: dayToDate(s.reviewDueAt),
    validFrom: dayToDate(s.validFrom),
    validUntil: dayToDate(s.validUntil),
    protocolRuleIds: articleColumns.protocolRuleIds.encode(ruleIdsOf(doc)),
  };
}

/** A moment's day at midnight UTC (how lastCheckedAt is stored). */
export const utcDay = (d: Date) => dayToDate(d.toISOString().slice(0, 10))!;
