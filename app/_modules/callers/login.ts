// Sign-in for callers ("Mijn vragen"): a one-time link by e-mail through Auth.js's e-mail provider, over the
// portal's own outbox (so the mail is an .eml in MAIL_DIR like every other mail, or goes out over SMTP).
// - The link works once (Auth.js deletes the token row when it is used) and for CALLER_LINK_MINUTES.
// - Only the token's hash is stored (Auth.js hashes token + secret before it reaches the adapter).
// - Every address gets the same answer and the same mail: nobody learns whether an address has questions here.
// - Requests are limited per address and per client address (held in the database like every limit).
import "server-only";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { PERSONAL_NUMBER_MESSAGE, containsPersonalNumber } from "@/app/_modules/privacy/personal-number";
import { enforceLimits } from "@/app/_modules/ratelimit/public-writes";
import { enqueueMail, kickOutbox } from "@/app/_modules/mail/outbox";
import { callerLoginMail } from "@/app/_modules/mail/templates";

/** How long a sign-in link works. */
export const CALLER_LINK_MINUTES = 15;
/** Sign-in links: 3 per address and 20 per client address (a school behind one router) per 15 minutes. */
export const CALLER_LINK_LIMITS = { perEmail: 3, perIp: 20, windowMs: 15 * 60_000 };
/** The Auth.js provider id (part of the callback URL /api/auth/callback/caller-email). */
export const CALLER_PROVIDER_ID = "caller-email";
/** The page in the mail: it shows a button to the Auth.js callback, so a mail scanner that opens links uses nothing. */
export const CALLER_CONFIRM_PATH = "/mijn-vragen/inloggen/bevestigen";

export const callerEmail = z
  .string({ error: "Vul uw e-mailadres in." })
  .trim()
  .toLowerCase()
  .max(254, "Dit e-mailadres is te lang.")
  .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.")
  .refine((v) => !containsPersonalNumber(v.split("@")[0] ?? ""), PERSONAL_NUMBER_MESSAGE);

export const callerLinkSchema = z.object({ email: callerEmail, terug: z.string().max(2000).optional() });

const minutes = (n: number) => `${n} ${n === 1 ? "minuut" : "minuten"}`;

/**
 * Asks for a sign-in link: checks the limits (a 429 when over, nothing sent), then lets Auth.js make the token and
 * send the mail through `send` (the server action passes next-auth's signIn; tests pass @auth/core's Auth).
 */
export async function requestCallerLink(
  db: Db,
  input: { email: string; ip: string; returnTo: string },
  send: (email: string, redirectTo: string) => Promise<unknown>,
): Promise<{ sent: true }> {
  const w = CALLER_LINK_LIMITS.windowMs;
  await enforceLimits(
    db,
    [
      { bucket: "caller-link-email", key: input.email, limit: CALLER_LINK_LIMITS.perEmail, windowMs: w },
      { bucket: "caller-link-ip", key: input.ip, limit: CALLER_LINK_LIMITS.perIp, windowMs: w },
    ],
    (m) => `U heeft al een paar keer een inloglink gevraagd. Wacht ${minutes(m)} en probeer het dan opnieuw.`,
  );
  await send(input.email, input.returnTo);
  return { sent: true };
}

/** The link in the mail: the confirmation page with Auth.js's callback parameters, on APP_URL. */
export function confirmUrl(callbackUrl: string, appUrl: string): string {
  const search = new URL(callbackUrl).search;
  return `${appUrl.replace(/\/$/, "")}${CALLER_CONFIRM_PATH}${search}`;
}

/** Auth.js's sendVerificationRequest: the mail goes into the outbox and the outbox is kicked. */
export async function queueCallerLinkMail(db: Db, opts: { to: string; callbackUrl: string; appUrl: string }) {
  const mail = callerLoginMail({ url: confirmUrl(opts.callbackUrl, opts.appUrl), minutes: CALLER_LINK_MINUTES });
  await enqueueMail(db, { to: opts.to, ...mail });
  void kickOutbox(db);
}

/** A caller as Auth.js sees it; `role` and `sv` go into the session cookie (app/_core/auth.ts jwt callback). */
export type CallerAdapterUser = {
  id: string;
  email: string;
  emailVerified: Date | null;
  role: "caller";
  sv: number;
};

const toUser = (c: { id: string; email: string; emailVerified: Date | null; sessionVersion: number }) =>
  ({ id: c.id, email: c.email, emailVerified: c.emailVerified, role: "caller", sv: c.sessionVersion }) as const;

/**
 * The Auth.js adapter for callers: just what the e-mail provider needs. Callers live in their own table, never in
 * User (staff), so signing in by e-mail can never yield a staff session.
 */
export function callerAdapter(db: () => Db) {
  return {
    async createUser(u: { email: string; emailVerified: Date | null }): Promise<CallerAdapterUser> {
      const email = u.email.toLowerCase();
      const now = new Date();
      const c = await db().caller.upsert({
        where: { email },
        create: { email, emailVerified: u.emailVerified ?? now, lastLoginAt: now },
        update: { emailVerified: u.emailVerified ?? now, lastLoginAt: now },
      });
      return toUser(c);
    },
    async getUser(id: string): Promise<CallerAdapterUser | null> {
      const c = await db().caller.findUnique({ where: { id } });
      return c ? toUser(c) : null;
    },
    async getUserByEmail(email: string): Promise<CallerAdapterUser | null> {
      const c = await db().caller.findUnique({ where: { email: email.toLowerCase() } });
      return c ? toUser(c) : null;
    },
    async updateUser(u: { id: string; emailVerified?: Date | null }): Promise<CallerAdapterUser> {
      const c = await db().caller.update({
        where: { id: u.id },
        data: { emailVerified: u.emailVerified ?? undefined, lastLoginAt: new Date() },
      });
      return toUser(c);
    },
    async createVerificationToken(v: { identifier: string; token: string; expires: Date }) {
      const client = db();
      // Expired links are of no use to anyone: clear them while we are here.
      await client.callerLoginToken.deleteMany({ where: { expires: { lt: new Date(Date.now() - 86_400_000) } } });
      await client.callerLoginToken.create({
        data: { tokenHash: v.token, identifier: v.identifier, expires: v.expires },
      });
      return v;
    },
    /** Single use: only the request whose delete removed the row gets it (two clicks at once: one wins). */
    async useVerificationToken(v: { identifier: string; token: string }) {
      const client = db();
      const row = await client.callerLoginToken.findUnique({ where: { tokenHash: v.token } });
      if (!row) return null;
      const { count } = await client.callerLoginToken.deleteMany({ where: { tokenHash: v.token } });
      if (count !== 1) return null;
      return { identifier: row.identifier, token: row.tokenHash, expires: row.expires };
    },
  };
}

/** Logout: ends every session of the caller (each cookie carries the version it was issued at). */
export async function endCallerSessions(db: Db, opts: { callerId: string }): Promise<void> {
  await db.caller.updateMany({ where: { id: opts.callerId }, data: { sessionVersion: { increment: 1 } } });
}
