// Staff accounts: the three things that must end a user's sessions at once. Each bumps User.sessionVersion, which
// getSessionUser (app/_core/auth.ts) compares with the version in the session cookie on every request.
import "server-only";
import type { Db } from "@/app/_core/db";
import { ValidationError } from "@/app/_core/errors";
import { hashPassword } from "@/app/_core/password";

export const MIN_PASSWORD_LENGTH = 12;

/** Ends every session of the user (logout: the cookie in every browser stops working). */
export async function endUserSessions(db: Db, opts: { userId: string }): Promise<void> {
  await db.user.updateMany({ where: { id: opts.userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Deactivates an account and ends its sessions. */
export async function deactivateUser(db: Db, opts: { userId: string }): Promise<void> {
  await db.user.update({ where: { id: opts.userId }, data: { active: false, sessionVersion: { increment: 1 } } });
}

/** Sets a new password and ends every session that was opened with the old one. */
export async function changeUserPassword(db: Db, opts: { userId: string; password: string }): Promise<void> {
  if (opts.password.length < MIN_PASSWORD_LENGTH || opts.password.length > 200) {
    throw new ValidationError("Kies een ander wachtwoord.", [
      { path: "password", message: `Kies een wachtwoord van ${MIN_PASSWORD_LENGTH} tot 200 tekens.` },
    ]);
  }
  const passwordHash = await hashPassword(opts.password);
  await db.user.update({ where: { id: opts.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}
