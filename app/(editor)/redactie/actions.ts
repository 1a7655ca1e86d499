"use server";
// Server actions of the editor workspace: save (autosave and manual), workflow steps, restore, preview and
// the internal-link check. Every action checks the role itself; the services check again.
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { ConflictError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { checkInternalLinks } from "@/app/_modules/articles/links";
import { setSuccessor } from "@/app/_modules/articles/successor";
import { restoreRevision } from "@/app/_modules/articles/revisions";
import { contentResolver, renderBody } from "@/app/_modules/articles/service";
import { isIsoDate } from "@/app/_modules/protocol/engine/dates";
import { MAX_DOC_BYTES, validateDoc } from "@/app/_modules/articles/validate";
import {
  approveArticle as approveService,
  archiveArticle as archiveService,
  getArticleForEditor,
  rejectReview,
  saveDraft,
  submitForReview,
} from "@/app/_modules/articles/workflow";
import { articleFormSchema } from "./schema";
import { publishingHooks } from "./publishing";

const EDITOR = ["editor"] as const;
// The body travels as JSON text: ProseMirror builds attrs with a null prototype, which React's action
// transport would turn into opaque references instead of data.
const bodyJson = z
  .string()
  .max(MAX_DOC_BYTES * 2, "De tekst is te lang.")
  .transform((s, ctx): unknown => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "De tekst kan niet worden gelezen." });
      return z.NEVER;
    }
  });
const note = z.string().trim().max(500, "Gebruik hoogstens 500 tekens.").optional();
const revision = z.number().int().min(0).nullable();

/** What the editor needs after every step to show the right buttons. */
export type ArticleState = {
  articleId: string;
  revision: number;
  workingStatus: string;
  status: string;
  canApprove: boolean;
  /** The user wrote part of what is under review (four eyes: someone else approves). */
  wroteIt: boolean;
  submittedBy: string | null;
  submittedById: string | null;
  scheduledAt: string | null;
  liveSlug: string | null;
};

/** A step either succeeds with the new state, or reports that someone else changed the article first. */
export type StepResult = { state: ArticleState; conflict?: undefined } | { conflict: string; state?: undefined };

async function stateOf(user: SessionUser, articleId: string): Promise<ArticleState> {
  const a = await getArticleForEditor(db(), { user, articleId });
  return {
    articleId: a.id,
    revision: a.revision,
    workingStatus: a.workingStatus,
    status: a.status,
    canApprove: a.canApprove,
    wroteIt: a.wroteIt,
    submittedBy: a.submittedBy?.name ?? null,
    submittedById: a.submittedBy?.id ?? null,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    liveSlug: a.liveSlug,
  };
}

// A stale revision is a normal outcome in a shared workspace: the client must not retry it, so it is
// returned as data instead of an error.
async function step(user: SessionUser, fn: () => Promise<{ articleId: string }>): Promise<StepResult> {
  try {
    const r = await fn();
    return { state: await stateOf(user, r.articleId) };
  } catch (e) {
    if (e instanceof ConflictError) return { conflict: e.message };
    throw e;
  }
}

const saveSchema = articleFormSchema.extend({
  articleId: z.string().min(1).max(40).nullable(),
  baseRevision: revision,
  body: bodyJson,
  note,
});

/** Saves the form as a new revision (creates the article when articleId is null). */
export const saveArticle = action(
  { name: "redactie.saveArticle", roles: EDITOR, schema: saveSchema },
  async (input, { user }) =>
    step(user, () =>
      saveDraft(db(), {
        user: user,
        articleId: input.articleId,
        baseRevision: input.baseRevision,
        note: input.note,
        fields: {
          ...input,
          reviewDueAt: input.reviewDueAt || null,
          validFrom: input.validFrom || null,
          validUntil: input.validUntil || null,
          body: input.body,
        },
      }),
    ),
);

const workflowSchema = z.object({ articleId: z.string().min(1).max(40), baseRevision: revision, note });

/** Offers the working copy for review by another editor. */
export const submitArticle = action(
  { name: "redactie.submitArticle", roles: EDITOR, schema: workflowSchema },
  async (input, { user }) =>
    step(user, () =>
      submitForReview(db(), {
        user: user,
        articleId: input.articleId,
        baseRevision: input.baseRevision,
        note: input.note,
      }),
    ),
);

