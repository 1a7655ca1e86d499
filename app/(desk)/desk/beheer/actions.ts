"use server";
// Server actions of /desk/beheer (admins only), all through the one action() wrapper; every change is audited.
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import {
  createStaffUser,
  deactivateStaffUser,
  passwordResetLink,
  reactivateStaffUser,
  updateStaffUser,
} from "@/app/_modules/admin/users";
import { createApiToken, revokeApiToken } from "@/app/_modules/apitokens/service";
import { createWebhook, deleteWebhook, pingWebhook, setWebhookEnabled } from "@/app/_modules/webhooks/service";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";
import { updateDeskSettings } from "@/app/_modules/desks/settings";

const id = z.object({ userId: z.string().min(1).max(40) });
const any = z.record(z.string(), z.unknown());

export const createUserAction = action(
  { name: "admin.createUser", roles: ["admin"], schema: any },
  async (input, { user }) => createStaffUser(db(), user, input),
);
export const updateUserAction = action(
  { name: "admin.updateUser", roles: ["admin"], schema: any },
  async (input, { user }) => updateStaffUser(db(), user, input),
);
export const deactivateUserAction = action(
  { name: "admin.deactivateUser", roles: ["admin"], schema: id },
  async ({ userId }, { user }) => deactivateStaffUser(db(), user, userId),
);
export const reactivateUserAction = action(
  { name: "admin.reactivateUser", roles: ["admin"], schema: id },
  async ({ userId }, { user }) => reactivateStaffUser(db(), user, userId),
);
export const resetLinkAction = action(
  { name: "admin.resetLink", roles: ["admin"], schema: id },
  async ({ userId }, { user }) => passwordResetLink(db(), user, userId),
);

export const createTokenAction = action(
  { name: "admin.createToken", roles: ["admin"], schema: any },
  async (input, { user }) => {
    const t = await createApiToken(
      db(),
      { ...input, expiresAt: input.expiresAt ? String(input.expiresAt) : undefined } as never,
      user.id,
    );
    return { token: t.token, name: t.name };
  },
);
export const revokeTokenAction = action(
  { name: "admin.revokeToken", roles: ["admin"], schema: z.object({ id: z.string().min(1).max(40) }) },
  async ({ id: tokenId }, { user }) => revokeApiToken(db(), tokenId, user.id),
);

const hookId = z.object({ id: z.string().min(1).max(40) });
export const createWebhookAction = action(
  { name: "admin.createWebhook", roles: ["admin"], schema: any },
  async (input, { user }) => {
    const w = await createWebhook(db(), input as never, user.id);
    return { url: w.url, secret: w.secret };
  },
);
export const setWebhookEnabledAction = action(
  { name: "admin.setWebhookEnabled", roles: ["admin"], schema: hookId.extend({ enabled: z.boolean() }) },
  async ({ id: hook, enabled }, { user }) => {
    await setWebhookEnabled(db(), hook, enabled, user.id);
    if (enabled) void kickWebhooks(db());
  },
);
export const deleteWebhookAction = action(
  { name: "admin.deleteWebhook", roles: ["admin"], schema: hookId },
  async ({ id: hook }, { user }) => deleteWebhook(db(), hook, user.id),
);
export const pingWebhookAction = action(
  { name: "admin.pingWebhook", roles: ["admin"], schema: hookId },
  async ({ id: hook }, { user }) => {
    await pingWebhook(db(), hook, user.id);
    // Delivered before the answer, so the log the admin sees next already shows the outcome (a few seconds at most).
    await kickWebhooks(db());
  },
);

/** Phone, opening hours and SLA terms of a desk: audited and shown to that desk's agents on /desk/wijzigingen. */
export const updateDeskSettingsAction = action(
  { name: "admin.updateDeskSettings", roles: ["admin"], schema: any },
  async (input, { user }) => updateDeskSettings(db(), user, input),
);
