"use server";
// Public article feedback ("Was dit artikel nuttig?"): no login, rate-limited per IP, no personal data stored.
import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/app/_core/action";
import { clientIp } from "@/app/_core/auth";
import { freeText } from "@/app/_modules/tickets/schema";
import { recordFeedback } from "@/app/_modules/articles/service";

const schema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,120}$/),
  helpful: z.boolean(),
  comment: freeText(0, 1000, "een opmerking")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** Stores one yes/no answer with an optional comment. */
export const sendFeedback = action({ name: "sendFeedback", schema }, async (input) => {
  await recordFeedback({ ...input, ip: clientIp(await headers()) });
  return { thanks: true };
});
