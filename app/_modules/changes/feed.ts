// Reading change records: the desk feed (per agent: read or not), the unread count, read marks, and the public
// list behind /wat-is-er-veranderd and its Atom feed.
import "server-only";
import type { Db } from "@/app/_core/db";
import type { ChangeKind } from "./record";

export type ChangeItem = {
  id: string;
  kind: ChangeKind;
  refId: string;
  title: string;
  summary: string;
  diff: string;
  deskNote: string | null;
  topic: string | null;
  isPublic: boolean;
  actorName: string | null;
  createdAt: Date;
  read: boolean;
};

export type DeskFeedFilter = {
  topic?: string | null;
  kind?: ChangeKind | null;
  unreadOnly?: boolean;
  /** Keyset paging: only changes older than this one (its id; an unknown id starts at the newest). */
  afterId?: string | null;
};

/**
 * Who reads: the user, and the desks whose settings changes they see (an agent's own desks; undefined = all).
 * Article and protocol changes concern every desk.
 */
export type Reader = { userId: string; deskIds?: readonly string[] };

const readerScope = (r: Reader) =>
  r.deskIds ? { OR: [{ kind: { not: "desk" } }, { kind: "desk", refId: { in: [...r.deskIds] } }] } : {};

/** Items on one page of /desk/wijzigingen. */
export const FEED_PAGE = 50;

/** The desk feed for one user, newest first, with the user's read marks. */
export async function listDeskChanges(
  client: Db,
  reader: Reader | string,
  filter: DeskFeedFilter = {},
  take = FEED_PAGE,
): Promise<ChangeItem[]> {
  const r = typeof reader === "string" ? { userId: reader } : reader;
  const userId = r.userId;
  const after = filter.afterId
    ? await client.changeEvent.findUnique({ where: { id: filter.afterId }, select: { id: true, createdAt: true } })
    : null;
  const rows = await client.changeEvent.findMany({
    where: {
      ...readerScope(r),
      ...(after
        ? {
            AND: [
              {
                OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
              },
            ],
          }
        : {}),
      ...(filter.topic ? { topic: filter.topic } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.unreadOnly ? { reads: { none: { userId } } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { name: true } }, reads: { where: { userId }, select: { userId: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ChangeKind,
    refId: r.refId,
    title: r.title,
    summary: r.summary,
    diff: r.diff,
    deskNote: r.deskNote,
    topic: r.topic,
    isPublic: r.isPublic,
    actorName: r.actor?.name ?? null,
    createdAt: r.createdAt,
    read: r.reads.length > 0,
  }));
}

/** How many changes this user has not marked as read. */
export async function unreadChangeCount(client: Db, reader: Reader | string): Promise<number> {
  const r = typeof reader === "string" ? { userId: reader } : reader;
  return client.changeEvent.count({ where: { ...readerScope(r), reads: { none: { userId: r.userId } } } });
}

/** Marks the given changes as read for the user (ids that do not exist are ignored); returns how many were new. */
export async function markChangesRead(client: Db, userId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const existing = await client.changeEvent.findMany({
    where: { id: { in: [...ids] }, reads: { none: { userId } } },
    select: { id: true },
  });
  if (existing.length === 0) return 0;
  try {
    const res = await client.changeRead.createMany({ data: existing.map((e) => ({ userId, changeId: e.id })) });
    return res.count;
  } catch (e) {
    // Another tab marked some of them at the same moment (unique violation; SQLite has no skipDuplicates).
    if ((e as { code?: string }).code !== "P2002") throw e;
    for (const { id } of existing) {
      await client.changeRead.upsert({
        where: { userId_changeId: { userId, changeId: id } },
        create: { userId, changeId: id },
        update: {},
      });
    }
    return existing.length;
  }
}

/** Marks every change up to now as read for the user. */
export async function markAllChangesRead(client: Db, reader: Reader | string): Promise<number> {
  const r = typeof reader === "string" ? { userId: reader } : reader;
  const userId = r.userId;
  const unread = await client.changeEvent.findMany({
    where: { ...readerScope(r), reads: { none: { userId } } },
    select: { id: true },
  });
  return markChangesRead(
    client,
    userId,
    unread.map((u) => u.id),
  );
}

/** Topics that have at least one change, for the filter. */
export async function changeTopics(client: Db): Promise<string[]> {
  const rows = await client.changeEvent.findMany({
    where: { topic: { not: null } },
    distinct: ["topic"],
    select: { topic: true },
    orderBy: { topic: "asc" },
  });
  return rows.map((r) => r.topic).filter((t): t is string => t !== null);
}

export type PublicChange = {
  id: string;
  kind: ChangeKind;
  refId: string;
  title: string;
  summary: string;
  createdAt: Date;
  /** Path on this site, e.g. /artikelen/<slug>; null when the changed thing has no public page. */
  path: string | null;
};

/** Public changes, newest first. Articles link to their current page (an unpublished article links nowhere). */
export async function listPublicChanges(client: Db, take = FEED_PAGE): Promise<PublicChange[]> {
  const rows = await client.changeEvent.findMany({
    where: { isPublic: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  const articleIds = rows.filter((r) => r.kind === "article").map((r) => r.refId);
  const articles = articleIds.length
    ? await client.article.findMany({
        where: { id: { in: articleIds }, status: "published" },
        select: { id: true, slug: true },
      })
    : [];
  const slugOf = new Map(articles.map((a) => [a.id, a.slug]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ChangeKind,
    refId: r.refId,
    title: r.title,
    summary: r.summary,
    createdAt: r.createdAt,
    path: r.kind === "article" && slugOf.has(r.refId) ? `/artikelen/${slugOf.get(r.refId)}` : null,
  }));
}

/**
 * The latest public change of an article ("Gewijzigd op … : …"): of the article itself, or of a protocol rule it
 * embeds (its text renders the rule, so a changed threshold changes the article). With `after` (the article's first
 * publication), the first publication itself does not count as a change. Null when there is none.
 */
export async function latestArticleChange(
  client: Db,
  articleId: string,
  after?: Date | null,
  ruleIds: readonly string[] = [],
): Promise<{ createdAt: Date; summary: string } | null> {
  return client.changeEvent.findFirst({
    where: {
      isPublic: true,
      ...(after ? { createdAt: { gt: after } } : {}),
      OR: [
        { kind: "article", refId: articleId },
        ...ruleIds.map((id) => ({ kind: "protocol", refId: { endsWith: `/${id}` } })),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, summary: true },
  });
}
