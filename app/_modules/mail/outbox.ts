// The outbox: a mail is written in the same transaction as its cause, then delivered by a worker. Nothing is
// lost when delivery fails: it is retried with backoff, and the row says why it failed.
import type { Db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { logUnexpected } from "@/app/_core/errors";
import { createTransport, type MailTransport } from "./transport";

type Tx = Pick<Db, "mailOutbox">;
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; ticketId?: string | null };

const MAX_ATTEMPTS = 6;

/** Queues a mail (call inside the transaction that causes it). */
export async function enqueueMail(tx: Tx, m: OutgoingMail): Promise<void> {
  await tx.mailOutbox.create({ data: { to: m.to, subject: m.subject, text: m.text, html: m.html ?? null, ticketId: m.ticketId ?? null } });
}

/**
 * Delivers pending mails. Rows are claimed in one statement first (pending → sending, only rows still pending),
 * so two instances never send one mail twice; successes are marked in one statement after.
 */
export async function deliverPendingMail(db: Db, transport: MailTransport, limit = 100, now = new Date()): Promise<{ sent: number; failed: number }> {
  // A worker that died while sending leaves its claim behind; after 10 minutes the mail is tried again.
  await db.mailOutbox.updateMany({ where: { status: { startsWith: "sending:" }, sentAt: { lt: new Date(now.getTime() - 10 * 60_000) } }, data: { status: "retry" } });
  const candidates = await db.mailOutbox.findMany({
    where: { status: { in: ["pending", "retry"] }, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  // Backoff: a retry waits 2^attempts minutes after its last try.
  const due = candidates.filter((m) => m.status !== "retry" || now.getTime() - (m.sentAt ?? m.createdAt).getTime() >= 2 ** m.attempts * 60_000);
  if (!due.length) return { sent: 0, failed: 0 };
  const claimToken = `sending:${Math.random().toString(36).slice(2)}`;
  await db.mailOutbox.updateMany({ where: { id: { in: due.map((m) => m.id) }, status: { in: ["pending", "retry"] } }, data: { status: claimToken, sentAt: now } });
  const mine = await db.mailOutbox.findMany({ where: { status: claimToken }, orderBy: { createdAt: "asc" } });
  const sentIds: string[] = [];
  let failed = 0;
  for (const m of mine) {
    try {
      await transport.send({ to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined, messageId: m.id });
      sentIds.push(m.id);
    } catch (e) {
      const attempts = m.attempts + 1;
      await db.mailOutbox.update({
        where: { id: m.id },
        data: { status: attempts >= MAX_ATTEMPTS ? "failed" : "retry", attempts, lastError: String((e as Error).message ?? e).slice(0, 500), sentAt: new Date() },
      });
      failed++;
    }
  }
  if (sentIds.length) {
    await db.mailOutbox.updateMany({ where: { id: { in: sentIds } }, data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
  }
  return { sent: sentIds.length, failed };
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

/** Starts delivery in the background (after a commit); coalesces calls while a run is busy. */
export function kickOutbox(db: Db): Promise<unknown> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await deliverPendingMail(db, mailTransport());
    } while (again);
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
