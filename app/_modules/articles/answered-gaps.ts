// Two views for editors from the desks' work (issue #19): the questions agents answered most often without linking
// an article (resolved tickets whose replies have no article source in MessageSource and that no article draft was
// made from), grouped by topic and by similar question; and the median number of days from the first ticket on a
// topic that had no article to the first published article on that topic.
import "server-only";
import type { Db } from "@/app/_core/db";
import type { SessionUser } from "@/app/_core/session";
import { fold } from "@/app/_modules/search/text";
import { readTaxonomy, requireEditor } from "./workflow";

export type AnsweredQuestion = { key: string; subject: string; tickets: number; references: string[] };
export type AnsweredTopic = { topic: string; label: string; tickets: number; questions: AnsweredQuestion[] };

const DAY_MS = 86_400_000;
// Short function words say nothing about what a question is about.
const MIN_WORD = 4;

/** Questions are "similar" when their subjects share the same content words (folded, 4+ letters, any order). */
export function questionKey(subject: string): string {
  const words = new Set(
    fold(subject)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= MIN_WORD),
  );
  return [...words].sort().join(" ") || fold(subject).trim();
}

export async function answeredWithoutArticle(
  db: Db,
  opts: { user: SessionUser; days: number; now?: Date; limit?: number },
): Promise<AnsweredTopic[]> {
  requireEditor(opts.user);
  const since = new Date((opts.now ?? new Date()).getTime() - opts.days * DAY_MS);
  const rows = await db.ticket.findMany({
    where: {
      status: { in: ["resolved", "closed"] },
      mergedIntoId: null,
      updatedAt: { gte: since },
      messages: { some: { kind: "reply" } },
      sources: { none: { kind: "article" } },
      articleLinks: { none: {} },
    },
    orderBy: { createdAt: "asc" },
    select: { reference: true, subject: true, topic: true },
    take: 5000,
  });
  const taxonomy = await readTaxonomy(db).catch(() => null);
  const topics = new Map<string, Map<string, AnsweredQuestion>>();
  for (const r of rows) {
    const topic = r.topic ?? "";
    const byKey = topics.get(topic) ?? new Map<string, AnsweredQuestion>();
    topics.set(topic, byKey);
    const key = questionKey(r.subject);
    const q = byKey.get(key) ?? { key, subject: r.subject, tickets: 0, references: [] };
    q.tickets += 1;
    q.references.push(r.reference);
    byKey.set(key, q);
  }
  const out = [...topics].map(([topic, byKey]) => {
    const questions = [...byKey.values()].sort((a, b) => b.tickets - a.tickets || a.subject.localeCompare(b.subject));
    return {
      topic,
      label: topic ? (taxonomy?.topics.find((t) => t.id === topic)?.label ?? topic) : "Zonder onderwerp",
      tickets: questions.reduce((n, q) => n + q.tickets, 0),
      questions: questions.slice(0, 10),
    };
  });
  return out.sort((a, b) => b.tickets - a.tickets || a.label.localeCompare(b.label)).slice(0, opts.limit ?? 20);
}

export type TimeToArticle = {
  /** Median over the topics that got their first article after their first ticket; null when there are none. */
  medianDays: number | null;
  topics: { topic: string; label: string; firstTicketAt: Date; firstPublishedAt: Date | null; days: number }[];
};

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Per topic: the first ticket and the first publication of an article on it (the earliest "published" revision of
 * an article now on that topic). A topic counts when its first ticket came before any article; topics still without
 * an article are listed with the days waited so far but stay out of the median.
 */
export async function timeToArticle(db: Db, opts: { user: SessionUser; now?: Date }): Promise<TimeToArticle> {
  requireEditor(opts.user);
  const now = opts.now ?? new Date();
  const [firstTickets, published] = await Promise.all([
    db.ticket.groupBy({ by: ["topic"], where: { topic: { not: null } }, _min: { createdAt: true } }),
    db.articleRevision.findMany({
      where: { status: "published" },
      select: { createdAt: true, article: { select: { topic: true } } },
    }),
  ]);
  const firstPublished = new Map<string, Date>();
  for (const p of published) {
    const at = firstPublished.get(p.article.topic);
    if (!at || p.createdAt < at) firstPublished.set(p.article.topic, p.createdAt);
  }
  const taxonomy = await readTaxonomy(db).catch(() => null);
  const topics: TimeToArticle["topics"] = [];
  for (const row of firstTickets) {
    const first = row._min.createdAt;
    if (!row.topic || !first) continue;
    const pub = firstPublished.get(row.topic) ?? null;
    if (pub && pub <= first) continue; // there was an article before the first question
    topics.push({
      topic: row.topic,
      label: taxonomy?.topics.find((t) => t.id === row.topic)?.label ?? row.topic,
      firstTicketAt: first,
      firstPublishedAt: pub,
      days: Math.round(((pub ?? now).getTime() - first.getTime()) / DAY_MS),
    });
  }
  topics.sort((a, b) => b.days - a.days);
  return { medianDays: median(topics.filter((t) => t.firstPublishedAt).map((t) => t.days)), topics };
}
