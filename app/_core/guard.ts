// The one gate for pages, server actions and route handlers: who is logged in, and may they be here.
// Pages: anonymous → /inloggen, wrong role → 404 (never the data, never a hint that it exists).
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "./auth";
import { RETURN_PATH_HEADER, safeReturnPath } from "./safe-redirect";
import { NotFoundError, UnauthorizedError } from "./errors";
import { CALLER_ROLE, hasRole, type Role, type SessionUser } from "./session";

/** Where an anonymous visitor signs in: callers' pages by e-mail link, every other page with a staff password. */
export const loginPathFor = (roles: readonly Role[]) =>
  roles.length > 0 && roles.every((r) => r === CALLER_ROLE) ? "/mijn-vragen/inloggen" : "/inloggen";

/** For server components: returns the user or redirects/404s. */
export async function requirePageRole(roles: readonly Role[], returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`${loginPathFor(roles)}?terug=${encodeURIComponent(await askedPath(returnTo))}`);
  if (!hasRole(user, roles)) notFound();
  return user;
}

/** For actions and API routes: throws 401 when anonymous, 404 when the role does not fit. */
export async function requireRole(roles: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthorizedError();
  if (!hasRole(user, roles)) throw new NotFoundError();
  return user;
}

/**
 * The page to return to after login: the exact page asked for (proxy.ts passes it on; a layout does not know it),
 * when it is a safe path inside the same workspace, else the caller's own `returnTo`.
 */
async function askedPath(returnTo: string): Promise<string> {
  const asked = safeReturnPath((await headers()).get(RETURN_PATH_HEADER));
  const area = returnTo.split(/[/?#]/)[1];
  return asked && area && asked.split(/[/?#]/)[1] === area ? asked : returnTo;
}
