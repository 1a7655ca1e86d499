// The one gate for pages, server actions and route handlers: who is logged in, and may they be here.
// Pages: anonymous → /inloggen, wrong role → 404 (never the data, never a hint that it exists).
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "./auth";
import { NotFoundError, UnauthorizedError } from "./errors";
import { hasRole, type Role, type SessionUser } from "./session";

/** For server components: returns the user or redirects/404s. */
export async function requirePageRole(roles: readonly Role[], returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/inloggen?terug=${encodeURIComponent(returnTo)}`);
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
