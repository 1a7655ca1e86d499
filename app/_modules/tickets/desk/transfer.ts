// Transferring a ticket to the other desk.
import "server-only";
import type { Db } from "@/app/_core/db";
import { ConflictError, ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueMail } from "@/app/_modules/mail/outbox";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { ticketTransferredMail } from "@/app/_modules/mail/templates";
import { deskSlaSettings, slaOnTransfer } from "../desk-sla";
import { parseInput, transferSchema } from "../desk-schema";
import { followUpLinkForMail } from "../desk-token";
import { canTransfer, canViewDesk } from "../policy";
import { nextTicketNumber, formatReference } from "../reference";
import { assertActive, findScoped, updateGuarded, type Common } from "./scoped";

/**
 * Moves the ticket to the other desk, where it gets that desk's own next number for its year: references are per
 * desk, so keeping the old one would collide with the new desk's ticket of the same number. The old reference is
 * kept as a former reference: the caller's mails, follow-up link (derived from the first reference), a search and
 * the ticket URL still find the ticket. Due times are recomputed with the new desk's settings; the assignee stays
 * only if they work for the new desk. The caller gets a mail naming the new desk, the new number and the reason
 * (so the reason is written for the caller).
 */
export async function transferTicket(db: Db, opts: Common & { toDesk: DeskId; reason: string }) {
  const { user } = opts;
  const input = parseInput(transferSchema, { toDesk: opts.toDesk, reason: opts.reason });
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const t = await findScoped(tx, user, opts.reference);
    assertActive(user, t);
    if (input.toDesk === t.deskId)
      throw new ValidationError("De vraag staat al bij deze helpdesk.", [
        { path: "toDesk", message: "Kies de andere helpdesk." },
      ]);
    if (!canTransfer(user, t, input.toDesk)) throw new ConflictError("Een gesloten vraag kunt u niet doorsturen.");
    const to = await tx.desk.findUnique({ where: { id: input.toDesk } });
    if (!to)
      throw new ValidationError("Onbekende helpdesk.", [{ path: "toDesk", message: "Kies de helpdesk PO of VO/MBO." }]);
    const due = slaOnTransfer(t, deskSlaSettings(to));
    let assigneeId = t.assigneeId;
    if (assigneeId) {
      const keep = await tx.user.findFirst({
        where: {
          id: assigneeId,
          active: true,
          OR: [{ role: "admin" }, { role: "agent", desks: { some: { deskId: to.id } } }],
        },
        select: { id: true },
      });
      if (!keep) assigneeId = null;
    }
    // The new desk's next number (inside the transaction: a failed transfer gives it back). A number already in use
    // (a ticket written around the counter, e.g. an import) is skipped rather than failing the transfer.
    let number = await nextTicketNumber(tx, to.id, t.year);
    while (await tx.ticket.findFirst({ where: { deskId: to.id, year: t.year, number }, select: { id: true } }))
      number = await nextTicketNumber(tx, to.id, t.year);
    const reference = formatReference(to.referencePrefix, t.year, number);
    await tx.ticketFormerReference.create({ data: { reference: t.reference, ticketId: t.id, createdAt: now } });
    await updateGuarded(tx, t, { deskId: to.id, number, reference, ...due, assigneeId, updatedAt: now });
    await tx.message.create({
      data: {
        ticketId: t.id,
        kind: "system",
        body: `De vraag is doorgestuurd van ${t.desk.name} naar ${to.name}. Het vraagnummer is nu ${reference} (was ${t.reference}).`,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.transferred",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      before: {
        deskId: t.deskId,
        reference: t.reference,
        firstResponseDueAt: t.firstResponseDueAt,
        resolutionDueAt: t.resolutionDueAt,
        assigneeId: t.assigneeId,
      },
      after: { deskId: to.id, reference, ...due, assigneeId, reason: input.reason },
    });
    const link = await followUpLinkForMail(tx, t, user.id);
    const mail = ticketTransferredMail({
      reference,
      formerReference: t.reference,
      fromDesk: t.desk.name,
      fromDeskArticle: t.desk.article,
      toDesk: to.name,
      toDeskArticle: to.article,
      toDeskPhone: to.phone,
      reason: input.reason,
      followUpUrl: link.url,
      requesterName: t.requester.name,
    });
    await enqueueMail(tx, { to: t.requester.email, ...mail, ticketId: t.id });
    await enqueueTicketEvents(tx, t.id, ["transfer"], {
      transferred: { formerReference: t.reference, fromDesk: t.deskId },
      now,
    });
    return {
      deskId: to.id as DeskId,
      reference,
      formerReference: t.reference,
      ...due,
      assigneeId,
      stillVisible: canViewDesk(user, to.id),
    };
  });
}
