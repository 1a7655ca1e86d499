// Ticket access rules live in the Prisma `where`: a ticket an agent may not see is simply not found (404).
import "server-only";
import type { Prisma } from "@/app/_core/db";
import { visibleDesks, type SessionUser } from "@/app/_core/session";

/** The where-clause limiting tickets to the desks this user may see (none for editors and anonymous). */
export function ticketScope(user: SessionUser | null): Prisma.TicketWhereInput {
  return { deskId: { in: visibleDesks(user) } };
}
