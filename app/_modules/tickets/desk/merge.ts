// Merging a duplicate into another ticket of the same caller.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueMail } from "@/app/_modules/mail/outbox";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { ticketMergedMail } from "@/app/_modules/mail/templates";
import { deskSlaSettings, endPause } from "../desk-sla";
import { followUpLinkForMail } from "../desk-token";
import { canMerge } from "../policy";
import { assertActive, findScoped, updateGuarded, type Common, type ScopedTicket } from "./scoped";

/**
 * Merges a duplicate (`reference`) into `intoReference`: messages, attachments, tags and links move to the target;
 * the duplicate closes and points to the target (its reference and follow-up link lead there); its caller gets a
 * mail. Only tickets of the same caller (e-mail) merge, as the duplicate's link then shows the target's conversation.
 */
export async function mergeTicket(db: Db, opts: Common & { intoReference: string }) {
  const { user } = opts;
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const source = await findScoped(tx, user, opts.reference);
    assertActive(user, source);
    let target: ScopedTicket;
    try {
      target = await findScoped(tx, user, opts.intoReference);
    } catch (e) {
      if (e instanceof NotFoundError)
        throw new ValidationError("Vraag niet gevonden.", [
          { path: "intoReference", message: "Deze vraag is niet gevonden. Controleer het vraagnummer." },
        ]);
      throw e;
    }
    const issue = (message: string) =>
      new ValidationError("Samenvoegen kan niet.", [{ path: "intoReference", message }]);
    if (target.id === source.id) throw issue("Kies een andere vraag dan deze.");
    if (target.mergedIntoId)
      throw issue(
        `Vraag ${target.reference} is zelf al samengevoegd met ${target.mergedInto?.reference}. Kies die vraag.`,
      );
    if (target.status === "closed") throw issue(`Vraag ${target.reference} is gesloten. Kies een vraag die nog loopt.`);
    const src = { ...source, requesterEmail: source.requester.email };
    const dst = { ...target, requesterEmail: target.requester.email };
    if (!canMerge(user, src, dst)) {
      throw issue(
        "Samenvoegen kan alleen bij vragen van dezelfde beller (hetzelfde e-mailadres). Koppel de vragen anders als gerelateerde vragen.",
      );
    }

    const moved = await tx.message.updateMany({ where: { ticketId: source.id }, data: { ticketId: target.id } });
    await tx.attachment.updateMany({ where: { ticketId: source.id }, data: { ticketId: target.id } });
    const [srcTags, dstTags] = await Promise.all([
      tx.ticketTag.findMany({ where: { ticketId: source.id } }),
      tx.ticketTag.findMany({ where: { ticketId: target.id } }),
    ]);
    for (const tag of srcTags)
      if (!dstTags.some((d) => d.tagId === tag.tagId))
        await tx.ticketTag.create({ data: { ticketId: target.id, tagId: tag.tagId } });
    await tx.ticketTag.deleteMany({ where: { ticketId: source.id } });
    // Links of the duplicate become links of the target (without self-links or doubles).
    const links = await tx.ticketLink.findMany({ where: { OR: [{ fromId: source.id }, { toId: source.id }] } });
    await tx.ticketLink.deleteMany({ where: { OR: [{ fromId: source.id }, { toId: source.id }] } });
    for (const l of links) {
      const other = l.fromId === source.id ? l.toId : l.fromId;
      if (other === target.id) continue;
      const exists = await tx.ticketLink.findFirst({
        where: {
          OR: [
            { fromId: target.id, toId: other },
            { fromId: other, toId: target.id },
          ],
        },
      });
      if (!exists) await tx.ticketLink.create({ data: { fromId: target.id, toId: other, createdAt: l.createdAt } });
    }
    // Tickets merged into the duplicate earlier now point to the target: follow-up links follow one step only.
    await tx.ticket.updateMany({ where: { mergedIntoId: source.id }, data: { mergedIntoId: target.id } });

    const pause = endPause(source, deskSlaSettings(source.desk).hours, now);
    await updateGuarded(tx, source, {
      mergedIntoId: target.id,
      status: "closed",
      closedAt: now,
      resolvedAt: source.resolvedAt ?? now,
      ...pause,
      updatedAt: now,
    });
    await updateGuarded(tx, target, { updatedAt: now });
    await tx.message.create({
      data: {
        ticketId: target.id,
        kind: "system",
        body: `Vraag ${source.reference} is samengevoegd met deze vraag.`,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.merged",
      entityType: "ticket",
      entityId: source.id,
      ticketId: source.id,
      before: { status: source.status, mergedInto: null },
      after: { status: "closed", mergedInto: target.reference },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.merge_received",
      entityType: "ticket",
      entityId: target.id,
      ticketId: target.id,
      after: { mergedFrom: source.reference, movedMessages: moved.count },
    });
    // The mail carries the duplicate's own link (it now shows the target): a ticket's credential is never mailed
    // because of another ticket.
    const link = await followUpLinkForMail(tx, source, user.id);
    const mail = ticketMergedMail({
      oldReference: source.reference,
      newReference: target.reference,
      followUpUrl: link.url,
      requesterName: source.requester.name,
      deskName: target.desk.name,
    });
    await enqueueMail(tx, { to: source.requester.email, ...mail, ticketId: source.id });
    await enqueueTicketEvents(tx, source.id, ["merge"], { mergedInto: target.reference, now });
    await enqueueTicketEvents(tx, target.id, ["merge"], { now });
    return { targetReference: target.reference, movedMessages: moved.count };
  });
}
