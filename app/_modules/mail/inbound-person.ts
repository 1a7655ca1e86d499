// A person's mail (not automatic, not a bounce): its new text (quoted history stripped, personal numbers masked),
// its attachments through the web's checks, then in one transaction either a message on the ticket it answers
// (reopening a resolved one) or a new ticket with a confirmation mail.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/app/_core/db";
import { ExpectedError } from "@/app/_core/errors";
import { newId } from "@/app/_core/ids";
import type { DeskId } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { computeSlaDueTimes } from "@/app/_modules/sla/business-time";
import { storage as defaultStorage, type FileStorage } from "@/app/_modules/storage/storage";
import { deskSlaSettings, dueTimesFor, endPause } from "@/app/_modules/tickets/desk-sla";
import { nextTicketNumber, referenceYear } from "@/app/_modules/tickets/reference";
import { checkAttachmentFiles } from "@/app/_modules/tickets/attachment-files";
import { subjectFrom } from "@/app/_modules/tickets/create-ticket";
import { refusedAttachmentsColumn, type RefusedAttachment } from "@/app/_modules/tickets/ticket-json";
import {
  buildTicketRows,
  writeTicketRows,
  type NewRequester,
  type NewTicketMessage,
  type TicketFile,
} from "@/app/_modules/tickets/ticket-rows";
import { triage } from "@/app/_modules/triage/engine";
import { enqueueTicketEvents, subscribersOf } from "@/app/_modules/webhooks/service";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";
import { isForwardSubject, maskPersonalNumbers, stripQuoted, stripSubjectPrefixes } from "./inbound-rules";
import type { Parsed } from "./inbound-parse";
import { findThreadTicket, type FoundTicket } from "./inbound-thread";
import {
  AUTO_REPLIES_PER_HOUR,
  type InboundResult,
  type ReceiveOptions,
  type Recorder,
  type Tx,
} from "./inbound-types";
import { kickOutbox } from "./outbox";
import { mailNoticeMail } from "./templates";

/** Inline images below this size are signature logos, not attachments. */
const INLINE_LOGO_BYTES = 20 * 1024;

const NUMBER_NOTE =
  "In uw e-mail stond een BSN of onderwijsnummer. Dat nummer hebben wij verwijderd: wij bewaren zulke nummers niet. Stuur ze niet per e-mail. Noem liever een schoolcode of het nummer van een melding.";

function refusedNote(refused: Refused[]): string {
  return `Deze bijlagen hebben wij niet opgeslagen:\n${refused.map((r) => `- ${r.name}: ${r.reason}`).join("\n")}\nWij nemen png, jpg, pdf, txt en csv aan, tot 5 MB per bestand en 3 per e-mail.`;
}

type Refused = RefusedAttachment;
type StoredFile = TicketFile;

/** What the transaction writes for one person's mail, prepared before it starts. */
type PersonMail = {
  m: Parsed;
  body: { text: string; count: number };
  original: { text: string; count: number } | null;
  subjectText: string;
  masked: boolean;
  refused: Refused[];
  stored: StoredFile[];
  notes: string[];
  now: Date;
  record: Recorder;
};

/** The new text of a mail: quoted history stripped, personal numbers masked in body, original and subject. */
function mailContent(m: Parsed) {
  const forward = isForwardSubject(m.subject);
  const stripped = stripQuoted(m.text, { forward });
  const body = maskPersonalNumbers(stripped.text);
  const original = stripped.stripped ? maskPersonalNumbers(m.text.replace(/\r\n?/g, "\n").trim()) : null;
  const subjectText = maskPersonalNumbers(stripSubjectPrefixes(m.subject)).text;
  const masked = body.count + (original?.count ?? 0) + (subjectText !== stripSubjectPrefixes(m.subject) ? 1 : 0) > 0;
  return { body, original, subjectText, masked };
}

/** Attachments: the web's checks one by one; a refused file is listed with the reason instead of failing the mail. */
async function checkMailAttachments(m: Parsed) {
  const refused: Refused[] = [];
  const accepted: { name: string; bytes: Uint8Array; mime: string }[] = [];
  for (const a of m.attachments) {
    if (a.inline && a.bytes.byteLength < INLINE_LOGO_BYTES && /\.(png|jpe?g|gif)$/i.test(a.name)) continue;
    if (accepted.length >= 3) {
      refused.push({ name: a.name, reason: "Meer dan 3 bijlagen in één e-mail." });
      continue;
    }
    try {
      // The web's checks: name, size, sniffed type and the BSN scan of txt, csv and a PDF's text layer.
      const [ok] = await checkAttachmentFiles([{ name: a.name, bytes: a.bytes }]);
      accepted.push(ok!);
    } catch (e) {
      if (!(e instanceof ExpectedError)) throw e;
      refused.push({ name: a.name.slice(0, 200), reason: e.issues[0]?.message ?? e.message });
    }
  }
  return { accepted, refused };
}

