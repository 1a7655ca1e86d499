// Small named policies for the agent workspace (outline's server/policies habit). Pure: they decide on plain
// values, the service looks the ticket up through ticketScope first (so a ticket of another desk is already a 404)
// and then asks these what the user may do with it.
import "server-only";
import { visibleDesks, type DeskId, type SessionUser } from "@/app/_core/session";
import type { TicketStatus } from "./schema";

/** The few ticket fields the policies look at. */
export type PolicyTicket = { deskId: string; status: string; mergedIntoId?: string | null };
/** A possible assignee as stored: role, active flag and desk memberships. */
export type PolicyAssignee = { id: string; role: string; active: boolean; desks: readonly string[] };

const isStaffAgent = (user: SessionUser | null | undefined): user is SessionUser =>
  !!user && (user.role === "agent" || user.role === "admin");

/** Whether the user works the desk's queue (agents of that desk, admins for both). */
export function canViewDesk(user: SessionUser | null | undefined, deskId: string): boolean {
  return isStaffAgent(user) && visibleDesks(user).includes(deskId as DeskId);
}

/** Whether the user may see this ticket (the same rule as ticketScope, for values already loaded). */
export function canViewTicket(user: SessionUser | null | undefined, ticket: PolicyTicket): boolean {
  return canViewDesk(user, ticket.deskId);
}

/** A merged ticket is a pointer to its target: nothing can be done on it any more. */
export const isMerged = (ticket: PolicyTicket) => !!ticket.mergedIntoId;

/** Whether the user may change the ticket at all (visible, not merged away). */
export function canActOnTicket(user: SessionUser | null | undefined, ticket: PolicyTicket): boolean {
  return canViewTicket(user, ticket) && !isMerged(ticket);
}

/** Public reply to the caller: not on closed tickets (the caller can no longer answer there). */
export function canReply(user: SessionUser | null | undefined, ticket: PolicyTicket): boolean {
  return canActOnTicket(user, ticket) && ticket.status !== "closed";
}

/** Internal note: allowed on every ticket the user can act on, closed ones included. */
export function canAddNote(user: SessionUser | null | undefined, ticket: PolicyTicket): boolean {
  return canActOnTicket(user, ticket);
}

// Which status an agent may set from which. `new` is never set by hand; `closed` is final for agents
// (the caller's link expires 30 days later), only an admin reopens it.
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["open", "waiting", "resolved", "closed"],
  open: ["waiting", "resolved", "closed"],
  waiting: ["open", "resolved", "closed"],
  resolved: ["open", "closed"],
  closed: [],
};

/** Whether the user may move the ticket from its status to `to`. */
export function canChangeStatus(user: SessionUser | null | undefined, ticket: PolicyTicket, to: string): boolean {
  if (!canActOnTicket(user, ticket)) return false;
  const from = ticket.status as TicketStatus;
  if (from === "closed" && to === "open") return user?.role === "admin";
  return (TRANSITIONS[from] ?? []).includes(to as TicketStatus);
}

/** Whether `assignee` may be given this ticket by `user`: oneself or a colleague of the ticket's desk; admins always qualify. */
export function canAssignTo(
  user: SessionUser | null | undefined,
  assignee: PolicyAssignee | null,
  ticket: PolicyTicket,
): boolean {
  if (!canActOnTicket(user, ticket) || ticket.status === "closed") return false;
  if (assignee === null) return true; // unassigning
  if (!assignee.active) return false;
  if (assignee.role === "admin") return true;
  return assignee.role === "agent" && assignee.desks.includes(ticket.deskId);
}

/** Topic, tags and links: everyone who can act on the ticket. */
export function canEditTicketDetails(user: SessionUser | null | undefined, ticket: PolicyTicket): boolean {
  return canActOnTicket(user, ticket);
}

/** Transfer to another desk: an open ticket, to a real other desk (the agent need not be a member of it). */
export function canTransfer(user: SessionUser | null | undefined, ticket: PolicyTicket, toDesk: string): boolean {
  return (
    canActOnTicket(user, ticket) &&
    ticket.status !== "closed" &&
    toDesk !== ticket.deskId &&
    (["po", "vo-mbo"] as string[]).includes(toDesk)
  );
}

/**
 * Merge `source` into `target`: both visible and not merged, the target not closed, and the same caller (e-mail):
 * the source's follow-up link then shows the target's conversation, which must not reach another caller.
 */
export function canMerge(
  user: SessionUser | null | undefined,
  source: PolicyTicket & { id: string; requesterEmail: string },
  target: PolicyTicket & { id: string; requesterEmail: string },
): boolean {
  return (
    canActOnTicket(user, source) &&
    canActOnTicket(user, target) &&
    source.id !== target.id &&
    target.status !== "closed" &&
    source.requesterEmail.trim().toLowerCase() === target.requesterEmail.trim().toLowerCase()
  );
}

/** New tags keep the tag list tidy: admins only. Agents pick existing tags. */
export function canCreateTag(user: SessionUser | null | undefined): boolean {
  return user?.role === "admin";
}

/** Macros (canned answers) are managed by admins; agents use them. */
export function canManageMacros(user: SessionUser | null | undefined): boolean {
  return user?.role === "admin";
}

/** Agents and admins use macros of their desks. */
export function canUseMacros(user: SessionUser | null | undefined): boolean {
  return isStaffAgent(user);
}

/** The full audit log across tickets and content: admins only. Per ticket it follows ticket visibility. */
export function canReadAuditLog(user: SessionUser | null | undefined): boolean {
  return user?.role === "admin";
}
