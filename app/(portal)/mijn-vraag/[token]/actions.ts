"use server";
// Caller actions on the follow-up page (public: the private token is the credential).
import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { clientIp } from "@/app/_core/request-ip";
import { limitCallerReply } from "@/app/_modules/ratelimit/public-writes";
import { callerReplySchema } from "@/app/_modules/tickets/schema";
import { addCallerReply, closeByCaller } from "@/app/_modules/tickets/caller-service";
import { hashToken } from "@/app/_modules/tickets/follow-up-link";
import { storage } from "@/app/_modules/storage/storage";
import { attachmentFiles, fromFormData, toUploads } from "@/app/_modules/tickets/uploads";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";

const token = z.string().min(20).max(100);

/** The caller replies, with up to 3 files (intake checks); a resolved ticket reopens. */
export const replyAsCaller = action(
  {
    name: "replyAsCaller",
    schema: z.preprocess((v) => fromFormData(v), callerReplySchema.extend({ token, attachments: attachmentFiles })),
  },
  async ({ token: t, message, attachments }) => {
    await limitCallerReply(db(), { ticketKey: hashToken(t), ip: clientIp(await headers()) });
    const files = await toUploads(attachments);
    const r = await addCallerReply(db(), t, message, new Date(), {
      attachments: files,
      storage: files.length ? storage() : undefined,
    });
    void kickWebhooks(db());
    return r;
  },
);

/** The caller closes their question. */
export const closeAsCaller = action({ name: "closeAsCaller", schema: z.object({ token }) }, async ({ token: t }) => {
  await closeByCaller(db(), t);
  void kickWebhooks(db());
  return { closed: true };
});
