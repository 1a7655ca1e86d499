// Builds real RFC 5322 mails with nodemailer's MailComposer (the same code a mail client library uses), for the
// e-mail channel's tests.
import MailComposer from "nodemailer/lib/mail-composer";

export type TestMail = {
  from: string;
  to?: string;
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer | string; contentType?: string; cid?: string }[];
};

export function composeMail(m: TestMail): Promise<Buffer> {
  return new MailComposer({
    from: m.from,
    to: m.to ?? "po@helpdesk.test",
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    headers: m.headers,
    attachments: m.attachments,
  })
    .compile()
    .build();
}

let n = 0;
/** A unique Message-ID for a test mail. */
export const testMessageId = () => `<test.${Date.now()}.${++n}.${Math.random().toString(36).slice(2)}@client.test>`;
