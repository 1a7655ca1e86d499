// The rows of one question of the demo history (demo-history.ts): requester, messages, status changes, ticket,
// audit, mail, tags, and a phone contact and callback or an inbound mail. The PRNG is drawn in a fixed order.
import "server-only";
import { newId } from "@/app/_core/ids";
import { ticketConfirmationMail } from "@/app/_modules/mail/templates";
import { addBusinessTime } from "@/app/_modules/sla/business-time";
import { subjectFrom } from "@/app/_modules/tickets/create-ticket";
import { deriveFollowUpToken } from "@/app/_modules/tickets/desk-token";
import { followUpUrl, hashToken } from "@/app/_modules/tickets/follow-up-link";
import { STATUS_LABELS } from "@/app/_modules/tickets/schema";
import { HOUR, MIN, pick, ticketSector, type HistoryContext } from "./demo-history-context";
import { planTicket, type Arrival, type HistoryTicket } from "./demo-history-plan";
import {
  ASK_MORE,
  CALLER_MORE,
  CALLER_THANKS,
  NOTES,
  REPLIES,
  TOPIC_TAGS,
  TRANSFER_REASONS,
} from "./demo-history-texts";

function addRequester(ctx: HistoryContext, t: HistoryTicket): void {
  const { rng, requesters } = ctx;
  const { requesterId, person, channel, callerType, org, created } = t;
  requesters.push({
    id: requesterId,
    name: person.name,
    email: person.email,
    phone: channel === "phone" ? `06-${String(10_000_000 + Math.floor(rng() * 89_999_999)).slice(0, 8)}` : null,
    callerType,
    organisation: org?.name ?? "",
    schoolCode: org?.kind === "school" ? org.code : null,
    createdAt: created,
    organisationId: org?.id ?? null,
    organisationMatchedBy: !org
      ? null
      : org.domain && person.email.endsWith(`@${org.domain}`)
        ? "domain"
        : org.kind === "school"
          ? "school-code"
          : "agent",
  });
}

/** The caller's question, the transfer, a note, the answer and what the caller said back. Returns the last moment. */
function addConversation(ctx: HistoryContext, t: HistoryTicket): Date {
  const { rng, now, past, messages, formers, audits } = ctx;
  const { ticketId, question, created, channel, person, transferAt, firstDesk, desk, reference, firstRef } = t;
  const { agent, deskId, author, answered, phoneAnswered, respondedAt, greeting, waits, topic, signoff } = t;
  const { callerBackAt, done, resolvedAt } = t;
  messages.push({
    id: newId(),
    ticketId,
    kind: "caller",
    body: question,
    createdAt: created,
    emailFrom: channel === "email" ? person.email : null,
  });
  let last = created;
  if (transferAt) {
    messages.push({
      id: newId(),
      ticketId,
      kind: "system",
      body: `De vraag is doorgestuurd van ${firstDesk.name} naar ${desk.name}. Het vraagnummer is nu ${reference} (was ${firstRef}).`,
      createdAt: transferAt,
    });
    formers.push({ reference: firstRef, ticketId, createdAt: transferAt });
    audits.push({
      id: newId(),
      actorId: agent?.id ?? null,
      action: "ticket.transferred",
      entityType: "ticket",
      entityId: ticketId,
      ticketId,
      before: JSON.stringify({ deskId: firstDesk.id, reference: firstRef }),
      after: JSON.stringify({ deskId, reference, reason: TRANSFER_REASONS[deskId] }),
      createdAt: transferAt,
    });
    last = transferAt;
  }
  if (author && rng() < 0.22) {
    const noteAt = new Date(Math.min((transferAt ?? created).getTime() + 35 * MIN, now.getTime() - 30 * MIN));
    if (noteAt > last) {
      messages.push({
        id: newId(),
        ticketId,
        kind: "note",
        authorId: author,
        body: pick(rng, NOTES),
        createdAt: noteAt,
      });
      last = noteAt;
    }
  }
  if (answered && author) {
    if (phoneAnswered)
      messages.push({
        id: newId(),
        ticketId,
        kind: "note",
        authorId: author,
        body: `Telefonisch beantwoord: ${REPLIES[topic]!}`,
        createdAt: respondedAt,
      });
    else
      messages.push({
        id: newId(),
        ticketId,
        kind: "reply",
        authorId: author,
        body: greeting + (waits ? ASK_MORE : REPLIES[topic]!) + signoff,
        createdAt: respondedAt,
      });
    last = respondedAt;
    if (callerBackAt && past(callerBackAt)) {
      messages.push({
        id: newId(),
        ticketId,
        kind: "caller",
        body: pick(rng, CALLER_MORE),
        createdAt: callerBackAt,
        emailFrom: channel === "email" ? person.email : null,
      });
      last = callerBackAt;
      if (done) {
        messages.push({
          id: newId(),
          ticketId,
          kind: "reply",
          authorId: author,
          body: greeting + REPLIES[topic]! + signoff,
          createdAt: resolvedAt,
        });
        last = resolvedAt;
      }
    } else if (done && resolvedAt > respondedAt && rng() < 0.5) {
      messages.push({
        id: newId(),
        ticketId,
        kind: "caller",
        body: pick(rng, CALLER_THANKS),
        createdAt: new Date(
          Math.min(respondedAt.getTime() + 3 * HOUR, (respondedAt.getTime() + resolvedAt.getTime()) / 2),
        ),
        emailFrom: channel === "email" ? person.email : null,
      });
    }
  }
  return last;
}

