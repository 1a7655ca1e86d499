// Roles and the policy that every page, action and route uses (through app/_core/guard.ts).
/** Staff roles: accounts in the User table, created by an admin. */
import "server-only";
export const ROLES = ["agent", "editor", "admin"] as const;
export type StaffRole = (typeof ROLES)[number];
/**
 * Callers who signed in to "Mijn vragen" with a link by e-mail (Caller table). A role of its own: it passes no
 * staff check (not even an admin's pass-all), and staff pass no caller check.
 */
export const CALLER_ROLE = "caller";
export type Role = StaffRole | typeof CALLER_ROLE;
export type DeskId = "po" | "vo-mbo";
export const DESK_IDS: DeskId[] = ["po", "vo-mbo"];

export type SessionUser = { id: string; email: string; name: string; role: Role; desks: DeskId[] };

/** Whether the user holds one of the roles. Admins pass every staff role check; the caller role only passes its own. */
export function hasRole(user: SessionUser | null | undefined, roles: readonly Role[]): user is SessionUser {
  if (!user) return false;
  if (user.role === CALLER_ROLE) return roles.includes(CALLER_ROLE);
  return (user.role === "admin" && roles.some((r) => r !== CALLER_ROLE)) || roles.includes(user.role);
}

/** The desks whose tickets a user may see: an agent's own desks, all for admins, none for editors and callers. */
export function visibleDesks(user: SessionUser | null | undefined): DeskId[] {
  if (!user) return [];
  if (user.role === "admin") return [...DESK_IDS];
  if (user.role === "agent") return user.desks;
  return [];
}

/** The page a user lands on after logging in. */
export function homeFor(user: SessionUser): string {
  if (user.role === CALLER_ROLE) return "/mijn-vragen";
  return user.role === "editor" ? "/redactie" : "/desk";
}
