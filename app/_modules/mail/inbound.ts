// The e-mail channel: one received mail (raw RFC 5322) becomes a new ticket, a message on its ticket, a note, a
// bounce mark or nothing — committed in one transaction together with its Message-ID, so a second delivery of the
// same mail is recognised and a crash before the commit loses nothing (the sender or the mailbox still has it).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import YAML from "yaml";
import type { Db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { ExpectedError } from "@/app/_core/errors";
import { newId } from "@/app/_core/ids";
import type { DeskId } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { computeSlaDueTimes, type BusinessHours } from "@/app/_modules/sla/business-time";
import { storage as defaultStorage, type FileStorage } from "@/app/_modules/storage/storage";
import { deriveFollowUpToken } from "@/app/_modules/tickets/desk-token";
import { deskSlaSettings, dueTimesFor, endPause } from "@/app/_modules/tickets/desk-sla";
import { formatReference, nextTicketNumber, referenceWhere, referenceYear } from "@/app/_modules/tickets/reference";
import { checkAttachmentFiles } from "@/app/_modules/tickets/attachment-files";
import { followUpUrl, hashToken } from "@/app/_modules/tickets/follow-up-link";
import { subjectFrom } from "@/app/_modules/tickets/create-ticket";
import { triage } from "@/app/_modules/triage/engine";
import {
  bareAddress,
  classifyMail,
  htmlToPlain,
  isForwardSubject,
  maskPersonalNumbers,
  referencesInText,
  stripQuoted,
  stripSubjectPrefixes,
  threadIds,
  TICKET_THREAD_PREFIX,
} from "./inbound-rules";
import { kickOutbox } from "./outbox";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";
import { mailNoticeMail, ticketConfirmationMail } from "./templates";

/** Auto-replies (confirmations and notices) per sender address per hour; a loop between auto-responders ends here. */
export const AUTO_REPLIES_PER_HOUR = 3;
/** Largest mail the receiver takes (SMTP SIZE and IMAP fetch). */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;
/** Inline images below this size are signature logos, not attachments. */
const INLINE_LOGO_BYTES = 20 * 1024;

export type InboundOutcome = "ticket" | "reply" | "other-sender" | "automatic" | "bounce" | "dropped";
export type InboundResult = {
  outcome: InboundOutcome;
  duplicate: boolean;
  messageId: string;
  ticketId?: string;
  reference?: string;
  reason?: string;
};

// ---------------------------------------------------------------------------------------------
// Desk addresses

let addressCache: Record<DeskId, string> | undefined;

/** The desks' inbound addresses: content/desks.yaml `email`, overridden by INBOUND_ADDRESS_PO / INBOUND_ADDRESS_VO_MBO. */
export function deskAddresses(): Record<DeskId, string> {
  if (addressCache) return addressCache;
  const fromYaml: Partial<Record<DeskId, string>> = {};
  try {
    const file = path.join(process.cwd(), "content", "desks.yaml");
    const parsed = YAML.parse(fs.readFileSync(file, "utf8")) as { desks?: { id: DeskId; email?: string }[] };
    for (const d of parsed.desks ?? []) if (d.email) fromYaml[d.id] = d.email;
  } catch {
    // no content folder (a test from another cwd): the defaults below
  }
  const e = env();
  addressCache = {
    po: (e.INBOUND_ADDRESS_PO ?? fromYaml.po ?? "po@helpdesk.test").toLowerCase(),
    "vo-mbo": (e.INBOUND_ADDRESS_VO_MBO ?? fromYaml["vo-mbo"] ?? "ipo@helpdesk.test").toLowerCase(),
  };
  return addressCache;
}

/** The desk an address belongs to, or null (the SMTP receiver refuses other recipients). */
export function deskForAddress(address: string): DeskId | null {
  const a = bareAddress(address);
  const all = deskAddresses();
  return (Object.keys(all) as DeskId[]).find((d) => all[d] === a) ?? null;
}

/** The portal's own addresses: mail from them is never a question (a loop). */
export function ownAddresses(): string[] {
  return [...Object.values(deskAddresses()), bareAddress(env().MAIL_FROM)].filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Parsed = {
  messageId: string;
  from: string;
  fromName: string;
  subject: string;
  headers: Record<string, string>;
  text: string;
  deliveryStatus?: string;
  returnedHeaders?: string;
  attachments: { name: string; bytes: Uint8Array; inline: boolean }[];
  recipients: string[];
  references: string[];
  contentType: string;
};

async function parseMail(raw: Buffer): Promise<Parsed> {
  const p: ParsedMail = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const headers: Record<string, string> = {};
  for (const h of p.headerLines) {
    const key = h.key.toLowerCase();
    if (headers[key] == null)
      headers[key] = h.line
        .slice(h.line.indexOf(":") + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim();
  }
  const fromValue = p.from?.value?.[0];
  const from = (fromValue?.address ?? bareAddress(headers["from"])).toLowerCase();
  const addrList = (v: ParsedMail["to"]) =>
    v ? (Array.isArray(v) ? v : [v]).flatMap((a) => a.value.map((x) => x.address ?? "")) : [];
  const recipients = [
    ...addrList(p.to),
    ...addrList(p.cc),
    bareAddress(headers["delivered-to"]),
    bareAddress(headers["x-original-to"]),
  ]
    .filter(Boolean)
    .map((a) => a.toLowerCase());
  let deliveryStatus: string | undefined;
  let returnedHeaders: string | undefined;
  const attachments: Parsed["attachments"] = [];
  for (const a of p.attachments) {
    const ct = a.contentType.toLowerCase();
    if (ct === "message/delivery-status" || ct === "message/global-delivery-status")
      deliveryStatus = (deliveryStatus ?? "") + a.content.toString("utf8");
    else if (ct === "message/rfc822" || ct === "text/rfc822-headers" || ct === "message/rfc822-headers")
      returnedHeaders = (returnedHeaders ?? "") + a.content.toString("utf8").slice(0, 64 * 1024);
    else
      attachments.push({
        name: a.filename || `bijlage-${attachments.length + 1}`,
        bytes: new Uint8Array(a.content),
        inline: a.related === true || a.contentDisposition === "inline",
      });
  }
  let text = typeof p.text === "string" && p.text.trim() ? p.text : "";
  if (!text && typeof p.html === "string" && p.html) text = htmlToPlain(p.html);
  // mailparser folds a message/delivery-status part into the text; a report's text is its status then.
  if (
    !deliveryStatus &&
    /multipart\/report/i.test(headers["content-type"] ?? "") &&
    /^(final-recipient|action):/im.test(text)
  )
    deliveryStatus = text;
  // A bounce without a returned-headers part quotes the original in its text.
  if (!returnedHeaders && /^(mailer-daemon|postmaster)@/i.test(p.from?.value?.[0]?.address ?? ""))
    returnedHeaders = text.slice(0, 64 * 1024);
  const messageId = p.messageId?.trim()
    ? p.messageId.trim().replace(/^<|>$/g, "")
    : `sha256.${createHash("sha256").update(raw).digest("hex")}@inbound.invalid`;
  const refs = p.references ? (Array.isArray(p.references) ? p.references : [p.references]) : [];
  return {
    messageId: messageId.slice(0, 500),
    from,
    fromName: fromValue?.name?.trim() ?? "",
    subject: (p.subject ?? "").trim(),
    headers,
    text,
    deliveryStatus,
    returnedHeaders,
    attachments,
    recipients,
    references: threadIds(p.inReplyTo, refs),
    contentType: headers["content-type"] ?? "",
  };
}

// ---------------------------------------------------------------------------------------------
// Threading

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type FoundTicket = {
  id: string;
  reference: string;
  status: string;
  mergedIntoId: string | null;
  deskId: string;
  requesterId: string;
};
const ticketSelect = {
  id: true,
  reference: true,
  status: true,
  mergedIntoId: true,
  deskId: true,
  requesterId: true,
} as const;

/** The ticket a mail belongs to: by the Message-IDs it answers, then by a reference (current or former) in its subject. */
async function findThreadTicket(db: Db | Tx, ids: readonly string[], subject: string): Promise<FoundTicket | null> {
  const refs: string[] = [];
  const locals: string[] = [];
  for (const id of ids) {
    const local = id.split("@")[0]!;
    if (local.startsWith(TICKET_THREAD_PREFIX)) refs.push(local.slice(TICKET_THREAD_PREFIX.length).toUpperCase());
    else locals.push(local);
  }
  let ticketId: string | null = null;
  if (locals.length) {
    const out = await db.mailOutbox.findFirst({
      where: { id: { in: locals }, ticketId: { not: null } },
      select: { ticketId: true },
      orderBy: { createdAt: "desc" },
    });
    ticketId = out?.ticketId ?? null;
    if (!ticketId) {
      const inb = await db.inboundMail.findFirst({
        where: { messageId: { in: [...ids] }, ticketId: { not: null } },
        select: { ticketId: true },
        orderBy: { createdAt: "desc" },
      });
      ticketId = inb?.ticketId ?? null;
    }
  }
  let t: FoundTicket | null = ticketId
    ? await db.ticket.findUnique({ where: { id: ticketId }, select: ticketSelect })
    : null;
  for (const ref of t ? [] : [...refs, ...referencesInText(subject)]) {
    t = await db.ticket.findFirst({ where: await referenceWhere(db, ref), select: ticketSelect });
    if (t) break;
  }
  // A merged ticket's mail goes to the ticket it was merged into.
  for (let hops = 0; t?.mergedIntoId && hops < 5; hops++)
    t = await db.ticket.findUnique({ where: { id: t.mergedIntoId }, select: ticketSelect });
  return t;
}

// ---------------------------------------------------------------------------------------------
// Receiving

export type ReceiveOptions = {
  /** SMTP envelope recipients (RCPT TO); for IMAP the mailbox's desk is passed as `deskId`. */
  recipients?: readonly string[];
  deskId?: DeskId;
  storage?: FileStorage;
  now?: Date;
  /** Start mail delivery after the commit (default true). */
  kick?: boolean;
};

const NUMBER_NOTE =
  "In uw e-mail stond een BSN of onderwijsnummer. Dat nummer hebben wij verwijderd: wij bewaren zulke nummers niet. Stuur ze niet per e-mail. Noem liever een schoolcode of het nummer van een melding.";

function refusedNote(refused: { name: string; reason: string }[]): string {
  return `Deze bijlagen hebben wij niet opgeslagen:\n${refused.map((r) => `- ${r.name}: ${r.reason}`).join("\n")}\nWij nemen png, jpg, pdf, txt en csv aan, tot 5 MB per bestand en 3 per e-mail.`;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string })?.code === "P2002" || /unique constraint/i.test(String((e as Error)?.message ?? ""));
}

/**
 * Takes in one mail. Idempotent by Message-ID: the same mail a second time changes nothing and answers
 * `duplicate: true` with the first outcome. Throws only on infrastructure failure (the caller then does not
 * acknowledge the mail, so it is delivered again).
 */
export async function receiveMail(db: Db, raw: Buffer | string, opts: ReceiveOptions = {}): Promise<InboundResult> {
  const buf = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  const now = opts.now ?? new Date();
  const m = await parseMail(buf);
  const seen = await db.inboundMail.findUnique({ where: { messageId: m.messageId } });
  if (seen) return duplicateResult(db, seen);

  const deskId: DeskId | null =
    opts.deskId ??
    [...(opts.recipients ?? []), ...m.recipients].map(deskForAddress).find((d): d is DeskId => d != null) ??
    null;
  const kind = classifyMail(
    {
      headers: m.headers,
      from: m.headers["from"] ?? m.from,
      subject: m.subject,
      contentType: m.contentType,
      deliveryStatus: m.deliveryStatus,
    },
    ownAddresses(),
  );

  const record = (tx: Tx, outcome: InboundOutcome, ticketId: string | null, autoReplied = false) =>
    tx.inboundMail.create({
      data: {
        messageId: m.messageId,
        fromAddress: m.from || "(onbekend)",
        outcome,
        ticketId,
        deskId,
        autoReplied,
        createdAt: now,
      },
    });

  try {
    if (kind.kind === "bounce") return await receiveBounce(db, m, kind.failed, record, now);
    if (kind.kind === "automatic") {
      return await db.$transaction(async (tx) => {
        const t = await findThreadTicket(tx, m.references, m.subject);
        if (t) {
          const body = maskPersonalNumbers(stripQuoted(m.text).text).text.slice(0, 4000);
          await tx.message.create({
            data: {
              ticketId: t.id,
              kind: "note",
              body: `Automatisch bericht van ${m.from} (geen antwoord gestuurd): ${m.subject}\n\n${body}`,
              emailFrom: m.from,
              createdAt: now,
            },
          });
        }
        await record(tx, t ? "automatic" : "dropped", t?.id ?? null);
        return {
          outcome: t ? "automatic" : "dropped",
          duplicate: false,
          messageId: m.messageId,
          ticketId: t?.id,
          reference: t?.reference,
          reason: kind.reason,
        } satisfies InboundResult;
      });
    }
    return await receivePersonMail(db, m, deskId, record, opts, now);
  } catch (e) {
    if (isUniqueViolation(e)) {
      const first = await db.inboundMail.findUnique({ where: { messageId: m.messageId } });
      if (first) return duplicateResult(db, first);
    }
    throw e;
  }
}

async function duplicateResult(
  db: Db,
  seen: { messageId: string; outcome: string; ticketId: string | null },
): Promise<InboundResult> {
  const t = seen.ticketId
    ? await db.ticket.findUnique({ where: { id: seen.ticketId }, select: { reference: true } })
    : null;
  return {
    outcome: seen.outcome as InboundOutcome,
    duplicate: true,
    messageId: seen.messageId,
    ticketId: seen.ticketId ?? undefined,
    reference: t?.reference,
  };
}

type Recorder = (tx: Tx, outcome: InboundOutcome, ticketId: string | null, autoReplied?: boolean) => Promise<unknown>;

async function receiveBounce(db: Db, m: Parsed, failed: string[], record: Recorder, now: Date): Promise<InboundResult> {
  // The returned original names the portal's Message-ID: that is the ticket.
  const returnedIds = [
    ...(m.returnedHeaders ?? "").matchAll(/^(message-id|in-reply-to|references):\s*(.+)$/gim),
  ].flatMap((x) => threadIds(x[2], undefined));
  const subjectLine = /^subject:\s*(.+)$/im.exec(m.returnedHeaders ?? "")?.[1] ?? "";
  return db.$transaction(async (tx) => {
    const t = await findThreadTicket(tx, [...returnedIds, ...m.references], `${subjectLine} ${m.subject}`);
    let addresses = failed;
    if (!addresses.length && t) {
      const r = await tx.requester.findUnique({ where: { id: t.requesterId }, select: { email: true } });
      if (r) addresses = [r.email.toLowerCase()];
    }
    const reason = (
      /^diagnostic-code:\s*(.+)$/im.exec(m.deliveryStatus ?? "")?.[1] ??
      /^status:\s*(\S+)/im.exec(m.deliveryStatus ?? "")?.[1] ??
      "onbekende reden"
    ).slice(0, 300);
    if (addresses.length) {
      await tx.requester.updateMany({
        where: t ? { id: t.requesterId } : { email: { in: addresses } },
        data: { emailBouncedAt: now, emailBounceReason: reason },
      });
    }
    if (t) {
      await tx.message.create({
        data: {
          ticketId: t.id,
          kind: "system",
          body: `Een e-mail aan ${addresses.join(", ") || "de beller"} kwam niet aan. Het e-mailadres werkt misschien niet. Controleer het adres of bel de beller.`,
          createdAt: now,
        },
      });
    }
    await record(tx, "bounce", t?.id ?? null);
    return {
      outcome: "bounce",
      duplicate: false,
      messageId: m.messageId,
      ticketId: t?.id,
      reference: t?.reference,
      reason,
    } satisfies InboundResult;
  });
}

async function receivePersonMail(
  db: Db,
  m: Parsed,
  deskId: DeskId | null,
  record: Recorder,
  opts: ReceiveOptions,
  now: Date,
): Promise<InboundResult> {
  const forward = isForwardSubject(m.subject);
  const stripped = stripQuoted(m.text, { forward });
  const body = maskPersonalNumbers(stripped.text);
  const original = stripped.stripped ? maskPersonalNumbers(m.text.replace(/\r\n?/g, "\n").trim()) : null;
  const subjectText = maskPersonalNumbers(stripSubjectPrefixes(m.subject)).text;
  const masked = body.count + (original?.count ?? 0) + (subjectText !== stripSubjectPrefixes(m.subject) ? 1 : 0) > 0;

  // Attachments: the web's checks one by one; a refused file is listed with the reason instead of failing the mail.
  const refused: { name: string; reason: string }[] = [];
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
  const store = accepted.length ? (opts.storage ?? defaultStorage()) : undefined;
  const stored: { name: string; mime: string; size: number; sha256: string; key: string }[] = [];
  for (const f of accepted)
    stored.push({
      name: f.name,
      mime: f.mime,
      size: f.bytes.byteLength,
      sha256: createHash("sha256").update(f.bytes).digest("hex"),
      key: await store!.put(f.bytes),
    });

  const notes = [...(masked ? [NUMBER_NOTE] : []), ...(refused.length ? [refusedNote(refused)] : [])];
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
      if (!startsNew && existing) {
        const t = await tx.ticket.findUniqueOrThrow({
          where: { id: existing.id },
          include: { desk: true, requester: true },
        });
        const otherSender = t.requester.email.toLowerCase() !== m.from;
        const messageId = newId();
        await tx.message.create({
          data: {
            id: messageId,
            ticketId: t.id,
            kind: "caller",
            body: body.text || "(lege e-mail)",
            createdAt: now,
            emailFrom: m.from,
            otherSender,
            emailOriginal: original?.text ?? null,
            refusedAttachments: refused.length ? JSON.stringify(refused) : null,
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
        const data: Record<string, unknown> = { updatedAt: now };
        if (masked) data.personalNumberRemoved = true;
        const reopen = !otherSender && (t.status === "resolved" || t.status === "waiting");
        if (reopen) {
          data.status = "open";
          data.resolvedAt = null;
          if (t.slaPausedAt) {
            const settings = deskSlaSettings(t.desk);
            const pause = endPause(t, settings.hours, now);
            Object.assign(
              data,
              pause,
              dueTimesFor({ createdAt: t.createdAt, slaPausedMs: pause.slaPausedMs }, settings),
            );
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
        const tell = (masked && !t.personalNumberRemoved) || refused.length > 0;
        const reply = tell && mayReply;
        if (reply) {
          const mail = mailNoticeMail({ deskName: t.desk.name, subject: m.subject || t.reference, notes });
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
        await record(tx, otherSender ? "other-sender" : "reply", t.id, reply);
        return {
          outcome: otherSender ? "other-sender" : "reply",
          duplicate: false,
          messageId: m.messageId,
          ticketId: t.id,
          reference: t.reference,
        } satisfies InboundResult;
      }

      // A new ticket (also for a reply to a closed ticket: linked to the old one).
      const desk = await tx.desk.findUniqueOrThrow({ where: { id: newDesk } });
      const hours = JSON.parse(desk.hours) as BusinessHours;
      const due = computeSlaDueTimes({
        createdAt: now,
        pausedMs: 0,
        hours,
        firstResponseBusinessDays: desk.firstResponseBusinessDays,
        resolutionBusinessDays: desk.resolutionBusinessDays,
      });
      const reference = formatReference(desk.referencePrefix, year, number);
      const token = deriveFollowUpToken(reference);
      const known = m.from
        ? await tx.requester.findFirst({ where: { email: m.from }, orderBy: { createdAt: "desc" } })
        : null;
      const callerType = known?.callerType ?? "other";
      const question = `${subjectText}\n\n${body.text}`.trim();
      const t = triage({
        callerType: callerType as Parameters<typeof triage>[0]["callerType"],
        sector: undefined,
        question,
      });
      const requesterId = known?.id ?? newId();
      if (!known) {
        await tx.requester.create({
          data: {
            id: requesterId,
            name: (m.fromName || m.from.split("@")[0] || "Onbekend").slice(0, 200),
            email: m.from || "onbekend@invalid",
            callerType,
            organisation: m.from.split("@")[1] ?? "",
          },
        });
      } else if (known.emailBouncedAt) {
        await tx.requester.update({ where: { id: known.id }, data: { emailBouncedAt: null, emailBounceReason: null } });
      }
      const ticketId = newId();
      const messageId = newId();
      const subject = subjectFrom(subjectText || body.text || "E-mail zonder onderwerp");
      await tx.ticket.create({
        data: {
          id: ticketId,
          reference,
          year,
          number,
          status: "new",
          subject,
          topic: t.topic,
          sector: t.sector ?? null,
          callerType,
          followUpTokenHash: hashToken(token),
          firstResponseDueAt: due.firstResponseDueAt,
          resolutionDueAt: due.resolutionDueAt,
          triage: JSON.stringify({ desk: t.desk, topic: t.topic, reasons: t.reasons, protocolHints: t.protocolHints }),
          channel: "email",
          personalNumberRemoved: masked,
          createdAt: now,
          deskId: desk.id,
          requesterId,
        },
      });
      await tx.message.create({
        data: {
          id: messageId,
          ticketId,
          kind: "caller",
          body: body.text || subjectText || "(lege e-mail)",
          createdAt: now,
          emailFrom: m.from,
          emailOriginal: original?.text ?? null,
          refusedAttachments: refused.length ? JSON.stringify(refused) : null,
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
      if (existing) {
        await tx.ticketLink.create({ data: { fromId: ticketId, toId: existing.id, createdAt: now } });
        await tx.message.create({
          data: {
            ticketId,
            kind: "system",
            body: `Deze vraag kwam binnen als reactie op de gesloten vraag ${existing.reference}.`,
            createdAt: new Date(now.getTime() + 1),
          },
        });
      }
      await recordAudit(tx, {
        actorId: null,
        action: "ticket.created",
        entityType: "ticket",
        entityId: ticketId,
        ticketId,
        after: { reference, deskId: desk.id, channel: "email" },
      });
      await enqueueTicketEvents(tx, ticketId, ["created"], { created: true, now });
      if (mayReply) {
        const mail = ticketConfirmationMail({
          reference,
          deskName: desk.name,
          deskArticle: desk.article,
          deskPhone: desk.phone,
          deskHours: hours,
          followUpUrl: followUpUrl(token),
          requesterName: known?.name ?? (m.fromName || null),
          subject,
          notes,
        });
        await tx.mailOutbox.create({
          data: { to: m.from, subject: mail.subject, text: mail.text, html: mail.html, ticketId },
        });
      }
      await record(tx, "ticket", ticketId, mayReply);
      return {
        outcome: "ticket",
        duplicate: false,
        messageId: m.messageId,
        ticketId,
        reference,
      } satisfies InboundResult;
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
