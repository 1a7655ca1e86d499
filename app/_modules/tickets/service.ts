// Tickets from the caller's side: intake, the private follow-up link, replies and closing by the caller.
import { createHash } from "node:crypto";
import { newId } from "@/app/_core/ids";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { ticketConfirmationMail } from "@/app/_modules/mail/templates";
import {
  containsPersonalNumber,
  fileNameHasPersonalNumber,
  PERSONAL_NUMBER_MESSAGE,
} from "@/app/_modules/privacy/personal-number";
import { computeSlaDueTimes, type BusinessHours } from "@/app/_modules/sla/business-time";
import { ATTACHMENT_LIMITS, detectFileType, safeFileName, type DetectedType } from "@/app/_modules/storage/file-type";
import type { FileStorage } from "@/app/_modules/storage/storage";
import type { Channel } from "./channel";
import { attachmentText, MAX_PDF_PAGES, UnreadableFileError } from "@/app/_modules/storage/text-layer";
import { deriveFollowUpToken } from "./desk-token";
import { followUpUrl, hashToken } from "./follow-up-link";
import { deskSlaSettings, dueTimesFor, endPause, FOLLOW_UP_DAYS_AFTER_CLOSE } from "./desk-sla";
import { formatReference, nextTicketNumber, referenceYear } from "./reference";
import { sqliteTicketInserter } from "./sqlite-intake";
import type { IntakeInput } from "./schema";

export type UploadedFile = { name: string; bytes: Uint8Array };
export type CreatedTicket = {
  id: string;
  reference: string;
  deskId: DeskId;
  followUpToken: string;
  followUpUrl: string;
};

// The follow-up link helpers live in follow-up-link.ts (desk-token.ts needs them too); callers import them from here.
export { followUpUrl, hashToken };

/** Subject line from the question: its first sentence, at most 90 characters. */
export function subjectFrom(question: string): string {
  const first = question.trim().split(/(?<=[.?!])\s|\n/)[0] ?? question;
  const s = first.replace(/\s+/g, " ").trim();
  return s.length <= 90 ? s : `${s.slice(0, 87).replace(/\s+\S*$/, "")}…`;
}

export type CheckedFile = { name: string; bytes: Uint8Array; mime: string; type: DetectedType };

/** The 400 for a file over the size limit. */
export const fileTooLarge = (fileName: string, index: number) =>
  new ValidationError("Bijlage te groot.", [
    { path: `attachments.${index}`, message: `Het bestand ${safeFileName(fileName)} is groter dan 5 MB.` },
  ]);

/** Checks attachments by count, size, content type and name; throws a 400 naming the file. */
export function checkAttachments(files: UploadedFile[]): CheckedFile[] {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) {
    throw new ValidationError("Te veel bijlagen.", [
      { path: "attachments", message: `U kunt maximaal ${ATTACHMENT_LIMITS.maxFiles} bestanden toevoegen.` },
    ]);
  }
  return files.map((f, i) => {
    const path = `attachments.${i}`;
    const name = safeFileName(f.name);
    if (fileNameHasPersonalNumber(f.name))
      throw new ValidationError("Bijlage niet toegestaan.", [{ path, message: PERSONAL_NUMBER_MESSAGE }]);
    if (f.bytes.byteLength === 0)
      throw new ValidationError("Bijlage is leeg.", [{ path, message: `Het bestand ${name} is leeg.` }]);
    if (f.bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) throw fileTooLarge(f.name, i);
    const type = detectFileType(f.bytes, f.name);
    if (!type) {
      throw new ValidationError("Soort bijlage niet toegestaan.", [
        { path, message: `Het bestand ${name} is geen png, jpg, pdf, txt of csv.` },
      ]);
    }
    return { name, bytes: f.bytes, mime: type.mime, type };
  });
}

/**
 * checkAttachments plus the number guard on the text inside: txt, csv and the text layer of a PDF are refused
 * with the same message as a form field when they hold a BSN or onderwijsnummer. A PDF whose text cannot be read
 * (broken, password, too long to check) is refused too: what cannot be checked is not stored.
 */
