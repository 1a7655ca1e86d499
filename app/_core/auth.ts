// Auth.js (next-auth v5): credentials login for staff, a one-time link by e-mail for callers ("Mijn vragen"),
// JWT sessions carrying role and desks. The session is re-read against the database once per request
// (getSessionUser), so a deactivated account or a changed role takes effect at once.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import { authSecret } from "./auth-secret";
import { db } from "./db";
import { env } from "./env";
import { DUMMY_HASH, verifyPassword } from "./password";
import { clientIp } from "./request-ip";
import { safeReturnPath } from "./safe-redirect";
import { SESSION_COOKIE_RE } from "./session-cookie";
import { CALLER_ROLE, type DeskId, type Role, type SessionUser } from "./session";
import { checkRateLimit, hitRateLimit, resetRateLimit } from "@/app/_modules/ratelimit/service";
import {
  CALLER_LINK_MINUTES,
  CALLER_PROVIDER_ID,
  callerAdapter,
  queueCallerLinkMail,
} from "@/app/_modules/callers/login";

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

// Wrong-password limits, in 15 minutes. None of them can lock a real user out from where they always log in:
// - `pair`: 5 failures for one account from one address block that address for that account only;
// - `ip`: 20 failures from one address block that address for every account;
// - `account`: 50 failures on one account from anywhere (a spread-out guessing attack) block that account, but
//   only for addresses that have not logged in to it successfully in the last 30 days (`KNOWN_GOOD_MS`).
// The right password from a known-good address therefore always works, and a stranger guessing on someone's
// account only shuts out themselves (and, at worst, new addresses for that account until the attack stops).
export const LOGIN_LIMITS = { pair: 5, ip: 20, account: 50, windowMs: 15 * 60_000 };
export const KNOWN_GOOD_MS = 30 * 86_400_000;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export { clientIp } from "./request-ip";

/** Verifies credentials under the limits above. Returns the user (with its session version) or null. */
export async function verifyCredentials(
  input: unknown,
  ip: string,
): Promise<(SessionUser & { sessionVersion: number }) | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const client = db();
  const limitsOn = env().RATE_LIMITS;
  const pair = {
    bucket: "login-pair",
    key: `${email} ${ip}`,
    limit: LOGIN_LIMITS.pair,
    windowMs: LOGIN_LIMITS.windowMs,
  };
  const byIp = { bucket: "login-ip", key: ip, limit: LOGIN_LIMITS.ip, windowMs: LOGIN_LIMITS.windowMs };
  const acct = { bucket: "login-account", key: email, limit: LOGIN_LIMITS.account, windowMs: LOGIN_LIMITS.windowMs };
  const knownKey = { bucket: "login-ok", key: `${email} ${ip}` };
  if (limitsOn) {
    const [a, b, c] = await Promise.all([
      checkRateLimit(client, { ...pair, limit: pair.limit - 1 }),
      checkRateLimit(client, { ...byIp, limit: byIp.limit - 1 }),
      checkRateLimit(client, { ...acct, limit: acct.limit - 1 }),
    ]);
    if (!a.allowed || !b.allowed) throw new RateLimitedSignin();
    if (!c.allowed) {
      const known = await client.rateLimitHit.count({
        where: { ...knownKey, createdAt: { gt: new Date(Date.now() - KNOWN_GOOD_MS) } },
      });
      if (!known) throw new RateLimitedSignin();
    }
  }
  const user = await client.user.findUnique({ where: { email }, include: { desks: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    if (limitsOn)
      await Promise.all([hitRateLimit(client, pair), hitRateLimit(client, byIp), hitRateLimit(client, acct)]);
    return null;
  }
  if (limitsOn) {
    await resetRateLimit(client, pair.bucket, pair.key);
    await resetRateLimit(client, knownKey.bucket, knownKey.key);
    await client.rateLimitHit.create({ data: knownKey });
  }
  return { ...toSessionUser(user), sessionVersion: user.sessionVersion };
}

function toSessionUser(u: {
  id: string;
  email: string;
  name: string;
  role: string;
  desks: { deskId: string }[];
}): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    desks: u.desks.map((d) => d.deskId as DeskId).sort(),
  };
}

