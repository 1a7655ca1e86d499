// SLA bookkeeping on status changes and transfers. Pure: takes the stored ticket fields and the desk's settings and
// returns the fields to write. Due times are counted from creation in business time; the business time spent
// waiting for the caller (slaPausedMs) pushes both out.
//
// Design choice: while a ticket waits for the caller its due times stay stored (frozen) and slaPausedAt marks the
// pause; every path that ends the pause (a status change, a caller's reply) recomputes them with endPause and
// dueTimesFor. Nulling them instead would lose them wherever a path forgot to recompute. Queues never show waiting
// tickets as at risk, so a frozen due time does no harm. firstResponseDueAt also stays after the first reply, so reports can
// tell whether it was met (firstRespondedAt <= firstResponseDueAt).
import "server-only";
import { deskHoursColumn } from "@/app/_modules/desks/columns";
import {
  addBusinessTime,
  businessDayMs,
  businessMsBetween,
  computeSlaDueTimes,
  slaStatus,
  type BusinessHours,
} from "@/app/_modules/sla/business-time";

export type DeskSlaSettings = {
  hours: BusinessHours;
  firstResponseBusinessDays: number;
  resolutionBusinessDays: number;
};
export type SlaTicket = {
  status: string;
  createdAt: Date;
  slaPausedMs: number;
  slaPausedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
};
export type SlaFields = Partial<
  Pick<
    SlaTicket,
    "status" | "slaPausedMs" | "slaPausedAt" | "firstResponseDueAt" | "resolutionDueAt" | "resolvedAt" | "closedAt"
  >
> & { followUpExpiresAt?: Date | null };

const INT_MAX = 2_147_483_647; // slaPausedMs is a 32-bit Int column
/** Days the caller's link keeps working after closing (the same as closing by the caller). */
export const FOLLOW_UP_DAYS_AFTER_CLOSE = 30;

/** The SLA settings stored on a desk row (hours as JSON). */
export function deskSlaSettings(desk: {
  hours: string;
  firstResponseBusinessDays: number;
  resolutionBusinessDays: number;
}): DeskSlaSettings {
  return {
    hours: deskHoursColumn.decode(desk.hours),
    firstResponseBusinessDays: desk.firstResponseBusinessDays,
    resolutionBusinessDays: desk.resolutionBusinessDays,
  };
}

/** Due times of a ticket under a desk's settings, with the pause time counted so far (an open pause excluded). */
export function dueTimesFor(ticket: Pick<SlaTicket, "createdAt" | "slaPausedMs">, s: DeskSlaSettings) {
  return computeSlaDueTimes({
    createdAt: ticket.createdAt,
    pausedMs: ticket.slaPausedMs,
    hours: s.hours,
    firstResponseBusinessDays: s.firstResponseBusinessDays,
    resolutionBusinessDays: s.resolutionBusinessDays,
  });
}

/** Ends a running pause: its business time is added to slaPausedMs. Returns the new pause fields (unchanged when not paused). */
export function endPause(ticket: Pick<SlaTicket, "slaPausedMs" | "slaPausedAt">, hours: BusinessHours, now: Date) {
  if (!ticket.slaPausedAt) return { slaPausedMs: ticket.slaPausedMs, slaPausedAt: null };
  const add = businessMsBetween(ticket.slaPausedAt, now, hours);
  return { slaPausedMs: Math.min(INT_MAX, ticket.slaPausedMs + add), slaPausedAt: null };
}

/** The fields to write when an agent moves a ticket to `to`. */
export function slaOnStatusChange(ticket: SlaTicket, to: string, s: DeskSlaSettings, now: Date): SlaFields {
  const out: SlaFields = { status: to };
  if (to === "waiting") {
    // Start the pause; due times stay frozen until it ends.
    if (!ticket.slaPausedAt) out.slaPausedAt = now;
  } else {
    const pause = endPause(ticket, s.hours, now);
    Object.assign(out, pause, dueTimesFor({ createdAt: ticket.createdAt, slaPausedMs: pause.slaPausedMs }, s));
  }
  if (to === "resolved") out.resolvedAt = now;
  if (to === "open" || to === "waiting") out.resolvedAt = null;
  if (to === "closed") {
    out.closedAt = now;
    out.resolvedAt = ticket.resolvedAt ?? now;
    out.followUpExpiresAt = new Date(now.getTime() + FOLLOW_UP_DAYS_AFTER_CLOSE * 86_400_000);
  } else if (ticket.closedAt) {
    out.closedAt = null;
    out.followUpExpiresAt = null;
  }
  return out;
}

/** Due times under the new desk's settings after a transfer; a running pause keeps running. */
export function slaOnTransfer(ticket: SlaTicket, to: DeskSlaSettings): SlaFields {
  return dueTimesFor(ticket, to);
}

/** The instant before which a due time counts as "at risk": a quarter business day from now (as slaStatus). */
export function riskThreshold(now: Date, hours: BusinessHours): Date {
  return addBusinessTime(now, businessDayMs(hours) / 4, hours);
}

/** met / late: answered in time or after the due time; none: nothing to measure (no due time, or done without it). */
export type SlaState = "met" | "late" | "ok" | "at-risk" | "breached" | "paused" | "none";

/** SLA badges for a ticket: first response and resolution. */
export function slaSummary(
  ticket: SlaTicket,
  hours: BusinessHours,
  now: Date,
): { firstResponse: SlaState; resolution: SlaState } {
  const done = ticket.status === "resolved" || ticket.status === "closed";
  const state = (due: Date | null, metAt: Date | null): SlaState => {
    if (metAt) return due && metAt > due ? "late" : "met";
    if (done) return "none";
    if (ticket.slaPausedAt) return "paused";
    return due ? slaStatus(due, now, hours) : "none";
  };
  return {
    firstResponse: state(ticket.firstResponseDueAt, ticket.firstRespondedAt),
    resolution: state(ticket.resolutionDueAt, ticket.resolvedAt),
  };
}
