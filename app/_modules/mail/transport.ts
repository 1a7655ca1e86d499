// Mail delivery: .eml files in a folder by default, SMTP through nodemailer when SMTP_URL is set.
// No database here: the outbox (written in the same transaction as its cause) calls `send`.
import "server-only";
import { randomBytes } from "node:crypto";
import { access, link, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { buildEml, generateMessageId, normalizeMessageId, splitAddressList, type MailMessage } from "./eml";

export type { MailMessage } from "./eml";

/**
 * Something that delivers a mail; it rejects when delivery failed, so the outbox can retry. It answers
 * "already-sent" when it can tell that a mail with this messageId was delivered before (the .eml of that id exists),
 * and then delivers nothing.
 */
export interface MailTransport {
  send(msg: MailMessage): Promise<"sent" | "already-sent" | void>;
}

export type EmlFolderTransport = MailTransport & { readonly kind: "eml"; readonly dir: string };
export type SmtpTransport = MailTransport & { readonly kind: "smtp"; readonly transporter: nodemailer.Transporter };

export const DEFAULT_MAIL_FROM = "Onderwijs Helpdesk <noreply@helpdesk.invalid>";

const idPart = (messageId: string) =>
  messageId
    .replace(/^<|>$/g, "")
    .split("@")[0]!
    .replace(/[^A-Za-z0-9_-]/g, "")
    .slice(0, 64);

/** File name "<UTC timestamp>-<id>.eml" for a mail without its own id; names sort by sending time. */
export function emlFileName(date: Date, messageId: string): string {
  const stamp = date.toISOString().replace(/[-:.]/g, ""); // 20250616T080000123Z
  return `${stamp}-${idPart(messageId) || randomBytes(8).toString("hex")}.eml`;
}

/**
 * File name "<id>.eml" for a mail with its own id (an outbox row id): one name per mail, so a second delivery of
 * the same mail (after a crash) finds the file and writes nothing. Null when the id has no usable characters.
 */
export function emlFileNameForId(messageId: string): string | null {
  const id = idPart(messageId);
  return id ? `${id}.eml` : null;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Writes each mail as an RFC 5322 .eml file in `dir`; a reader never sees a half-written file. */
export function createEmlFolderTransport(
  dir: string,
  from: string = DEFAULT_MAIL_FROM,
  opts: { now?: () => Date } = {},
): EmlFolderTransport {
  const folder = path.resolve(dir);
  const now = opts.now ?? (() => new Date());
  return {
    kind: "eml",
    dir: folder,
    async send(msg) {
      const date = now();
      const messageId = msg.messageId ? normalizeMessageId(msg.messageId, from) : generateMessageId(from);
      const name = (msg.messageId ? emlFileNameForId(msg.messageId) : null) ?? emlFileName(date, messageId);
      const target = path.join(folder, name);
      if (msg.messageId && (await exists(target))) return "already-sent";
      const content = buildEml(msg, { from, date, messageId });
      await mkdir(folder, { recursive: true });
      // Temp file in the same folder; link() makes it visible at once and fails if the name exists (two workers,
      // or a worker that died after writing), so a mail is never written twice. The leading dot hides the temp file.
      const temp = path.join(folder, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        await writeFile(temp, content, { encoding: "utf8", flag: "wx" });
        await link(temp, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST" && msg.messageId) return "already-sent";
        throw err;
      } finally {
        await rm(temp, { force: true });
      }
      return "sent";
    },
  };
}

/** Sends through nodemailer from a URL such as smtps://user:pass@mail.example.nl:465 (query options allowed). */
export function createSmtpTransport(smtpUrl: string, from: string = DEFAULT_MAIL_FROM): SmtpTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    transporter,
    async send(msg) {
      // SMTP cannot be asked whether it accepted a Message-ID before: the outbox marks each mail sent right after
      // the server accepted it, which leaves only that moment as a (logged) window for a second delivery.
      await transporter.sendMail({
        from,
        to: splitAddressList(msg.to),
        subject: msg.subject,
        text: msg.text,
        ...(msg.html != null ? { html: msg.html } : {}),
        ...(msg.messageId ? { messageId: normalizeMessageId(msg.messageId, from) } : {}),
        ...(msg.replyTo ? { replyTo: msg.replyTo } : {}),
        ...(msg.inReplyTo ? { inReplyTo: normalizeMessageId(msg.inReplyTo, from) } : {}),
        ...(msg.references?.length ? { references: msg.references.map((id) => normalizeMessageId(id, from)) } : {}),
      });
      return "sent";
    },
  };
}

/** SMTP when SMTP_URL is set, else .eml files in MAIL_DIR. */
export function createTransport(env: {
  SMTP_URL?: string;
  MAIL_DIR: string;
  MAIL_FROM: string;
}): EmlFolderTransport | SmtpTransport {
  const from = env.MAIL_FROM || DEFAULT_MAIL_FROM;
  return env.SMTP_URL?.trim()
    ? createSmtpTransport(env.SMTP_URL.trim(), from)
    : createEmlFolderTransport(env.MAIL_DIR, from);
}
