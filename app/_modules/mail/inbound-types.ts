// The e-mail channel's shared inbound types and limits (imported by inbound.ts and the files it is split into).
import "server-only";
import type { Db } from "@/app/_core/db";
import type { DeskId } from "@/app/_core/session";
import type { FileStorage } from "@/app/_modules/storage/storage";

/** Auto-replies (confirmations and notices) per sender address per hour; a loop between auto-responders ends here. */
export const AUTO_REPLIES_PER_HOUR = 3;
/** Largest mail the receiver takes (SMTP SIZE and IMAP fetch). */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;

export type InboundOutcome = "ticket" | "reply" | "other-sender" | "automatic" | "bounce" | "dropped";
export type InboundResult = {
  outcome: InboundOutcome;
  duplicate: boolean;
  messageId: string;
  ticketId?: string;
  reference?: string;
  reason?: string;
};

export type ReceiveOptions = {
  /** SMTP envelope recipients (RCPT TO); for IMAP the mailbox's desk is passed as `deskId`. */
  recipients?: readonly string[];
  deskId?: DeskId;
  storage?: FileStorage;
  now?: Date;
  /** Start mail delivery after the commit (default true). */
  kick?: boolean;
  /**
   * The SQLite URL of `db`: write with prepared statements in a group commit (inbound-sqlite.ts). Without it (and
   * always on PostgreSQL) every write goes through Prisma.
   */
  sqliteUrl?: string;
};

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Writes the InboundMail row (the Message-ID that makes a second delivery a duplicate) inside the transaction. */
export type Recorder = (
  tx: Tx,
  outcome: InboundOutcome,
  ticketId: string | null,
  autoReplied?: boolean,
) => Promise<unknown>;
