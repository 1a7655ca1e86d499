// Roles and the policy that every page, action and route uses (through app/_core/guard.ts).
export const ROLES = ["agent", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type DeskId = "po" | "vo-mbo";
export const DESK_IDS: DeskId[] = ["po", "vo-mbo"];

export type SessionUser = { id: string; email: string; name: string; role: Role; desks: DeskId[] };

/** Whether the user holds one of the roles. Admins pass every role check. */
export function hasRole(user: SessionUser | null | undefined, roles: readonly Role[]): user is SessionUser {
  return !!user && (user.role === "admin" || roles.includes(user.role));
}

/** The desks whose tickets a user may see: an agent's own desks, all for admins, none for editors. */
export function visibleDesks(user: SessionUser | null | undefined): DeskId[] {
  if (!user) return [];
  if (user.role === "admin") return [...DESK_IDS];
  if (user.role === "agent") return user.desks;
  return [];
}

/** The page a user lands on after logging in. */
export function homeFor(user: SessionUser): string {
  return user.role === "editor" ? "/redactie" : "/desk";
}
