// The outbox: a mail is written in the same transaction as its cause, then delivered by a worker. Nothing is
// lost when delivery fails: it is retried with backoff, and the row says why it failed.
import "server-only";
import type { Db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { logUnexpected } from "@/app/_core/errors";
import { createTransport, type MailTransport } from "./transport";

type Tx = Pick<Db, "mailOutbox">;
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; ticketId?: string | null };

const MAX_ATTEMPTS = 6;
/** A claimed mail not marked sent or failed within this time belongs to a dead worker and is tried again. */
export const OUTBOX_LEASE_MS = 60_000;
/** Rows claimed per batch, and mails sent at once (a slow SMTP server is not asked for more than this). */
export const OUTBOX_BATCH = 100;
export const OUTBOX_CONCURRENCY = 8;

/** Queues a mail (call inside the transaction that causes it). */
export async function enqueueMail(tx: Tx, m: OutgoingMail): Promise<void> {
  await tx.mailOutbox.create({
    data: { to: m.to, subject: m.subject, text: m.text, html: m.html ?? null, ticketId: m.ticketId ?? null },
  });
}

type DeliverOptions = { limit?: number; concurrency?: number; leaseMs?: number; now?: Date };

/**
 * Delivers pending mails, effectively once. Rows are claimed in one statement first (pending → "sending:<token>",
 * only rows still pending; sentAt holds the claim time), so two workers never take one mail. Each mail is marked
 * sent right after the transport accepted it, so a worker that dies mid-batch leaves only its unsent mails claimed;
 * their lease runs out after OUTBOX_LEASE_MS and another worker tries them again. A mail whose .eml (named by the
 * row id) already exists is marked sent and not written again; with SMTP the only window left is between the
 * server's acceptance and the row update.
 */
export async function deliverPendingMail(
  db: Db,
  transport: MailTransport,
  opts: DeliverOptions | number = {},
  legacyNow?: Date,
): Promise<{ claimed: number; sent: number; alreadySent: number; failed: number }> {
  const o: DeliverOptions = typeof opts === "number" ? { limit: opts, now: legacyNow } : opts;
  const limit = o.limit ?? OUTBOX_BATCH;
  const now = o.now ?? new Date();
  const lease = o.leaseMs ?? OUTBOX_LEASE_MS;
  await db.mailOutbox.updateMany({
    where: { status: { startsWith: "sending:" }, sentAt: { lt: new Date(now.getTime() - lease) } },
    data: { status: "retry" },
  });
  // Backoff: a failed mail waits 2^attempts minutes after its last try. A retry after a lost lease (attempts
  // unchanged at 0) is due at once.
  const retryDue = Array.from({ length: MAX_ATTEMPTS }, (_, attempts) => ({
    status: "retry",
    attempts,
    sentAt: { lte: new Date(now.getTime() - (attempts === 0 ? 0 : 2 ** attempts * 60_000)) },
  }));
  const due = await db.mailOutbox.findMany({
    where: { OR: [{ status: "pending" }, ...retryDue] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (!due.length) return { claimed: 0, sent: 0, alreadySent: 0, failed: 0 };
  const claimToken = `sending:${Math.random().toString(36).slice(2)}`;
  await db.mailOutbox.updateMany({
    where: { id: { in: due.map((m) => m.id) }, status: { in: ["pending", "retry"] } },
    data: { status: claimToken, sentAt: now },
  });
  const mine = await db.mailOutbox.findMany({ where: { status: claimToken }, orderBy: { createdAt: "asc" } });
  const threading = await threadingFor(db, mine);
  let sent = 0;
  let alreadySent = 0;
  let failed = 0;
  let next = 0;
  const worker = async () => {
    for (let m = mine[next++]; m; m = mine[next++]) {
      try {
        const r = await transport.send({
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html ?? undefined,
          messageId: m.id,
          ...threading(m),
        });
        // Only our claim is marked: a row whose lease ran out and that another worker took is left to that worker.
        await db.mailOutbox.updateMany({
          where: { id: m.id, status: claimToken },
          data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
        });
        if (r === "already-sent") alreadySent++;
        else sent++;
      } catch (e) {
        const attempts = m.attempts + 1;
        await db.mailOutbox.updateMany({
          where: { id: m.id, status: claimToken },
          data: {
            status: attempts >= MAX_ATTEMPTS ? "failed" : "retry",
            attempts,
            lastError: String((e as Error).message ?? e).slice(0, 500),
            sentAt: new Date(),
          },
        });
        failed++;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(o.concurrency ?? OUTBOX_CONCURRENCY, mine.length)) }, worker),
  );
  return { claimed: mine.length, sent, alreadySent, failed };
}

/**
 * Threading headers for a ticket's mails (the e-mail channel): Reply-To the desk's inbound address, so a reply
 * comes back to the portal, and References a per-ticket thread id, so mail programs keep one conversation and a
 * reply names the ticket even without a reference in its subject. The Message-ID is the outbox row id (stored).
 */
async function threadingFor(db: Db, mails: { ticketId: string | null }[]) {
  const ids = [...new Set(mails.map((m) => m.ticketId).filter((id): id is string => !!id))];
  if (!ids.length) return () => ({});
  const { deskAddresses } = await import("./inbound");
  const { ticketThreadId } = await import("./inbound-rules");
  const tickets = new Map(
    (await db.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true, deskId: true } })).map(
      (t) => [t.id, t],
    ),
  );
  const addresses = deskAddresses() as Record<string, string>;
  return (m: { ticketId: string | null }) => {
    const t = m.ticketId ? tickets.get(m.ticketId) : undefined;
    const replyTo = t ? addresses[t.deskId] : undefined;
    if (!t || !replyTo) return {};
    const thread = ticketThreadId(t.reference, replyTo.split("@")[1]!);
    return { replyTo, inReplyTo: thread, references: [thread] };
  };
}

let transport: MailTransport | undefined;
let running: Promise<unknown> | null = null;
let again = false;

/** The configured transport (SMTP when SMTP_URL is set, else .eml files in MAIL_DIR). */
export function mailTransport(): MailTransport {
  const e = env();
  transport ??= createTransport({ SMTP_URL: e.SMTP_URL, MAIL_DIR: e.MAIL_DIR, MAIL_FROM: e.MAIL_FROM });
  return transport;
}

/**
 * Starts delivery in the background (after a commit); coalesces calls while a run is busy. A run drains: it goes on
 * batch after batch while a batch came back full or new mail was kicked meanwhile, so a burst leaves at the speed
 * of the transport instead of one batch per periodic tick.
 */
export function kickOutbox(db: Db, transportOverride?: MailTransport): Promise<unknown> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    for (;;) {
      again = false;
      const r = await deliverPendingMail(db, transportOverride ?? mailTransport());
      if (!again && r.claimed < OUTBOX_BATCH) break;
      // A batch of only failures would spin against a dead server: leave those to the backoff.
      if (r.claimed > 0 && r.failed === r.claimed) break;
    }
  })()
    .catch((e) => logUnexpected("outbox", e))
    .finally(() => {
      running = null;
    });
  return running;
}

/** Resolves when no delivery run is in flight (tests and shutdown wait for it). */
export function outboxIdle(): Promise<unknown> {
  return running ?? Promise.resolve();
}