const approveSchema = workflowSchema.extend({
  // datetime-local from the browser plus its UTC offset in minutes, so "9:00" means 9:00 where the editor is.
  publishAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Vul een datum en tijd in.")
    .optional(),
  tzOffset: z.number().int().min(-900).max(900).optional(),
  // "Wat is er veranderd": checked (length, BSN guard) by the service, which names the fields in its errors.
  changeSummary: z.string().max(2000, "Gebruik hoogstens 300 tekens.").optional(),
  deskNote: z.string().max(2000, "Gebruik hoogstens 500 tekens.").optional(),
});

/** Approves (four eyes): publishes now, or schedules when publishAt lies in the future. */
export const approveArticle = action(
  { name: "redactie.approveArticle", roles: EDITOR, schema: approveSchema },
  async (input, { user }) => {
    let publishAt: Date | null = null;
    if (input.publishAt) {
      const local = new Date(`${input.publishAt}:00.000Z`);
      publishAt = new Date(local.getTime() + (input.tzOffset ?? 0) * 60_000);
    }
    return step(user, () =>
      approveService(db(), {
        user: user,
        articleId: input.articleId,
        baseRevision: input.baseRevision,
        note: input.note,
        changeSummary: input.changeSummary,
        deskNote: input.deskNote,
        publishAt,
        hooks: publishingHooks,
      }),
    );
  },
);

const rejectSchema = workflowSchema.extend({
  note: z.string().trim().min(1, "Schrijf kort wat er beter moet.").max(2000, "Gebruik hoogstens 2000 tekens."),
});

/** Sends an article in review (or scheduled) back to draft with a note. */
export const rejectArticle = action(
  { name: "redactie.rejectArticle", roles: EDITOR, schema: rejectSchema },
  async (input, { user }) =>
    step(user, () =>
      rejectReview(db(), {
        user: user,
        articleId: input.articleId,
        baseRevision: input.baseRevision,
        note: input.note,
      }),
    ),
);

/** Archives an article; a public article leaves the portal and the search index. */
export const archiveArticle = action(
  { name: "redactie.archiveArticle", roles: EDITOR, schema: workflowSchema },
  async (input, { user }) =>
    step(user, () =>
      archiveService(db(), {
        user: user,
        articleId: input.articleId,
        baseRevision: input.baseRevision,
        note: input.note,
        hooks: publishingHooks,
      }),
    ),
);

const restoreSchema = z.object({
  articleId: z.string().min(1).max(40),
  revision: z.number().int().min(1),
  baseRevision: revision,
});

/** Restores an old revision as a new draft. */
export const restoreArticleRevision = action(
  { name: "redactie.restoreRevision", roles: EDITOR, schema: restoreSchema },
  async (input, { user }) =>
    step(user, () =>
      restoreRevision(db(), {
        user: user,
        articleId: input.articleId,
        revision: input.revision,
        baseRevision: input.baseRevision,
      }),
    ),
);

/**
 * Renders the body exactly as the public page does (same renderer, same resolver, sanitized); with `day`, as it
 * will read on that date (the protocol rule versions in force then).
 */
export const previewArticle = action(
  {
    name: "redactie.previewArticle",
    roles: EDITOR,
    schema: z.object({
      body: bodyJson,
      day: z.string().refine(isIsoDate, "Kies een bestaande datum, bijvoorbeeld 1-8-2027.").optional(),
    }),
  },
  async (input) => {
    const doc = validateDoc(input.body);
    if (!doc.ok) return { html: null, message: doc.message };
    return { html: await renderBody(JSON.stringify(doc.doc), await contentResolver(input.day)), message: null };
  },
);

/** Internal links of the body that point to a missing or unpublished article. */
export const checkLinks = action(
  { name: "redactie.checkLinks", roles: EDITOR, schema: z.object({ body: bodyJson }) },
  async (input) => {
    const doc = validateDoc(input.body);
    if (!doc.ok) return [];
    const findings = await checkInternalLinks(db(), { doc: doc.doc });
    return findings.map((f) => ({
      slug: f.slug,
      text: f.text,
      kind: f.kind,
      message: f.message,
      articleId: f.articleId ?? null,
    }));
  },
);

/** The article that replaces this one when it expires (none: the newest current article on its topic). */
export const setSuccessorAction = action(
  {
    name: "redactie.setSuccessor",
    roles: EDITOR,
    schema: z.object({
      articleId: z.string().trim().min(1).max(40),
      successorId: z.string().trim().max(40).nullable(),
    }),
  },
  async ({ articleId, successorId }, { user }) =>
    setSuccessor(db(), { user, articleId, successorId: successorId || null }),
);
