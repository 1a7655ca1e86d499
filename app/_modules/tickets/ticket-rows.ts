// The one row builder for a new ticket: every row a new ticket writes (requester, ticket, messages, attachments,
// audit, confirmation mail, webhook deliveries), every column, as plain objects. Every channel builds its new ticket
// here (the wizard and the API in create-ticket.ts, the contact screen, inbound mail) and writes the rows either
// through Prisma (ticketRowWrites) or, on the embedded SQLite database, through prepared statements
// (sqlite-intake.ts). The row types are the Prisma models, so a column added to the schema fails to compile here
// until it is set, and both writers write whatever columns the rows carry (ticket-rows.int.test.ts compares them).
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { auditValueColumn } from "@/app/_modules/audit/values";
import { ticketConfirmationMail } from "@/app/_modules/mail/templates";
import type { BusinessHours } from "@/app/_modules/sla/business-time";
import { webhookDeliveryRows, webhookTicketData } from "@/app/_modules/webhooks/service";
import type { Channel } from "./channel";
import { deriveFollowUpToken } from "./desk-token";
import { followUpUrl, hashToken } from "./follow-up-link";
import { formatReference } from "./reference";
import { refusedAttachmentsColumn, ticketTriageColumn, type RefusedAttachment, type TicketTriage } from "./ticket-json";

export type TicketRows = {
  /** null when the ticket belongs to a requester that already exists. */
  requester: Prisma.RequesterModel | null;
  ticket: Prisma.TicketModel;
  messages: Prisma.MessageModel[];
  attachments: Prisma.AttachmentModel[];
  audit: Prisma.AuditEventModel[];
  outbox: Prisma.MailOutboxModel[];
  webhookDeliveries: Prisma.WebhookDeliveryModel[];
};

/** The desk fields a new ticket needs (its reference prefix and the confirmation mail's wording). */
export type TicketDesk = {
  id: string;
  name: string;
  article: string | null;
  phone: string;
  referencePrefix: string;
  hours: BusinessHours;
};

/** A stored attachment file (attachment-files.ts storeFiles). */
export type TicketFile = { name: string; mime: string; size: number; sha256: string; key: string };

export type NewRequester = {
  name: string;
  email: string;
  phone: string | null;
  callerType: string;
  organisation: string;
  schoolCode: string | null;
  organisationId: string | null;
  organisationMatchedBy: string | null;
};

export type NewTicketMessage = {
  kind: string;
  body: string;
  authorId?: string | null;
  emailFrom?: string | null;
  emailOriginal?: string | null;
  refusedAttachments?: RefusedAttachment[] | null;
  files?: TicketFile[];
  /** Milliseconds after the ticket's creation (a reply or note right after the first message sorts after it). */
  afterMs?: number;
};

/** Everything a new ticket is made of except its number, which the writer takes (in or before its transaction). */
export type NewTicketSpec = {
  now: Date;
  makeId: () => string;
  desk: TicketDesk;
  ticket: {
    status: "new" | "open" | "resolved";
    subject: string;
    topic: string | null;
    sector: string | null;
    callerType: string;
    channel: Channel;
    triage: TicketTriage | null;
    firstResponseDueAt: Date;
    resolutionDueAt: Date;
    assigneeId?: string | null;
    organisationId?: string | null;
    schoolId?: string | null;
    personalNumberRemoved?: boolean;
  };
  /** A new requester, or the id of one that exists. */
  requester: NewRequester | { id: string };
  messages: NewTicketMessage[];
  /** The ticket.created audit event: who (null: the caller or the system) and what it adds to reference/desk/channel. */
  audit: { actorId: string | null; extra?: Record<string, unknown> };
  /** The confirmation mail to the caller, or null for none. */
  confirmation: {
    to: string;
    requesterName: string | null;
    notes?: string[];
    /** The desk's article in the mail's wording ("de helpdesk"); the contact screen's mail leaves it out. */
    withDeskArticle?: boolean;
  } | null;
  /** Subscribed webhooks per event (webhooks/service.ts subscribersOf); ticket.resolved only for a resolved ticket. */
  webhooks: { created: readonly string[]; resolved?: readonly string[] };
};

export type TicketNumbering = { year: number; number: number };

