// The webhook worker: delivers due WebhookDelivery rows with the mail outbox's lease pattern (mail/outbox.ts).
// Rows are claimed in one statement (pending/retry and due → "sending:<claim>", leasedAt = claim time), so two
// workers never send one row; a worker that dies leaves its claim, whose lease runs out after WEBHOOK_LEASE_MS,
// and any worker (in any process) sends it again. Receivers deduplicate on the event id (body `id`).
// Each POST: signed, no redirects followed, a timeout, at most RESPONSE_EXCERPT_BYTES of the answer kept.
import "server-only";
import type { Db } from "@/app/_core/db";
import { logUnexpected } from "@/app/_core/errors";
import { DELIVERY_HEADER, EVENT_HEADER, retryDelayMs, SIGNATURE_HEADER, signatureHeader } from "./signature";
import { checkWebhookUrl } from "./url";

export const WEBHOOK_LEASE_MS = 60_000;
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** Rows per batch and requests at once: a batch of timeouts (20/4 × 5 s) ends well within the lease. */
export const WEBHOOK_BATCH = 20;
export const WEBHOOK_CONCURRENCY = 4;
export const RESPONSE_EXCERPT_BYTES = 1024;

type Options = { now?: Date; leaseMs?: number; timeoutMs?: number; limit?: number; allowInternal?: boolean };
type Outcome =
  | { ok: true; status: number; excerpt: string }
  | { ok: false; status: number | null; excerpt: string | null; error: string };

async function readExcerpt(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8");
}

/** One signed POST. Never throws. */
export async function postWebhook(
  target: { url: string; secret: string },
  delivery: { id: string; event: string; body: string },
  opts: { timeoutMs?: number; allowInternal?: boolean; now?: Date } = {},
): Promise<Outcome> {
  const check = await checkWebhookUrl(target.url, { allowInternal: opts.allowInternal });
  if (!check.ok) return { ok: false, status: null, excerpt: null, error: `Geweigerd: ${check.message}` };
  try {
    const res = await fetch(check.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "OnderwijsHelpdesk-Webhook/1",
        [SIGNATURE_HEADER]: signatureHeader(target.secret, delivery.body, opts.now ?? new Date()),
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.id,
      },
      body: delivery.body,
    });
    const excerpt = await readExcerpt(res).catch(() => "");
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, excerpt };
    if (res.status >= 300 && res.status < 400) {
      return {
        ok: false,
        status: res.status,
        excerpt,
        error: `Doorverwijzing (HTTP ${res.status}) niet gevolgd${res.headers.get("location") ? ` naar ${res.headers.get("location")!.slice(0, 200)}` : ""}`,
      };
    }
    return { ok: false, status: res.status, excerpt, error: `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const timeout = err.name === "TimeoutError" || err.name === "AbortError";
    return {
      ok: false,
      status: null,
      excerpt: null,
      error: timeout
        ? `Geen antwoord binnen ${(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s`
        : `${err.cause?.code ?? err.message}`.slice(0, 300),
    };
  }
}

/** Delivers due webhook deliveries once (one batch). */
export async function deliverDueWebhooks(
  db: Db,
  opts: Options = {},
): Promise<{ claimed: number; delivered: number; failed: number }> {
  const now = opts.now ?? new Date();
  const lease = opts.leaseMs ?? WEBHOOK_LEASE_MS;
  // Claims of dead workers become due again at once (an attempt is counted only when it got an outcome).
  await db.webhookDelivery.updateMany({
    where: { status: { startsWith: "sending:" }, leasedAt: { lt: new Date(now.getTime() - lease) } },
    data: { status: "retry", nextAttemptAt: now },
  });
  const due = await db.webhookDelivery.findMany({
    where: { status: { in: ["pending", "retry"] }, nextAttemptAt: { lte: now }, webhook: { enabled: true } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: opts.limit ?? WEBHOOK_BATCH,
    select: { id: true },
  });
  if (!due.length) return { claimed: 0, delivered: 0, failed: 0 };
  const claim = `sending:${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  await db.webhookDelivery.updateMany({
    where: { id: { in: due.map((d) => d.id) }, status: { in: ["pending", "retry"] } },
    data: { status: claim, leasedAt: now },
  });
  const mine = await db.webhookDelivery.findMany({
    where: { status: claim },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    include: { webhook: { select: { url: true, secret: true } } },
  });
  let delivered = 0;
  let failed = 0;
  let next = 0;
  const work = async () => {
    for (let d = mine[next++]; d; d = mine[next++]) {
      const started = Date.now();
      const r = await postWebhook(d.webhook, d, {
        timeoutMs: opts.timeoutMs,
        allowInternal: opts.allowInternal,
        now: opts.now,
      });
      const durationMs = Date.now() - started;
      const attempts = d.attempts + 1;
      const at = opts.now ? new Date(opts.now.getTime() + durationMs) : new Date();
      if (r.ok) {
        await db.webhookDelivery.updateMany({
          where: { id: d.id, status: claim },
          data: {
            status: "delivered",
            attempts,
            responseStatus: r.status,
            responseExcerpt: r.excerpt,
            lastError: null,
            durationMs,
            deliveredAt: at,
            leasedAt: null,
          },
        });
        delivered++;
      } else {
        const delay = retryDelayMs(attempts);
        await db.webhookDelivery.updateMany({
          where: { id: d.id, status: claim },
          data: {
            status: delay === null ? "failed" : "retry",
            attempts,
            responseStatus: r.status,
            responseExcerpt: r.excerpt,
            lastError: r.error.slice(0, 500),
            durationMs,
            nextAttemptAt: new Date(at.getTime() + (delay ?? 0)),
            leasedAt: null,
          },
        });
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(WEBHOOK_CONCURRENCY, mine.length)) }, work));
  return { claimed: mine.length, delivered, failed };
}

let running: Promise<unknown> | null = null;
let again = false;

/** Starts delivery in the background (after a commit, and from the periodic tick); coalesces while a run is busy. */
export function kickWebhooks(db: Db, opts: Options = {}): Promise<unknown> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    for (;;) {
      again = false;
      const r = await deliverDueWebhooks(db, opts);
      if (!again && r.claimed < (opts.limit ?? WEBHOOK_BATCH)) break;
      if (r.claimed > 0 && r.failed === r.claimed && !again) break;
    }
  })()
    .catch((e) => logUnexpected("webhooks", e))
    .finally(() => {
      running = null;
    });
  return running;
}

/** Resolves when no delivery run is in flight. */
export function webhooksIdle(): Promise<unknown> {
  return running ?? Promise.resolve();
}
