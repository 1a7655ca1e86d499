// A new ticket from a person's mail (channel email; also a reply to a closed ticket, linked to the old one). Its
// rows come from the one row builder (tickets/ticket-rows.ts) and are written either through Prisma inside the
// mail's transaction (PostgreSQL), or with prepared statements in the SQLite mail writer's group commit
// (inbound-sqlite.ts), where the Message-ID check, the auto-reply count, the number and every row share one
// transaction.
import "server-only";
import type { Db } from "@/app/_core/db";
import { newId } from "@/app/_core/ids";
import type { DeskId } from "@/app/_core/session";
import { computeSlaDueTimes } from "@/app/_modules/sla/business-time";
import { deskSlaSettings } from "@/app/_modules/tickets/desk-sla";
import { subjectFrom } from "@/app/_modules/tickets/create-ticket";
import { ticketRowsInserter } from "@/app/_modules/tickets/sqlite-intake";
import type { RefusedAttachment } from "@/app/_modules/tickets/ticket-json";
import {
  buildTicketRows,
  writeTicketRows,
  type NewRequester,
  type NewTicketMessage,
  type NewTicketSpec,
  type TicketFile,
} from "@/app/_modules/tickets/ticket-rows";
import { triage } from "@/app/_modules/triage/engine";
import { subscribersOf } from "@/app/_modules/webhooks/service";
import type { Parsed } from "./inbound-parse";
import { iso, type MailWriter } from "./inbound-sqlite";
import type { FoundTicket } from "./inbound-thread";
import { AUTO_REPLIES_PER_HOUR, type InboundResult, type Recorder, type Tx } from "./inbound-types";

export type Refused = RefusedAttachment;
export type StoredFile = TicketFile;

