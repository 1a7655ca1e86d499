"use server";
// Asking for a sign-in link (public). The answer is the same for every address; see app/_modules/callers/login.ts.
import { headers } from "next/headers";
import { action } from "@/app/_core/action";
import { signIn } from "@/app/_core/auth";
import { db } from "@/app/_core/db";
import { clientIp } from "@/app/_core/request-ip";
import { callerReturnPath } from "@/app/_core/safe-redirect";
import { CALLER_PROVIDER_ID, callerLinkSchema, requestCallerLink } from "@/app/_modules/callers/login";

/** Sends a sign-in link (within the limits) and answers the same whether the address is known or not. */
export const requestLoginLink = action(
  { name: "requestLoginLink", schema: callerLinkSchema },
  async ({ email, terug }) =>
    requestCallerLink(
      db(),
      { email, ip: clientIp(await headers()), returnTo: callerReturnPath(terug) },
      (address, redirectTo) => signIn(CALLER_PROVIDER_ID, { email: address, redirect: false, redirectTo }),
    ),
);
