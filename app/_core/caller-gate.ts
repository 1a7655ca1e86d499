// A caller's session never opens the staff workspaces. The real checks are on the server (guard.ts: the caller
// role passes no staff role check, so /desk and /redactie answer 404); this is the friendly front door for
// proxy.ts: a signed-in caller who opens a /desk or /redactie link is sent to their own page instead.
import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "./auth-secret";
import { CALLER_ROLE } from "./session";
import { SESSION_COOKIE_RE } from "./session-cookie";

const STAFF_AREAS = /^\/(desk|redactie)(\/|$)/;

type CookieJar = { getAll(): { name: string; value: string }[] };

/** The session cookie's name (plain or __Secure-) and its value, chunks joined in order. */
function sessionCookie(jar: CookieJar): { name: string; value: string } | null {
  const parts = jar.getAll().filter((c) => SESSION_COOKIE_RE.test(c.name));
  if (!parts.length) return null;
  const name = parts[0]!.name.replace(/\.\d+$/, "");
  const whole = parts.find((c) => c.name === name);
  if (whole) return { name, value: whole.value };
  const chunks = parts
    .map((c) => ({ n: Number(c.name.slice(name.length + 1)), v: c.value }))
    .sort((a, b) => a.n - b.n)
    .map((c) => c.v);
  return { name, value: chunks.join("") };
}

/** Whether this request is a caller's session asking for a staff workspace (→ redirect to /mijn-vragen). */
export async function callerInStaffArea(pathname: string, cookies: CookieJar): Promise<boolean> {
  if (!STAFF_AREAS.test(pathname)) return false;
  const c = sessionCookie(cookies);
  if (!c) return false;
  try {
    const token = await decode({ token: c.value, secret: authSecret(), salt: c.name });
    return token?.role === CALLER_ROLE;
  } catch {
    return false; // an unreadable cookie is anonymous: the server's own check decides
  }
}