/** What the transaction writes for one person's mail, prepared before it starts. */
export type PersonMail = {
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

export type NewTicketPlan = { deskId: DeskId; year: number; closed: FoundTicket | null };

type DeskRow = {
  id: string;
  name: string;
  article: string;
  phone: string;
  referencePrefix: string;
  hours: string;
  firstResponseBusinessDays: number;
  resolutionBusinessDays: number;
};
/** The latest requester with the mail's address. */
type Known = { id: string; name: string; callerType: string } | null;

function newRequester(m: Parsed): NewRequester {
  return {
    name: (m.fromName || m.from.split("@")[0] || "Onbekend").slice(0, 200),
    email: m.from || "onbekend@invalid",
    phone: null,
    callerType: "other",
    organisation: m.from.split("@")[1] ?? "",
    schoolCode: null,
    organisationId: null,
    organisationMatchedBy: null,
  };
}

/** Everything of a new ticket from a mail but its number (both write paths). */
function newTicketSpec(
  pm: PersonMail,
  desk: DeskRow,
  known: Known,
  closed: FoundTicket | null,
  mayReply: boolean,
  webhooksCreated: readonly string[],
): NewTicketSpec {
  const { m, now, body, subjectText } = pm;
  const settings = deskSlaSettings(desk);
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
  if (closed)
    messages.push({
      kind: "system",
      body: `Deze vraag kwam binnen als reactie op de gesloten vraag ${closed.reference}.`,
      afterMs: 1,
    });
  return {
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
    requester: known ? { id: known.id } : newRequester(m),
    messages,
    audit: { actorId: null },
    confirmation: mayReply ? { to: m.from, requesterName: known?.name ?? (m.fromName || null), notes: pm.notes } : null,
    webhooks: { created: webhooksCreated },
  };
}

// ---------------------------------------------------------------------------------------------
// Through Prisma (PostgreSQL, or SQLite without the writer)

/** A new ticket inside the mail's Prisma transaction (its number taken before it, see nextTicketNumber). */
export async function newTicketFromMail(
  tx: Tx,
  pm: PersonMail,
  plan: NewTicketPlan & { number: number; mayReply: boolean },
): Promise<InboundResult> {
  const { m, now } = pm;
  const desk = await tx.desk.findUniqueOrThrow({ where: { id: plan.deskId } });
  const known = m.from
    ? await tx.requester.findFirst({ where: { email: m.from }, orderBy: { createdAt: "desc" } })
    : null;
  if (known?.emailBouncedAt)
    await tx.requester.update({ where: { id: known.id }, data: { emailBouncedAt: null, emailBounceReason: null } });
  const spec = newTicketSpec(pm, desk, known, plan.closed, plan.mayReply, await subscribersOf(tx, "ticket.created"));
  const rows = buildTicketRows(spec, { year: plan.year, number: plan.number });
  await writeTicketRows(tx, rows);
  const { id: ticketId, reference } = rows.ticket;
  if (plan.closed) await tx.ticketLink.create({ data: { fromId: ticketId, toId: plan.closed.id, createdAt: now } });
  await pm.record(tx, "ticket", ticketId, plan.mayReply);
  return { outcome: "ticket", duplicate: false, messageId: m.messageId, ticketId, reference };
}

// ---------------------------------------------------------------------------------------------
// Prepared statements in the SQLite mail writer's group commit

export type SeenRow = { messageId: string; outcome: string; ticketId: string | null };

/** The InboundMail row of a Message-ID, read on the writer's connection (no Prisma round trip). */
export function seenSqlite(w: MailWriter, messageId: string): SeenRow | null {
  return (
    (w.stmt(`SELECT "messageId", "outcome", "ticketId" FROM "InboundMail" WHERE "messageId" = ?`).get(messageId) as
      SeenRow | undefined) ?? null
  );
}

const inserters = new WeakMap<MailWriter, ReturnType<typeof ticketRowsInserter>>();

/**
 * A new ticket in the writer's next group. The Message-ID is checked inside the transaction: a mail delivered twice
 * at once is written once, and the second delivery gets the first one's row (`seen`) to answer with. `queued` says
 * whether a confirmation mail or webhook deliveries were written (only then are their workers kicked: a kick costs
 * a few queries even when there is nothing to send).
 */
export async function newTicketFromMailSqlite(
  db: Db,
  w: MailWriter,
  pm: PersonMail,
  plan: NewTicketPlan & { inboundDeskId: DeskId | null },
): Promise<(InboundResult & { queued: { mail: boolean; webhooks: boolean } }) | { seen: SeenRow }> {
  const { m, now } = pm;
  // Cached per process for a few seconds; the deliveries are written in the same transaction as the ticket.
  const webhooksCreated = await subscribersOf(db, "ticket.created");
  let inserter = inserters.get(w);
  if (!inserter) inserters.set(w, (inserter = ticketRowsInserter(w.conn)));
  const rowsInserter = inserter;
  const written = await w.write(() => {
    const seen = seenSqlite(w, m.messageId);
    if (seen) return { seen };
    const recent = m.from
      ? (
          w
            .stmt(
              `SELECT COUNT(*) AS n FROM "InboundMail" WHERE "fromAddress" = ? AND "autoReplied" = 1 AND "createdAt" > ?`,
            )
            .get(m.from, iso(new Date(now.getTime() - 3_600_000))) as { n: number }
        ).n
      : 0;
    const mayReply = recent < AUTO_REPLIES_PER_HOUR && !!m.from;
    const desk = w.stmt(`SELECT * FROM "Desk" WHERE "id" = ?`).get(plan.deskId) as DeskRow | undefined;
    if (!desk) throw new Error(`unknown desk ${plan.deskId}`);
    const known = m.from
      ? (w
          .stmt(
            `SELECT "id", "name", "callerType", "emailBouncedAt" FROM "Requester" WHERE "email" = ? ORDER BY "createdAt" DESC LIMIT 1`,
          )
          .get(m.from) as (NonNullable<Known> & { emailBouncedAt: string | null }) | undefined)
      : undefined;
    if (known?.emailBouncedAt)
      w.stmt(`UPDATE "Requester" SET "emailBouncedAt" = NULL, "emailBounceReason" = NULL WHERE "id" = ?`).run(known.id);
    const spec = newTicketSpec(pm, desk, known ?? null, plan.closed, mayReply, webhooksCreated);
    const rows = buildTicketRows(spec, { year: plan.year, number: rowsInserter.nextNumber(desk.id, plan.year) });
    rowsInserter.insert(rows);
    const t = rows.ticket;
    if (plan.closed)
      w.stmt(`INSERT INTO "TicketLink" ("fromId", "toId", "createdAt") VALUES (?, ?, ?)`).run(
        t.id,
        plan.closed.id,
        iso(now),
      );
    w.stmt(
      `INSERT INTO "InboundMail" ("messageId", "fromAddress", "outcome", "ticketId", "deskId", "autoReplied", "createdAt")
       VALUES (?, ?, 'ticket', ?, ?, ?, ?)`,
    ).run(m.messageId, m.from || "(onbekend)", t.id, plan.inboundDeskId, mayReply ? 1 : 0, iso(now));
    return {
      ticketId: t.id,
      reference: t.reference,
      queued: { mail: rows.outbox.length > 0, webhooks: rows.webhookDeliveries.length > 0 },
    };
  });
  if (written.seen) return { seen: written.seen };
  return {
    outcome: "ticket",
    duplicate: false,
    messageId: m.messageId,
    ticketId: written.ticketId,
    reference: written.reference,
    queued: written.queued,
  };
}
