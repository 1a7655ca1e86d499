// Sliding-window rate limits stored in the database, so they hold across app instances.
import "server-only";
import type { Db } from "@/app/_core/db";

export type Limit = { bucket: string; key: string; limit: number; windowMs: number };

/** Records one hit and says whether it is within the limit (the hit counts either way, so hammering stays blocked). */
export async function hitRateLimit(
  db: Db,
  l: Limit,
  now = new Date(),
): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const since = new Date(now.getTime() - l.windowMs);
  await db.rateLimitHit.create({ data: { bucket: l.bucket, key: l.key, createdAt: now } });
  return checkRateLimit(db, l, now, since);
}

/** Whether the key is over its limit now, without recording a hit. */
export async function checkRateLimit(db: Db, l: Limit, now = new Date(), since = new Date(now.getTime() - l.windowMs)) {
  const hits = await db.rateLimitHit.findMany({
    where: { bucket: l.bucket, key: l.key, createdAt: { gt: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: l.limit + 1,
  });
  if (hits.length <= l.limit) return { allowed: true, retryAfterMs: 0 };
  const oldestCounted = hits[l.limit - 1]?.createdAt ?? now;
  return { allowed: false, retryAfterMs: Math.max(1000, oldestCounted.getTime() + l.windowMs - now.getTime()) };
}

/** Clears a key (e.g. after a successful login). */
export async function resetRateLimit(db: Db, bucket: string, key: string): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { bucket, key } });
}

// Buckets that remember something for longer than a day (the addresses a user logged in from: app/_core/auth.ts).
const LONG_LIVED: Record<string, number> = { "login-ok": 30 * 86_400_000 };

/** Removes hits older than a day (older than their own horizon for long-lived buckets); called opportunistically. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<void> {
  const buckets = Object.keys(LONG_LIVED);
  await db.rateLimitHit.deleteMany({
    where: { bucket: { notIn: buckets }, createdAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  for (const [bucket, ms] of Object.entries(LONG_LIVED)) {
    await db.rateLimitHit.deleteMany({ where: { bucket, createdAt: { lt: new Date(now.getTime() - ms) } } });
  }
}
