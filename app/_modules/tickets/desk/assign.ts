// Assigning a ticket to oneself or a colleague.
import "server-only";
import type { Db } from "@/app/_core/db";
import { ConflictError, ValidationError } from "@/app/_core/errors";
import { type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { canAssignTo } from "../policy";
import { assertActive, findScoped, updateGuarded, type Common } from "./scoped";

/** Assigns the ticket to oneself or a colleague of its desk (admins qualify for both desks); null unassigns. */
export async function assignTicket(db: Db, opts: Common & { assigneeId: string | null }) {
  const { user } = opts;
  const now = opts.now ?? new Date();
  if (
    opts.assigneeId !== null &&
    (typeof opts.assigneeId !== "string" || !opts.assigneeId || opts.assigneeId.length > 40)
  ) {
    throw new ValidationError("Kies een collega.", [{ path: "assigneeId", message: "Kies een collega." }]);
  }
  return db.$transaction(async (tx) => {
    const t = await findScoped(tx, user, opts.reference);
    assertActive(user, t);
    if (t.assigneeId === opts.assigneeId) return { assigneeId: t.assigneeId, changed: false };
    const assignee = opts.assigneeId
      ? await tx.user.findUnique({ where: { id: opts.assigneeId }, include: { desks: { select: { deskId: true } } } })
      : null;
    if (opts.assigneeId && !assignee)
      throw new ValidationError("Deze collega bestaat niet.", [
        { path: "assigneeId", message: "Kies een collega uit de lijst." },
      ]);
    const a = assignee
      ? { id: assignee.id, role: assignee.role, active: assignee.active, desks: assignee.desks.map((d) => d.deskId) }
      : null;
    if (!canAssignTo(user, a, t)) {
      if (t.status === "closed") throw new ConflictError("Deze vraag is gesloten.");
      throw new ValidationError("Deze collega kan deze vraag niet krijgen.", [
        { path: "assigneeId", message: `Deze collega werkt niet voor ${t.desk.shortName} of is niet actief.` },
      ]);
    }
    await updateGuarded(tx, t, { assigneeId: opts.assigneeId, updatedAt: now });
    const before = t.assigneeId
      ? await tx.user.findUnique({ where: { id: t.assigneeId }, select: { id: true, name: true } })
      : null;
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.assigned",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      before: { assigneeId: t.assigneeId, name: before?.name ?? null },
      after: { assigneeId: opts.assigneeId, name: assignee?.name ?? null },
    });
    await enqueueTicketEvents(tx, t.id, ["assignment"], { now });
    return { assigneeId: opts.assigneeId, changed: true };
  });
}

/** Colleagues who can be given the ticket: active agents of its desk, and admins. */
export async function listAssignableUsers(db: Db, opts: { user: SessionUser; reference: string }) {
  const t = await findScoped(db, opts.user, opts.reference);
  return db.user.findMany({
    where: { active: true, OR: [{ role: "admin" }, { role: "agent", desks: { some: { deskId: t.deskId } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}
