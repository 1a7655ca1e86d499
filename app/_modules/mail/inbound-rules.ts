// The e-mail channel's rules for one received mail, pure (no database, no network): is it automatic mail or a
// bounce, which ticket references and Message-IDs does it carry, and what is the new text in it (quoted history,
// signatures and mobile footers stripped; BSN/onderwijsnummer masked).
import "server-only";
import { convert } from "html-to-text";
import { findPersonalNumbers } from "@/app/_modules/privacy/personal-number";

/** What a mail is, before threading. */
export type MailKind =
  { kind: "person" } | { kind: "automatic"; reason: string } | { kind: "bounce"; failed: string[] };

/** The parts of a parsed mail the rules read (mailparser's ParsedMail fits). */
export type MailHeaders = {
  /** Header names in lower case; values as strings (structured values already flattened). */
  headers: Record<string, string>;
  from: string;
  subject: string;
  contentType?: string;
  /** Text of message/delivery-status parts, if any. */
  deliveryStatus?: string;
};

export const MASK = "[nummer verwijderd]";

/** Lower-case bare address from "Naam <a@b.nl>" or "a@b.nl"; "" when there is none. */
export function bareAddress(value: string | undefined | null): string {
  if (!value) return "";
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const m = angle ?? /([^\s<>"',;:]+@[^\s<>"',;:]+)/.exec(value);
  return m ? m[1]!.toLowerCase().replace(/\.$/, "") : "";
}

const OUT_OF_OFFICE = [
  /^\s*(automatisch antwoord|automatisch bericht|automatic reply|auto(matic)?[- ]?reply|autoreply|auto[- ]?response|out of (the )?office|afwezig|afwezigheid|niet aanwezig|abwesend|vakantie|met vakantie|on vacation|absent)\s*[:\-–]/i,
  /\b(out of (the )?office|automatisch antwoord|automatic reply|autoreply|auto-reply|afwezigheidsbericht|afwezigheidsmelding)\b/i,
];

const NO_REPLY_SENDER = /^(no-?reply|do-?not-?reply|noreply-[\w.-]+|mailer-daemon|postmaster|bounces?(\+[^@]*)?)@/i;

/** True when the subject reads like an out-of-office reply (after any Re:/Antw: prefixes). */
export function isOutOfOfficeSubject(subject: string): boolean {
  const s = stripSubjectPrefixes(subject);
  return OUT_OF_OFFICE.some((r) => r.test(s) || r.test(subject));
}

/** Removes any number of reply/forward prefixes: Re:, RE:, Antw:, AW:, Fwd:, FW:, Doorst:, WG:, Re[2]:, [EXT]. */
export function stripSubjectPrefixes(subject: string): string {
  let s = subject.trim();
  for (;;) {
    const next = s.replace(
      /^(\s*(re|antw|aw|sv|vs|fwd?|doorst|wg|tr|rv)(\[\d+\]|\(\d+\))?\s*[:：]\s*|\s*\[(ext|extern|external)\]\s*)/i,
      "",
    );
    if (next === s) return s.trim();
    s = next;
  }
}

/** True when the subject marks a forwarded mail. */
export function isForwardSubject(subject: string): boolean {
  return /^\s*((re|antw|aw)\s*:\s*)*(fwd?|doorst|wg|tr)\s*:/i.test(subject);
}

/** Classifies a mail: a delivery status notification, automatic mail (no ticket, no auto-reply) or a person's. */
export function classifyMail(m: MailHeaders, ownAddresses: readonly string[]): MailKind {
  const h = m.headers;
  const from = bareAddress(m.from);
  const ct = (m.contentType ?? h["content-type"] ?? "").toLowerCase();
  const isReport = ct.includes("multipart/report") && ct.includes("delivery-status");
  const daemon =
    /^(mailer-daemon|postmaster)@/i.test(from) ||
    /^(mail delivery (subsystem|system)|mail delivery)/i.test(m.from.trim());
  const bounceSubject =
    /(undeliver|delivery status notification|returned mail|mail delivery failed|onbestelbaar|niet bezorgd|kan niet worden bezorgd|failure notice|delivery has failed)/i.test(
      m.subject,
    );
  if (isReport || m.deliveryStatus || (daemon && bounceSubject)) {
    const status = m.deliveryStatus ?? "";
    // Only a failure counts: "Action: delayed" or "delivered" reports say the address works.
    const actions = [...status.matchAll(/^action:\s*(\w+)/gim)].map((x) => x[1]!.toLowerCase());
    if (actions.length && !actions.includes("failed"))
      return { kind: "automatic", reason: `delivery report (${actions.join(", ")})` };
    const failed = new Set<string>();
    for (const x of status.matchAll(/^(final|original)-recipient:\s*(?:rfc822;)?\s*(.+)$/gim)) {
      const a = bareAddress(x[2]);
      if (a) failed.add(a);
    }
    for (const x of (h["x-failed-recipients"] ?? "").split(/[,\s]+/)) if (bareAddress(x)) failed.add(bareAddress(x));
    return { kind: "bounce", failed: [...failed] };
  }
  if (from && ownAddresses.map((a) => a.toLowerCase()).includes(from))
    return { kind: "automatic", reason: "from the portal's own address" };
  const auto = (h["auto-submitted"] ?? "").trim().toLowerCase();
  if (auto && auto !== "no") return { kind: "automatic", reason: `Auto-Submitted: ${auto}` };
  const prec = (h["precedence"] ?? "").trim().toLowerCase();
  if (["bulk", "list", "junk", "auto_reply"].includes(prec))
    return { kind: "automatic", reason: `Precedence: ${prec}` };
  for (const name of [
    "x-autoreply",
    "x-autorespond",
    "x-auto-response-suppress",
    "x-autogenerated",
    "list-id",
    "list-unsubscribe",
    "feedback-id",
  ]) {
    if (h[name] != null) return { kind: "automatic", reason: `${name} header` };
  }
  if (NO_REPLY_SENDER.test(from)) return { kind: "automatic", reason: "no-reply sender" };
  if (isOutOfOfficeSubject(m.subject)) return { kind: "automatic", reason: "out-of-office subject" };
  return { kind: "person" };
}

/** Ticket references in a subject, normalised ("[po 2026 000123]" → "PO-2026-000123"), in order of appearance. */
export function referencesInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9])(I?PO)[\s\-_#:.]{0,2}(\d{4})[\s\-_.]{0,2}(\d{6})(?!\d)/gi)) {
    const ref = `${m[1]!.toUpperCase()}-${m[2]}-${m[3]}`;
    if (!out.includes(ref)) out.push(ref);
  }
  return out;
}

