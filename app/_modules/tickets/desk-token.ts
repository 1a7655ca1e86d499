// The caller's follow-up link in mails sent by agents.
//
// The ticket stores only sha256(token), so a later mail cannot repeat the token it was created with. Options:
//  1. a new random token per mail, replacing the hash: every earlier link (the confirmation mail) stops working;
//  2. an extra token table: a schema change for what a derived token gives without one;
//  3. a token the server can derive again: token = base64url(HMAC-SHA256(secret, "ticket-follow-up:v1:" + reference)).
// We use 3. The stored hash stays the only thing in the database (a database leak still reveals no link), the
// link is the same in every mail, and findTicketByToken works unchanged. The price: whoever holds AUTH_SECRET can
// derive links — but that secret already signs every staff session, so it guards more than this.
// Tickets whose stored hash does not match the derived token (created with a random token before this scheme, or
// before AUTH_SECRET was rotated) get the derived token once, on their first agent mail (audited); from then on the
// link is stable. Every path that creates a ticket (create-ticket.ts, the contact screen, inbound mail) derives its
// token the same way, so tickets created since never need that switch. This file imports only follow-up-link.ts
// from the tickets module, so no import loop runs through it.
import "server-only";
import { createHmac } from "node:crypto";
import type { Db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { recordAudit } from "@/app/_modules/audit/service";
import { followUpUrl, hashToken } from "./follow-up-link";

type Tx = Pick<Db, "ticket" | "auditEvent" | "ticketFormerReference">;

// Development and tests run without AUTH_SECRET (env.ts requires it in production).
const DEV_SECRET = "development-only-follow-up-secret-not-for-production";

/** The secret follow-up tokens are derived from. */
export function followUpSecret(): string {
  return env().AUTH_SECRET ?? DEV_SECRET;
}

/** The follow-up token of a ticket reference (43 base64url characters). */
export function deriveFollowUpToken(reference: string, secret: string = followUpSecret()): string {
  return createHmac("sha256", secret).update(`ticket-follow-up:v1:${reference}`).digest("base64url");
}

/**
 * The follow-up token and URL to put in a mail about this ticket. The link is derived from the ticket's first
 * reference: a ticket transferred to another desk gets a new reference, but the caller keeps the link of their
 * confirmation mail. Switches the stored hash to the derived token when it matches none of the ticket's references
 * (inside the caller's transaction, audited).
 */
export async function followUpLinkForMail(
  tx: Tx,
  ticket: { id: string; reference: string; followUpTokenHash: string },
  actorId: string | null,
): Promise<{ token: string; url: string; renewed: boolean }> {
  let token = deriveFollowUpToken(ticket.reference);
  if (hashToken(token) !== ticket.followUpTokenHash) {
    const former = await tx.ticketFormerReference.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
      select: { reference: true },
    });
    const tokens = former.map((f) => deriveFollowUpToken(f.reference));
    token = tokens.find((x) => hashToken(x) === ticket.followUpTokenHash) ?? tokens[0] ?? token;
  }
  const hash = hashToken(token);
  const renewed = hash !== ticket.followUpTokenHash;
  if (renewed) {
    await tx.ticket.update({ where: { id: ticket.id }, data: { followUpTokenHash: hash } });
    await recordAudit(tx, {
      actorId,
      action: "ticket.follow_up_link_renewed",
      entityType: "ticket",
      entityId: ticket.id,
      ticketId: ticket.id,
    });
  }
  return { token, url: followUpUrl(token), renewed };
}
