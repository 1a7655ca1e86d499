"use server";
// Server actions of the agent workspace. Each checks the role (action wrapper) and hands the acting user to the
// desk services, which look the ticket up within the user's desks (another desk's ticket is a 404) and check
// the policies again. Results are small: the page reloads its data with router.refresh().
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { kickOutbox } from "@/app/_modules/mail/outbox";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";
import { searchArticles } from "@/app/_modules/search/service";
import { createDraftFromTicket, linkTicketToArticle } from "@/app/_modules/articles/from-ticket";
import { assignTicket } from "@/app/_modules/tickets/desk/assign";
import { changeStatus } from "@/app/_modules/tickets/desk/status";
import { linkTickets, unlinkTickets } from "@/app/_modules/tickets/desk/links";
import { mergeTicket } from "@/app/_modules/tickets/desk/merge";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { setTags } from "@/app/_modules/tickets/desk/tags";
import { setTopic } from "@/app/_modules/tickets/desk/topic";
import { transferTicket } from "@/app/_modules/tickets/desk/transfer";
import { AGENT_STATUSES, macroSchema, replySchema, transferSchema } from "@/app/_modules/tickets/desk-schema";
import { deleteMacro, saveMacro } from "@/app/_modules/tickets/macros";
import { attachmentFiles, fromFormData, toUploads } from "@/app/_modules/tickets/uploads";
import { storage } from "@/app/_modules/storage/storage";

const AGENT = ["agent"] as const;
const reference = z.string({ error: "Vraagnummer ontbreekt." }).trim().min(1).max(40);
/** Starts mail delivery at once (the outbox row is already committed with the change; the timer would retry anyway). */
async function mailed<T>(result: T): Promise<T> {
  void kickOutbox(db()).catch(() => {});
  void kickWebhooks(db());
  return result;
}

const otherReference = z
  .string({ error: "Vul een vraagnummer in." })
  .trim()
  .toUpperCase()
  .min(1, "Vul een vraagnummer in.")
  .max(40, "Dit vraagnummer is te lang.");

/**
 * A public reply (mailed) or an internal note, with the editor's JSON and up to 3 files. The service derives the
 * stored text from the JSON (a client-sent body only counts when there is no JSON) and checks the files as at intake.
 */
export const replyAction = action(
  {
    name: "desk.reply",
    roles: AGENT,
    schema: z.preprocess(
      (v) => fromFormData(v, ["bodyJson"]),
      replySchema.extend({ reference, body: z.string().max(20_000).optional(), attachments: attachmentFiles }),
    ),
  },
  async ({ reference: ref, kind, body, bodyJson, statusAfter, attachments }, { user }) => {
    const files = await toUploads(attachments);
    return mailed(
      await replyToTicket(db(), {
        user: user,
        reference: ref,
        kind,
        body,
        bodyJson: bodyJson ?? undefined,
        statusAfter,
        attachments: files,
        storage: files.length ? storage() : undefined,
      }),
    );
  },
);

/** Changes the status; optionally mails the caller. */
export const statusAction = action(
  {
    name: "desk.status",
    roles: AGENT,
    schema: z.object({
      reference,
      status: z.enum(AGENT_STATUSES, { error: "Kies een status." }),
      notifyCaller: z.boolean().optional(),
    }),
  },
  async ({ reference: ref, status, notifyCaller }, { user }) =>
    mailed(await changeStatus(db(), { user: user, reference: ref, status, notifyCaller })),
);

/** Assigns to oneself or a colleague (null: nobody). */
export const assignAction = action(
  {
    name: "desk.assign",
    roles: AGENT,
    schema: z.object({ reference, assigneeId: z.string().min(1).max(40).nullable() }),
  },
  async ({ reference: ref, assigneeId }, { user }) =>
    mailed(await assignTicket(db(), { user: user, reference: ref, assigneeId })),
);

/** Sets or clears the topic. */
export const topicAction = action(
  { name: "desk.topic", roles: AGENT, schema: z.object({ reference, topic: z.string().max(60).nullable() }) },
  async ({ reference: ref, topic }, { user }) => setTopic(db(), { user: user, reference: ref, topic: topic || null }),
);

/** Replaces the tags (new names only for admins; the service says so in Dutch otherwise). */
export const tagsAction = action(
  {
    name: "desk.tags",
    roles: AGENT,
    schema: z.object({ reference, tags: z.array(z.string().max(60)).max(20, "Gebruik maximaal 20 tags.") }),
  },
  async ({ reference: ref, tags }, { user }) => setTags(db(), { user: user, reference: ref, tags }),
);

/** Sends the ticket to the other desk with a reason the caller reads. */
export const transferAction = action(
  { name: "desk.transfer", roles: AGENT, schema: transferSchema.extend({ reference }) },
  async ({ reference: ref, toDesk, reason }, { user }) =>
    mailed(await transferTicket(db(), { user: user, reference: ref, toDesk, reason })),
);

/** Merges this (duplicate) ticket into another one of the same caller. */
export const mergeAction = action(
  { name: "desk.merge", roles: AGENT, schema: z.object({ reference, intoReference: otherReference }) },
  async ({ reference: ref, intoReference }, { user }) =>
    mailed(await mergeTicket(db(), { user: user, reference: ref, intoReference })),
);

/** Links or unlinks a related ticket. */
export const linkAction = action(
  { name: "desk.link", roles: AGENT, schema: z.object({ reference, otherReference, remove: z.boolean().optional() }) },
  async ({ reference: ref, otherReference: other, remove }, { user }) =>
    remove
      ? unlinkTickets(db(), { user: user, reference: ref, otherReference: other })
      : linkTickets(db(), { user: user, reference: ref, otherReference: other }),
);

/** Finds published articles to link in a reply (not written to the search log: these are not caller searches). */
export const findArticlesAction = action(
  {
    name: "desk.findArticles",
    roles: AGENT,
    schema: z.object({ q: z.string().trim().min(2, "Typ minstens 2 tekens.").max(200) }),
  },
  async ({ q }) => {
    const res = await searchArticles({ q, perPage: 8 });
    return res.hits.map((h) => ({ slug: h.slug, title: h.title, summary: h.summary }));
  },
);

/** Creates or updates a macro (admins). */
export const saveMacroAction = action(
  { name: "desk.saveMacro", roles: ["admin"], schema: macroSchema },
  async (input, { user }) => {
    const m = await saveMacro(db(), { user: user, ...input });
    return { id: m.id };
  },
);

/** Deletes a macro (admins). */
export const deleteMacroAction = action(
  { name: "desk.deleteMacro", roles: ["admin"], schema: z.object({ id: z.string().min(1).max(40) }) },
  async ({ id }, { user }) => {
    await deleteMacro(db(), { user: user, id });
    return { deleted: true };
  },
);

/** "Maak artikelconcept": an article draft from this resolved ticket (or the one it already has). */
export const articleDraftAction = action(
  { name: "desk.articleDraft", roles: AGENT, schema: z.object({ reference }) },
  async ({ reference: ref }, { user }) => createDraftFromTicket(db(), { user, reference: ref }),
);

/** Links this resolved ticket to an existing article draft made from another ticket. */
export const linkArticleDraftAction = action(
  {
    name: "desk.linkArticleDraft",
    roles: AGENT,
    schema: z.object({
      reference,
      articleId: z.string({ error: "Kies een concept." }).trim().min(1, "Kies een concept.").max(40),
    }),
  },
  async ({ reference: ref, articleId }, { user }) => linkTicketToArticle(db(), { user, reference: ref, articleId }),
);