/** The status changes to resolved and closed (message and audit). Returns the last moment. */
function addStatusChanges(ctx: HistoryContext, t: HistoryTicket, lastBefore: Date): Date {
  const { messages, audits } = ctx;
  const { ticketId, done, author, resolvedAt, status, closedAt } = t;
  let last = lastBefore;
  if (done && author) {
    const statusAt = new Date(Math.max(resolvedAt.getTime(), last.getTime()) + MIN);
    messages.push({
      id: newId(),
      ticketId,
      kind: "system",
      body: `De status is nu: ${STATUS_LABELS.resolved}.`,
      createdAt: statusAt,
    });
    audits.push({
      id: newId(),
      actorId: author,
      action: "ticket.status_changed",
      entityType: "ticket",
      entityId: ticketId,
      ticketId,
      before: JSON.stringify({ status: "open" }),
      after: JSON.stringify({ status: "resolved" }),
      createdAt: statusAt,
    });
    last = statusAt;
    if (status === "closed") {
      messages.push({
        id: newId(),
        ticketId,
        kind: "system",
        body: `De status is nu: ${STATUS_LABELS.closed}.`,
        createdAt: closedAt,
      });
      audits.push({
        id: newId(),
        actorId: author,
        action: "ticket.status_changed",
        entityType: "ticket",
        entityId: ticketId,
        ticketId,
        before: JSON.stringify({ status: "resolved" }),
        after: JSON.stringify({ status: "closed" }),
        createdAt: closedAt,
      });
      last = closedAt;
    }
  }
  return last;
}