/** Message-IDs from In-Reply-To and References (newest first), bare (without angle brackets), lower-cased domain kept. */
export function threadIds(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const idsIn = (s: string) => [...s.matchAll(/<?([^\s<>,]+@[^\s<>,]+)>?/g)].map((m) => m[1]!);
  const refs = (Array.isArray(references) ? references : [references ?? ""]).flatMap(idsIn).reverse();
  return [...new Set([...idsIn(inReplyTo ?? ""), ...refs])];
}

/** The local part of the thread id the portal gives every ticket (References: <ticket.PO-2026-000123@domain>). */
export const TICKET_THREAD_PREFIX = "ticket.";
export function ticketThreadId(reference: string, domain: string): string {
  return `<${TICKET_THREAD_PREFIX}${reference}@${domain}>`;
}

/** HTML to readable plain text (links kept as "text [url]", no images). Never returns markup. */
export function htmlToPlain(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "img", format: "skip" },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
      { selector: "blockquote", format: "blockquote", options: { trimEmptyLines: true } },
    ],
  })
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Lines where the quoted history or a footer begins; everything from there on is not new text.
const CUT_LINES: RegExp[] = [
  /^-{2,}\s*(oorspronkelijk bericht|original message|origineel bericht|doorgestuurd bericht|forwarded message|weitergeleitete nachricht|ursprüngliche nachricht)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule above "Van: …"
  /^(op|on)\s.{4,200}\s(schreef|wrote|heeft\s.{1,120}\shet volgende geschreven)\s*.{0,200}:\s*$/i,
  /^(op|on)\s.{4,200}(het volgende geschreven|wrote)\s*:\s*$/i,
  /^(verzonden|verstuurd|gestuurd)\s+(vanaf|vanuit|via|met|from)\s+(mijn\s+)?(iphone|ipad|samsung|android|huawei|galaxy|mobiel|smartphone|telefoon|outlook|mail voor windows|ziggo|kpn)/i,
  /^sent\s+(from|with|via)\s+(my\s+)?(iphone|ipad|samsung|android|huawei|galaxy|mobile|smartphone|phone|outlook|mail for windows|blackberry)/i,
  /^(get|download)\s+outlook\s+for\s+(ios|android)/i,
  /^(outlook|download outlook)\s+voor\s+(ios|android)/i,
  /^-- ?$/, // the standard signature separator
];

