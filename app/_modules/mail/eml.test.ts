import { describe, expect, it } from "vitest";
import {
  buildEml,
  decodeHeaderWords,
  encodeHeaderWords,
  encodeQuotedPrintable,
  encodeUnstructured,
  formatAddress,
  formatRfc5322Date,
  normalizeMessageId,
  parseEml,
  splitAddressList,
} from "./eml";

const FROM = "Helpdesk BRON PO <noreply@helpdesk.example.nl>";
const headerBlock = (eml: string) => eml.slice(0, eml.indexOf("\r\n\r\n"));

describe("encodeHeaderWords / decodeHeaderWords", () => {
  it.each([
    "Uw vraag is ontvangen – één stap",
    "Ça va, Zoë? Café-crème 😀 and more text to force several encoded words in one header",
    "ASCII only",
    "ééééééééééééééééééééééééééééééééééééééééééééééééééé", // two-byte chars around every chunk edge
  ])("round-trips %s", (value) => {
    const words = encodeHeaderWords(value);
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    }
    expect(decodeHeaderWords(words.join("\r\n "))).toBe(value);
  });

  it.each([
    ["=?ISO-8859-1?Q?Caf=E9_cr=E8me?=", "Café crème"],
    ["Re: =?utf-8?q?=C3=A9=C3=A9n?= stap", "Re: één stap"],
    ["=?UTF-8?B?w6k=?= =?UTF-8?B?w6s=?=", "éë"], // whitespace between adjacent words disappears
    ["=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9?=", "é"], // a character split over two words
    ["plain", "plain"],
  ])("decodes %s", (raw, expected) => {
    expect(decodeHeaderWords(raw)).toBe(expected);
  });
});

describe("encodeUnstructured", () => {
  it("leaves ASCII alone and folds long lines at spaces", () => {
    const long = "Vraag over " + "verzuim ".repeat(20);
    const header = encodeUnstructured("Subject", long);
    for (const line of header.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    expect(
      header
        .split("\r\n")
        .slice(1)
        .every((l) => l.startsWith(" ")),
    ).toBe(true);
    expect(header.replace(/\r\n/g, "")).toBe(`Subject: ${long.trim()}`);
  });

  it("encodes text that looks like an encoded word", () => {
    expect(encodeUnstructured("Subject", "a =?x?= b")).toMatch(/^Subject: =\?UTF-8\?B\?/);
  });

  it("turns line breaks in a subject into spaces (no header injection)", () => {
    const header = encodeUnstructured("Subject", "Hallo\r\nBcc: iemand@example.nl");
    expect(header).toBe("Subject: Hallo Bcc: iemand@example.nl");
  });
});

describe("addresses", () => {
  it.each([
    ["a@b.nl", "a@b.nl"],
    ["Jan Jansen <jan@school.nl>", "Jan Jansen <jan@school.nl>"],
    ['"Jansen, Jan" <jan@school.nl>', '"Jansen, Jan" <jan@school.nl>'],
    ["J. de Vries <j@school.nl>", '"J. de Vries" <j@school.nl>'],
    ["<solo@school.nl>", "solo@school.nl"],
  ])("formats %s", (input, expected) => {
    expect(formatAddress(input)).toBe(expected);
  });

  it("encodes a non-ASCII display name", () => {
    const formatted = formatAddress("Zoë Bakker <zoe@school.nl>");
    expect(formatted).toMatch(/^=\?UTF-8\?B\?.+\?= <zoe@school.nl>$/);
    expect(decodeHeaderWords(formatted)).toBe("Zoë Bakker <zoe@school.nl>");
  });

  it.each(["geen adres", "a@b.nl\r\nBcc: x@y.nl", "Naam <niet-goed>"])("rejects %j", (input) => {
    expect(() => formatAddress(input)).toThrow();
  });

  it("splits lists, keeping quoted commas", () => {
    expect(splitAddressList('"Jansen, Jan" <jan@s.nl>, piet@s.nl; kees@s.nl')).toEqual([
      '"Jansen, Jan" <jan@s.nl>',
      "piet@s.nl",
      "kees@s.nl",
    ]);
    expect(splitAddressList(["a@s.nl", "b@s.nl, c@s.nl"])).toEqual(["a@s.nl", "b@s.nl", "c@s.nl"]);
  });

  it("normalizes message ids", () => {
    expect(normalizeMessageId("abc@x.nl")).toBe("<abc@x.nl>");
    expect(normalizeMessageId("<abc@x.nl>")).toBe("<abc@x.nl>");
    expect(() => normalizeMessageId("a b@x.nl")).toThrow();
    expect(() => normalizeMessageId("a@x.nl>\r\nBcc: y")).toThrow();
    // An outbox row id has no domain: the sender's is added, as RFC 5322 wants id-left@id-right.
    expect(normalizeMessageId("cm1abc", "Helpdesk <noreply@helpdesk.example.nl>")).toBe("<cm1abc@helpdesk.example.nl>");
    expect(normalizeMessageId("cm1abc")).toBe("<cm1abc@helpdesk.invalid>");
  });
});

describe("encodeQuotedPrintable", () => {
  it.each([
    ["plain ASCII stays readable", "Hallo wereld", "Hallo wereld"],
    ["é becomes its UTF-8 bytes", "café", "caf=C3=A9"],
    ["= is escaped", "a=b", "a=3Db"],
    ["trailing space is escaped", "einde ", "einde=20"],
    ["line ends become CRLF", "a\nb\r\nc", "a\r\nb\r\nc"],
  ])("%s", (_label, input, expected) => {
    expect(encodeQuotedPrintable(input)).toBe(expected);
  });

  it("keeps lines at 76 characters and never splits an escape", () => {
    const encoded = encodeQuotedPrintable("é".repeat(100) + " " + "x".repeat(200));
    for (const line of encoded.split("\r\n")) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).not.toMatch(/=[0-9A-F]?=$/); // an escape cut by a soft break
    }
  });
});

