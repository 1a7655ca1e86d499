// Share of agents' replies that link an article (issue #19), per desk and per topic: replies on the tickets of the
// report (created in the period, the user's desks, not merged away), with a reply counted as linking when it has an
// article source (MessageSource, stored when the reply was saved).
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import type { ArticleLinks, ArticleLinkRow } from "./report-types";

type Tally = Map<string, { replies: number; withArticle: number }>;

function add(m: Tally, key: string, linked: boolean) {
  const v = m.get(key) ?? { replies: 0, withArticle: 0 };
  v.replies++;
  if (linked) v.withArticle++;
  m.set(key, v);
}

function rows(m: Tally, label: (key: string) => string): ArticleLinkRow[] {
  return [...m.entries()]
    .map(([key, v]) => ({ key, label: label(key), ...v, rate: v.replies ? v.withArticle / v.replies : null }))
    .sort((a, b) => b.replies - a.replies || a.label.localeCompare(b.label, "nl"));
}

/** The article-link share overall, per desk and per topic ("" = no topic), read in id-ordered batches. */
export async function articleLinkSection(
  db: Db,
  opts: {
    ticketWhere: Prisma.TicketWhereInput;
    deskLabel: (id: string) => string;
    topicLabel: (id: string) => string;
    batchSize: number;
  },
): Promise<ArticleLinks> {
  const desk: Tally = new Map();
  const topic: Tally = new Map();
  const total = { replies: 0, withArticle: 0 };
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.message.findMany({
      where: { kind: "reply", authorId: { not: null }, ticket: opts.ticketWhere },
      select: {
        id: true,
        ticket: { select: { deskId: true, topic: true } },
        _count: { select: { sources: { where: { kind: "article" } } } },
      },
      orderBy: { id: "asc" },
      take: opts.batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const m of batch) {
      const linked = m._count.sources > 0;
      total.replies++;
      if (linked) total.withArticle++;
      add(desk, m.ticket.deskId, linked);
      add(topic, m.ticket.topic ?? "", linked);
    }
    if (batch.length < opts.batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  return {
    ...total,
    rate: total.replies ? total.withArticle / total.replies : null,
    byDesk: rows(desk, opts.deskLabel),
    byTopic: rows(topic, (k) => (k ? opts.topicLabel(k) : "Geen onderwerp")),
  };
}
