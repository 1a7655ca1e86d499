// A public reply or an internal note by an agent.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { ConflictError, NotFoundError } from "@/app/_core/errors";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueMail } from "@/app/_modules/mail/outbox";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { linkedArticleSlugs, recordMessageSources } from "@/app/_modules/provenance/record";
import { ticketReplyMail } from "@/app/_modules/mail/templates";
import type { FileStorage } from "@/app/_modules/storage/storage";
import { checkAttachmentFiles, removeStored, storeFiles, type UploadedFile } from "../attachment-files";
import { parseInput, replySchema } from "../desk-schema";
import { followUpLinkForMail } from "../desk-token";
import { deriveReplyBody } from "../reply-body";
import { canAddNote, canChangeStatus, canReply } from "../policy";
import {
  assertActive,
  findScoped,
  NOT_FOUND,
  recordStatusChange,
  statusChange,
  statusError,
  updateGuarded,
  type Common,
  type Tx,
} from "./scoped";

/**
 * A public reply (mailed to the caller with the follow-up link) or an internal note (never shown or mailed to the
 * caller). The first public reply sets firstRespondedAt; a reply on a new ticket opens it unless statusAfter says otherwise.
 * With editor JSON the stored text is derived from it on the server (reply-body.ts). Attachments get the intake checks.
 */
export async function replyToTicket(
  db: Db,
  opts: Common & {
    body?: string;
    bodyJson?: unknown;
    kind: "reply" | "note";
    statusAfter?: "open" | "waiting" | "resolved" | "closed";
    attachments?: UploadedFile[];
    storage?: FileStorage;
    /** Runs in the reply's transaction after the message is stored (the correction marks its sources handled). */
    afterMessage?: (tx: Tx, m: { messageId: string; ticketId: string }) => Promise<void>;
  },
) {
  const { user } = opts;
  const derived = deriveReplyBody({ body: opts.body, bodyJson: opts.bodyJson });
  const input = parseInput(replySchema, {
    kind: opts.kind,
    body: derived.body,
    bodyJson: derived.bodyJson,
    statusAfter: opts.statusAfter,
  });
  const now = opts.now ?? new Date();
  // Before any file is stored: the ticket must exist in the user's scope.
  await findScoped(db, user, opts.reference);
  const stored = await storeFiles(opts.storage, await checkAttachmentFiles(opts.attachments ?? []));
  return db
    .$transaction(async (tx) => {
      const t = await findScoped(tx, user, opts.reference);
      assertActive(user, t);
      const isReply = input.kind === "reply";
      if (isReply && !canReply(user, t))
        throw new ConflictError("Deze vraag is gesloten. U kunt alleen nog een interne notitie toevoegen.");
      if (!isReply && !canAddNote(user, t)) throw new NotFoundError(NOT_FOUND);

      let to: string | undefined = input.statusAfter;
      if (to === t.status) to = undefined;
      if (to === undefined && isReply && t.status === "new") to = "open";
      if (to && !canChangeStatus(user, t, to)) throw statusError(t, to, "statusAfter");

      const message = await tx.message.create({
        data: {
          ticketId: t.id,
          kind: input.kind,
          authorId: user.id,
          body: input.body,
          bodyJson: input.bodyJson ?? null,
          createdAt: now,
          attachments: {
            create: stored.map((f) => ({
              ticketId: t.id,
              fileName: f.name,
              mimeType: f.mime,
              size: f.size,
              sha256: f.sha256,
              storageKey: f.key,
            })),
          },
        },
      });
      // What the reply relied on: the linked articles' revisions and the rule versions they render.
      if (isReply)
        await recordMessageSources(tx, {
          messageId: message.id,
          ticketId: t.id,
          slugs: linkedArticleSlugs(input.body, input.bodyJson),
          now,
        });
      await opts.afterMessage?.(tx, { messageId: message.id, ticketId: t.id });
      const data: Prisma.TicketUncheckedUpdateManyInput = { updatedAt: now };
      if (isReply && !t.firstRespondedAt) data.firstRespondedAt = now;
      const change = to ? statusChange(t, to, now) : {};
      await updateGuarded(tx, t, { ...data, ...change });
      await recordAudit(tx, {
        actorId: user.id,
        action: isReply ? "ticket.replied" : "ticket.note_added",
        entityType: "message",
        entityId: message.id,
        ticketId: t.id,
        after: {
          kind: input.kind,
          messageId: message.id,
          ...(data.firstRespondedAt ? { firstRespondedAt: now } : {}),
          ...(stored.length ? { attachments: stored.length } : {}),
        },
      });
      if (to) await recordStatusChange(tx, user, t, to, change, now);

      let mailed = false;
      if (isReply) {
        const link = await followUpLinkForMail(tx, t, user.id);
        const mail = ticketReplyMail({
          reference: t.reference,
          deskName: t.desk.name,
          deskArticle: t.desk.article,
          followUpUrl: link.url,
          requesterName: t.requester.name,
          replyText: input.body,
        });
        await enqueueMail(tx, { to: t.requester.email, ...mail, ticketId: t.id });
        mailed = true;
      }
      // A note is queued as ticket.note_added only (internal: never part of ticket.updated, never its text).
      await enqueueTicketEvents(
        tx,
        t.id,
        [...(isReply ? (["reply"] as const) : (["note"] as const)), ...(to ? (["status"] as const) : [])],
        { resolved: to === "resolved", now },
      );
      return { messageId: message.id, status: to ?? t.status, mailed, attachments: stored.length };
    })
    .catch(async (e) => {
      await removeStored(opts.storage, stored);
      throw e;
    });
}