describe("formatRfc5322Date", () => {
  it("writes a UTC date-time", () => {
    expect(formatRfc5322Date(new Date("2025-06-16T08:05:09Z"))).toBe("Mon, 16 Jun 2025 08:05:09 +0000");
  });
});

describe("buildEml + parseEml", () => {
  const date = new Date("2025-06-16T08:00:00Z");

  it("writes a single text part with the required headers", () => {
    const eml = buildEml(
      { to: "jan@school.nl", subject: "Test", text: "Hallo Zoë,\n\nTot ziens." },
      { from: FROM, date, messageId: "t1@helpdesk.example.nl" },
    );
    const head = headerBlock(eml);
    expect(head).toContain("From: Helpdesk BRON PO <noreply@helpdesk.example.nl>");
    expect(head).toContain("To: jan@school.nl");
    expect(head).toContain("Subject: Test");
    expect(head).toContain("Date: Mon, 16 Jun 2025 08:00:00 +0000");
    expect(head).toContain("Message-ID: <t1@helpdesk.example.nl>");
    expect(head).toContain("MIME-Version: 1.0");
    expect(head).toContain("Content-Type: text/plain; charset=utf-8");
    expect(head).toContain("Content-Transfer-Encoding: quoted-printable");
    expect(eml).not.toMatch(/[^\r]\n/); // CRLF only
    expect(eml).toMatch(/^[\x00-\x7f]*$/); // 7-bit clean
    const parsed = parseEml(eml);
    expect(parsed.text).toBe("Hallo Zoë,\n\nTot ziens.");
    expect(parsed.html).toBeUndefined();
  });

  it("writes multipart/alternative with text first when html is given", () => {
    const eml = buildEml(
      {
        to: ["a@s.nl", "Zoë <z@s.nl>"],
        subject: "Uw vraag is ontvangen – één stap",
        text: "Tekst met é en ë.",
        html: "<p>HTML met é en ë.</p>",
      },
      { from: FROM, date },
    );
    expect(headerBlock(eml)).toMatch(/Content-Type: multipart\/alternative; boundary="=_alt_[0-9a-f]+"/);
    expect(eml.indexOf("text/plain")).toBeLessThan(eml.indexOf("text/html"));
    const parsed = parseEml(eml);
    expect(parsed.headers.subject).toBe("Uw vraag is ontvangen – één stap");
    expect(parsed.headers.to).toBe("a@s.nl, Zoë <z@s.nl>");
    expect(parsed.headers["message-id"]).toMatch(/^<[0-9a-f-]{36}@helpdesk\.example\.nl>$/);
    expect(parsed.text).toBe("Tekst met é en ë.");
    expect(parsed.html).toBe("<p>HTML met é en ë.</p>");
  });

  it("adds threading headers", () => {
    const eml = buildEml(
      { to: "a@s.nl", subject: "Re", text: "x", inReplyTo: "first@h.nl", references: ["first@h.nl", "<second@h.nl>"] },
      { from: FROM, date },
    );
    const parsed = parseEml(eml);
    expect(parsed.headers["in-reply-to"]).toBe("<first@h.nl>");
    expect(parsed.headers.references).toBe("<first@h.nl> <second@h.nl>");
  });

  it("round-trips long bodies, trailing spaces and newlines", () => {
    const text = `${"Een hele lange regel met é ".repeat(20)}\nregel met spatie aan het eind \n\n=3D blijft =3D\n`;
    expect(parseEml(buildEml({ to: "a@s.nl", subject: "x", text }, { from: FROM, date })).text).toBe(text);
  });

  it("rejects a mail without recipients", () => {
    expect(() => buildEml({ to: " , ", subject: "x", text: "y" }, { from: FROM })).toThrow();
  });

  it("parses base64 parts written by other programs", () => {
    const raw = [
      "Subject: =?UTF-8?Q?=C3=A9=C3=A9n?=",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("Hallo één").toString("base64"),
      "--b1",
      "Content-Type: text/plain",
      "Content-Disposition: attachment; filename=x.txt",
      "",
      "bijlage",
      "--b1--",
      "",
    ].join("\r\n");
    const parsed = parseEml(raw);
    expect(parsed.headers.subject).toBe("één");
    expect(parsed.text).toBe("Hallo één");
  });
});
