// Reading a ticket as the agent sees it, with what the agent may do on it.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { type DeskId, type SessionUser } from "@/app/_core/session";
import { ticketScope } from "../access";
import { deskSlaSettings, slaSummary } from "../desk-sla";
import { canAddNote, canChangeStatus, canCreateTag, canEditTicketDetails, canReply, canTransfer } from "../policy";
import { parseReference, referenceWhere } from "../reference";
import { TICKET_STATUSES } from "../schema";
import { NOT_FOUND } from "./scoped";

const linkSelect = {
  id: true,
  reference: true,
  subject: true,
  status: true,
  deskId: true,
} satisfies Prisma.TicketSelect;

/** What the user may do on the ticket, for the UI (the services check again). */
export function ticketPermissions(
  user: SessionUser,
  t: { deskId: string; status: string; mergedIntoId: string | null },
) {
  return {
    reply: canReply(user, t),
    note: canAddNote(user, t),
    statuses: TICKET_STATUSES.filter((s) => canChangeStatus(user, t, s)),
    edit: canEditTicketDetails(user, t),
    transferTo: (["po", "vo-mbo"] as DeskId[]).filter((d) => canTransfer(user, t, d)),
    createTags: canCreateTag(user),
  };
}

/**
 * The ticket as the agent sees it: conversation (caller messages, replies, notes, system events), attachments,
 * tags, links (to visible tickets only), requester and the requester's other tickets (same e-mail, visible desks).
 * A merged ticket returns only `{ redirectTo }` with the target's reference; a reference the ticket had before a
 * transfer returns `{ redirectTo, formerReference }` with its current one.
 */
export async function getTicketForAgent(db: Db, opts: { user: SessionUser; reference: string; now?: Date }) {
  const { user } = opts;
  const ref = parseReference(opts.reference);
  if (!ref) throw new NotFoundError(NOT_FOUND);
  const scope = ticketScope(user);
  const t = await db.ticket.findFirst({
    where: { AND: [scope, await referenceWhere(db, ref)] },
    include: {
      desk: true,
      requester: true,
      formerReferences: { select: { reference: true }, orderBy: { createdAt: "asc" } },
      assignee: { select: { id: true, name: true } },
      mergedInto: { select: { reference: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          author: { select: { id: true, name: true } },
          attachments: { select: { id: true, fileName: true, mimeType: true, size: true } },
        },
      },
      attachments: {
        select: { id: true, messageId: true, fileName: true, mimeType: true, size: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      tags: { select: { tag: { select: { id: true, name: true } } } },
      linksFrom: { where: { to: scope }, select: { createdAt: true, to: { select: linkSelect } } },
      linksTo: { where: { from: scope }, select: { createdAt: true, from: { select: linkSelect } } },
    },
  });
  if (!t) throw new NotFoundError(NOT_FOUND);
  if (t.mergedIntoId) return { redirectTo: t.mergedInto!.reference } as const;
  if (t.reference !== ref) return { redirectTo: t.reference, formerReference: ref } as const;

  const [requesterTickets, mergedFrom] = await Promise.all([
    db.ticket.findMany({
      where: {
        AND: [scope, { requester: { email: t.requester.email } }, { id: { not: t.id } }, { mergedIntoId: null }],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { ...linkSelect, createdAt: true },
    }),
    // A plain equality (not the relation include's `IN (…)`), so SQLite uses the mergedIntoId index.
    db.ticket.findMany({ where: { mergedIntoId: t.id }, select: { reference: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const { linksFrom, linksTo, tags, desk, formerReferences, ...rest } = t;
  const links = [
    ...linksFrom.map((l) => ({ ...l.to, linkedAt: l.createdAt })),
    ...linksTo.map((l) => ({ ...l.from, linkedAt: l.createdAt })),
  ].sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime());
  const hours = deskSlaSettings(desk).hours;
  return {
    redirectTo: null,
    ticket: {
      ...rest,
      mergedFrom,
      formerReferences: formerReferences.map((f) => f.reference),
      desk: { id: desk.id, name: desk.name, shortName: desk.shortName, phone: desk.phone },
      tags: tags.map((x) => x.tag.name).sort(),
      links,
    },
    requesterTickets,
    sla: slaSummary(t, hours, opts.now ?? new Date()),
    permissions: ticketPermissions(user, t),
  } as const;
}
