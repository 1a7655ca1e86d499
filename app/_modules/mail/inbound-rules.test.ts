import { describe, expect, it } from "vitest";
import {
  bareAddress,
  classifyMail,
  htmlToPlain,
  isForwardSubject,
  isOutOfOfficeSubject,
  maskPersonalNumbers,
  MASK,
  referencesInText,
  stripQuoted,
  stripSubjectPrefixes,
  threadIds,
} from "./inbound-rules";

const own = ["po@helpdesk.test", "ipo@helpdesk.test", "noreply@helpdesk.invalid"];
const person = (
  headers: Record<string, string> = {},
  subject = "Vraag over verzuim",
  from = "Jan <jan@school.nl>",
) => ({ headers, from, subject });

describe("subject references", () => {
  it.each([
    ["Re: Uw vraag is ontvangen (PO-2026-000123)", ["PO-2026-000123"]],
    ["RE: RE: Antw: [IPO-2026-000045] verzuim", ["IPO-2026-000045"]],
    ["Fwd: Doorst: {po 2026 000001}", ["PO-2026-000001"]],
    ["Antw: vraag #IPO-2026-000045#", ["IPO-2026-000045"]],
    ["Re: ipo_2026_000045 en PO-2026-000002", ["IPO-2026-000045", "PO-2026-000002"]],
    ["Vraag over IPO-2026-0000451", []],
    ["geen nummer hier", []],
  ])("%s", (subject, refs) => expect(referencesInText(subject)).toEqual(refs));

  it("strips any number of reply and forward prefixes", () => {
    expect(stripSubjectPrefixes("Re: RE: Antw: AW: Fwd: FW: Doorst: WG: Re[2]: [EXT] Verzuim")).toBe("Verzuim");
    expect(isForwardSubject("Doorst: vraag")).toBe(true);
    expect(isForwardSubject("Re: Fwd: vraag")).toBe(true);
    expect(isForwardSubject("Re: vraag")).toBe(false);
  });
});

describe("thread ids", () => {
  it("reads In-Reply-To first, then References newest first", () => {
    expect(threadIds("<a@x>", "<b@x> <c@x>")).toEqual(["a@x", "c@x", "b@x"]);
    expect(threadIds(undefined, ["<b@x>", "<c@x>"])).toEqual(["c@x", "b@x"]);
  });
  it("bare addresses", () => {
    expect(bareAddress('"Jansen, J." <J.Jansen@School.NL>')).toBe("j.jansen@school.nl");
    expect(bareAddress("x@y.nl")).toBe("x@y.nl");
    expect(bareAddress("")).toBe("");
  });
});

describe("automatic mail", () => {
  it("a person's mail is a person's mail", () => {
    expect(classifyMail(person(), own)).toEqual({ kind: "person" });
    expect(classifyMail(person({ "auto-submitted": "no" }), own)).toEqual({ kind: "person" });
    expect(classifyMail(person({}, "Leerling afwezig sinds maandag"), own)).toEqual({ kind: "person" });
  });
  it.each([
    [{ "auto-submitted": "auto-replied" }],
    [{ precedence: "bulk" }],
    [{ precedence: "list" }],
    [{ precedence: "junk" }],
    [{ "x-autoreply": "yes" }],
    [{ "x-auto-response-suppress": "All" }],
    [{ "list-id": "<nieuws.example.nl>" }],
  ])("headers %o", (headers) => expect(classifyMail(person(headers), own).kind).toBe("automatic"));
  it.each([
    "Automatisch antwoord: Uw vraag",
    "Afwezig: Re: verzuim",
    "Out of Office: question",
    "Autoreply: test",
    "Re: Automatic reply: vraag",
    "Niet aanwezig: vraag",
  ])("subject %s", (subject) => {
    expect(isOutOfOfficeSubject(subject)).toBe(true);
    expect(classifyMail(person({}, subject), own).kind).toBe("automatic");
  });
  it("mail from the portal's own address or a no-reply sender", () => {
    expect(classifyMail(person({}, "x", "Helpdesk <PO@helpdesk.test>"), own).kind).toBe("automatic");
    expect(classifyMail(person({}, "x", "noreply@somewhere.nl"), own).kind).toBe("automatic");
  });
});

describe("bounces", () => {
  it("a multipart/report with a failed recipient", () => {
    const k = classifyMail(
      {
        headers: {},
        from: "Mail Delivery System <MAILER-DAEMON@mx.example.nl>",
        subject: "Undelivered Mail Returned to Sender",
        contentType: "multipart/report; report-type=delivery-status; boundary=x",
        deliveryStatus:
          "Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; oud@school.nl\nAction: failed\nStatus: 5.1.1\n",
      },
      own,
    );
    expect(k).toEqual({ kind: "bounce", failed: ["oud@school.nl"] });
  });
  it("a delayed report is not a bounce", () => {
    const k = classifyMail(
      {
        headers: {},
        from: "MAILER-DAEMON@mx",
        subject: "Delayed Mail",
        contentType: "multipart/report; report-type=delivery-status",
        deliveryStatus: "Final-Recipient: rfc822; a@b.nl\nAction: delayed\n",
      },
      own,
    );
    expect(k.kind).toBe("automatic");
  });
  it("a daemon's plain bounce with X-Failed-Recipients", () => {
    const k = classifyMail(
      {
        headers: { "x-failed-recipients": "weg@school.nl" },
        from: "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        subject: "Delivery Status Notification (Failure)",
      },
      own,
    );
    expect(k).toEqual({ kind: "bounce", failed: ["weg@school.nl"] });
  });
});

