// Contact registration: what an agent logs in /desk/contact. Each outcome becomes a ticket with channel phone
// (answered: resolved at once; callback: open with a due callback; followup: open; transferred: on the other desk
// with the reason), a phone message on an existing ticket, or — out of scope — only a contact row for the reports.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/app/_core/errors";
import { newId } from "@/app/_core/ids";
import { visibleDesks, type DeskId, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueContactEvent, enqueueTicketEvents, subscribersOf } from "@/app/_modules/webhooks/service";
import {
  addBusinessTime,
  businessDayMs,
  nextBusinessOpening,
  slaStatus,
  type BusinessHours,
} from "@/app/_modules/sla/business-time";
import { deskSlaSettings, dueTimesFor, endPause } from "@/app/_modules/tickets/desk-sla";
import { parseInput } from "@/app/_modules/tickets/desk-schema";
import { nextTicketNumber, referenceWhere, referenceYear } from "@/app/_modules/tickets/reference";
import { buildTicketRows, writeTicketRows, type NewTicketMessage } from "@/app/_modules/tickets/ticket-rows";
import { phoneVariants } from "./phone";
import { callbackDoneSchema, contactInputSchema, OUTCOME_LABELS, type CallerInput, type ContactInput } from "./schema";

export const otherDesk = (d: DeskId): DeskId => (d === "po" ? "vo-mbo" : "po");

/** Default callback time: the next business half-day (half the desk's daily opening hours) from now. */
export function defaultCallbackDue(now: Date, hours: BusinessHours): Date {
  return addBusinessTime(nextBusinessOpening(now, hours), businessDayMs(hours) / 2, hours);
}

function assertDesk(user: SessionUser, deskId: DeskId) {
  if (!visibleDesks(user).includes(deskId)) throw new ForbiddenError("U werkt niet voor deze helpdesk.");
}

const durationText = (ms: number) => {
  const m = Math.max(1, Math.round(ms / 60_000));
  return m === 1 ? "1 minuut" : `${m} minuten`;
};

type Tx = Prisma.TransactionClient;

/** A phone ticket's rows (ticket-rows.ts): the call, the answer or transfer note, the audit and the confirmation. */
async function createPhoneTicket(
  tx: Tx,
  opts: {
    deskId: DeskId;
    caller: CallerInput;
    subject: string;
    topic?: string;
    status: "new" | "open" | "resolved";
    assigneeId?: string | null;
    messages: NewTicketMessage[];
    audit: { actorId: string; extra: Record<string, unknown> };
    confirmTo: string | null;
    now: Date;
  },
) {
  const desk = await tx.desk.findUniqueOrThrow({ where: { id: opts.deskId } });
  const settings = deskSlaSettings(desk);
  const year = referenceYear(opts.now);
  const number = await nextTicketNumber(tx as unknown as Db, opts.deskId, year);
  const c = opts.caller;
  const resolved = opts.status === "resolved";
  const rows = buildTicketRows(
    {
      now: opts.now,
      makeId: newId,
      desk: { ...desk, hours: settings.hours },
      ticket: {
        status: opts.status,
        subject: opts.subject,
        topic: opts.topic ?? null,
        sector: c.sector ?? null,
        callerType: c.callerType,
        channel: "phone",
        triage: null,
        ...dueTimesFor({ createdAt: opts.now, slaPausedMs: 0 }, settings),
        assigneeId: opts.assigneeId ?? null,
      },
      requester: {
        name: c.name,
        email: c.email ?? "",
        phone: c.phone ?? null,
        callerType: c.callerType,
        organisation: c.organisation,
        schoolCode: c.schoolCode ?? null,
        organisationId: null,
        organisationMatchedBy: null,
      },
      messages: opts.messages,
      audit: opts.audit,
      // The contact screen's confirmation names the desk without its article.
      confirmation: opts.confirmTo ? { to: opts.confirmTo, requesterName: c.name, withDeskArticle: false } : null,
      webhooks: {
        created: await subscribersOf(tx, "ticket.created"),
        resolved: resolved ? await subscribersOf(tx, "ticket.resolved") : [],
      },
    },
    { year, number },
  );
  await writeTicketRows(tx, rows);
  return { id: rows.ticket.id, reference: rows.ticket.reference, desk, settings };
}

