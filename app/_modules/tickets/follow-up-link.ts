// The caller's private follow-up link: the token's hash (the only thing stored) and the URL. Its own file, so
// desk-token.ts and create-ticket.ts can both use it without importing each other.
import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/app/_core/env";

/** sha256 of a follow-up token; only this is stored. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The caller's private follow-up URL. */
export const followUpUrl = (token: string) => `${env().APP_URL.replace(/\/$/, "")}/mijn-vraag/${token}`;