/** The Auth.js configuration (exported for integration tests, which drive @auth/core's Auth with it). */
export const authConfig: NextAuthConfig = {
  trustHost: true,
  basePath: "/api/auth",
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // Behind TLS the cookies carry `Secure` (and the __Secure- prefix) whatever the proxy in front reports.
  useSecureCookies: env().APP_URL.startsWith("https:"),
  pages: { signIn: "/inloggen", error: "/inloggen" },
  // A used or expired sign-in link is an everyday event, not a server error: it is not logged as one.
  logger: {
    error(e) {
      if ((e as { type?: string }).type !== "Verification") console.error(e);
    },
  },
  // Only the e-mail provider uses it (Caller rows and hashed one-time tokens); sessions stay JWTs.
  adapter: callerAdapter(db) as NextAuthConfig["adapter"],
  providers: [
    {
      id: CALLER_PROVIDER_ID,
      name: "E-mail",
      type: "email",
      maxAge: CALLER_LINK_MINUTES * 60,
      async sendVerificationRequest({ identifier, url }) {
        await queueCallerLinkMail(db(), { to: identifier, callbackUrl: url, appUrl: env().APP_URL });
      },
    },
    Credentials({
      credentials: {
        email: { label: "E-mailadres", type: "email" },
        password: { label: "Wachtwoord", type: "password" },
      },
      async authorize(credentials, request) {
        const user = await verifyCredentials(credentials, clientIp(request.headers));
        return user
          ? ({
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              desks: user.desks,
              sv: user.sessionVersion,
            } as never)
          : null;
      },
    }),
  ],
  callbacks: {
    // Auth.js's own redirects (after sign-in and sign-out) go through the one safe-redirect check too.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      return baseUrl + (safeReturnPath(path) ?? "/");
    },
    jwt({ token, user }) {
      if (user?.id) {
        const u = user as unknown as SessionUser;
        token.uid = u.id;
        token.role = u.role;
        token.desks = u.role === CALLER_ROLE ? [] : u.desks;
        token.sv = (user as unknown as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      Object.assign(session, {
        uid: token.uid as string | undefined,
        sv: typeof token.sv === "number" ? token.sv : 0,
        role: token.role === CALLER_ROLE ? CALLER_ROLE : "staff",
      });
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);

/**
 * The logged-in user for this request, checked against the database (cached per request): the account must be
 * active and the session's version must be the account's current one. Logging out, deactivation and a password
 * change bump the version (app/_modules/users/service.ts), so every cookie issued before is void at once, on
 * every instance. The row is read on each authenticated request anyway (role and desks), so the check costs no
 * extra query; anonymous requests (no session cookie) never reach the database.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Most visitors are anonymous: without a session cookie there is nothing for Auth.js to decode.
  const jar = await cookies();
  if (!jar.getAll().some((c) => SESSION_COOKIE_RE.test(c.name))) return null;
  return sessionUserFor((await auth()) as unknown as DecodedSession | null);
});

type DecodedSession = { uid?: string; sv?: number; role?: string };

/**
 * The account behind a decoded session, or null when it no longer holds (deactivated, logged out, version bumped).
 * A caller's session names a Caller row, a staff session a User row: the two tables are never mixed up.
 */
export async function sessionUserFor(session: DecodedSession | null): Promise<SessionUser | null> {
  if (!session?.uid) return null;
  if (session.role === CALLER_ROLE) {
    const caller = await db().caller.findUnique({ where: { id: session.uid } });
    if (!caller || caller.sessionVersion !== (session.sv ?? 0)) return null;
    return { id: caller.id, email: caller.email, name: caller.email, role: CALLER_ROLE, desks: [] };
  }
  const user = await db().user.findUnique({ where: { id: session.uid }, include: { desks: true } });
  return sessionStillValid(user, session.sv ?? 0) ? toSessionUser(user) : null;
}

/** Whether a session issued at `sessionVersion` still holds for this account row. */
export function sessionStillValid<U extends { active: boolean; sessionVersion: number }>(
  user: U | null,
  sessionVersion: number,
): user is U {
  return !!user && user.active && user.sessionVersion === sessionVersion;
}

/** The session version of the current request's cookie (null when anonymous): the logout action ends exactly it. */
export async function currentSession(): Promise<{ uid: string; sv: number; caller: boolean } | null> {
  const session = (await auth()) as unknown as { uid?: string; sv?: number; role?: string } | null;
  return session?.uid ? { uid: session.uid, sv: session.sv ?? 0, caller: session.role === CALLER_ROLE } : null;
}