/** Logs a contact. Returns the contact id and the ticket reference it made or touched (none when out of scope). */
export async function logContact(
  db: Db,
  user: SessionUser,
  raw: ContactInput,
  now = new Date(),
): Promise<{ contactId: string; reference: string | null; outcome: string }> {
  const v = parseInput(contactInputSchema, raw);
  assertDesk(user, v.deskId);
  if (v.startedAt > now)
    throw new ValidationError("De starttijd ligt in de toekomst.", [
      { path: "startedAt", message: "De starttijd ligt in de toekomst." },
    ]);
  const startedAt = now.getTime() - v.startedAt.getTime() > 12 * 3600_000 ? now : v.startedAt;
  const callText = [`Telefoongesprek (${durationText(now.getTime() - startedAt.getTime())}): ${v.summary}`, v.notes]
    .filter(Boolean)
    .join("\n\n");
  const articles = v.articleSlugs.length
    ? await db.article.findMany({
        where: { slug: { in: v.articleSlugs }, status: "published" },
        select: { slug: true, title: true },
      })
    : [];
  if (articles.length !== new Set(v.articleSlugs).size) {
    throw new ValidationError("Een gekoppeld artikel bestaat niet (meer).", [
      { path: "articleSlugs", message: "Koppel alleen gepubliceerde artikelen." },
    ]);
  }
  if (v.callbackAssigneeId) {
    const a = await db.user.findFirst({
      where: {
        id: v.callbackAssigneeId,
        active: true,
        OR: [{ role: "admin" }, { desks: { some: { deskId: v.deskId } } }],
      },
    });
    if (!a)
      throw new ValidationError("Deze collega werkt niet voor deze helpdesk.", [
        { path: "callbackAssigneeId", message: "Kies een collega van deze helpdesk." },
      ]);
  }

  const out = await db.$transaction(async (tx) => {
    let ticketRef: string | null = null;
    let ticketId: string | null = null;
    if (v.outcome === "added") {
      const t = await tx.ticket.findFirst({
        where: { AND: [await referenceWhere(tx, v.reference!), { deskId: { in: visibleDesks(user) } }] },
        include: { desk: true },
      });
      if (!t)
        throw new ValidationError("Deze vraag bestaat niet of hoort bij een andere helpdesk.", [
          { path: "reference", message: "Controleer het kenmerk." },
        ]);
      const target = t.mergedIntoId
        ? await tx.ticket.findUniqueOrThrow({ where: { id: t.mergedIntoId }, include: { desk: true } })
        : t;
      await tx.message.create({
        data: { ticketId: target.id, kind: "phone", authorId: user.id, body: callText, createdAt: now },
      });
      const data: Prisma.TicketUpdateInput = { updatedAt: now };
      if (target.status !== "new" && target.status !== "open") {
        const settings = deskSlaSettings(target.desk);
        const pause = endPause(target, settings.hours, now);
        Object.assign(data, {
          status: "open",
          resolvedAt: null,
          closedAt: null,
          ...pause,
          ...dueTimesFor({ createdAt: target.createdAt, slaPausedMs: pause.slaPausedMs }, settings),
        });
      }
      await tx.ticket.update({ where: { id: target.id }, data });
      if (data.status) {
        await recordAudit(tx, {
          actorId: user.id,
          action: "ticket.status_changed",
          entityType: "ticket",
          entityId: target.id,
          ticketId: target.id,
          before: { status: target.status },
          after: { status: "open", reason: "telefoongesprek" },
        });
      }
      ticketRef = target.reference;
      ticketId = target.id;
      await enqueueTicketEvents(tx, target.id, data.status ? ["call", "status"] : ["call"], { now });
    } else if (v.outcome !== "out_of_scope") {
      const deskId = v.outcome === "transferred" ? otherDesk(v.deskId) : v.deskId;
      const status = v.outcome === "answered" ? "resolved" : v.outcome === "callback" ? "open" : "new";
      const assigneeId =
        v.outcome === "callback" ? (v.callbackAssigneeId ?? null) : v.outcome === "answered" ? user.id : null;
      const messages: NewTicketMessage[] = [{ kind: "phone", authorId: user.id, body: callText }];
      if (v.outcome === "answered" && (v.answer || articles.length)) {
        const links = articles.map((a) => `- ${a.title}: /artikelen/${a.slug}`).join("\n");
        const body = [v.answer, links && `Meer informatie:\n${links}`].filter(Boolean).join("\n\n");
        messages.push({ kind: "reply", authorId: user.id, body, afterMs: 1 });
      }
      if (v.outcome === "transferred") {
        messages.push({
          kind: "note",
          authorId: user.id,
          body: `Doorverbonden door de helpdesk ${v.deskId === "po" ? "PO" : "VO/MBO"}: ${v.reason}`,
          afterMs: 1,
        });
      }
      const t = await createPhoneTicket(tx, {
        deskId,
        caller: v.caller!,
        subject: v.summary,
        topic: v.topic,
        status,
        assigneeId,
        messages,
        audit: { actorId: user.id, extra: { outcome: v.outcome } },
        confirmTo: v.outcome === "followup" && v.confirmMail && v.caller!.email ? v.caller!.email : null,
        now,
      });
      ticketRef = t.reference;
      ticketId = t.id;
      if (v.outcome === "callback") {
        const dueAt = v.callbackDueAt ?? defaultCallbackDue(now, t.settings.hours);
        if (dueAt <= now)
          throw new ValidationError("Kies een tijd in de toekomst om terug te bellen.", [
            { path: "callbackDueAt", message: "Kies een tijd in de toekomst." },
          ]);
        await tx.callback.create({
          data: { deskId, ticketId: t.id, assigneeId: v.callbackAssigneeId ?? null, dueAt, createdAt: now },
        });
      }
    }
    const contact = await tx.contact.create({
      data: {
        deskId: v.deskId,
        outcome: v.outcome,
        ticketId,
        agentId: user.id,
        summary: v.summary,
        reason: v.reason ?? null,
        articleSlugs: JSON.stringify(v.articleSlugs),
        startedAt,
        endedAt: now,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "contact.logged",
      entityType: "contact",
      entityId: contact.id,
      ticketId,
      after: { outcome: v.outcome, deskId: v.deskId, reference: ticketRef },
    });
    await enqueueContactEvent(
      tx,
      {
        contactId: contact.id,
        desk: v.deskId,
        outcome: v.outcome,
        reference: ticketRef,
        startedAt: startedAt.toISOString(),
        endedAt: now.toISOString(),
      },
      now,
    );
    return { contactId: contact.id, reference: ticketRef, outcome: OUTCOME_LABELS[v.outcome] };
  });
  return out;
}

/** Open callbacks for the user's desks, most urgent first, with the SLA state of their due time. */
export async function listCallbacks(db: Db, user: SessionUser, now = new Date()) {
  const desks = visibleDesks(user);
  if (!desks.length) return [];
  const [rows, deskRows] = await Promise.all([
    db.callback.findMany({
      where: { deskId: { in: desks }, doneAt: null },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
    db.desk.findMany({ where: { id: { in: desks } } }),
  ]);
  if (!rows.length) return [];
  const hours = new Map(deskRows.map((d) => [d.id, deskSlaSettings(d).hours]));
  const tickets = await db.ticket.findMany({
    where: { id: { in: rows.map((r) => r.ticketId) } },
    select: {
      id: true,
      reference: true,
      subject: true,
      requester: { select: { name: true, organisation: true, phone: true } },
    },
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])) } },
    select: { id: true, name: true },
  });
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return rows.flatMap((r) => {
    const t = byId.get(r.ticketId);
    if (!t) return [];
    return [
      {
        ...r,
        ticket: t,
        assignee: users.find((u) => u.id === r.assigneeId) ?? null,
        state: slaStatus(r.dueAt, now, hours.get(r.deskId)!),
      },
    ];
  });
}

