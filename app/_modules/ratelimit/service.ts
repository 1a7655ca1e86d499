// Sliding-window rate limits stored in the database, so they hold across app instances.
import type { Db } from "@/app/_core/db";

export type Limit = { bucket: string; key: string; limit: number; windowMs: number };

/** Records one hit and says whether it is within the limit (the hit counts either way, so hammering stays blocked). */
export async function hitRateLimit(db: Db, l: Limit, now = new Date()): Promise<{ allowed: boolean; retryAfterMs: number }> {
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

/** Removes hits older than a day; called opportunistically. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}