/** A header block of a quoted Outlook mail: "Van:/From:" followed within a few lines by "Verzonden:/Sent:/Datum:/Date:". */
function isHeaderBlockStart(lines: string[], i: number): boolean {
  const l = lines[i]!.replace(/^\*+|\*+$/g, "").trim();
  if (!/^(van|from|de|von)\s*:\s*\S/i.test(l)) return false;
  for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
    if (/^\**\s*(verzonden|sent|datum|date|envoyé|gesendet|aan|to)\s*:\**\s*/i.test(lines[j]!.trim())) return true;
  }
  return false;
}

/**
 * The new text of a reply: everything above the quoted history, without "-- " signatures, mobile footers and
 * ">"-quoted lines. A Gmail attribution line wrapped over two lines is recognised. When stripping would leave
 * nothing, the whole text is kept (better too much than nothing).
 */
export function stripQuoted(text: string, opts: { forward?: boolean } = {}): { text: string; stripped: boolean } {
  const normalised = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
  const lines = normalised.split("\n");
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const joined = `${line} ${(lines[i + 1] ?? "").trim()}`.trim();
    const forwardMarker =
      /^-{2,}\s*(doorgestuurd bericht|forwarded message|begin doorgestuurd bericht|begin forwarded message)/i.test(
        line,
      ) || /^(begin doorgestuurd bericht|begin forwarded message)\s*:?$/i.test(line);
    // A forwarded mail's content is the question: keep it, stop only at footers before it.
    if (
      opts.forward &&
      (forwardMarker ||
        isHeaderBlockStart(lines, i) ||
        /^-{2,}\s*(oorspronkelijk bericht|original message)/i.test(line))
    )
      break;
    if (CUT_LINES.some((r) => r.test(line)) || isHeaderBlockStart(lines, i) || forwardMarker) {
      cut = i;
      break;
    }
    if (/^(op|on)\s/i.test(line) && !/:\s*$/.test(line) && CUT_LINES.slice(2, 4).some((r) => r.test(joined))) {
      cut = i;
      break;
    }
  }
  let kept = lines.slice(0, cut).filter((l) => !/^\s*>/.test(l));
  // Mobile footers inside a kept forward.
  if (opts.forward) kept = kept.filter((l) => !CUT_LINES.slice(4, 8).some((r) => r.test(l.trim())));
  const result = kept
    .join("\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const whole = normalised.replace(/[ \t]+$/gm, "").trim();
  if (!result) return { text: whole, stripped: false };
  return { text: result, stripped: result !== whole };
}

/** Masks every BSN and onderwijsnummer that passes its check; returns the masked text and how many were masked. */
export function maskPersonalNumbers(text: string): { text: string; count: number } {
  const found = findPersonalNumbers(text);
  if (!found.length) return { text, count: 0 };
  let out = "";
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + MASK;
    at = f.end;
  }
  return { text: out + text.slice(at), count: found.length };
}