export async function checkAttachmentFiles(files: UploadedFile[]): Promise<CheckedFile[]> {
  const checked = checkAttachments(files);
  for (const [i, f] of checked.entries()) {
    const path = `attachments.${i}`;
    let text: string | null;
    try {
      text = await attachmentText(f.bytes, f.type);
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      const message =
        e.reason === "password"
          ? `Het bestand ${f.name} is beveiligd met een wachtwoord. Stuur het zonder wachtwoord.`
          : e.reason === "too-long"
            ? `Het bestand ${f.name} heeft meer dan ${MAX_PDF_PAGES} pagina's. Stuur alleen de pagina's die nodig zijn.`
            : `Het bestand ${f.name} kunnen wij niet lezen. Sla het opnieuw op als pdf, of stuur een ander bestand.`;
      throw new ValidationError("Bijlage niet leesbaar.", [{ path, message }]);
    }
    if (text !== null && containsPersonalNumber(text)) {
      throw new ValidationError("Bijlage niet toegestaan.", [
        { path, message: `In ${f.name}: ${PERSONAL_NUMBER_MESSAGE}` },
      ]);
    }
  }
  return checked;
}

export type StoredFile = { name: string; mime: string; size: number; sha256: string; key: string };

/** Puts checked files in storage; on a failure the ones already stored are removed again. */
export async function storeFiles(storage: FileStorage | undefined, files: CheckedFile[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const f of files) {
      if (!storage) throw new Error("attachments need a storage");
      const key = await storage.put(f.bytes);
      stored.push({
        name: f.name,
        mime: f.mime,
        size: f.bytes.byteLength,
        sha256: createHash("sha256").update(f.bytes).digest("hex"),
        key,
      });
    }
    return stored;
  } catch (e) {
    await removeStored(storage, stored);
    throw e;
  }
}

/** Removes stored files again (after a failed transaction). */
export async function removeStored(storage: FileStorage | undefined, stored: StoredFile[]): Promise<void> {
  if (storage) for (const s of stored) await storage.remove(s.key).catch(() => {});
}

