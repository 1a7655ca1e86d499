// The change record of an article publication: a diff against the previously published version and a one-line
// summary (the editor's, or one made from the changed fields), with the editor's note for the desk. Called by the
// four-eyes workflow inside the transaction that publishes.
import "server-only";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { fromZod } from "@/app/_core/errors";
import { articleSnapshot, snapshotColumn, type ArticleSnapshot } from "@/app/_modules/articles/snapshot";
import { diffSections, snapshotDiffText } from "./diff-text";
import { deskNoteSchema, MAX_SUMMARY, recordChange } from "./record";
import { cleanText } from "@/app/_core/text";
import { noPersonalNumber } from "@/app/_modules/privacy/personal-number";

type Tx = Pick<Db, "changeEvent" | "articleRevision">;

/** What the editor may add when approving: a one-line summary for everyone and a note for the desk; both optional. */
export const publishNoteSchema = z.object({
  changeSummary: z
    .string()
    .transform((s) => cleanText(s).replace(/\s+/g, " ").trim())
    .pipe(
      noPersonalNumber(
        z.string().max(MAX_SUMMARY, `De samenvatting van de wijziging mag hoogstens ${MAX_SUMMARY} tekens lang zijn.`),
      ),
    )
    .transform((s) => (s === "" ? null : s))
    .optional(),
  deskNote: deskNoteSchema.optional(),
});
export type PublishNote = { changeSummary?: string | null; deskNote?: string | null };

/** Checks the editor's publish note; a ValidationError (Dutch, fields changeSummary/deskNote) when it is not valid. */
export function parsePublishNote(input: { changeSummary?: string | null; deskNote?: string | null }): {
  changeSummary: string | null;
  deskNote: string | null;
} {
  const r = publishNoteSchema.safeParse({
    changeSummary: input.changeSummary ?? undefined,
    deskNote: input.deskNote ?? undefined,
  });
  if (!r.success) throw fromZod(r.error);
  return { changeSummary: r.data.changeSummary ?? null, deskNote: r.data.deskNote ?? null };
}

/** A one-line summary made from the changed fields, e.g. "Aangepast: tekst en samenvatting." */
export function autoSummary(previous: ArticleSnapshot | null, diff: string): string {
  if (!previous) return "Nieuw artikel.";
  const fields = diffSections(diff).map((f) => f.toLowerCase());
  if (fields.length === 0) return "Opnieuw gepubliceerd zonder wijzigingen.";
  const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(", ")} en ${fields[fields.length - 1]}`;
  return `Aangepast: ${list}.`;
}

type ArticleRow = Parameters<typeof articleSnapshot>[0] & { id: string; status: string };

/** The content the public saw before this publication, or null for an article that was never published. */
async function previousPublished(tx: Tx, article: ArticleRow): Promise<ArticleSnapshot | null> {
  // While published, the row holds the live content (edits wait in revisions).
  if (article.status === "published") return articleSnapshot(article);
  const rev = await tx.articleRevision.findFirst({
    where: { articleId: article.id, status: "published" },
    orderBy: { number: "desc" },
    select: { snapshot: true },
  });
  return rev ? snapshotColumn.decode(rev.snapshot) : null;
}

/**
 * Records the publication of `snapshot` for `article` (the row as it was before publishing). Call before the row is
 * overwritten. Returns the change id.
 */
export async function recordArticlePublication(
  tx: Tx,
  opts: {
    article: ArticleRow;
    snapshot: ArticleSnapshot;
    actorId: string | null;
    note?: PublishNote;
    now: Date;
  },
): Promise<{ id: string }> {
  const previous = await previousPublished(tx, opts.article);
  const diff = snapshotDiffText(previous, opts.snapshot);
  const summary = opts.note?.changeSummary?.trim() || autoSummary(previous, diff);
  const input = {
    kind: "article" as const,
    refId: opts.article.id,
    title: opts.snapshot.title,
    summary,
    diff,
    deskNote: opts.note?.deskNote ?? null,
    topic: opts.snapshot.topic || null,
    isPublic: true,
    actorId: opts.actorId,
    createdAt: opts.now,
  };
  return recordChange(tx, input);
}

/** Records that a published article left the website (archived): public, so followers of the feed know. */
export async function recordArticleRemoval(
  tx: Tx,
  opts: { article: { id: string; title: string; topic: string }; actorId: string | null },
): Promise<{ id: string }> {
  return recordChange(tx, {
    kind: "article",
    refId: opts.article.id,
    title: opts.article.title,
    summary: "Dit artikel staat niet meer op de website.",
    topic: opts.article.topic || null,
    isPublic: true,
    actorId: opts.actorId,
  });
}
