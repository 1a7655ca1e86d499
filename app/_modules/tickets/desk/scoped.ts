// Tickets from the agent's side, one file per operation in this folder; this file holds the steps they share.
// Every operation takes the acting SessionUser and finds tickets through ticketScope(user): a ticket of another desk
// is a NotFoundError (404), never a 403. Every change writes its audit event (and any mail) in the same transaction.
// A change is applied only if the ticket did not change since it was read in that transaction (updatedAt check), so
// two agents acting at once get a ConflictError instead of overwriting each other.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { ticketScope } from "../access";
import { deskSlaSettings, slaOnStatusChange } from "../desk-sla";
import { canActOnTicket } from "../policy";
import { parseReference, referenceWhere } from "../reference";
import { STATUS_LABELS, type TicketStatus } from "../schema";

export type Tx = Prisma.TransactionClient;
export type Common = { user: SessionUser; reference: string; now?: Date };

export const NOT_FOUND = "Deze vraag is niet gevonden.";
const CHANGED = "Iemand anders heeft deze vraag net gewijzigd. Laad de vraag opnieuw en probeer het nog eens.";

const scopedInclude = {
  desk: true,
  requester: true,
  mergedInto: { select: { reference: true } },
} satisfies Prisma.TicketInclude;
export type ScopedTicket = Prisma.TicketGetPayload<{ include: typeof scopedInclude }>;

/**
 * Finds a ticket by its reference (or a reference it had before a transfer) within the user's scope, or throws a
 * 404. Does not follow merges.
 */
export async function findScoped(tx: Tx | Db, user: SessionUser, reference: string): Promise<ScopedTicket> {
  const ref = parseReference(reference);
  if (!ref) throw new NotFoundError(NOT_FOUND);
  const t = await tx.ticket.findFirst({
    where: { AND: [ticketScope(user), await referenceWhere(tx, ref)] },
    include: scopedInclude,
  });
  if (!t) throw new NotFoundError(NOT_FOUND);
  return t;
}

/** Throws when the ticket was merged away: work goes on in the target. */
export function assertActive(user: SessionUser, t: ScopedTicket): void {
  if (t.mergedIntoId)
    throw new ConflictError(
      `Deze vraag is samengevoegd met ${t.mergedInto?.reference ?? "een andere vraag"}. Werk verder in die vraag.`,
    );
  // Found through ticketScope, so only a role without desk work (none today) ends up here.
  if (!canActOnTicket(user, t)) throw new NotFoundError(NOT_FOUND);
}

/** Writes ticket fields only if nobody changed the ticket since `t` was read. */
export async function updateGuarded(
  tx: Tx,
  t: { id: string; updatedAt: Date },
  data: Prisma.TicketUncheckedUpdateManyInput,
): Promise<void> {
  const r = await tx.ticket.updateMany({ where: { id: t.id, updatedAt: t.updatedAt }, data });
  if (r.count !== 1) throw new ConflictError(CHANGED);
}

const statusText = (s: string) => STATUS_LABELS[s as TicketStatus] ?? s;

/** Status change inside a transaction: SLA fields, system message (the caller sees it) and audit. Returns the data to write. */
export function statusChange(t: ScopedTicket, to: string, now: Date) {
  return slaOnStatusChange(t, to, deskSlaSettings(t.desk), now);
}

export async function recordStatusChange(
  tx: Tx,
  user: SessionUser,
  t: ScopedTicket,
  to: string,
  data: object,
  now: Date,
) {
  await tx.message.create({
    data: { ticketId: t.id, kind: "system", body: `De status is nu: ${statusText(to)}.`, createdAt: now },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "ticket.status_changed",
    entityType: "ticket",
    entityId: t.id,
    ticketId: t.id,
    before: { status: t.status },
    after: { status: to, ...pick(data, ["resolutionDueAt", "firstResponseDueAt", "slaPausedMs", "slaPausedAt"]) },
  });
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (const k of keys) if (k in o) r[k] = (o as Record<string, unknown>)[k];
  return r;
}

export function statusError(t: ScopedTicket, to: string, path: string): ValidationError {
  return new ValidationError("Deze status kan nu niet.", [
    { path, message: `Een vraag met status '${statusText(t.status)}' kan niet naar '${statusText(to)}'.` },
  ]);
}
