// Tickets from the caller's side: the private follow-up link, replies and closing by the caller.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import type { FileStorage } from "@/app/_modules/storage/storage";
import { hashToken } from "./follow-up-link";
import { deskSlaSettings, dueTimesFor, endPause, FOLLOW_UP_DAYS_AFTER_CLOSE } from "./desk-sla";
import { checkAttachmentFiles, removeStored, storeFiles, type UploadedFile } from "./attachment-files";

/** The ticket behind a follow-up token, or a 404 for a wrong or expired token. Follows merges. */
export async function findTicketByToken(db: Db, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError();
  const t = await db.ticket.findUnique({
    where: { followUpTokenHash: hashToken(token) },
    select: { id: true, mergedIntoId: true, followUpExpiresAt: true },
  });
  if (!t || (t.followUpExpiresAt && t.followUpExpiresAt < now)) throw new NotFoundError();
  return t;
}

/** The caller's view: status and public conversation only (never internal notes). */
export async function getCallerView(db: Db, token: string) {
  const t = await findTicketByToken(db, token);
  const ticketId = t.mergedIntoId ?? t.id;
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: {
      desk: true,
      formerReferences: { select: { reference: true }, orderBy: { createdAt: "asc" } },
      requester: { select: { name: true, organisation: true } },
      messages: {
        where: { kind: { in: ["caller", "reply", "system"] } },
        orderBy: { createdAt: "asc" },
        include: { attachments: { select: { id: true, fileName: true, size: true } } },
      },
    },
  });
  return { ticket, mergedFrom: t.mergedIntoId ? t.id : null };
}

/**
 * A reply by the caller: reopens a resolved ticket, pauses nothing, notifies nobody by mail (agents see the queue).
 * Attachments get the same checks as at intake (type by content, size, count, BSN in name or text).
 */
export async function addCallerReply(
  db: Db,
  token: string,
  message: string,
  now = new Date(),
  files: { attachments?: UploadedFile[]; storage?: FileStorage } = {},
) {
  const t = await findTicketByToken(db, token, now);
  return addCallerReplyToTicket(db, t.mergedIntoId ?? t.id, message, now, files);
}

/**
 * The same reply for a ticket already found (a signed-in caller on "Mijn vragen": callers/tickets.ts checks who may).
 * `from`: who wrote it; a colleague of the caller (shared organisation) is recorded as another sender with their address.
 */
export async function addCallerReplyToTicket(
  db: Db,
  ticketId: string,
  message: string,
  now = new Date(),
  files: { attachments?: UploadedFile[]; storage?: FileStorage } = {},
  from: { email: string; colleague: boolean } | null = null,
) {
  const checked = await checkAttachmentFiles(files.attachments ?? []);
  const stored = await storeFiles(files.storage, checked);
  return db
    .$transaction(async (tx) => {
      const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { desk: true } });
      if (ticket.status === "closed")
        throw new ValidationError("Deze vraag is gesloten.", [
          { path: "message", message: "Deze vraag is gesloten. Stel een nieuwe vraag als u nog iets wilt weten." },
        ]);
      const reopen = ticket.status === "resolved" || ticket.status === "waiting";
      await tx.message.create({
        data: {
          ticketId,
          kind: "caller",
          body: message,
          createdAt: now,
          ...(from?.colleague ? { emailFrom: from.email, otherSender: true } : {}),
          attachments: {
            create: stored.map((f) => ({
              ticketId,
              fileName: f.name,
              mimeType: f.mime,
              size: f.size,
              sha256: f.sha256,
              storageKey: f.key,
            })),
          },
        },
      });
      const data: Record<string, unknown> = { updatedAt: now };
      if (reopen) {
        data.status = "open";
        data.resolvedAt = null;
        if (ticket.slaPausedAt) {
          // The caller answered: the pause ends and the due times move out by the paused business time.
          const settings = deskSlaSettings(ticket.desk);
          const pause = endPause(ticket, settings.hours, now);
          Object.assign(
            data,
            pause,
            dueTimesFor({ createdAt: ticket.createdAt, slaPausedMs: pause.slaPausedMs }, settings),
          );
        }
      }
      await tx.ticket.update({ where: { id: ticketId }, data });
      if (reopen) {
        await tx.message.create({
          data: {
            ticketId,
            kind: "system",
            body: "De vraag is weer geopend door een reactie van de beller.",
            createdAt: now,
          },
        });
        await recordAudit(tx, {
          actorId: null,
          action: "ticket.reopened_by_caller",
          entityType: "ticket",
          entityId: ticketId,
          ticketId,
          before: { status: ticket.status },
          after: { status: "open" },
        });
      }
      await recordAudit(tx, {
        actorId: null,
        action: "ticket.caller_reply",
        entityType: "ticket",
        entityId: ticketId,
        ticketId,
        after:
          stored.length || from
            ? {
                ...(stored.length ? { attachments: stored.length } : {}),
                ...(from ? { via: "mijn-vragen", by: from.email, colleague: from.colleague } : {}),
              }
            : undefined,
      });
      await enqueueTicketEvents(tx, ticketId, reopen ? ["reply", "status"] : ["reply"], { now });
      return { reopened: reopen, attachments: stored.length };
    })
    .catch(async (e) => {
      await removeStored(files.storage, stored);
      throw e;
    });
}

/** The caller closes their question. The follow-up link keeps working for 30 more days. */
export async function closeByCaller(db: Db, token: string, now = new Date()) {
  const t = await findTicketByToken(db, token, now);
  await closeTicketByCaller(db, t.mergedIntoId ?? t.id, now);
}

/** The same close for a ticket already found (a signed-in caller on "Mijn vragen"; `by` is their address). */
export async function closeTicketByCaller(db: Db, ticketId: string, now = new Date(), by: string | null = null) {
  await db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { desk: true } });
    if (ticket.status === "closed") return;
    await tx.ticket.update({
      where: { id: ticketId },
      data: {
        status: "closed",
        closedAt: now,
        resolvedAt: ticket.resolvedAt ?? now,
        ...endPause(ticket, deskSlaSettings(ticket.desk).hours, now),
        followUpExpiresAt: new Date(now.getTime() + FOLLOW_UP_DAYS_AFTER_CLOSE * 86_400_000),
      },
    });
    await tx.message.create({
      data: { ticketId, kind: "system", body: "De beller heeft de vraag gesloten.", createdAt: now },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "ticket.closed_by_caller",
      entityType: "ticket",
      entityId: ticketId,
      ticketId,
      before: { status: ticket.status },
      after: by ? { status: "closed", via: "mijn-vragen", by } : { status: "closed" },
    });
    await enqueueTicketEvents(tx, ticketId, ["status"], { resolved: !ticket.resolvedAt, now });
  });
}
