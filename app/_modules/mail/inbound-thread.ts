// Threading: the ticket a received mail belongs to, by the Message-IDs it answers or a reference in its subject.
import "server-only";
import type { Db } from "@/app/_core/db";
import { referenceWhere } from "@/app/_modules/tickets/reference";
import { referencesInText, TICKET_THREAD_PREFIX } from "./inbound-rules";
import type { Tx } from "./inbound-types";

export type FoundTicket = {
  id: string;
  reference: string;
  status: string;
  mergedIntoId: string | null;
  deskId: string;
  requesterId: string;
};
const ticketSelect = {
  id: true,
  reference: true,
  status: true,
  mergedIntoId: true,
  deskId: true,
  requesterId: true,
} as const;

/** The ticket a mail belongs to: by the Message-IDs it answers, then by a reference (current or former) in its subject. */
export async function findThreadTicket(
  db: Db | Tx,
  ids: readonly string[],
  subject: string,
): Promise<FoundTicket | null> {
  const refs: string[] = [];
  const locals: string[] = [];
  for (const id of ids) {
    const local = id.split("@")[0]!;
    if (local.startsWith(TICKET_THREAD_PREFIX)) refs.push(local.slice(TICKET_THREAD_PREFIX.length).toUpperCase());
    else locals.push(local);
  }
  let ticketId: string | null = null;
  if (locals.length) {
    const out = await db.mailOutbox.findFirst({
      where: { id: { in: locals }, ticketId: { not: null } },
      select: { ticketId: true },
      orderBy: { createdAt: "desc" },
    });
    ticketId = out?.ticketId ?? null;
    if (!ticketId) {
      const inb = await db.inboundMail.findFirst({
        where: { messageId: { in: [...ids] }, ticketId: { not: null } },
        select: { ticketId: true },
        orderBy: { createdAt: "desc" },
      });
      ticketId = inb?.ticketId ?? null;
    }
  }
  let t: FoundTicket | null = ticketId
    ? await db.ticket.findUnique({ where: { id: ticketId }, select: ticketSelect })
    : null;
  for (const ref of t ? [] : [...refs, ...referencesInText(subject)]) {
    t = await db.ticket.findFirst({ where: await referenceWhere(db, ref), select: ticketSelect });
    if (t) break;
  }
  // A merged ticket's mail goes to the ticket it was merged into.
  for (let hops = 0; t?.mergedIntoId && hops < 5; hops++)
    t = await db.ticket.findUnique({ where: { id: t.mergedIntoId }, select: ticketSelect });
  return t;
}
