"use server";
// Caller actions on the follow-up page (public: the private token is the credential).
import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { clientIp } from "@/app/_core/request-ip";
import { limitCallerReply } from "@/app/_modules/ratelimit/public-writes";
import { callerReplySchema } from "./schema";
import { addCallerReply, closeByCaller, hashToken } from "./service";

const token = z.string().min(20).max(100);

/** The caller replies; a resolved ticket reopens. */
export const replyAsCaller = action(
  { name: "replyAsCaller", schema: callerReplySchema.extend({ token }) },
  async ({ token: t, message }) => {
    await limitCallerReply(db(), { ticketKey: hashToken(t), ip: clientIp(await headers()) });
    return addCallerReply(db(), t, message);
  },
);

/** The caller closes their question. */
export const closeAsCaller = action({ name: "closeAsCaller", schema: z.object({ token }) }, async ({ token: t }) => {
  await closeByCaller(db(), t);
  return { closed: true };
});
