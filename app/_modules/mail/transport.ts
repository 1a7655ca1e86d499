// Mail delivery: .eml files in a folder by default, SMTP through nodemailer when SMTP_URL is set.
// No database here: the outbox (written in the same transaction as its cause) calls `send`.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { buildEml, generateMessageId, normalizeMessageId, splitAddressList, type MailMessage } from "./eml";

export type { MailMessage } from "./eml";

/** Something that delivers a mail; it rejects when delivery failed, so the outbox can retry. */
export interface MailTransport {
  send(msg: MailMessage): Promise<void>;
}

export type EmlFolderTransport = MailTransport & { readonly kind: "eml"; readonly dir: string };
export type SmtpTransport = MailTransport & { readonly kind: "smtp"; readonly transporter: nodemailer.Transporter };

export const DEFAULT_MAIL_FROM = "Onderwijs Helpdesk <noreply@helpdesk.invalid>";

/** File name "<UTC timestamp>-<id>.eml"; names sort by sending time. */
export function emlFileName(date: Date, messageId: string): string {
  const stamp = date.toISOString().replace(/[-:.]/g, ""); // 20250616T080000123Z
  const local = messageId.replace(/^<|>$/g, "").split("@")[0];
  const id = local.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64) || randomBytes(8).toString("hex");
  return `${stamp}-${id}.eml`;
}

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
      const content = buildEml(msg, { from, date, messageId });
      await mkdir(folder, { recursive: true });
      const name = emlFileName(date, messageId);
      // Temp file in the same folder, so the rename is atomic; the leading dot hides it from *.eml readers.
      const temp = path.join(folder, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        await writeFile(temp, content, { encoding: "utf8", flag: "wx" });
        await rename(temp, path.join(folder, name));
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
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
      await transporter.sendMail({
        from,
        to: splitAddressList(msg.to),
        subject: msg.subject,
        text: msg.text,
        ...(msg.html != null ? { html: msg.html } : {}),
        ...(msg.messageId ? { messageId: normalizeMessageId(msg.messageId, from) } : {}),
        ...(msg.inReplyTo ? { inReplyTo: normalizeMessageId(msg.inReplyTo, from) } : {}),
        ...(msg.references?.length ? { references: msg.references.map((id) => normalizeMessageId(id, from)) } : {}),
      });
    },
  };
}

/** SMTP when SMTP_URL is set, else .eml files in MAIL_DIR. */
export function createTransport(env: { SMTP_URL?: string; MAIL_DIR: string; MAIL_FROM: string }): EmlFolderTransport | SmtpTransport {
  const from = env.MAIL_FROM || DEFAULT_MAIL_FROM;
  return env.SMTP_URL?.trim() ? createSmtpTransport(env.SMTP_URL.trim(), from) : createEmlFolderTransport(env.MAIL_DIR, from);
}