/** The ticket itself, its created audit, the confirmation mail and maybe a tag. */
function addTicket(ctx: HistoryContext, t: HistoryTicket, last: Date): void {
  const { rng, past, tickets, audits, mails, ticketTags } = ctx;
  const { firstRef, reference, deskId, year, ticketNumber, status, question, topic, about, callerType } = t;
  const { requesterId, assigneeId, due, answered, author, respondedAt, done, resolvedAt, closedAt } = t;
  const { callerBackAt, pausedMs, slaPausedAt, channel, created, org, school, ticketId, firstDesk, person } = t;
  const token = deriveFollowUpToken(firstRef);
  tickets.push({
    id: ticketId,
    reference,
    deskId,
    year,
    number: ticketNumber,
    status,
    subject: subjectFrom(question),
    topic,
    sector: ticketSector(about?.sector ?? null),
    callerType,
    requesterId,
    assigneeId,
    firstResponseDueAt: due.firstResponseDueAt,
    resolutionDueAt: due.resolutionDueAt,
    firstRespondedAt: answered && author ? respondedAt : null,
    resolvedAt: done ? resolvedAt : null,
    closedAt: status === "closed" ? closedAt : null,
    slaPausedMs: callerBackAt && past(callerBackAt) ? pausedMs : 0,
    slaPausedAt,
    followUpTokenHash: hashToken(token),
    channel,
    createdAt: created,
    updatedAt: last,
    organisationId: org?.id ?? null,
    schoolId: school?.id ?? null,
  });
  audits.push({
    id: newId(),
    actorId: null,
    action: "ticket.created",
    entityType: "ticket",
    entityId: ticketId,
    ticketId,
    after: JSON.stringify({ reference: firstRef, deskId: firstDesk.id, channel }),
    createdAt: created,
  });
  const mail = ticketConfirmationMail({
    reference: firstRef,
    deskName: firstDesk.name,
    deskArticle: firstDesk.article,
    deskPhone: firstDesk.phone,
    deskHours: firstDesk.hours,
    followUpUrl: followUpUrl(token),
    requesterName: person.name,
    subject: subjectFrom(question),
  });
  mails.push({
    id: newId(),
    to: person.email,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    status: "sent",
    ticketId,
    createdAt: created,
    sentAt: created,
  });
  if (rng() < 0.3 && TOPIC_TAGS[topic]) ticketTags.push({ ticketId, tag: pick(rng, TOPIC_TAGS[topic]!) });
}

/** A phone question's contact (and maybe a callback), or an e-mail question's inbound mail. */
function addChannelRows(ctx: HistoryContext, t: HistoryTicket): void {
  const { rng, past, contacts, callbacks, inbound } = ctx;
  const { channel, phoneAnswered, respondedAt, at, deskId, ticketId, agent, question, created, dayMs, hours } = t;
  const { person, firstDesk } = t;
  if (channel === "phone") {
    const ended = phoneAnswered ? respondedAt : new Date(at + (3 + Math.floor(rng() * 9)) * MIN);
    const outcome = phoneAnswered ? "answered" : rng() < 0.4 ? "callback" : "followup";
    const contactId = newId();
    contacts.push({
      id: contactId,
      deskId,
      channel: "phone",
      outcome,
      ticketId,
      agentId: agent?.id ?? null,
      summary: question,
      articleSlugs: "[]",
      startedAt: created,
      endedAt: ended,
      createdAt: created,
    });
    if (outcome === "callback") {
      const dueAt = addBusinessTime(created, dayMs, hours);
      const doneAt =
        rng() < 0.85
          ? addBusinessTime(created, Math.round(dayMs * (0.1 + rng() * 0.8)), hours)
          : addBusinessTime(created, Math.round(dayMs * 1.5), hours);
      callbacks.push({
        id: newId(),
        deskId,
        ticketId,
        contactId,
        assigneeId: agent?.id ?? null,
        dueAt,
        doneAt: past(doneAt) ? doneAt : null,
        result: past(doneAt) ? "Teruggebeld en de vraag beantwoord." : null,
        createdAt: created,
      });
    }
  } else if (channel === "email") {
    inbound.push({
      messageId: `<demo-${ticketId}@${person.email.split("@")[1]}>`,
      fromAddress: person.email,
      outcome: "ticket",
      ticketId,
      deskId: firstDesk.id,
      createdAt: created,
    });
  }
}

/** One question of the history with all its rows, drawing from the PRNG in a fixed order. */
export function addHistoryTicket(ctx: HistoryContext, arrival: Arrival): void {
  const t = planTicket(ctx, arrival);
  addRequester(ctx, t);
  const last = addStatusChanges(ctx, t, addConversation(ctx, t));
  addTicket(ctx, t, last);
  addChannelRows(ctx, t);
}
