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
import { storage as defaultStorage, type FileStorage } from "@/app/_modules/storage/storage";
import { deskSlaSettings, dueTimesFor, endPause } from "@/app/_modules/tickets/desk-sla";
import { nextTicketNumber, referenceYear } from "@/app/_modules/tickets/reference";
import { checkAttachmentFiles } from "@/app/_modules/tickets/attachment-files";
import { refusedAttachmentsColumn } from "@/app/_modules/tickets/ticket-json";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";
import { isForwardSubject, maskPersonalNumbers, stripQuoted, stripSubjectPrefixes } from "./inbound-rules";
import type { Parsed } from "./inbound-parse";
import {
  newTicketFromMail,
  newTicketFromMailSqlite,
  type PersonMail,
  type Refused,
  type StoredFile,
} from "./inbound-new-ticket";
import { mailWriter } from "./inbound-sqlite";
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
  const removeStored = async () => {
    if (store) for (const s of stored) await store.remove(s.key).catch(() => {});
  };
  const writer = opts.sqliteUrl ? mailWriter(opts.sqliteUrl) : null;
  try {
    const existing = await findThreadTicket(db, m.references, m.subject);
    const startsNew = !existing || existing.status === "closed";
    const newDesk: DeskId = (startsNew ? (deskId ?? (existing?.deskId as DeskId | undefined)) : undefined) ?? "po";
    const year = referenceYear(now);
    let result: InboundResult;
    let queued = { mail: true, webhooks: true };
    if (writer && startsNew) {
      // SQLite: prepared statements in a group commit, the number taken inside the transaction.
      const r = await newTicketFromMailSqlite(db, writer, pm, {
        deskId: newDesk,
        year,
        closed: existing,
        inboundDeskId: deskId,
      });
      if ("seen" in r) {
        // The same mail was written meanwhile (delivered twice at once): the first outcome, no file kept twice.
        await removeStored();
        const t = r.seen.ticketId
          ? await db.ticket.findUnique({ where: { id: r.seen.ticketId }, select: { reference: true } })
          : null;
        return {
          outcome: r.seen.outcome as InboundResult["outcome"],
          duplicate: true,
          messageId: r.seen.messageId,
          ticketId: r.seen.ticketId ?? undefined,
          reference: t?.reference,
        };
      }
      ({ queued, ...result } = r);
    } else {
      // A new ticket needs its number outside the transaction (see nextTicketNumber); only when it will be used.
      const number = startsNew ? await nextTicketNumber(db, newDesk, year) : 0;
      const run = () =>
        db.$transaction(async (tx) => {
          const recent = await tx.inboundMail.count({
            where: { fromAddress: m.from, autoReplied: true, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
          });
          const mayReply = recent < AUTO_REPLIES_PER_HOUR && !!m.from;
          if (!startsNew && existing) return replyOnTicket(tx, pm, existing, mayReply);
          return newTicketFromMail(tx, pm, { deskId: newDesk, year, number, closed: existing, mayReply });
        });
      // SQLite: the writer's groups wait while this transaction runs (no commit between its read and its write).
      result = writer ? await writer.exclusive(run) : await run();
    }
    if (opts.kick !== false) {
      if (queued.mail) void kickOutbox(db);
      if (queued.webhooks) void kickWebhooks(db);
    }
    return result;
  } catch (e) {
    await removeStored();
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