/** One open callback with its ticket and caller, for the contact screen. */
export async function getCallback(db: Db, user: SessionUser, id: string) {
  const c = await db.callback.findFirst({ where: { id, deskId: { in: visibleDesks(user) } } });
  if (!c) throw new NotFoundError("Dit terugbelverzoek bestaat niet.");
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: c.ticketId },
    select: { reference: true, subject: true, requester: true },
  });
  return { ...c, ticket };
}

/** Records the result of a callback: a phone message on the ticket, optionally resolving it. */
export async function completeCallback(db: Db, user: SessionUser, raw: unknown, now = new Date()) {
  const v = parseInput(callbackDoneSchema, raw);
  return db.$transaction(async (tx) => {
    const c = await tx.callback.findFirst({ where: { id: v.callbackId, deskId: { in: visibleDesks(user) } } });
    if (!c) throw new NotFoundError("Dit terugbelverzoek bestaat niet.");
    if (c.doneAt)
      throw new ValidationError("Dit terugbelverzoek is al afgehandeld.", [
        { path: "callbackId", message: "Al afgehandeld." },
      ]);
    const t = await tx.ticket.findUniqueOrThrow({ where: { id: c.ticketId } });
    await tx.callback.update({ where: { id: c.id }, data: { doneAt: now, result: v.result } });
    await tx.message.create({
      data: { ticketId: t.id, kind: "phone", authorId: user.id, body: `Teruggebeld: ${v.result}`, createdAt: now },
    });
    const data: Prisma.TicketUpdateInput = { updatedAt: now, firstRespondedAt: t.firstRespondedAt ?? now };
    if (v.resolve && t.status !== "resolved" && t.status !== "closed")
      Object.assign(data, { status: "resolved", resolvedAt: now });
    await tx.ticket.update({ where: { id: t.id }, data });
    await recordAudit(tx, {
      actorId: user.id,
      action: "callback.done",
      entityType: "callback",
      entityId: c.id,
      ticketId: t.id,
      after: { onTime: now <= c.dueAt, resolved: v.resolve },
    });
    const resolvedNow = data.status === "resolved";
    await enqueueTicketEvents(tx, t.id, resolvedNow ? ["call", "status"] : ["call"], { resolved: resolvedNow, now });
    return { reference: t.reference, onTime: now <= c.dueAt };
  });
}

