// RFC 5322 / MIME writing and a minimal reader for .eml files. Pure: no file system, no network.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";

/** One outgoing mail as the app hands it to a transport. */
export type MailMessage = {
  to: string | readonly string[];
  subject: string;
  text: string;
  html?: string | null;
  messageId?: string | null;
  /** Message-ID this mail answers, for threading in the caller's mail program. */
  inReplyTo?: string | null;
  references?: readonly string[] | null;
  /** Where the caller's mail program sends a reply (the desk's inbound address). */
  replyTo?: string | null;
};

export type ParsedEml = {
  /** Header names in lower case; values unfolded and RFC 2047-decoded; a repeated header keeps its first value. */
  headers: Record<string, string>;
  text: string;
  html?: string;
};

const CRLF = "\r\n";
const utf8 = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// Writing

/** True when a header value can go out as plain ASCII without being mistaken for an encoded word. */
const isPlainAscii = (s: string) => /^[\x20-\x7e]*$/.test(s) && !s.includes("=?");

/** Splits text into RFC 2047 B-encoded words; each holds whole characters and stays well under 75 chars. */
export function encodeHeaderWords(value: string): string[] {
  const words: string[] = [];
  let chunk: number[] = [];
  // 39 bytes → 52 base64 chars + 12 of wrapping: a word plus a header name fits a 78-char line.
  const flush = () => {
    if (chunk.length) words.push(`=?UTF-8?B?${Buffer.from(chunk).toString("base64")}?=`);
    chunk = [];
  };
  for (const ch of value) {
    const bytes = utf8.encode(ch);
    if (chunk.length + bytes.length > 39) flush();
    chunk.push(...bytes);
  }
  flush();
  return words;
}

/** An unstructured header value (Subject): encoded when not plain ASCII, folded at spaces when long. */
export function encodeUnstructured(name: string, value: string): string {
  const clean = value.replace(/[\r\n\t]+/g, " ").trim();
  if (!isPlainAscii(clean)) return `${name}: ${encodeHeaderWords(clean).join(`${CRLF} `)}`;
  return foldAscii(`${name}: ${clean}`);
}

function foldAscii(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 78) {
    const cut = rest.lastIndexOf(" ", 78);
    if (cut <= 0) break; // one long word: allowed up to 998 chars
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut); // the space starts the continuation line
  }
  out.push(rest);
  return out.join(CRLF);
}

function assertNoLineBreak(value: string, what: string) {
  if (/[\r\n]/.test(value)) throw new Error(`${what} must not contain line breaks`);
}

/** Splits "a@x.nl, \"B, C\" <b@x.nl>" into single addresses, respecting quotes and angle brackets. */
export function splitAddressList(list: string | readonly string[]): string[] {
  const items = typeof list === "string" ? [list] : [...list];
  const out: string[] = [];
  for (const item of items) {
    let current = "";
    let quoted = false;
    let angle = false;
    for (const ch of item) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === "<") angle = true;
      else if (!quoted && ch === ">") angle = false;
      if ((ch === "," || ch === ";") && !quoted && !angle) {
        if (current.trim()) out.push(current.trim());
        current = "";
      } else current += ch;
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}

const ADDR_SPEC = /^[^\s<>@",;]+@[^\s<>@",;]+$/;

/** Formats one address for a header; a non-ASCII display name becomes an encoded word. */
export function formatAddress(address: string): string {
  assertNoLineBreak(address, "An address");
  const trimmed = address.trim();
  if (ADDR_SPEC.test(trimmed)) return trimmed;
  const m = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  if (!m || !ADDR_SPEC.test(m[2].trim())) throw new Error(`Not a mail address: ${address}`);
  const addr = m[2].trim();
  let name = m[1].trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1).replace(/\\(.)/g, "$1");
  if (!name) return addr;
  if (!isPlainAscii(name)) return `${encodeHeaderWords(name).join(" ")} <${addr}>`;
  // Atext plus spaces needs no quoting; anything else (a comma, a dot, brackets) does.
  if (/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(name)) return `${name} <${addr}>`;
  return `"${name.replace(/(["\\])/g, "\\$1")}" <${addr}>`;
}

