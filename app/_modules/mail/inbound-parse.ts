// Parsing one received mail (mailparser) into the fields the inbound rules and the transaction read.
import "server-only";
import { createHash } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import { bareAddress, htmlToPlain, threadIds } from "./inbound-rules";

export type Parsed = {
  messageId: string;
  from: string;
  fromName: string;
  subject: string;
  headers: Record<string, string>;
  text: string;
  deliveryStatus?: string;
  returnedHeaders?: string;
  attachments: { name: string; bytes: Uint8Array; inline: boolean }[];
  recipients: string[];
  references: string[];
  contentType: string;
};

export async function parseMail(raw: Buffer): Promise<Parsed> {
  const p: ParsedMail = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const headers: Record<string, string> = {};
  for (const h of p.headerLines) {
    const key = h.key.toLowerCase();
    if (headers[key] == null)
      headers[key] = h.line
        .slice(h.line.indexOf(":") + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim();
  }
  const fromValue = p.from?.value?.[0];
  const from = (fromValue?.address ?? bareAddress(headers["from"])).toLowerCase();
  const addrList = (v: ParsedMail["to"]) =>
    v ? (Array.isArray(v) ? v : [v]).flatMap((a) => a.value.map((x) => x.address ?? "")) : [];
  const recipients = [
    ...addrList(p.to),
    ...addrList(p.cc),
    bareAddress(headers["delivered-to"]),
    bareAddress(headers["x-original-to"]),
  ]
    .filter(Boolean)
    .map((a) => a.toLowerCase());
  let deliveryStatus: string | undefined;
  let returnedHeaders: string | undefined;
  const attachments: Parsed["attachments"] = [];
  for (const a of p.attachments) {
    const ct = a.contentType.toLowerCase();
    if (ct === "message/delivery-status" || ct === "message/global-delivery-status")
      deliveryStatus = (deliveryStatus ?? "") + a.content.toString("utf8");
    else if (ct === "message/rfc822" || ct === "text/rfc822-headers" || ct === "message/rfc822-headers")
      returnedHeaders = (returnedHeaders ?? "") + a.content.toString("utf8").slice(0, 64 * 1024);
    else
      attachments.push({
        name: a.filename || `bijlage-${attachments.length + 1}`,
        bytes: new Uint8Array(a.content),
        inline: a.related === true || a.contentDisposition === "inline",
      });
  }
  let text = typeof p.text === "string" && p.text.trim() ? p.text : "";
  if (!text && typeof p.html === "string" && p.html) text = htmlToPlain(p.html);
  // mailparser folds a message/delivery-status part into the text; a report's text is its status then.
  if (
    !deliveryStatus &&
    /multipart\/report/i.test(headers["content-type"] ?? "") &&
    /^(final-recipient|action):/im.test(text)
  )
    deliveryStatus = text;
  // A bounce without a returned-headers part quotes the original in its text.
  if (!returnedHeaders && /^(mailer-daemon|postmaster)@/i.test(p.from?.value?.[0]?.address ?? ""))
    returnedHeaders = text.slice(0, 64 * 1024);
  const messageId = p.messageId?.trim()
    ? p.messageId.trim().replace(/^<|>$/g, "")
    : `sha256.${createHash("sha256").update(raw).digest("hex")}@inbound.invalid`;
  const refs = p.references ? (Array.isArray(p.references) ? p.references : [p.references]) : [];
  return {
    messageId: messageId.slice(0, 500),
    from,
    fromName: fromValue?.name?.trim() ?? "",
    subject: (p.subject ?? "").trim(),
    headers,
    text,
    deliveryStatus,
    returnedHeaders,
    attachments,
    recipients,
    references: threadIds(p.inReplyTo, refs),
    contentType: headers["content-type"] ?? "",
  };
}