export type CallerHit = {
  key: string;
  name: string;
  email: string;
  phone: string | null;
  organisation: string;
  callerType: string;
  schoolCode: string | null;
  tickets: { reference: string; subject: string; status: string; createdAt: Date }[];
};

/**
 * Finds callers by name, e-mail, phone number (normalised) or school code, with their recent tickets on the
 * user's desks. Case-insensitive matching is not portable in Prisma, so names match as typed and capitalised.
 */
export async function searchCallers(db: Db, user: SessionUser, q: string): Promise<CallerHit[]> {
  const desks = visibleDesks(user);
  const term = q.trim();
  if (term.length < 2 || !desks.length) return [];
  const cap = term.charAt(0).toUpperCase() + term.slice(1);
  const or: Prisma.RequesterWhereInput[] = [
    { email: { startsWith: term.toLowerCase() } },
    { name: { contains: term } },
    { name: { contains: cap } },
    { organisation: { contains: term } },
    { organisation: { contains: cap } },
    { schoolCode: term.toUpperCase() },
  ];
  if (/^[+0-9][0-9 ()-]{5,}$/.test(term)) or.push({ phone: { in: phoneVariants(term) } });
  const rows = await db.requester.findMany({
    where: { OR: or, tickets: { some: { deskId: { in: desks } } } },
    orderBy: { createdAt: "desc" },
    take: 60,
    include: {
      tickets: {
        where: { deskId: { in: desks } },
        orderBy: { createdAt: "desc" },
        take: 3,
        select: { reference: true, subject: true, status: true, createdAt: true },
      },
    },
  });
  const hits = new Map<string, CallerHit>();
  for (const r of rows) {
    const key = `${r.email || r.phone || r.name}|${r.organisation}`.toLowerCase();
    const hit = hits.get(key);
    if (hit) {
      for (const t of r.tickets) if (!hit.tickets.some((x) => x.reference === t.reference)) hit.tickets.push(t);
      hit.tickets.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).splice(3);
      continue;
    }
    if (hits.size >= 8) continue;
    hits.set(key, {
      key,
      name: r.name,
      email: r.email,
      phone: r.phone,
      organisation: r.organisation,
      callerType: r.callerType,
      schoolCode: r.schoolCode,
      tickets: [...r.tickets],
    });
  }
  return [...hits.values()];
}
