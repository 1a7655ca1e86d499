// Creating a ticket: the one entry for every channel (wizard, API, phone contact, e-mail).
import { newId } from "@/app/_core/ids";
import type { Db } from "@/app/_core/db";
import { ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { ticketConfirmationMail } from "@/app/_modules/mail/templates";
import { computeSlaDueTimes, type BusinessHours } from "@/app/_modules/sla/business-time";
import type { FileStorage } from "@/app/_modules/storage/storage";
import type { Channel } from "./channel";
import { deriveFollowUpToken } from "./desk-token";
import { followUpUrl, hashToken } from "./follow-up-link";
import { formatReference, nextTicketNumber, referenceYear } from "./reference";
import { sqliteTicketInserter } from "./sqlite-intake";
import { checkAttachmentFiles, removeStored, storeFiles, type StoredFile, type UploadedFile } from "./attachment-files";
import type { IntakeInput } from "./schema";

export type CreatedTicket = {
  id: string;
  reference: string;
  deskId: DeskId;
  followUpToken: string;
  followUpUrl: string;
};

/** Subject line from the question: its first sentence, at most 90 characters. */
export function subjectFrom(question: string): string {
  const first = question.trim().split(/(?<=[.?!])\s|\n/)[0] ?? question;
  const s = first.replace(/\s+/g, " ").trim();
  return s.length <= 90 ? s : `${s.slice(0, 87).replace(/\s+\S*$/, "")}…`;
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
    /** The caller's organisation (and how it was matched) and the school the question is about. */
    organisation?: { id: string; matchedBy: string } | null;
    schoolId?: string | null;
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
          organisationId: opts.organisation?.id ?? null,
          schoolId: opts.schoolId ?? null,
        },
        requester: {
          id: newId(),
          name: input.name,
          email: input.email,
          phone: input.phone ?? null,
          callerType: input.callerType,
          organisation: input.organisation,
          schoolCode: input.schoolCode ?? null,
          organisationId: opts.organisation?.id ?? null,
          organisationMatchedBy: opts.organisation?.matchedBy ?? null,
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
          ...(opts.organisation ? { organisation: { connect: { id: opts.organisation.id } } } : {}),
          ...(opts.schoolId ? { school: { connect: { id: opts.schoolId } } } : {}),
          requester: {
            create: {
              name: input.name,
              email: input.email,
              phone: input.phone ?? null,
              callerType: input.callerType,
              organisation: input.organisation,
              schoolCode: input.schoolCode ?? null,
              ...(opts.organisation
                ? { org: { connect: { id: opts.organisation.id } }, organisationMatchedBy: opts.organisation.matchedBy }
                : {}),
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
