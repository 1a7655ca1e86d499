// Staff administration for /desk/beheer: create accounts, set role and desks, deactivate (ends every session at
// once through the session version) and one-time password-reset links. Every change is audited.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import { hashPassword } from "@/app/_core/password";
import { DESK_IDS, ROLES, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { parseInput } from "@/app/_modules/tickets/desk-schema";
import { freeText } from "@/app/_modules/tickets/schema";
import { changeUserPassword, deactivateUser, MIN_PASSWORD_LENGTH } from "@/app/_modules/users/service";

/** How long a password-reset link works. */
export const RESET_LINK_HOURS = 24;

const DESK = z.enum(DESK_IDS as ["po", "vo-mbo"], { error: "Kies de helpdesk po of vo-mbo." });

export const userInputSchema = z
  .object({
    name: freeText(2, 120, "de naam"),
    email: z
      .string({ error: "Vul het e-mailadres in." })
      .trim()
      .toLowerCase()
      .max(254, "Dit e-mailadres is te lang.")
      .email("Vul een geldig e-mailadres in."),
    role: z.enum(ROLES, { error: "Kies een rol: agent, editor of admin." }),
    desks: z.array(DESK).default([]),
  })
  .refine((u) => u.role !== "agent" || u.desks.length > 0, {
    message: "Een medewerker van de helpdesk heeft minstens één helpdesk nodig.",
    path: ["desks"],
  });

export const userUpdateSchema = z
  .object({
    userId: z.string().min(1).max(40),
    role: z.enum(ROLES, { error: "Kies een rol." }),
    desks: z.array(DESK).default([]),
  })
  .refine((u) => u.role !== "agent" || u.desks.length > 0, {
    message: "Een medewerker van de helpdesk heeft minstens één helpdesk nodig.",
    path: ["desks"],
  });

const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");
const resetUrl = (token: string) => `${env().APP_URL.replace(/\/$/, "")}/wachtwoord/${token}`;

/** A one-time link to set a password (replaces any earlier unused link of the user). */
async function issueResetLink(tx: Pick<Db, "passwordReset">, userId: string, actorId: string | null, now: Date) {
  const token = randomBytes(24).toString("base64url");
  await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
  await tx.passwordReset.create({
    data: {
      userId,
      tokenHash: hashResetToken(token),
      expiresAt: new Date(now.getTime() + RESET_LINK_HOURS * 3600_000),
      createdById: actorId,
    },
  });
  return resetUrl(token);
}

/** Creates an account without a usable password; answers the one-time link with which the user sets one. */
export async function createStaffUser(db: Db, actor: SessionUser, input: unknown, now = new Date()) {
  const v = parseInput(userInputSchema, input);
  if (await db.user.findUnique({ where: { email: v.email } }))
    throw new ConflictError("Er is al een account met dit e-mailadres.");
  // Nobody knows this password: the account can log in only after the reset link is used.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return db.$transaction(async (tx) => {
    const u = await tx.user.create({
      data: {
        email: v.email,
        name: v.name,
        role: v.role,
        passwordHash,
        desks: { create: (v.role === "editor" ? [] : v.desks).map((deskId) => ({ deskId })) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.created",
      entityType: "user",
      entityId: u.id,
      after: { email: v.email, name: v.name, role: v.role, desks: v.desks },
    });
    const link = await issueResetLink(tx, u.id, actor.id, now);
    await recordAudit(tx, { actorId: actor.id, action: "user.reset_link", entityType: "user", entityId: u.id });
    return { id: u.id, resetLink: link };
  });
}

/** Changes role and desks. */
export async function updateStaffUser(db: Db, actor: SessionUser, input: unknown) {
  const v = parseInput(userUpdateSchema, input);
  const u = await db.user.findUnique({ where: { id: v.userId }, include: { desks: true } });
  if (!u) throw new NotFoundError("Dit account bestaat niet.");
  if (u.id === actor.id && v.role !== "admin")
    throw new ValidationError("U kunt uw eigen beheerrechten niet weghalen.", [
      { path: "role", message: "Laat een andere beheerder dit doen." },
    ]);
  const desks = v.role === "editor" ? [] : [...new Set(v.desks)].sort();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: u.id }, data: { role: v.role } });
    await tx.deskMembership.deleteMany({ where: { userId: u.id } });
    if (desks.length) await tx.deskMembership.createMany({ data: desks.map((deskId) => ({ userId: u.id, deskId })) });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.updated",
      entityType: "user",
      entityId: u.id,
      before: { role: u.role, desks: u.desks.map((d) => d.deskId).sort() },
      after: { role: v.role, desks },
    });
  });
}

/** Deactivates an account: every session ends at once (session version), login is refused from then on. */
export async function deactivateStaffUser(db: Db, actor: SessionUser, userId: string) {
  if (userId === actor.id)
    throw new ValidationError("U kunt uw eigen account niet uitzetten.", [
      { path: "userId", message: "Laat een andere beheerder dit doen." },
    ]);
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) throw new NotFoundError("Dit account bestaat niet.");
  if (!u.active) return;
  await deactivateUser(db, { userId });
  await recordAudit(db, {
    actorId: actor.id,
    action: "user.deactivated",
    entityType: "user",
    entityId: userId,
    before: { active: true },
    after: { active: false },
  });
}

/** Turns an account back on (the old sessions stay ended). */
export async function reactivateStaffUser(db: Db, actor: SessionUser, userId: string) {
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) throw new NotFoundError("Dit account bestaat niet.");
  if (u.active) return;
  await db.user.update({ where: { id: userId }, data: { active: true } });
  await recordAudit(db, {
    actorId: actor.id,
    action: "user.reactivated",
    entityType: "user",
    entityId: userId,
    before: { active: false },
    after: { active: true },
  });
}

/** A new one-time password-reset link for an account (shown once to the admin). */
export async function passwordResetLink(db: Db, actor: SessionUser, userId: string, now = new Date()) {
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) throw new NotFoundError("Dit account bestaat niet.");
  return db.$transaction(async (tx) => {
    const link = await issueResetLink(tx, userId, actor.id, now);
    await recordAudit(tx, { actorId: actor.id, action: "user.reset_link", entityType: "user", entityId: userId });
    return link;
  });
}

const badLink = () =>
  new ValidationError("Deze link werkt niet (meer). Vraag de beheerder om een nieuwe link.", [
    { path: "token", message: "Ongeldige of verlopen link." },
  ]);

/** Whether a reset token is valid now (for the page). */
export async function findResetToken(db: Db, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const r = await db.passwordReset.findUnique({
    where: { tokenHash: hashResetToken(token) },
    include: { user: { select: { email: true, name: true, active: true } } },
  });
  if (!r || r.usedAt || r.expiresAt <= now || !r.user.active) return null;
  return r;
}

/** Sets the password with a one-time link: the link is used up and every earlier session ends. */
export async function usePasswordReset(db: Db, token: string, password: string, now = new Date()) {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new ValidationError("Kies een ander wachtwoord.", [
      { path: "password", message: `Kies een wachtwoord van ${MIN_PASSWORD_LENGTH} tot 200 tekens.` },
    ]);
  }
  const r = await findResetToken(db, token, now);
  if (!r) throw badLink();
  // Mark used first (only one request can win), then set the password.
  const claimed = await db.passwordReset.updateMany({ where: { id: r.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) throw badLink();
  await changeUserPassword(db, { userId: r.userId, password });
  await recordAudit(db, { actorId: r.userId, action: "user.password_set", entityType: "user", entityId: r.userId });
  return { email: r.user.email };
}