/** The nested create of a message's attachments; none at all when there are none (Prisma then re-reads nothing). */
function attachmentRows(ticketId: string, stored: StoredFile[]) {
  if (!stored.length) return {};
  const rows = stored.map((f) => ({
    ticketId,
    fileName: f.name,
    mimeType: f.mime,
    size: f.size,
    sha256: f.sha256,
    storageKey: f.key,
  }));
  return { attachments: { create: rows } };
}

export async function receivePersonMail(
  db: Db,
  m: Parsed,
  deskId: DeskId | null,
  record: Recorder,
  opts: ReceiveOptions,
  now: Date,
): Promise<InboundResult> {
  const content = mailContent(m);
  const { accepted, refused } = await checkMailAttachments(m);
  const store: FileStorage | undefined = accepted.length ? (opts.storage ?? defaultStorage()) : undefined;
  const stored: StoredFile[] = [];
  for (const f of accepted)
    stored.push({
      name: f.name,
      mime: f.mime,
      size: f.bytes.byteLength,
      sha256: createHash("sha256").update(f.bytes).digest("hex"),
      key: await store!.put(f.bytes),
    });

  const notes = [...(content.masked ? [NUMBER_NOTE] : []), ...(refused.length ? [refusedNote(refused)] : [])];
  const pm: PersonMail = { m, ...content, refused, stored, notes, now, record };
  try {
    const existing = await findThreadTicket(db, m.references, m.subject);
    // A new ticket needs its number outside the transaction (see nextTicketNumber); only when it will be used.
    const startsNew = !existing || existing.status === "closed";
    const newDesk: DeskId = (startsNew ? (deskId ?? (existing?.deskId as DeskId | undefined)) : undefined) ?? "po";
    const year = referenceYear(now);
    const number = startsNew ? await nextTicketNumber(db, newDesk, year) : 0;
    const result = await db.$transaction(async (tx) => {
      const recent = await tx.inboundMail.count({
        where: { fromAddress: m.from, autoReplied: true, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
      });
      const mayReply = recent < AUTO_REPLIES_PER_HOUR && !!m.from;
      if (!startsNew && existing) return replyOnTicket(tx, pm, existing, mayReply);
      return newTicketFromMail(tx, pm, { deskId: newDesk, year, number, closed: existing, mayReply });
    });
    if (opts.kick !== false) {
      void kickOutbox(db);
      void kickWebhooks(db);
    }
    return result;
  } catch (e) {
    if (store) for (const s of stored) await store.remove(s.key).catch(() => {});
    throw e;
  }
}

/** The mail is a reply on an open, waiting or resolved ticket: a caller message, reopening it when the caller wrote. */
async function replyOnTicket(tx: Tx, pm: PersonMail, existing: FoundTicket, mayReply: boolean): Promise<InboundResult> {
  const { m, now } = pm;
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: existing.id }, include: { desk: true, requester: true } });
  const otherSender = t.requester.email.toLowerCase() !== m.from;
  await tx.message.create({
    data: {
      id: newId(),
      ticketId: t.id,
      kind: "caller",
      body: pm.body.text || "(lege e-mail)",
      createdAt: now,
      emailFrom: m.from,
      otherSender,
      emailOriginal: pm.original?.text ?? null,
      refusedAttachments: pm.refused.length ? refusedAttachmentsColumn.encode(pm.refused) : null,
      ...attachmentRows(t.id, pm.stored),
    },
  });
  const data: Record<string, unknown> = { updatedAt: now };
  if (pm.masked) data.personalNumberRemoved = true;
  const reopen = !otherSender && (t.status === "resolved" || t.status === "waiting");
  if (reopen) {
    data.status = "open";
    data.resolvedAt = null;
    if (t.slaPausedAt) {
      const settings = deskSlaSettings(t.desk);
      const pause = endPause(t, settings.hours, now);
      Object.assign(data, pause, dueTimesFor({ createdAt: t.createdAt, slaPausedMs: pause.slaPausedMs }, settings));
    }
  }
  await tx.ticket.update({ where: { id: t.id }, data });
  if (!otherSender && t.requester.emailBouncedAt)
    await tx.requester.update({
      where: { id: t.requesterId },
      data: { emailBouncedAt: null, emailBounceReason: null },
    });
  if (reopen) {
    await tx.message.create({
      data: {
        ticketId: t.id,
        kind: "system",
        body: "De vraag is weer geopend door een e-mail van de beller.",
        createdAt: new Date(now.getTime() + 1),
      },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "ticket.reopened_by_caller",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      before: { status: t.status },
      after: { status: "open" },
    });
  }
  await recordAudit(tx, {
    actorId: null,
    action: "ticket.email_received",
    entityType: "ticket",
    entityId: t.id,
    ticketId: t.id,
    after: { otherSender, from: otherSender ? m.from : undefined },
  });
  await enqueueTicketEvents(tx, t.id, reopen ? ["reply", "status"] : ["reply"], { now });
  // Tell the sender once about a masked number, or about refused files; never anything of the ticket itself.
  const tell = (pm.masked && !t.personalNumberRemoved) || pm.refused.length > 0;
  const reply = tell && mayReply;
  if (reply) {
    const mail = mailNoticeMail({ deskName: t.desk.name, subject: m.subject || t.reference, notes: pm.notes });
    await tx.mailOutbox.create({
      data: {
        to: m.from,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ticketId: otherSender ? null : t.id,
      },
    });
  }
  const outcome = otherSender ? "other-sender" : "reply";
  await pm.record(tx, outcome, t.id, reply);
  return { outcome, duplicate: false, messageId: m.messageId, ticketId: t.id, reference: t.reference };
}

