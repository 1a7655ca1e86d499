// Auth.js (next-auth v5): credentials login, JWT sessions carrying role and desks.
// The session is re-read against the database once per request (getSessionUser), so a deactivated
// account or a changed role takes effect at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import { db } from "./db";
import { env } from "./env";
import { DUMMY_HASH, verifyPassword } from "./password";
import { SESSION_COOKIE_RE } from "./session-cookie";
import type { DeskId, Role, SessionUser } from "./session";
import { checkRateLimit, hitRateLimit, resetRateLimit } from "@/app/_modules/ratelimit/service";

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

// Failed logins: 5 per account and 20 per IP address in 15 minutes.
export const LOGIN_LIMITS = { account: 5, ip: 20, windowMs: 15 * 60_000 };

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

/** The client IP as the proxy in front of us reports it. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

/** Verifies credentials with per-account and per-IP limits on failures. Returns the user or null. */
export async function verifyCredentials(input: unknown, ip: string): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const client = db();
  const limitsOn = env().RATE_LIMITS;
  const acct = { bucket: "login-account", key: email, limit: LOGIN_LIMITS.account, windowMs: LOGIN_LIMITS.windowMs };
  const byIp = { bucket: "login-ip", key: ip, limit: LOGIN_LIMITS.ip, windowMs: LOGIN_LIMITS.windowMs };
  if (limitsOn) {
    const [a, b] = await Promise.all([checkRateLimit(client, { ...acct, limit: acct.limit - 1 }), checkRateLimit(client, { ...byIp, limit: byIp.limit - 1 })]);
    if (!a.allowed || !b.allowed) throw new RateLimitedSignin();
  }
  const user = await client.user.findUnique({ where: { email }, include: { desks: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    if (limitsOn) await Promise.all([hitRateLimit(client, acct), hitRateLimit(client, byIp)]);
    return null;
  }
  await resetRateLimit(client, "login-account", email);
  return toSessionUser(user);
}

function toSessionUser(u: { id: string; email: string; name: string; role: string; desks: { deskId: string }[] }): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role, desks: u.desks.map((d) => d.deskId as DeskId).sort() };
}

// Development and tests run without a configured secret; production refuses to start without one (env.ts).
const DEV_SECRET = "development-only-secret-not-for-production-use-0123456789";

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env().AUTH_SECRET ?? DEV_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/inloggen", error: "/inloggen" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mailadres", type: "email" }, password: { label: "Wachtwoord", type: "password" } },
      async authorize(credentials, request) {
        const user = await verifyCredentials(credentials, clientIp(request.headers));
        return user ? ({ id: user.id, email: user.email, name: user.name, role: user.role, desks: user.desks } as never) : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        const u = user as unknown as SessionUser;
        token.uid = u.id;
        token.role = u.role;
        token.desks = u.desks;
      }
      return token;
    },
    session({ session, token }) {
      (session as unknown as { uid?: string }).uid = token.uid as string | undefined;
      return session;
    },
  },
});

/** The logged-in user for this request, checked against the database (cached per request). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Most visitors are anonymous: without a session cookie there is nothing for Auth.js to decode.
  const jar = await cookies();
  if (!jar.getAll().some((c) => SESSION_COOKIE_RE.test(c.name))) return null;
  const session = await auth();
  const uid = (session as unknown as { uid?: string } | null)?.uid;
  if (!uid) return null;
  const user = await db().user.findUnique({ where: { id: uid }, include: { desks: true } });
  return user && user.active ? toSessionUser(user) : null;
});
