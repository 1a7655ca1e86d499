// Starts the e-mail channel in a server process: the embedded SMTP receiver (unless INBOUND_SMTP=off) and one IMAP
// poller per desk mailbox that has an IMAP_URL_* setting. Called once from app/_core/startup.ts.
import "server-only";
import { db, isPostgres } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { logUnexpected } from "@/app/_core/errors";

const g = globalThis as unknown as { __mailChannel?: { stop(): Promise<void> } };

export async function startMailChannel(): Promise<void> {
  if (g.__mailChannel) return;
  const e = env();
  const stops: (() => Promise<void>)[] = [];
  // SQLite: the prepared-statement write path with group commit (inbound-sqlite.ts).
  const sqliteUrl = () => (isPostgres() ? undefined : env().DATABASE_URL);
  g.__mailChannel = { stop: async () => void (await Promise.all(stops.map((s) => s()))) };
  if (e.INBOUND_SMTP) {
    const { startSmtpReceiver } = await import("./smtp-receiver");
    try {
      const r = await startSmtpReceiver(db, { host: e.INBOUND_SMTP_HOST, port: e.INBOUND_SMTP_PORT, sqliteUrl });
      stops.push(r.close);
      console.log(`  E-mail: SMTP receiver on ${e.INBOUND_SMTP_HOST}:${r.port}`);
    } catch (err) {
      logUnexpected("smtp-receiver:listen", err);
    }
  }
  const mailboxes = [
    { deskId: "po" as const, url: e.IMAP_URL_PO },
    { deskId: "vo-mbo" as const, url: e.IMAP_URL_VO_MBO },
  ].filter((m): m is { deskId: "po" | "vo-mbo"; url: string } => !!m.url);
  if (mailboxes.length) {
    const { startImapPoller } = await import("./imap-poller");
    for (const m of mailboxes) stops.push(startImapPoller(db, m, { sqliteUrl }).stop);
  }
}
