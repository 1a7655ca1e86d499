// Links between related tickets.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { assertActive, findScoped, type Common, type ScopedTicket, type Tx } from "./scoped";

async function linkPair(tx: Tx, user: SessionUser, opts: Common & { otherReference: string }) {
  const t = await findScoped(tx, user, opts.reference);
  assertActive(user, t);
  let other: ScopedTicket;
  try {
    other = await findScoped(tx, user, opts.otherReference);
  } catch (e) {
    if (e instanceof NotFoundError)
      throw new ValidationError("Vraag niet gevonden.", [
        { path: "otherReference", message: "Deze vraag is niet gevonden. Controleer het vraagnummer." },
      ]);
    throw e;
  }
  if (other.id === t.id)
    throw new ValidationError("Kies een andere vraag.", [
      { path: "otherReference", message: "Een vraag kan niet aan zichzelf gekoppeld worden." },
    ]);
  if (other.mergedIntoId) {
    throw new ValidationError("Vraag is samengevoegd.", [
      {
        path: "otherReference",
        message: `Vraag ${other.reference} is samengevoegd met ${other.mergedInto?.reference}. Kies die vraag.`,
      },
    ]);
  }
  return { t, other };
}

/** Links two related tickets (both visible to the user). Linking twice changes nothing. */
export async function linkTickets(db: Db, opts: Common & { otherReference: string }) {
  const { user } = opts;
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { t, other } = await linkPair(tx, user, opts);
    const exists = await tx.ticketLink.findFirst({
      where: {
        OR: [
          { fromId: t.id, toId: other.id },
          { fromId: other.id, toId: t.id },
        ],
      },
    });
    if (exists) return { created: false };
    await tx.ticketLink.create({ data: { fromId: t.id, toId: other.id, createdAt: now } });
    for (const [a, b] of [
      [t, other],
      [other, t],
    ] as const) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "ticket.linked",
        entityType: "ticket",
        entityId: a.id,
        ticketId: a.id,
        after: { linked: b.reference },
      });
    }
    return { created: true };
  });
}

/** Removes the link between two tickets. */
export async function unlinkTickets(db: Db, opts: Common & { otherReference: string }) {
  const { user } = opts;
  return db.$transaction(async (tx) => {
    const { t, other } = await linkPair(tx, user, opts);
    const r = await tx.ticketLink.deleteMany({
      where: {
        OR: [
          { fromId: t.id, toId: other.id },
          { fromId: other.id, toId: t.id },
        ],
      },
    });
    if (r.count === 0) return { removed: false };
    for (const [a, b] of [
      [t, other],
      [other, t],
    ] as const) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "ticket.unlinked",
        entityType: "ticket",
        entityId: a.id,
        ticketId: a.id,
        before: { linked: b.reference },
      });
    }
    return { removed: true };
  });
}
