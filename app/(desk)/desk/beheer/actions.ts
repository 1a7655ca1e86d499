"use server";
// Server actions of /desk/beheer (admins only), all through the one action() wrapper; every change is audited.
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { createStaffUser, deactivateStaffUser, passwordResetLink, reactivateStaffUser, updateStaffUser } from "@/app/_modules/admin/users";
import { createApiToken, revokeApiToken } from "@/app/_modules/apitokens/service";

const id = z.object({ userId: z.string().min(1).max(40) });
const any = z.record(z.string(), z.unknown());

export const createUserAction = action({ name: "admin.createUser", roles: ["admin"], schema: any }, async (input, { user }) => createStaffUser(db(), user, input));
export const updateUserAction = action({ name: "admin.updateUser", roles: ["admin"], schema: any }, async (input, { user }) => updateStaffUser(db(), user, input));
export const deactivateUserAction = action({ name: "admin.deactivateUser", roles: ["admin"], schema: id }, async ({ userId }, { user }) => deactivateStaffUser(db(), user, userId));
export const reactivateUserAction = action({ name: "admin.reactivateUser", roles: ["admin"], schema: id }, async ({ userId }, { user }) => reactivateStaffUser(db(), user, userId));
export const resetLinkAction = action({ name: "admin.resetLink", roles: ["admin"], schema: id }, async ({ userId }, { user }) => passwordResetLink(db(), user, userId));

export const createTokenAction = action({ name: "admin.createToken", roles: ["admin"], schema: any }, async (input, { user }) => {
  const t = await createApiToken(db(), { ...input, expiresAt: input.expiresAt ? String(input.expiresAt) : undefined } as never, user.id);
  return { token: t.token, name: t.name };
});
export const revokeTokenAction = action({ name: "admin.revokeToken", roles: ["admin"], schema: z.object({ id: z.string().min(1).max(40) }) }, async ({ id: tokenId }, { user }) =>
  revokeApiToken(db(), tokenId, user.id),
);
