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

/** Delivers pending mails. Each row is claimed first (pending → sending), so two instances never send one mail twice. */
export async function deliverPendingMail(db: Db, transport: MailTransport, limit = 50, now = new Date()): Promise<{ sent: number; failed: number }> {
  const due = await db.mailOutbox.findMany({
    where: { status: { in: ["pending", "retry"] }, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    // Backoff: 2^attempts minutes after the last try (createdAt stands in for the first).
    if (m.status === "retry" && m.attempts > 0 && now.getTime() - (m.sentAt ?? m.createdAt).getTime() < 2 ** m.attempts * 60_000) continue;
    const claimed = await db.mailOutbox.updateMany({ where: { id: m.id, status: m.status }, data: { status: "sending" } });
    if (claimed.count !== 1) continue;
    try {
      await transport.send({ to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined, messageId: m.id });
      await db.mailOutbox.update({ where: { id: m.id }, data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      await db.mailOutbox.update({
        where: { id: m.id },
        data: { status: attempts >= MAX_ATTEMPTS ? "failed" : "retry", attempts, lastError: String((e as Error).message ?? e).slice(0, 500), sentAt: new Date() },
      });
      failed++;
    }
  }
  return { sent, failed };
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
