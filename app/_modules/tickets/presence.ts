// Collision warning: who else has a ticket open or is writing a reply. The page touches its row every ~20 s;
// rows older than 60 s are stale (closed tab, lost connection) and are ignored and cleaned up.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { ticketScope } from "./access";
import { parseReference, referenceWhere } from "./reference";

export const PRESENCE_STALE_MS = 60_000;
export type PresenceMode = "viewing" | "replying";

async function ticketIdFor(db: Db, user: SessionUser, reference: string): Promise<string> {
  const ref = parseReference(reference);
  const t = ref
    ? await db.ticket.findFirst({
        where: { AND: [ticketScope(user), await referenceWhere(db, ref)] },
        select: { id: true },
      })
    : null;
  if (!t) throw new NotFoundError("Deze vraag is niet gevonden.");
  return t.id;
}

/** Marks the user as viewing or replying on the ticket; returns the others present. */
export async function touchPresence(
  db: Db,
  opts: { user: SessionUser; reference: string; mode: PresenceMode; now?: Date },
) {
  if (opts.mode !== "viewing" && opts.mode !== "replying")
    throw new ValidationError("Ongeldige modus.", [{ path: "mode", message: "Kies bekijken of antwoorden." }]);
  const now = opts.now ?? new Date();
  const ticketId = await ticketIdFor(db, opts.user, opts.reference);
  await db.ticketPresence.upsert({
    where: { ticketId_userId: { ticketId, userId: opts.user.id } },
    create: { ticketId, userId: opts.user.id, mode: opts.mode, updatedAt: now },
    update: { mode: opts.mode, updatedAt: now },
  });
  await db.ticketPresence.deleteMany({
    where: { ticketId, updatedAt: { lt: new Date(now.getTime() - PRESENCE_STALE_MS) } },
  });
  return othersPresent(db, ticketId, opts.user.id, now);
}

/** The other users on the ticket in the last 60 seconds, those replying first. */
export async function listPresence(db: Db, opts: { user: SessionUser; reference: string; now?: Date }) {
  const ticketId = await ticketIdFor(db, opts.user, opts.reference);
  return othersPresent(db, ticketId, opts.user.id, opts.now ?? new Date());
}

/** Removes the user's row when they leave the ticket. */
export async function leavePresence(db: Db, opts: { user: SessionUser; reference: string }) {
  const ticketId = await ticketIdFor(db, opts.user, opts.reference);
  await db.ticketPresence.deleteMany({ where: { ticketId, userId: opts.user.id } });
}

async function othersPresent(db: Db, ticketId: string, userId: string, now: Date) {
  const rows = await db.ticketPresence.findMany({
    where: { ticketId, userId: { not: userId }, updatedAt: { gte: new Date(now.getTime() - PRESENCE_STALE_MS) } },
    include: { user: { select: { id: true, name: true } } },
    orderBy: { updatedAt: "desc" },
  });
  return rows
    .map((r) => ({ userId: r.user.id, name: r.user.name, mode: r.mode as PresenceMode, at: r.updatedAt }))
    .sort((a, b) => (a.mode === b.mode ? 0 : a.mode === "replying" ? -1 : 1));
}
