// The editable fields of an article as stored in a revision, so any revision can be compared or restored.
export type ArticleSnapshot = {
  slug: string;
  type: string;
  title: string;
  summary: string;
  body: string;
  audiences: string[];
  sectors: string[];
  topic: string;
  /** "Ook gevraagd als" questions (missing in revisions saved before they existed: read as none). */
  questions: string[];
  reviewDueAt: string | null;
};

type ArticleLike = {
  slug: string;
  type: string;
  title: string;
  summary: string;
  body: string;
  audiences: string;
  sectors: string;
  topic: string;
  questions: string;
  reviewDueAt: Date | null;
};

/** Snapshot of an article row for a revision. */
export function articleSnapshot(a: ArticleLike): ArticleSnapshot {
  return {
    slug: a.slug,
    type: a.type,
    title: a.title,
    summary: a.summary,
    body: a.body,
    audiences: JSON.parse(a.audiences) as string[],
    sectors: JSON.parse(a.sectors) as string[],
    topic: a.topic,
    questions: JSON.parse(a.questions) as string[],
    reviewDueAt: a.reviewDueAt ? a.reviewDueAt.toISOString().slice(0, 10) : null,
  };
}

/** A stored revision snapshot; revisions from before "ook gevraagd als" existed have no questions. */
export function parseSnapshot(text: string): ArticleSnapshot {
  const s = JSON.parse(text) as Omit<ArticleSnapshot, "questions"> & { questions?: string[] };
  return { ...s, questions: s.questions ?? [] };
}