/** Creates a ticket for a desk: reference, requester, first message, SLA due times, audit and confirmation mail. */
export async function createTicket(
  db: Db,
  opts: {
    input: IntakeInput;
    deskId: DeskId;
    attachments?: UploadedFile[];
    storage?: FileStorage;
    triage?: unknown;
    channel?: Channel;
    now?: Date;
    /** SQLite URL of `db`: use the prepared-statement fast path for the write (see sqlite-intake.ts). */
    sqliteUrl?: string;
  },
): Promise<CreatedTicket> {
  const { input, deskId } = opts;
  const now = opts.now ?? new Date();
  const files = await checkAttachmentFiles(opts.attachments ?? []);
  const desk = await cachedDesk(db, deskId);
  if (!desk)
    throw new ValidationError("Onbekende helpdesk.", [{ path: "desk", message: "Kies de helpdesk PO of VO/MBO." }]);
  const hours = JSON.parse(desk.hours) as BusinessHours;
  const due = computeSlaDueTimes({
    createdAt: now,
    pausedMs: 0,
    hours,
    firstResponseBusinessDays: desk.firstResponseBusinessDays,
    resolutionBusinessDays: desk.resolutionBusinessDays,
  });

  // Files are stored before the transaction; if it fails they are removed again.
  let stored: StoredFile[] = [];
  try {
    stored = await storeFiles(opts.storage, files);
    const year = referenceYear(now);
    const subject = subjectFrom(input.question);
    const triageJson = opts.triage === undefined ? null : JSON.stringify(opts.triage);
    const mailFor = (reference: string) =>
      ticketConfirmationMail({
        reference,
        deskName: desk.name,
        deskArticle: desk.article,
        deskPhone: desk.phone,
        deskHours: hours,
        followUpUrl: followUpUrl(deriveFollowUpToken(reference)),
        requesterName: input.name,
        subject,
      });

    if (opts.sqliteUrl) {
      const ticketId = newId();
      let mail: ReturnType<typeof mailFor> | null = null;
      const mailOnce = (ref: string) => (mail ??= mailFor(ref));
      const { reference } = sqliteTicketInserter(opts.sqliteUrl)({
        deskId,
        year,
        referencePrefix: desk.referencePrefix,
        ticket: {
          id: ticketId,
          status: "new",
          subject,
          topic: input.topic,
          sector: input.sector ?? null,
          callerType: input.callerType,
          firstResponseDueAt: due.firstResponseDueAt,
          resolutionDueAt: due.resolutionDueAt,
          followUpTokenHash: (ref) => hashToken(deriveFollowUpToken(ref)),
          triage: triageJson,
          channel: opts.channel ?? "web",
          createdAt: now,
        },
        requester: {
          id: newId(),
          name: input.name,
          email: input.email,
          phone: input.phone ?? null,
          callerType: input.callerType,
          organisation: input.organisation,
          schoolCode: input.schoolCode ?? null,
        },
        message: { id: newId(), body: input.question },
        attachments: stored.map((f) => ({
          id: newId(),
          fileName: f.name,
          mimeType: f.mime,
          size: f.size,
          sha256: f.sha256,
          storageKey: f.key,
        })),
        audit: {
          id: newId(),
          after: (ref) => JSON.stringify({ reference: ref, deskId, channel: opts.channel ?? "web" }),
        },
        mail: {
          id: newId(),
          to: input.email,
          subject: (ref) => mailOnce(ref).subject,
          text: (ref) => mailOnce(ref).text,
          html: (ref) => mailOnce(ref).html,
        },
      });
      // Right after the commit (the prepared-statement transaction cannot hold a Prisma write).
      await enqueueTicketEvents(db, ticketId, ["created"], { created: true, now });
      const token = deriveFollowUpToken(reference);
      return { id: ticketId, reference, deskId, followUpToken: token, followUpUrl: followUpUrl(token) };
    }

    const number = await nextTicketNumber(db, deskId, year);
    const reference = formatReference(desk.referencePrefix, year, number);
    // Derived from the reference (HMAC with AUTH_SECRET), so every later mail can carry the same link.
    const token = deriveFollowUpToken(reference);

    // One batched transaction (no interactive round trips): the ids are made here so rows can refer to each other.
    const ticketId = newId();
    const messageId = newId();
    const mail = mailFor(reference);
    await db.$transaction([
      db.ticket.create({
        data: {
          id: ticketId,
          reference,
          year,
          number,
          status: "new",
          subject,
          topic: input.topic,
          sector: input.sector ?? null,
          callerType: input.callerType,
          followUpTokenHash: hashToken(token),
          firstResponseDueAt: due.firstResponseDueAt,
          resolutionDueAt: due.resolutionDueAt,
          triage: triageJson,
          channel: opts.channel ?? "web",
          createdAt: now,
          desk: { connect: { id: deskId } },
          requester: {
            create: {
              name: input.name,
              email: input.email,
              phone: input.phone ?? null,
              callerType: input.callerType,
              organisation: input.organisation,
              schoolCode: input.schoolCode ?? null,
            },
          },
          messages: { create: [{ id: messageId, kind: "caller", body: input.question, createdAt: now }] },
          attachments: {
            create: stored.map((f) => ({
              messageId,
              fileName: f.name,
              mimeType: f.mime,
              size: f.size,
              sha256: f.sha256,
              storageKey: f.key,
            })),
          },
        },
        select: { id: true },
      }),
      db.auditEvent.create({
        data: {
          action: "ticket.created",
          entityType: "ticket",
          entityId: ticketId,
          ticketId,
          after: JSON.stringify({ reference, deskId, channel: opts.channel ?? "web" }),
        },
      }),
      db.mailOutbox.create({
        data: { to: input.email, subject: mail.subject, text: mail.text, html: mail.html, ticketId },
      }),
    ]);
    await enqueueTicketEvents(db, ticketId, ["created"], { created: true, now });
    const ticket = { id: ticketId };
    return { id: ticket.id, reference, deskId, followUpToken: token, followUpUrl: followUpUrl(token) };
  } catch (e) {
    await removeStored(opts.storage, stored);
    throw e;
  }
}

// Desks change only through a re-seed; a short cache saves a query per ticket.
const deskCache = new Map<string, { at: number; desk: Awaited<ReturnType<Db["desk"]["findUnique"]>> }>();
async function cachedDesk(db: Db, id: string) {
  const hit = deskCache.get(id);
  if (hit && Date.now() - hit.at < 10_000) return hit.desk;
  const desk = await db.desk.findUnique({ where: { id } });
  deskCache.set(id, { at: Date.now(), desk });
  return desk;
}

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
  const ticketId = t.mergedIntoId ?? t.id;
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
        after: stored.length ? { attachments: stored.length } : undefined,
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
  const ticketId = t.mergedIntoId ?? t.id;
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
      after: { status: "closed" },
    });
    await enqueueTicketEvents(tx, ticketId, ["status"], { resolved: !ticket.resolvedAt, now });
  });
}
