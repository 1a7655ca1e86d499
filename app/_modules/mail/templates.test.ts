import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  formatDeskHours,
  ticketConfirmationMail,
  ticketMergedMail,
  ticketReplyMail,
  ticketStatusLabel,
  ticketStatusMail,
  ticketTransferredMail,
  type MailContent,
} from "./templates";

const URL_ = "https://portal.example.nl/vraag/volgen?t=abc&x=1";
const EVIL = `<script>alert("x")</script>`;

const builders: [string, (evil: string, url?: string) => MailContent][] = [
  [
    "confirmation",
    (e, url = URL_) =>
      ticketConfirmationMail({
        reference: "PO-2026-000123",
        deskName: "Helpdesk BRON PO",
        deskPhone: "050-599 77 66",
        deskHours: { days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" },
        followUpUrl: url,
        requesterName: e,
        subject: e,
      }),
  ],
  [
    "reply",
    (e, url = URL_) =>
      ticketReplyMail({
        reference: "PO-2026-000123",
        deskName: "Helpdesk BRON PO",
        followUpUrl: url,
        requesterName: "Zoë",
        replyText: e,
      }),
  ],
  [
    "transferred",
    (e, url = URL_) =>
      ticketTransferredMail({
        reference: "PO-2026-000123",
        fromDesk: "Helpdesk BRON PO",
        toDesk: "Informatiepunt Onderwijs (IPO)",
        toDeskPhone: "050-599 90 00 (optie 4)",
        reason: e,
        followUpUrl: url,
      }),
  ],
  [
    "merged",
    (e, url = URL_) => ticketMergedMail({ oldReference: e, newReference: "IPO-2026-000007", followUpUrl: url }),
  ],
  ["status", (e, url = URL_) => ticketStatusMail({ reference: "IPO-2026-000007", status: e, followUpUrl: url })],
];

describe.each(builders)("%s mail", (_name, build) => {
  it("escapes every interpolated value in html and keeps it readable in text", () => {
    const mail = build(EVIL);
    expect(mail.html).not.toContain("<script");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.text).toContain(EVIL);
  });

  it("links to the follow-up page in both versions", () => {
    const mail = build("gewone tekst");
    expect(mail.text).toContain(URL_);
    expect(mail.html).toContain(`href="${escapeHtml(URL_)}"`);
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it.each(["javascript:alert(1)", "portal.example.nl/vraag", "https://x.nl/a b"])("refuses the link %s", (bad) => {
    expect(() => build("x", bad)).toThrow();
  });

  it("tells the caller not to send a BSN", () => {
    expect(build("x").text).toContain("Stuur geen BSN");
  });
});

describe("ticketConfirmationMail", () => {
  const base = {
    reference: "PO-2026-000123",
    deskName: "Helpdesk BRON PO",
    deskPhone: "050-599 77 66",
    deskHours: "maandag tot en met vrijdag van 09.00 tot 13.00 uur",
    followUpUrl: URL_,
    requesterName: "Zoë de Boer",
    subject: "Leerling staat niet in het register",
  };

  it("names the reference, desk, phone, hours and subject", () => {
    const mail = ticketConfirmationMail(base);
    expect(mail.subject).toBe("Uw vraag is ontvangen (PO-2026-000123)");
    for (const part of [
      "Beste Zoë de Boer,",
      "PO-2026-000123",
      "050-599 77 66",
      "van 09.00 tot 13.00 uur",
      "Leerling staat niet in het register",
    ]) {
      expect(mail.text).toContain(part);
    }
  });

  it.each([
    [undefined, "zo snel mogelijk"],
    [1, "binnen 1 werkdag"],
    [2, "binnen 2 werkdagen"],
  ])("response promise for %s business days", (days, phrase) => {
    expect(ticketConfirmationMail({ ...base, firstResponseBusinessDays: days }).text).toContain(phrase);
  });

  it("greets politely without a name", () => {
    expect(ticketConfirmationMail({ ...base, requesterName: "  " }).text).toMatch(/^Beste heer, mevrouw,/);
  });

  it("keeps a subject with line breaks on one line", () => {
    expect(ticketConfirmationMail({ ...base, subject: "a\nb" }).text).toContain("Onderwerp: a b");
  });
});

describe("ticketReplyMail", () => {
  it("quotes the reply, keeping paragraphs", () => {
    const mail = ticketReplyMail({
      reference: "IPO-2026-000007",
      deskName: "Informatiepunt Onderwijs (IPO)",
      followUpUrl: URL_,
      requesterName: null,
      replyText: "Eerste alinea.\nTweede regel.\n\nTweede alinea & meer.",
    });
    expect(mail.subject).toBe("Antwoord op uw vraag (IPO-2026-000007)");
    expect(mail.text).toContain("> Eerste alinea.\n> Tweede regel.\n>\n> Tweede alinea & meer.");
    expect(mail.html).toContain("<p>Eerste alinea.<br>\nTweede regel.</p>\n<p>Tweede alinea &amp; meer.</p>");
  });
});

describe("desk names with their article", () => {
  it("say 'het Informatiepunt Onderwijs' and 'de Helpdesk BRON PO' in sentences, the bare name as the signature", () => {
    const reply = ticketReplyMail({
      reference: "IPO-2026-000007",
      deskName: "Informatiepunt Onderwijs (IPO)",
      deskArticle: "het",
      followUpUrl: URL_,
      replyText: "Ja.",
    });
    expect(reply.text).toContain("Het Informatiepunt Onderwijs (IPO) heeft gereageerd op uw vraag IPO-2026-000007.");
    expect(reply.text).toMatch(/\nInformatiepunt Onderwijs \(IPO\)\n/);
    const moved = ticketTransferredMail({
      reference: "IPO-2026-000009",
      formerReference: "PO-2026-000001",
      fromDesk: "Helpdesk BRON PO",
      fromDeskArticle: "de",
      toDesk: "Informatiepunt Onderwijs (IPO)",
      toDeskArticle: "het",
      toDeskPhone: "050-599 90 00",
      followUpUrl: URL_,
    });
    expect(moved.text).toContain(
      "Wij hebben uw vraag PO-2026-000001 doorgestuurd van de Helpdesk BRON PO naar het Informatiepunt Onderwijs (IPO). Het Informatiepunt Onderwijs (IPO) kan u beter helpen",
    );
    expect(moved.text).toContain("Uw vraag heeft nu vraagnummer IPO-2026-000009.");
    expect(moved.text).toContain("Bel het Informatiepunt Onderwijs (IPO) op 050-599 90 00.");
  });
});

describe("ticketTransferredMail", () => {
  it("leaves out an empty reason and phone", () => {
    const mail = ticketTransferredMail({
      reference: "PO-1",
      fromDesk: "A",
      toDesk: "B",
      reason: " ",
      toDeskPhone: null,
      followUpUrl: URL_,
    });
    expect(mail.subject).toBe("Uw vraag is doorgestuurd naar B (PO-1)");
    expect(mail.text).not.toContain("Waarom?");
    expect(mail.text).not.toContain("bellen");
  });
});

describe("ticketMergedMail", () => {
  it("gives the new reference", () => {
    const mail = ticketMergedMail({
      oldReference: "PO-2026-000001",
      newReference: "PO-2026-000002",
      followUpUrl: URL_,
    });
    expect(mail.subject).toBe("Uw vraag PO-2026-000001 gaat verder als PO-2026-000002");
    expect(mail.text).toContain("Vanaf nu is uw vraagnummer PO-2026-000002.");
  });
});

describe("ticketStatusMail", () => {
  it.each([
    ["new", "ontvangen"],
    ["open", "in behandeling"],
    ["waiting", "wacht op uw reactie"],
    ["resolved", "opgelost"],
    ["closed", "gesloten"],
    ["iets-anders", "iets-anders"],
  ])("%s → %s", (status, label) => {
    expect(ticketStatusLabel(status)).toBe(label);
    const mail = ticketStatusMail({ reference: "PO-1", status, followUpUrl: URL_ });
    expect(mail.subject).toBe(`De status van uw vraag is: ${label} (PO-1)`);
    expect(mail.text).toContain(`De nieuwe status is: ${label}.`);
  });
});

describe("formatDeskHours", () => {
  it.each([
    [{ days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" }, "maandag tot en met vrijdag van 09.00 tot 13.00 uur"],
    [{ days: [3], open: "10:00", close: "12:30" }, "op woensdag van 10.00 tot 12.30 uur"],
    [{ days: [1, 3, 5], open: "09:00", close: "17:00" }, "maandag, woensdag en vrijdag van 09.00 tot 17.00 uur"],
    [{ days: [2, 1], open: "09:00", close: "17:00" }, "maandag en dinsdag van 09.00 tot 17.00 uur"],
  ])("%j", (hours, expected) => {
    expect(formatDeskHours(hours)).toBe(expected);
  });
});