/** The caller of a new ticket: the latest requester with this address (a bounce mark is cleared), or a new one. */
async function mailRequester(
  tx: Tx,
  m: Parsed,
): Promise<{ requester: NewRequester | { id: string }; known: Requester }> {
  const known = m.from
    ? await tx.requester.findFirst({ where: { email: m.from }, orderBy: { createdAt: "desc" } })
    : null;
  if (known?.emailBouncedAt)
    await tx.requester.update({ where: { id: known.id }, data: { emailBouncedAt: null, emailBounceReason: null } });
  if (known) return { requester: { id: known.id }, known };
  return {
    requester: {
      name: (m.fromName || m.from.split("@")[0] || "Onbekend").slice(0, 200),
      email: m.from || "onbekend@invalid",
      phone: null,
      callerType: "other",
      organisation: m.from.split("@")[1] ?? "",
      schoolCode: null,
      organisationId: null,
      organisationMatchedBy: null,
    },
    known: null,
  };
}

type Requester = { id: string; name: string; callerType: string } | null;

type NewTicketPlan = { deskId: DeskId; year: number; number: number; closed: FoundTicket | null; mayReply: boolean };

/** A new ticket, channel email (also for a reply to a closed ticket: linked to the old one), and its confirmation. */
async function newTicketFromMail(tx: Tx, pm: PersonMail, plan: NewTicketPlan): Promise<InboundResult> {
  const { m, now, body, subjectText } = pm;
  const desk = await tx.desk.findUniqueOrThrow({ where: { id: plan.deskId } });
  const settings = deskSlaSettings(desk);
  const { requester, known } = await mailRequester(tx, m);
  const callerType = known?.callerType ?? "other";
  const question = `${subjectText}\n\n${body.text}`.trim();
  const t = triage({
    callerType: callerType as Parameters<typeof triage>[0]["callerType"],
    sector: undefined,
    question,
  });
  const messages: NewTicketMessage[] = [
    {
      kind: "caller",
      body: body.text || subjectText || "(lege e-mail)",
      emailFrom: m.from,
      emailOriginal: pm.original?.text ?? null,
      refusedAttachments: pm.refused,
      files: pm.stored,
    },
  ];
  if (plan.closed)
    messages.push({
      kind: "system",
      body: `Deze vraag kwam binnen als reactie op de gesloten vraag ${plan.closed.reference}.`,
      afterMs: 1,
    });
  const rows = buildTicketRows(
    {
      now,
      makeId: newId,
      desk: { ...desk, hours: settings.hours },
      ticket: {
        status: "new",
        subject: subjectFrom(subjectText || body.text || "E-mail zonder onderwerp"),
        topic: t.topic,
        sector: t.sector ?? null,
        callerType,
        channel: "email",
        triage: { desk: t.desk, topic: t.topic, reasons: t.reasons, protocolHints: t.protocolHints },
        ...computeSlaDueTimes({ createdAt: now, pausedMs: 0, ...settings }),
        personalNumberRemoved: pm.masked,
      },
      requester,
      messages,
      audit: { actorId: null },
      confirmation: plan.mayReply
        ? { to: m.from, requesterName: known?.name ?? (m.fromName || null), notes: pm.notes }
        : null,
      webhooks: { created: await subscribersOf(tx, "ticket.created") },
    },
    { year: plan.year, number: plan.number },
  );
  await writeTicketRows(tx, rows);
  const { id: ticketId, reference } = rows.ticket;
  if (plan.closed) await tx.ticketLink.create({ data: { fromId: ticketId, toId: plan.closed.id, createdAt: now } });
  await pm.record(tx, "ticket", ticketId, plan.mayReply);
  return { outcome: "ticket", duplicate: false, messageId: m.messageId, ticketId, reference };
}
