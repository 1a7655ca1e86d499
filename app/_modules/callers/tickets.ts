// "Mijn vragen": the tickets a signed-in caller may see, read, answer and close. Access lives in the Prisma
// `where` (callerScope): a ticket outside it is simply not found (404), the same answer as a reference that does
// not exist. A caller sees the tickets asked with their verified e-mail address (also after a merge), and, when
// their organisation shares its tickets, their colleagues' tickets too; every view of a colleague's ticket is audited.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { CALLER_ROLE, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import type { FileStorage } from "@/app/_modules/storage/storage";
import { parseReference, referenceWhere } from "@/app/_modules/tickets/reference";
import type { UploadedFile } from "@/app/_modules/tickets/attachment-files";
import { addCallerReplyToTicket, closeTicketByCaller } from "@/app/_modules/tickets/caller-service";
import { sharedOrganisationIds } from "./sharing";

/** A signed-in caller (role caller): id is the Caller row, email the verified address. */
export type CallerUser = SessionUser & { role: typeof CALLER_ROLE };

function assertCaller(user: SessionUser): asserts user is CallerUser {
  // Services are called through action()/route() with roles ["caller"]; this is the second lock on the door.
  if (user.role !== CALLER_ROLE) throw new NotFoundError();
}

const own = (email: string): Prisma.TicketWhereInput => ({
  OR: [{ requester: { email } }, { mergedFrom: { some: { requester: { email } } } }],
});

/** The tickets this caller may see: their own, and those of their organisation when it shares (sharing.ts). */
export async function callerScope(db: Db, user: SessionUser): Promise<Prisma.TicketWhereInput> {
  assertCaller(user);
  const orgs = await sharedOrganisationIds(db, user);
  return orgs.length ? { OR: [own(user.email), { organisationId: { in: orgs } }] } : own(user.email);
}

/** The caller's tickets with status and desk, newest first (merged tickets appear as the ticket they joined). */
export async function listCallerTickets(db: Db, opts: { user: SessionUser; limit?: number }) {
  const scope = await callerScope(db, opts.user);
  const rows = await db.ticket.findMany({
    where: { AND: [scope, { mergedIntoId: null }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit ?? 200,
    select: {
      id: true,
      reference: true,
      subject: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      desk: { select: { name: true } },
      requester: { select: { email: true, name: true } },
      mergedFrom: { select: { requester: { select: { email: true } } } },
    },
  });
  return rows.map(({ requester, mergedFrom, ...t }) => ({
    ...t,
    mine: requester.email === opts.user.email || mergedFrom.some((m) => m.requester.email === opts.user.email),
    askedBy: requester.name,
  }));
}

/** Finds a ticket by reference inside the caller's scope; a merged ticket leads to the ticket it joined. */
async function findForCaller(db: Db, user: SessionUser, reference: string) {
  const ref = parseReference(reference);
  if (!ref) throw new NotFoundError();
  const scope = await callerScope(db, user);
  const t = await db.ticket.findFirst({
    where: { AND: [scope, await referenceWhere(db, ref)] },
    select: { id: true, mergedIntoId: true },
  });
  if (!t) throw new NotFoundError();
  const ticketId = t.mergedIntoId ?? t.id;
  const owner = await db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      requester: { select: { email: true } },
      mergedFrom: { select: { requester: { select: { email: true } } } },
    },
  });
  const mine = owner.requester.email === user.email || owner.mergedFrom.some((m) => m.requester.email === user.email);
  return { ticketId, foundId: t.id, mine };
}

const colleagueAudit = (db: Db, user: SessionUser, ticketId: string, action: string, extra: object = {}) =>
  recordAudit(db, {
    actorId: null,
    action,
    entityType: "ticket",
    entityId: ticketId,
    ticketId,
    after: { callerId: user.id, email: user.email, ...extra },
  });

/** One ticket for the caller: status, desk, public conversation (never internal notes). Colleagues' views audited. */
export async function getCallerTicket(db: Db, opts: { user: SessionUser; reference: string }) {
  const { ticketId, foundId, mine } = await findForCaller(db, opts.user, opts.reference);
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: {
      desk: true,
      formerReferences: { select: { reference: true }, orderBy: { createdAt: "asc" } },
      requester: { select: { name: true, email: true } },
      messages: {
        where: { kind: { in: ["caller", "reply", "system"] } },
        orderBy: { createdAt: "asc" },
        include: { attachments: { select: { id: true, fileName: true, size: true } } },
      },
    },
  });
  if (!mine) await colleagueAudit(db, opts.user, ticketId, "ticket.viewed_by_colleague");
  return { ticket, mine, mergedFrom: foundId !== ticketId ? foundId : null };
}

/** The caller (or a colleague, when shared) replies, with up to 3 files through the intake checks. */
export async function replyAsSignedInCaller(
  db: Db,
  opts: {
    user: SessionUser;
    reference: string;
    message: string;
    attachments?: UploadedFile[];
    storage?: FileStorage;
    now?: Date;
  },
) {
  const { ticketId, mine } = await findForCaller(db, opts.user, opts.reference);
  return addCallerReplyToTicket(
    db,
    ticketId,
    opts.message,
    opts.now ?? new Date(),
    { attachments: opts.attachments, storage: opts.storage },
    { email: opts.user.email, colleague: !mine },
  );
}

/** The caller closes the question (a colleague of a shared organisation may too: the question is the school's). */
export async function closeAsSignedInCaller(db: Db, opts: { user: SessionUser; reference: string; now?: Date }) {
  const { ticketId } = await findForCaller(db, opts.user, opts.reference);
  await closeTicketByCaller(db, ticketId, opts.now ?? new Date(), opts.user.email);
}

/** An attachment of the public conversation of a ticket the caller may see (colleagues' downloads audited). */
export async function attachmentForSignedInCaller(
  db: Db,
  opts: { user: SessionUser; reference: string; id: string },
): Promise<{ fileName: string; mimeType: string; storageKey: string }> {
  const { ticketId, foundId, mine } = await findForCaller(db, opts.user, opts.reference);
  if (typeof opts.id !== "string") throw new NotFoundError();
  const a = await db.attachment.findFirst({
    where: { id: opts.id, ticketId: { in: [ticketId, foundId] }, message: { kind: { in: ["caller", "reply"] } } },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!a) throw new NotFoundError();
  if (!mine) await colleagueAudit(db, opts.user, ticketId, "ticket.attachment_viewed_by_colleague", { file: opts.id });
  return a;
}

/** The ticket's id for the reply limit's key (within the caller's scope, else 404). */
export async function callerTicketKey(db: Db, opts: { user: SessionUser; reference: string }): Promise<string> {
  return (await findForCaller(db, opts.user, opts.reference)).ticketId;
}
