// IMAP polling per desk mailbox (imapflow): every mail in the inbox is taken in and, only after it is committed,
// moved to the processed folder. IDLE is used where the server offers it (imapflow falls back to NOOP polling).
// Exactly one instance consumes a mailbox at a time: a lease row in the database, renewed while working; another
// instance takes over when it runs out, so the poller runs safely behind a load balancer.
import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { ImapFlow } from "imapflow";
import type { Db } from "@/app/_core/db";
import { logUnexpected } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import type { FileStorage } from "@/app/_modules/storage/storage";
import { MAX_MAIL_BYTES, receiveMail, type InboundResult } from "./inbound";

export const IMAP_LEASE_MS = 60_000;
export const DEFAULT_PROCESSED_FOLDER = "Verwerkt";

export type ImapMailbox = {
  deskId: DeskId;
  /** imap[s]://user:password@host:port/INBOX?processed=Verwerkt */
  url: string;
};

type Settings = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  inbox: string;
  processed: string;
  key: string;
};

/** Reads an IMAP URL: imaps:// is TLS (993 by default), imap:// plain (143); path = inbox, ?processed= the folder. */
export function parseImapUrl(url: string): Settings {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  const inbox = decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX";
  const user = decodeURIComponent(u.username);
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 993 : 143)),
    secure,
    user,
    pass: decodeURIComponent(u.password),
    inbox,
    processed: u.searchParams.get("processed") || DEFAULT_PROCESSED_FOLDER,
    key: `imap:${user}@${u.hostname}:${u.port || (secure ? 993 : 143)}/${inbox}`,
  };
}

/** Takes or renews the lease on a mailbox; false while another holder's lease runs. */
export async function acquireLease(
  db: Db,
  mailbox: string,
  holder: string,
  ms = IMAP_LEASE_MS,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ms);
  const r = await db.mailboxLease.updateMany({
    where: { mailbox, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt },
  });
  if (r.count === 1) return true;
  try {
    await db.mailboxLease.create({ data: { mailbox, holder, expiresAt } });
    return true;
  } catch {
    return false; // another instance holds it (or created it just now)
  }
}

export async function releaseLease(db: Db, mailbox: string, holder: string): Promise<void> {
  await db.mailboxLease.deleteMany({ where: { mailbox, holder } });
}

function client(s: Settings): ImapFlow {
  return new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: { user: s.user, pass: s.pass },
    logger: false,
    tls: { rejectUnauthorized: !process.env.IMAP_INSECURE_TLS },
  });
}

/** Takes in every mail now in the inbox, moving each to the processed folder after its commit. */
export async function processInbox(
  db: Db,
  imap: ImapFlow,
  s: Settings,
  opts: {
    deskId: DeskId;
    storage?: FileStorage;
    sqliteUrl?: string;
    stillMine?: () => Promise<boolean>;
    onReceived?: (r: InboundResult) => void;
  },
): Promise<{ taken: number; failed: number }> {
  let taken = 0;
  let failed = 0;
  const lock = await imap.getMailboxLock(s.inbox);
  try {
    const uids = (await imap.search({ all: true }, { uid: true })) || [];
    for (const uid of uids) {
      if (opts.stillMine && !(await opts.stillMine())) break;
      const msg = await imap.fetchOne(String(uid), { source: true, size: true }, { uid: true });
      if (!msg || !msg.source) continue;
      if ((msg.size ?? msg.source.length) > MAX_MAIL_BYTES) {
        // Too large to take in: leave it for a person, out of the inbox so it is not fetched again and again.
        await imap.messageMove(String(uid), `${s.processed}`, { uid: true });
        continue;
      }
      try {
        const r = await receiveMail(db, msg.source, {
          deskId: opts.deskId,
          storage: opts.storage,
          sqliteUrl: opts.sqliteUrl,
        });
        opts.onReceived?.(r);
      } catch (e) {
        // Not committed: the mail stays in the inbox and is tried on the next round.
        logUnexpected("imap:receive", e);
        failed++;
        continue;
      }
      await imap.messageMove(String(uid), s.processed, { uid: true });
      taken++;
    }
  } finally {
    lock.release();
  }
  return { taken, failed };
}

async function ensureFolder(imap: ImapFlow, folder: string) {
  const list = await imap.list();
  if (!list.some((f) => f.path === folder)) await imap.mailboxCreate(folder).catch(() => {});
}

/** One round: take the lease, connect, take in the inbox, log out. For tests and a cron-style setup. */
export async function pollMailboxOnce(
  db: Db,
  mb: ImapMailbox,
  opts: { holder?: string; storage?: FileStorage; sqliteUrl?: string } = {},
): Promise<{ leased: boolean; taken: number; failed: number }> {
  const s = parseImapUrl(mb.url);
  const holder = opts.holder ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  if (!(await acquireLease(db, s.key, holder))) return { leased: false, taken: 0, failed: 0 };
  const imap = client(s);
  try {
    await imap.connect();
    await ensureFolder(imap, s.processed);
    const r = await processInbox(db, imap, s, {
      deskId: mb.deskId,
      storage: opts.storage,
      sqliteUrl: opts.sqliteUrl,
      stillMine: () => acquireLease(db, s.key, holder),
    });
    return { leased: true, ...r };
  } finally {
    await imap.logout().catch(() => imap.close());
    await releaseLease(db, s.key, holder).catch(() => {});
  }
}

/**
 * The long-running poller of one mailbox: waits for the lease, then keeps a connection open, takes in new mail as
 * it arrives (IDLE's EXISTS, or a round every `intervalMs`), and renews its lease each round. It lets go of the
 * mailbox when the lease cannot be renewed.
 */
export function startImapPoller(
  db: () => Db,
  mb: ImapMailbox,
  opts: { intervalMs?: number; leaseMs?: number; storage?: FileStorage; sqliteUrl?: () => string | undefined } = {},
): { stop(): Promise<void> } {
  const s = parseImapUrl(mb.url);
  const holder = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const leaseMs = opts.leaseMs ?? IMAP_LEASE_MS;
  const interval = opts.intervalMs ?? Math.min(30_000, leaseMs / 3);
  let stopped = false;
  let imap: ImapFlow | null = null;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(r, ms);
      wake = () => {
        clearTimeout(t);
        r();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      try {
        if (!(await acquireLease(db(), s.key, holder, leaseMs))) {
          await sleep(interval);
          continue;
        }
        imap = client(s);
        imap.on("exists", () => wake?.());
        imap.on("error", (e) => logUnexpected("imap", e));
        await imap.connect();
        await ensureFolder(imap, s.processed);
        while (!stopped && imap.usable) {
          if (!(await acquireLease(db(), s.key, holder, leaseMs))) break;
          await processInbox(db(), imap, s, {
            deskId: mb.deskId,
            storage: opts.storage,
            sqliteUrl: opts.sqliteUrl?.(),
          });
          // Between rounds: IDLE on the inbox (imapflow polls with NOOP where IDLE is missing); a new mail (EXISTS)
          // or the interval ends the wait. The next command ends IDLE.
          await imap.mailboxOpen(s.inbox).catch(() => {});
          const c = imap;
          void c.idle().catch(() => {});
          await sleep(interval);
        }
      } catch (e) {
        if (!stopped) logUnexpected("imap:poller", e);
        await sleep(interval);
      } finally {
        const c = imap as ImapFlow | null;
        imap = null;
        if (c) await c.logout().catch(() => c.close());
      }
    }
    await releaseLease(db(), s.key, holder).catch(() => {});
  })();
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