describe("quote and signature stripping", () => {
  const cases: [string, string, string][] = [
    [
      "Outlook NL",
      "Dank u, dat helpt.\n\nMet vriendelijke groet,\nPetra\n\nVan: Helpdesk BRON PO <po@helpdesk.test>\nVerzonden: maandag 7 december 2026 10:12\nAan: Petra <p@school.nl>\nOnderwerp: Uw vraag\n\nBeste Petra,\noud antwoord",
      "Dank u, dat helpt.\n\nMet vriendelijke groet,\nPetra",
    ],
    [
      "Outlook EN",
      "Thanks!\n\n________________________________\nFrom: Helpdesk <po@helpdesk.test>\nSent: Monday, 7 December 2026 10:12\nTo: me\nSubject: x\n\nold",
      "Thanks!",
    ],
    [
      "Outlook original message",
      "Zie mijn vraag.\n\n-----Oorspronkelijk bericht-----\nVan: x\nblah",
      "Zie mijn vraag.",
    ],
    [
      "Gmail NL",
      "Ja, dat klopt.\n\nOp ma 7 dec 2026 om 10:12 schreef Helpdesk BRON PO <po@helpdesk.test>:\n> Beste,\n> oud",
      "Ja, dat klopt.",
    ],
    [
      "Gmail NL wrapped",
      "Ja.\n\nOp ma 7 dec 2026 om 10:12 schreef Helpdesk BRON PO <\npo@helpdesk.test>:\n\n> oud",
      "Ja.",
    ],
    ["Gmail EN", "Yes.\n\nOn Mon, Dec 7, 2026 at 10:12 AM Helpdesk <po@helpdesk.test> wrote:\n> old", "Yes."],
    [
      "Apple Mail NL",
      "Prima.\n\nVerstuurd vanaf mijn iPhone\n\n> Op 7 dec 2026, om 10:12 heeft Helpdesk BRON PO <po@helpdesk.test> het volgende geschreven:\n>\n> oud",
      "Prima.",
    ],
    [
      "Apple Mail NL 2",
      "Helder.\n\nOp 7 dec 2026, om 10:12 heeft Helpdesk BRON PO het volgende geschreven:\n\n> oud",
      "Helder.",
    ],
    ["Apple EN", "Fine.\n\nOn 7 Dec 2026, at 10:12, Helpdesk <po@helpdesk.test> wrote:\n\n> old", "Fine."],
    ["signature", "Kort antwoord.\n\n-- \nJan Jansen\nDirecteur", "Kort antwoord."],
    ["mobile footer", "Oké\n\nVerzonden vanaf mijn Samsung Galaxy-smartphone.", "Oké"],
    ["Outlook mobile", "Ok\n\nDownload Outlook for iOS", "Ok"],
    ["interleaved quotes", "> Welke school?\nDe Regenboog.\n> En de brin?\n12AB", "De Regenboog.\n12AB"],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    const r = stripQuoted(input);
    expect(r.text).toBe(expected);
    expect(r.stripped).toBe(true);
  });
  it("keeps everything when nothing is new text", () => {
    expect(stripQuoted("> alleen citaat").text).toBe("> alleen citaat");
  });
  it("keeps the forwarded content of a forward", () => {
    const r = stripQuoted(
      "Zie hieronder, kunt u helpen?\n\n---------- Forwarded message ---------\nVan: Ouder <o@x.nl>\nDate: ma 7 dec\nSubject: verlof\n\nMag mijn kind op vakantie?",
      { forward: true },
    );
    expect(r.text).toContain("Mag mijn kind op vakantie?");
  });
});

describe("content", () => {
  it("turns HTML into clean text without markup", () => {
    const t = htmlToPlain(
      '<html><body><p>Beste <b>helpdesk</b>,</p><p>Zie <a href="https://x.nl/a">de pagina</a>.</p><script>alert(1)</script><img src="cid:logo"></body></html>',
    );
    expect(t).toContain("Beste helpdesk,");
    expect(t).toContain("de pagina [https://x.nl/a]");
    expect(t).not.toMatch(/<|alert/);
  });
  it("turns a quoted HTML reply (blockquote) into text with > lines, which stripping removes", () => {
    const t = htmlToPlain("<div>Dank, duidelijk!</div><blockquote><div>Van: Helpdesk</div><div>oud</div></blockquote>");
    expect(t).toMatch(/^Dank, duidelijk!\n+> Van: Helpdesk/);
    expect(stripQuoted(t).text).toBe("Dank, duidelijk!");
  });
  it("masks a BSN and an onderwijsnummer, leaves phone numbers", () => {
    const r = maskPersonalNumbers("BSN 123456782, onderwijsnummer 1000.00.009, bel 06-12345678");
    expect(r.count).toBeGreaterThanOrEqual(1);
    expect(r.text).toContain(`BSN ${MASK}`);
    expect(r.text).not.toContain("123456782");
    expect(r.text).toContain("06-12345678");
  });
});
