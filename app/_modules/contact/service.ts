// Contact registration: what an agent logs in /desk/contact. Each outcome becomes a ticket with channel phone
// (answered: resolved at once; callback: open with a due callback; followup: open; transferred: on the other desk
// with the reason), a phone message on an existing ticket, or — out of scope — only a contact row for the reports.
import "server-only";
import type { z } from "zod";
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
import { liveOrganisation, matchCaller, resolveSchoolConcerned } from "@/app/_modules/organisations/service";
import { recordMessageSources } from "@/app/_modules/provenance/record";
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

/** Who the new ticket is by and about: the caller's organisation (and how it was matched) and the school concerned. */
type PhoneTicketOrganisation = {
  organisationId: string | null;
  organisationMatchedBy: string | null;
  schoolId: string | null;
};

/** A phone ticket's rows (ticket-rows.ts): the call, the answer or transfer note, the audit and the confirmation. */
async function createPhoneTicket(
  tx: Tx,
  opts: {
    deskId: DeskId;
    caller: CallerInput;
    organisation: PhoneTicketOrganisation;
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
        organisationId: opts.organisation.organisationId,
        schoolId: opts.organisation.schoolId,
      },
      requester: {
        name: c.name,
        email: c.email ?? "",
        phone: c.phone ?? null,
        callerType: c.callerType,
        organisation: c.organisation,
        schoolCode: c.schoolCode ?? null,
        organisationId: opts.organisation.organisationId,
        organisationMatchedBy: opts.organisation.organisationMatchedBy,
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

type ContactValues = z.output<typeof contactInputSchema>;
type Article = { slug: string; title: string };
type Touched = { ticketRef: string | null; ticketId: string | null };

/** The linked articles (published ones only) and the colleague who calls back (of this desk): checked up front. */
async function checkContactReferences(db: Db, v: ContactValues): Promise<Article[]> {
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
  return articles;
}

/**
 * The caller's organisation (the agent's choice, else by e-mail domain or school code) and the school the call is
 * about. A chosen organisation or school that does not exist (or a school concerned that is no school) is a field
 * error.
 */
async function contactOrganisation(db: Db, c: CallerInput): Promise<PhoneTicketOrganisation> {
  if (c.organisationId && !(await liveOrganisation(db, c.organisationId)))
    throw new ValidationError("Deze organisatie bestaat niet (meer).", [
      { path: "caller.organisationId", message: "Deze organisatie bestaat niet (meer). Kies er een uit de lijst." },
    ]);
  const [match, school] = await Promise.all([
    matchCaller(db, { email: c.email, schoolCode: c.schoolCode, chosenId: c.organisationId, byAgent: true }),
    resolveSchoolConcerned(db, { schoolId: c.schoolId, field: "caller.schoolId" }),
  ]);
  return {
    organisationId: match?.organisation.id ?? null,
    organisationMatchedBy: match?.matchedBy ?? null,
    schoolId: school && school.id !== match?.organisation.id ? school.id : null,
  };
}

/** "Bij bestaande vraag": a phone message on the ticket (or the one it was merged into), reopening it. */
async function addCallToTicket(
  tx: Tx,
  user: SessionUser,
  opts: { reference: string; callText: string; now: Date },
): Promise<Touched> {
  const { now } = opts;
  const t = await tx.ticket.findFirst({
    where: { AND: [await referenceWhere(tx, opts.reference), { deskId: { in: visibleDesks(user) } }] },
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
    data: { ticketId: target.id, kind: "phone", authorId: user.id, body: opts.callText, createdAt: now },
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
  await enqueueTicketEvents(tx, target.id, data.status ? ["call", "status"] : ["call"], { now });
  return { ticketRef: target.reference, ticketId: target.id };
}

/** The messages of a new phone ticket: the call, then the answer with its articles or the transfer's reason. */
function phoneTicketMessages(user: SessionUser, v: ContactValues, callText: string, articles: Article[]) {
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
  return messages;
}

/** Beantwoord, Terugbellen, Vervolg, Doorverbonden: a new phone ticket (and the callback for Terugbellen). */
async function newContactTicket(
  tx: Tx,
  user: SessionUser,
  v: ContactValues,
  opts: { callText: string; articles: Article[]; organisation: PhoneTicketOrganisation; now: Date },
): Promise<Touched> {
  const { now } = opts;
  const deskId = v.outcome === "transferred" ? otherDesk(v.deskId) : v.deskId;
  const status = v.outcome === "answered" ? "resolved" : v.outcome === "callback" ? "open" : "new";
  const assigneeId =
    v.outcome === "callback" ? (v.callbackAssigneeId ?? null) : v.outcome === "answered" ? user.id : null;
  const t = await createPhoneTicket(tx, {
    deskId,
    caller: v.caller!,
    organisation: opts.organisation,
    subject: v.summary,
    topic: v.topic,
    status,
    assigneeId,
    messages: phoneTicketMessages(user, v, opts.callText, opts.articles),
    audit: { actorId: user.id, extra: { outcome: v.outcome } },
    confirmTo: v.outcome === "followup" && v.confirmMail && v.caller!.email ? v.caller!.email : null,
    now,
  });
  if (v.outcome === "answered" && opts.articles.length) {
    // The articles given on the phone are the sources of the answer (provenance, issue #19).
    const answer = await tx.message.findFirst({ where: { ticketId: t.id, kind: "reply" }, select: { id: true } });
    if (answer)
      await recordMessageSources(tx, {
        messageId: answer.id,
        ticketId: t.id,
        slugs: opts.articles.map((a) => a.slug),
        now,
      });
  }
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
  return { ticketRef: t.reference, ticketId: t.id };
}

/** The contact row itself (for the reports), its audit event and the contact.logged webhook. */
async function recordContact(
  tx: Tx,
  user: SessionUser,
  v: ContactValues,
  opts: Touched & { startedAt: Date; now: Date },
) {
  const { ticketId, ticketRef, startedAt, now } = opts;
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
  const articles = await checkContactReferences(db, v);
  const newTicket = v.outcome !== "added" && v.outcome !== "out_of_scope";
  const organisation = newTicket ? await contactOrganisation(db, v.caller!) : null;

  return db.$transaction(async (tx) => {
    const touched: Touched =
      v.outcome === "added"
        ? await addCallToTicket(tx, user, { reference: v.reference!, callText, now })
        : organisation
          ? await newContactTicket(tx, user, v, { callText, articles, organisation, now })
          : { ticketRef: null, ticketId: null };
    return recordContact(tx, user, v, { ...touched, startedAt, now });
  });
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

export { searchCallers, type CallerHit } from "./callers";
