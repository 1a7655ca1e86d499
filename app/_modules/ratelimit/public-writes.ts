// Limits on what anyone can write without logging in, held in the database like the intake limit (so they hold
// across app instances). A visitor who goes over gets a clear Dutch message (429) and nothing is stored.
import "server-only";
import type { Db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { RateLimitError } from "@/app/_core/errors";
import { hitRateLimit, type Limit } from "./service";

const MINUTE = 60_000;

/** Follow-up replies: a caller writes a few; 40 in seconds is a script. Per question and per address. */
export const CALLER_REPLY_LIMITS = { perTicket: 10, perAddress: 30, windowMs: 60 * MINUTE };
/** Wizard funnel events: a run sends a handful (started, suggestions shown, articles opened, the end). */
export const DEFLECTION_LIMIT = { perAddress: 60, windowMs: 10 * MINUTE };
/** Searches logged for the content-gap report: a person searches a few times a minute at most. */
export const SEARCH_LOG_LIMIT = { perAddress: 30, windowMs: 10 * MINUTE };

/** Records one write against each limit; throws a 429 with `message(minutes)` when any is exceeded. */
export async function enforceLimits(db: Db, limits: Limit[], message: (minutes: number) => string): Promise<void> {
  if (!env().RATE_LIMITS) return;
  const results = await Promise.all(limits.map((l) => hitRateLimit(db, l)));
  const blocked = results.filter((r) => !r.allowed);
  if (!blocked.length) return;
  const retryMs = Math.max(...blocked.map((r) => r.retryAfterMs));
  throw new RateLimitError(message(Math.max(1, Math.ceil(retryMs / MINUTE))), retryMs / 1000);
}

const minutes = (n: number) => `${n} ${n === 1 ? "minuut" : "minuten"}`;

/** Before a caller's reply is stored. `ticketKey` identifies the question (e.g. the follow-up token's hash). */
export function limitCallerReply(db: Db, opts: { ticketKey: string; ip: string }): Promise<void> {
  const w = CALLER_REPLY_LIMITS.windowMs;
  return enforceLimits(
    db,
    [
      { bucket: "caller-reply-ticket", key: opts.ticketKey, limit: CALLER_REPLY_LIMITS.perTicket, windowMs: w },
      { bucket: "caller-reply-ip", key: opts.ip, limit: CALLER_REPLY_LIMITS.perAddress, windowMs: w },
    ],
    (m) =>
      `U heeft in korte tijd veel reacties gestuurd. Wacht ${minutes(m)} en probeer het dan opnieuw. Is het dringend? Bel de helpdesk.`,
  );
}

/** Before a wizard funnel event is recorded. */
export function limitDeflection(db: Db, opts: { ip: string }): Promise<void> {
  return enforceLimits(
    db,
    [{ bucket: "deflection", key: opts.ip, limit: DEFLECTION_LIMIT.perAddress, windowMs: DEFLECTION_LIMIT.windowMs }],
    (m) => `Te veel verzoeken. Wacht ${minutes(m)} en probeer het dan opnieuw.`,
  );
}
