// The editable fields of an article as stored in a revision, so any revision can be compared or restored.
import "server-only";
import { z } from "zod";
import { jsonColumn } from "@/app/_lib/json-column";
import { articleColumns, dateToDay } from "./fields";

/**
 * A revision's snapshot (ArticleRevision.snapshot). The key order is the order snapshots are written in, so a
 * decoded and re-encoded snapshot is the same text.
 */
const snapshotSchema = z.object({
  slug: z.string(),
  type: z.string(),
  title: z.string(),
  summary: z.string(),
  /** Tiptap JSON as text. */
  body: z.string(),
  audiences: z.array(z.string()),
  sectors: z.array(z.string()),
  topic: z.string(),
  /** "Ook gevraagd als" questions (missing in revisions saved before they existed: read as none). */
  questions: z.array(z.string()).default([]),
  /** The review date, "YYYY-MM-DD", or null. */
  reviewDueAt: z.string().nullable(),
  /** Validity period ("geldig vanaf/tot"), "YYYY-MM-DD" or null (missing in older revisions: none). */
  validFrom: z.string().nullable().default(null),
  validUntil: z.string().nullable().default(null),
});

export type ArticleSnapshot = z.infer<typeof snapshotSchema>;

/** Codec of ArticleRevision.snapshot. */
export const snapshotColumn = jsonColumn("ArticleRevision.snapshot", snapshotSchema);

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
  validFrom?: Date | null;
  validUntil?: Date | null;
};

/** Snapshot of an article row for a revision. */
export function articleSnapshot(a: ArticleLike): ArticleSnapshot {
  return {
    slug: a.slug,
    type: a.type,
    title: a.title,
    summary: a.summary,
    body: a.body,
    audiences: articleColumns.audiences.decode(a.audiences),
    sectors: articleColumns.sectors.decode(a.sectors),
    topic: a.topic,
    questions: articleColumns.questions.decode(a.questions),
    reviewDueAt: dateToDay(a.reviewDueAt),
    validFrom: dateToDay(a.validFrom),
    validUntil: dateToDay(a.validUntil),
  };
}

/** A stored revision snapshot; revisions from before "ook gevraagd als" existed have no questions. */
export function parseSnapshot(text: string): ArticleSnapshot {
  return snapshotColumn.decode(text);
}