/** The bare address of "Name <a@b.nl>" or "a@b.nl". */
export function addressOf(address: string): string {
  const m = /<([^<>]+)>\s*$/.exec(address);
  return (m ? m[1] : address).trim();
}

/** Wraps a message id in angle brackets; a bare id (an outbox row id) gets the sender's domain as its right part. */
export function normalizeMessageId(id: string, from?: string): string {
  let bare = id.trim().replace(/^<|>$/g, "");
  if (!/^[^\s<>]+$/.test(bare)) throw new Error(`Invalid Message-ID: ${id}`);
  if (!bare.includes("@")) bare = `${bare}@${senderDomain(from)}`;
  return `<${bare}>`;
}

function senderDomain(from: string | undefined): string {
  return (from && addressOf(from).split("@")[1]) || "helpdesk.invalid";
}

/** A fresh Message-ID in the sender's domain. */
export function generateMessageId(from: string): string {
  return `<${randomUUID()}@${senderDomain(from)}>`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 5322 date-time in UTC ("Mon, 16 Jun 2025 08:00:00 +0000"). */
export function formatRfc5322Date(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** UTF-8 quoted-printable with CRLF line ends and lines of at most 76 characters. */
export function encodeQuotedPrintable(text: string): string {
  const lines = text.replace(/\r\n|\r/g, "\n").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const tokens: string[] = [];
    for (const b of utf8.encode(line)) {
      const literal = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9;
      tokens.push(literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`);
    }
    // Whitespace at a line end may be stripped in transit, so it is encoded.
    const last = tokens.length - 1;
    if (last >= 0 && (tokens[last] === " " || tokens[last] === "\t"))
      tokens[last] = tokens[last] === " " ? "=20" : "=09";
    let current = "";
    for (const t of tokens) {
      if (current.length + t.length > 75) {
        out.push(`${current}=`);
        current = "";
      }
      current += t;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

/** Builds a complete RFC 5322 message; multipart/alternative when `html` is given. */
export function buildEml(msg: MailMessage, opts: { from: string; date?: Date; messageId?: string }): string {
  const to = splitAddressList(msg.to);
  if (to.length === 0) throw new Error("A mail needs at least one recipient");
  const messageId = normalizeMessageId(opts.messageId ?? msg.messageId ?? generateMessageId(opts.from), opts.from);
  const headers = [
    `From: ${formatAddress(opts.from)}`,
    foldAscii(`To: ${to.map(formatAddress).join(", ")}`),
    encodeUnstructured("Subject", msg.subject),
    `Date: ${formatRfc5322Date(opts.date ?? new Date())}`,
    `Message-ID: ${messageId}`,
  ];
  if (msg.replyTo) headers.splice(2, 0, `Reply-To: ${formatAddress(msg.replyTo)}`);
  if (msg.inReplyTo) headers.push(`In-Reply-To: ${normalizeMessageId(msg.inReplyTo, opts.from)}`);
  if (msg.references?.length)
    headers.push(foldAscii(`References: ${msg.references.map((id) => normalizeMessageId(id, opts.from)).join(" ")}`));
  headers.push("MIME-Version: 1.0");

  const part = (type: string, body: string) =>
    [
      `Content-Type: ${type}; charset=utf-8`,
      "Content-Transfer-Encoding: quoted-printable",
      "",
      encodeQuotedPrintable(body),
    ].join(CRLF);

  if (msg.html == null) {
    return [...headers, part("text/plain", msg.text)].join(CRLF) + CRLF;
  }
  // "=_" never occurs in quoted-printable output, so the boundary cannot collide with a body.
  const boundary = `=_alt_${randomBytes(12).toString("hex")}`;
  return (
    [
      ...headers,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      part("text/plain", msg.text),
      `--${boundary}`,
      part("text/html", msg.html),
      `--${boundary}--`,
    ].join(CRLF) + CRLF
  );
}

// ---------------------------------------------------------------------------------------------
// Reading (minimal: enough for tests and for inspecting the outbox folder)

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** Decodes RFC 2047 encoded words; adjacent words join without the whitespace between them. */
export function decodeHeaderWords(value: string): string {
  const re = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  // Bytes of adjacent words are decoded together: a character may be split over two words.
  const state: { out: string; charset: string | null; bytes: number[] } = { out: "", charset: null, bytes: [] };
  const flush = () => {
    if (state.charset !== null) state.out += decodeBytes(Uint8Array.from(state.bytes), state.charset);
    state.charset = null;
    state.bytes = [];
  };
  let last = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const between = value.slice(last, m.index);
    const charset = m[1].split("*")[0].toLowerCase(); // drop an RFC 2231 language tag
    const adjacent = state.charset !== null && /^\s*$/.test(between);
    if (!adjacent || state.charset !== charset) flush();
    if (!adjacent) state.out += between;
    const bytes = m[2].toUpperCase() === "B" ? Buffer.from(m[3], "base64") : qpBytes(m[3].replace(/_/g, " "));
    state.charset = charset;
    state.bytes.push(...bytes);
    last = re.lastIndex;
  }
  flush();
  return state.out + value.slice(last);
}

function qpBytes(s: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...utf8.encode(s[i]));
  }
  return Uint8Array.from(bytes);
}

type Entity = { headers: Record<string, string>; body: string };

function splitEntity(raw: string): Entity {
  const sep = /\r?\n\r?\n/.exec(raw);
  const head = sep ? raw.slice(0, sep.index) : raw;
  const body = sep ? raw.slice(sep.index + sep[0].length) : "";
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = decodeHeaderWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function contentType(headers: Record<string, string>) {
  const raw = headers["content-type"] ?? "text/plain; charset=us-ascii";
  const [type, ...params] = raw.split(";");
  const map: Record<string, string> = {};
  for (const p of params) {
    const eq = p.indexOf("=");
    if (eq > 0)
      map[p.slice(0, eq).trim().toLowerCase()] = p
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, "");
  }
  return { type: type.trim().toLowerCase(), params: map };
}

function decodeBody(entity: Entity, charset: string | undefined): string {
  const cte = (entity.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (cte === "base64") return decodeBytes(Buffer.from(entity.body.replace(/\s+/g, ""), "base64"), charset);
  if (cte === "quoted-printable") return decodeBytes(qpBytes(entity.body.replace(/=\r?\n/g, "")), charset);
  return entity.body;
}

function collectParts(raw: string, found: { text?: string; html?: string }, topLevel: boolean) {
  const entity = splitEntity(raw);
  const { type, params } = contentType(entity.headers);
  if (type.startsWith("multipart/") && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const lines = entity.body.split(/\r?\n/);
    let current: string[] | null = null;
    for (const line of lines) {
      if (line === delimiter || line === `${delimiter}--`) {
        if (current) collectParts(current.join("\r\n"), found, false);
        current = line === delimiter ? [] : null;
        if (!current) break;
      } else if (current) current.push(line);
    }
    return;
  }
  if ((entity.headers["content-disposition"] ?? "").toLowerCase().startsWith("attachment")) return;
  let body = decodeBody(entity, params.charset);
  // The line break ending a single-part message belongs to the message, not the text.
  if (topLevel) body = body.replace(/\r?\n$/, "");
  body = body.replace(/\r\n/g, "\n");
  if (type === "text/plain" && found.text === undefined) found.text = body;
  if (type === "text/html" && found.html === undefined) found.html = body;
}

/** Reads an .eml: decoded headers plus the first text/plain and text/html parts (line ends as "\n"). */
export function parseEml(raw: string): ParsedEml {
  const { headers } = splitEntity(raw);
  const found: { text?: string; html?: string } = {};
  collectParts(raw, found, true);
  const result: ParsedEml = { headers, text: found.text ?? "" };
  if (found.html !== undefined) result.html = found.html;
  return result;
}
