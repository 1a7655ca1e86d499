// Webhook signatures and the retry schedule. Pure (no database), so both are unit-tested directly.
//
// Every delivery carries `X-Portal-Signature: t=<unix seconds>,v1=<hex>` where
// hex = HMAC-SHA256(secret, `${t}.${raw body}`). A receiver recomputes the HMAC over the raw body it received,
// compares in constant time, and refuses a timestamp further than the replay window (5 minutes) from its clock.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Portal-Signature";
export const EVENT_HEADER = "X-Portal-Event";
export const DELIVERY_HEADER = "X-Portal-Delivery";
/** How far a signature's timestamp may be from the receiver's clock (seconds). */
export const REPLAY_WINDOW_SECONDS = 300;

/** The hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function signatureHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The X-Portal-Signature header value for a body sent at `now`. */
export function signatureHeader(secret: string, body: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${signatureHex(secret, t, body)}`;
}

export type VerifyResult =
  { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "mismatch" | "expired" };

/** What a receiver does: parse the header, check the window, compare the HMAC in constant time. */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  now: Date = new Date(),
  windowSeconds = REPLAY_WINDOW_SECONDS,
): VerifyResult {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!/^\d{1,12}$/.test(parts.t ?? "") || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: "malformed" };
  if (Math.abs(now.getTime() / 1000 - t) > windowSeconds) return { ok: false, reason: "expired" };
  const expected = Buffer.from(signatureHex(secret, t, body), "hex");
  if (!timingSafeEqual(expected, Buffer.from(v1, "hex"))) return { ok: false, reason: "mismatch" };
  return { ok: true, timestamp: t };
}

/** Attempts before a delivery is given up ("failed"): about 4 hours of retries in all. */
export const WEBHOOK_MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * Exponential backoff: after the n-th failed attempt (n ≥ 1) the next try waits 30 s · 2^(n−1), at most 6 hours
 * (30 s, 1 min, 2, 4, 8, 16, 32, 64, 128 min); after WEBHOOK_MAX_ATTEMPTS failures there is no next try (null).
 */
export function retryDelayMs(failedAttempts: number): number | null {
  if (failedAttempts < 1) return 0;
  if (failedAttempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  return Math.min(BASE_DELAY_MS * 2 ** (failedAttempts - 1), MAX_DELAY_MS);
}
