"use server";
// Actions of a signed-in caller on "Mijn vragen": only the caller role passes the wrapper; the services find the
// ticket inside the caller's own scope (app/_modules/callers/tickets.ts), so another ticket is a 404.
import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { clientIp } from "@/app/_core/request-ip";
import { CALLER_ROLE } from "@/app/_core/session";
import { callerTicketKey, closeAsSignedInCaller, replyAsSignedInCaller } from "@/app/_modules/callers/tickets";
import { limitCallerReply } from "@/app/_modules/ratelimit/public-writes";
import { storage } from "@/app/_modules/storage/storage";
import { callerReplySchema } from "@/app/_modules/tickets/schema";
import { attachmentFiles, fromFormData, toUploads } from "@/app/_modules/tickets/uploads";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";

const reference = z.string().min(1).max(40);

/** Reply with up to 3 files (the intake's checks, the BSN scan included); a resolved question reopens. */
export const replyOnMyTicket = action(
  {
    name: "replyOnMyTicket",
    roles: [CALLER_ROLE],
    schema: z.preprocess((v) => fromFormData(v), callerReplySchema.extend({ reference, attachments: attachmentFiles })),
  },
  async ({ reference: ref, message, attachments }, { user }) => {
    const ticketKey = await callerTicketKey(db(), { user, reference: ref });
    await limitCallerReply(db(), { ticketKey, ip: clientIp(await headers()) });
    const files = await toUploads(attachments);
    const r = await replyAsSignedInCaller(db(), {
      user,
      reference: ref,
      message,
      attachments: files,
      storage: files.length ? storage() : undefined,
    });
    void kickWebhooks(db());
    return r;
  },
);

/** Close the question. */
export const closeMyTicket = action(
  { name: "closeMyTicket", roles: [CALLER_ROLE], schema: z.object({ reference }) },
  async ({ reference: ref }, { user }) => {
    await closeAsSignedInCaller(db(), { user, reference: ref });
    void kickWebhooks(db());
    return { closed: true };
  },
);
