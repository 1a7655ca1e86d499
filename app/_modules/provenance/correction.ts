// "Stuur correctie": a reply to the caller about what changed since an earlier answer. It goes out through the
// normal reply path (message, outbox mail, webhooks, audit) and marks the changed sources of the ticket handled in
// the same transaction, with its own audit event.
import "server-only";
import type { Db } from "@/app/_core/db";
import { ConflictError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { findScoped } from "@/app/_modules/tickets/desk/scoped";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { listChangedSinceReply, type ChangedTicket } from "./changed";

export const NOTHING_CHANGED = "Voor deze vraag is niets veranderd sinds het antwoord. Er is geen correctie nodig.";

/** The text the correction starts with; the agent can change it before sending. */
export function correctionText(t: ChangedTicket, opts: { appUrl: string; agentName: string }): string {
  const lines = t.changes.map((c) => {
    const link = c.slug ? ` Lees de nieuwe tekst: ${opts.appUrl}/artikelen/${c.slug}` : "";
    return `- ${c.title}: ${c.summary}${link}`;
  });
  return [
    `Beste ${t.requesterName},`,
    `Eerder gaven wij u een antwoord op uw vraag "${t.subject}". Daarna is de informatie veranderd waarop dat antwoord steunde:`,
    lines.join("\n"),
    "Daardoor klopt ons antwoord misschien niet meer helemaal. Hebt u nog een vraag? Reageer dan op dit bericht.",
    `Met vriendelijke groet,\n${opts.agentName}`,
  ].join("\n\n");
}

/**
 * Sends the correction (the agent's text) for a ticket listed under "Gewijzigd sinds uw antwoord" and marks its
 * changed sources handled. A ticket outside the user's desks is not found; one without changes is refused.
 */
export async function sendCorrection(
  db: Db,
  opts: { user: SessionUser; reference: string; body: unknown; now?: Date },
): Promise<{ messageId: string; handled: number }> {
  const now = opts.now ?? new Date();
  const t = await findScoped(db, opts.user, opts.reference);
  const [changed] = await listChangedSinceReply(db, opts.user, { ticketId: t.id, now });
  if (!changed) throw new ConflictError(NOTHING_CHANGED);
  const sourceIds = changed.changes.flatMap((c) => c.sourceIds);
  let handled = 0;
  const r = await replyToTicket(db, {
    user: opts.user,
    reference: opts.reference,
    kind: "reply",
    body: typeof opts.body === "string" ? opts.body : "",
    now,
    afterMessage: async (tx, m) => {
      const done = await tx.messageSource.updateMany({
        where: { id: { in: sourceIds }, handledAt: null },
        data: { handledAt: now, handledById: opts.user.id },
      });
      if (done.count !== sourceIds.length)
        throw new ConflictError("Een collega heeft net een correctie gestuurd. Laad de pagina opnieuw.");
      handled = done.count;
      await recordAudit(tx, {
        actorId: opts.user.id,
        action: "ticket.correction_sent",
        entityType: "message",
        entityId: m.messageId,
        ticketId: m.ticketId,
        after: { messageId: m.messageId, sources: changed.changes.map((c) => c.title) },
      });
    },
  });
  return { messageId: r.messageId, handled };
}

/**
 * "Geen correctie nodig": the agent judged the change does not affect the answer (or the ticket is closed): the
 * changed sources are marked handled without a message; audited.
 */
export async function dismissChanged(
  db: Db,
  opts: { user: SessionUser; reference: string; now?: Date },
): Promise<{ handled: number }> {
  const now = opts.now ?? new Date();
  const t = await findScoped(db, opts.user, opts.reference);
  const [changed] = await listChangedSinceReply(db, opts.user, { ticketId: t.id, now });
  if (!changed) throw new ConflictError(NOTHING_CHANGED);
  const sourceIds = changed.changes.flatMap((c) => c.sourceIds);
  return db.$transaction(async (tx) => {
    const done = await tx.messageSource.updateMany({
      where: { id: { in: sourceIds }, handledAt: null },
      data: { handledAt: now, handledById: opts.user.id },
    });
    if (done.count !== sourceIds.length)
      throw new ConflictError("Een collega heeft dit net afgehandeld. Laad de pagina opnieuw.");
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "ticket.correction_skipped",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      after: { sources: changed.changes.map((c) => c.title) },
    });
    return { handled: done.count };
  });
}