/** Every row of a new ticket, for its number. Pure: the same spec and number give the same rows. */
export function buildTicketRows(spec: NewTicketSpec, n: TicketNumbering): TicketRows {
  const { now, makeId, desk } = spec;
  const reference = formatReference(desk.referencePrefix, n.year, n.number);
  const token = deriveFollowUpToken(reference);
  const t = spec.ticket;
  const resolved = t.status === "resolved";

  const requester: Prisma.RequesterModel | null =
    "id" in spec.requester
      ? null
      : {
          id: makeId(),
          ...spec.requester,
          createdAt: now,
          emailBouncedAt: null,
          emailBounceReason: null,
        };
  const requesterId = requester?.id ?? (spec.requester as { id: string }).id;

  const ticket: Prisma.TicketModel = {
    id: makeId(),
    reference,
    deskId: desk.id,
    year: n.year,
    number: n.number,
    status: t.status,
    subject: t.subject,
    topic: t.topic,
    sector: t.sector,
    callerType: t.callerType,
    requesterId,
    assigneeId: t.assigneeId ?? null,
    firstResponseDueAt: t.firstResponseDueAt,
    resolutionDueAt: t.resolutionDueAt,
    firstRespondedAt: resolved ? now : null,
    resolvedAt: resolved ? now : null,
    closedAt: null,
    slaPausedMs: 0,
    slaPausedAt: null,
    followUpTokenHash: hashToken(token),
    followUpExpiresAt: null,
    mergedIntoId: null,
    triage: t.triage === null ? null : ticketTriageColumn.encode(t.triage),
    channel: t.channel,
    personalNumberRemoved: t.personalNumberRemoved ?? false,
    createdAt: now,
    updatedAt: now,
    organisationId: t.organisationId ?? null,
    schoolId: t.schoolId ?? null,
  };

  const messages: Prisma.MessageModel[] = [];
  const attachments: Prisma.AttachmentModel[] = [];
  for (const m of spec.messages) {
    const at = m.afterMs ? new Date(now.getTime() + m.afterMs) : now;
    const message: Prisma.MessageModel = {
      id: makeId(),
      ticketId: ticket.id,
      kind: m.kind,
      authorId: m.authorId ?? null,
      body: m.body,
      bodyJson: null,
      createdAt: at,
      emailFrom: m.emailFrom ?? null,
      otherSender: false,
      emailOriginal: m.emailOriginal ?? null,
      refusedAttachments: m.refusedAttachments?.length ? refusedAttachmentsColumn.encode(m.refusedAttachments) : null,
    };
    messages.push(message);
    for (const f of m.files ?? [])
      attachments.push({
        id: makeId(),
        ticketId: ticket.id,
        messageId: message.id,
        fileName: f.name,
        mimeType: f.mime,
        size: f.size,
        sha256: f.sha256,
        storageKey: f.key,
        createdAt: at,
      });
  }

  const audit: Prisma.AuditEventModel[] = [
    {
      id: makeId(),
      actorId: spec.audit.actorId,
      action: "ticket.created",
      entityType: "ticket",
      entityId: ticket.id,
      ticketId: ticket.id,
      before: null,
      after: auditValueColumn.encode({ reference, deskId: desk.id, channel: t.channel, ...spec.audit.extra }),
      createdAt: now,
    },
  ];

  const outbox: Prisma.MailOutboxModel[] = [];
  const c = spec.confirmation;
  if (c) {
    const mail = ticketConfirmationMail({
      reference,
      deskName: desk.name,
      ...(c.withDeskArticle === false ? {} : { deskArticle: desk.article }),
      deskPhone: desk.phone,
      deskHours: desk.hours,
      followUpUrl: followUpUrl(token),
      requesterName: c.requesterName,
      subject: t.subject,
      ...(c.notes ? { notes: c.notes } : {}),
    });
    outbox.push({
      id: makeId(),
      to: c.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      status: "pending",
      attempts: 0,
      lastError: null,
      ticketId: ticket.id,
      createdAt: now,
      sentAt: null,
    });
  }

  const webhookDeliveries: Prisma.WebhookDeliveryModel[] = [];
  const events = [
    { event: "ticket.created" as const, ids: spec.webhooks.created },
    ...(resolved ? [{ event: "ticket.resolved" as const, ids: spec.webhooks.resolved ?? [] }] : []),
  ];
  for (const e of events) {
    if (!e.ids.length) continue;
    const data = webhookTicketData(ticket, ["created"]);
    webhookDeliveries.push(...webhookDeliveryRows(e.ids, e.event, data, now, makeId).rows);
  }

  return { requester, ticket, messages, attachments, audit, outbox, webhookDeliveries };
}

type RowClient = Pick<
  Db,
  "requester" | "ticket" | "message" | "attachment" | "auditEvent" | "mailOutbox" | "webhookDelivery"
>;

/**
 * The Prisma writes of a new ticket's rows, in foreign-key order: for a batched `$transaction([...])`, or to await
 * one by one inside an interactive transaction.
 */
export function ticketRowWrites(db: RowClient, rows: TicketRows): Prisma.PrismaPromise<unknown>[] {
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  if (rows.requester) writes.push(db.requester.create({ data: rows.requester, select: { id: true } }));
  writes.push(db.ticket.create({ data: rows.ticket, select: { id: true } }));
  if (rows.messages.length) writes.push(db.message.createMany({ data: rows.messages }));
  if (rows.attachments.length) writes.push(db.attachment.createMany({ data: rows.attachments }));
  if (rows.audit.length) writes.push(db.auditEvent.createMany({ data: rows.audit }));
  if (rows.outbox.length) writes.push(db.mailOutbox.createMany({ data: rows.outbox }));
  if (rows.webhookDeliveries.length) writes.push(db.webhookDelivery.createMany({ data: rows.webhookDeliveries }));
  return writes;
}

/** Writes a new ticket's rows inside an interactive transaction. */
export async function writeTicketRows(tx: RowClient, rows: TicketRows): Promise<void> {
  for (const w of ticketRowWrites(tx, rows)) await w;
}
