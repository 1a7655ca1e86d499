// The e-mail channel on a real database (SQLite; PostgreSQL with npm run test:pg): new tickets, threading by
// Message-ID, subject and former reference, other senders, reopening, closed and merged tickets, masking, automatic
// mail, bounces, idempotency and the auto-reply limit. Mails are built by nodemailer's MailComposer.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { composeMail, testMessageId, type TestMail } from "@/tests/helpers/mail";
import { seedDesksAndStaff } from "@/tests/helpers/desk-fixtures";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { AUTO_REPLIES_PER_HOUR, receiveMail } from "./inbound";
import { MASK } from "./inbound-rules";
import { simpleParser } from "mailparser";
import { deliverPendingMail } from "./outbox";
import { createEmlFolderTransport } from "./transport";

let t: TestDb;
/** SQLite: the prepared-statement write path (PostgreSQL always writes through Prisma). */
const fast = () => (t.kind === "sqlite" ? t.url : undefined);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inbound-"));
const storage = localFolderStorage(dir);
const NOW = new Date("2026-03-03T09:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await seedDesksAndStaff(t.db);
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const send = async (m: Partial<TestMail> & { from: string }, opts: { recipients?: string[]; now?: Date } = {}) =>
  receiveMail(t.db, await composeMail({ subject: "Vraag", messageId: testMessageId(), ...m }), {
    storage,
    kick: false,
    sqliteUrl: fast(),
    now: opts.now ?? NOW,
    recipients: opts.recipients,
  });
const ticket = (reference: string) =>
  t.db.ticket.findUniqueOrThrow({
    where: { reference },
    include: { messages: { orderBy: { createdAt: "asc" }, include: { attachments: true } }, requester: true },
  });

let first: { reference: string; ticketId: string };

describe("a new mail", () => {
  it("becomes a ticket on the desk of its address, with the question analysed and a confirmation", async () => {
    const r = await send(
      {
        from: "Petra de Boer <petra@klimop.test>",
        to: "ipo@helpdesk.test",
        subject: "Leerling 17 jaar al drie weken niet op school",
        text: "Goedemiddag,\n\nEen leerling van onze mbo-opleiding is al drie weken niet geweest. Moeten wij dit melden?\n\nMet vriendelijke groet,\nPetra\n\nVerzonden vanaf mijn iPhone",
      },
      { recipients: ["ipo@helpdesk.test"] },
    );
    expect(r).toMatchObject({ outcome: "ticket", duplicate: false });
    expect(r.reference).toMatch(/^IPO-2026-\d{6}$/);
    const tk = await ticket(r.reference!);
    expect(tk).toMatchObject({
      channel: "email",
      deskId: "vo-mbo",
      status: "new",
      subject: "Leerling 17 jaar al drie weken niet op school",
    });
    expect(tk.requester).toMatchObject({ email: "petra@klimop.test", name: "Petra de Boer" });
    expect(JSON.parse(tk.triage!).desk).toBe("vo-mbo");
    expect(tk.messages[0]!.body).toContain("Moeten wij dit melden?");
    expect(tk.messages[0]!.body).not.toContain("iPhone");
    expect(tk.messages[0]!.emailOriginal).toContain("iPhone");
    const mails = await t.db.mailOutbox.findMany({ where: { ticketId: tk.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe("petra@klimop.test");
    expect(mails[0]!.text).toContain(r.reference!);
    first = { reference: r.reference!, ticketId: tk.id };
  });

  it("the same Message-ID twice gives one ticket", async () => {
    const raw = await composeMail({
      from: "dubbel@school.test",
      subject: "Dubbel",
      text: "Een vraag die twee keer komt.",
      messageId: testMessageId(),
    });
    const a = await receiveMail(t.db, raw, {
      storage,
      kick: false,
      recipients: ["po@helpdesk.test"],
      sqliteUrl: fast(),
    });
    const b = await receiveMail(t.db, raw, {
      storage,
      kick: false,
      recipients: ["po@helpdesk.test"],
      sqliteUrl: fast(),
    });
    expect(b).toMatchObject({ duplicate: true, outcome: "ticket", reference: a.reference });
    expect(await t.db.ticket.count({ where: { requester: { email: "dubbel@school.test" } } })).toBe(1);
  });

  it("matches a known caller by address; HTML-only becomes clean text", async () => {
    const r = await send({
      from: "petra@klimop.test",
      subject: "Nog een vraag",
      html: "<p>Beste helpdesk,</p><p>Hoe meld ik <b>luxe verzuim</b>?</p><script>x()</script>",
    });
    const tk = await ticket(r.reference!);
    expect(tk.requesterId).toBe((await ticket(first.reference)).requesterId);
    expect(tk.deskId).toBe("po");
    expect(tk.messages[0]!.body).toBe("Beste helpdesk,\n\nHoe meld ik luxe verzuim?");
  });

  it("masks a BSN, flags the ticket and tells the caller once; refused attachments are listed", async () => {
    const r = await send({
      from: "bsn@school.test",
      subject: "Leerling met BSN 123456782",
      text: "Het gaat om BSN 123456782.",
      attachments: [
        { filename: "rooster.txt", content: "maandag 8:30" },
        { filename: "lijst.txt", content: "leerling 123456782" },
        { filename: "setup.exe", content: Buffer.from("MZ\x90\x00") },
      ],
    });
    const tk = await ticket(r.reference!);
    expect(tk.personalNumberRemoved).toBe(true);
    expect(tk.subject).toBe(`Leerling met BSN ${MASK}`);
    expect(tk.messages[0]!.body).toBe(`Het gaat om BSN ${MASK}.`);
    const stored = JSON.stringify(await t.db.message.findMany({ where: { ticketId: tk.id } }));
    expect(stored).not.toContain("123456782");
    expect(tk.messages[0]!.attachments.map((a) => a.fileName)).toEqual(["rooster.txt"]);
    expect(JSON.parse(tk.messages[0]!.refusedAttachments!).map((x: { name: string }) => x.name)).toEqual([
      "lijst.txt",
      "setup.exe",
    ]);
    const mail = await t.db.mailOutbox.findFirstOrThrow({ where: { ticketId: tk.id } });
    expect(mail.text).toContain("BSN of onderwijsnummer");
    expect(mail.text).toContain("setup.exe");
    expect(mail.text).not.toContain("123456782");
    // A second mail with a number on the same ticket: masked, no second notice.
    await send({ from: "bsn@school.test", subject: `Re: ${tk.reference}`, text: "Nogmaals 123456782" });
    expect(await t.db.mailOutbox.count({ where: { ticketId: tk.id } })).toBe(1);
  });
});

describe("threading", () => {
  it("a reply to the portal's mail (In-Reply-To its Message-ID) lands on the ticket, quoted history stripped", async () => {
    const out = await t.db.mailOutbox.findFirstOrThrow({ where: { ticketId: first.ticketId } });
    const r = await send({
      from: "petra@klimop.test",
      subject: "Re: Uw vraag is ontvangen",
      inReplyTo: `<${out.id}@helpdesk.invalid>`,
      text: "Aanvulling: het is een leerling van 17.\n\nOp di 3 mrt 2026 om 10:00 schreef Helpdesk <ipo@helpdesk.test>:\n> Wij hebben uw vraag ontvangen",
    });
    expect(r).toMatchObject({ outcome: "reply", reference: first.reference });
    const tk = await ticket(first.reference);
    expect(tk.messages.at(-1)!.body).toBe("Aanvulling: het is een leerling van 17.");
  });

  it.each(["RE: Antw: Re: [{ref}] vraag", "Re: Uw vraag is ontvangen ({ref})", "Fwd: Doorst: ref {lref} graag"])(
    "by the reference in the subject: %s",
    async (pattern) => {
      const subject = pattern
        .replace("{ref}", first.reference)
        .replace("{lref}", first.reference.toLowerCase().replace(/-/g, " "));
      const r = await send({ from: "petra@klimop.test", subject, text: "Nog iets." });
      expect(r.reference).toBe(first.reference);
    },
  );

  it("round trip: the portal's own .eml carries Reply-To the desk and threading ids; a reply to it threads", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-"));
    await deliverPendingMail(t.db, createEmlFolderTransport(out));
    const file = fs
      .readdirSync(out)
      .map((f) => path.join(out, f))
      .find((f) => fs.readFileSync(f, "utf8").includes(first.reference))!;
    const sent = await simpleParser(fs.readFileSync(file));
    fs.rmSync(out, { recursive: true, force: true });
    expect(sent.replyTo?.value[0]?.address).toBe("ipo@helpdesk.test");
    expect(sent.references).toContain(`<ticket.${first.reference}@helpdesk.test>`);
    const r = await send({
      from: "petra@klimop.test",
      subject: "Re: iets anders",
      inReplyTo: sent.messageId,
      references: [sent.messageId!],
      text: "Antwoord op uw mail.",
    });
    expect(r).toMatchObject({ outcome: "reply", reference: first.reference });
  });

  it("by the per-ticket thread id in References", async () => {
    const r = await send({
      from: "petra@klimop.test",
      subject: "zonder nummer",
      references: `<x@y> <ticket.${first.reference}@helpdesk.test>`,
      text: "Via references.",
    });
    expect(r).toMatchObject({ outcome: "reply", reference: first.reference });
  });

  it("another sender is attached but marked, and gets no auto-reply", async () => {
    const before = await t.db.mailOutbox.count();
    const r = await send({
      from: "collega@klimop.test",
      subject: `Re: ${first.reference}`,
      text: "Ik neem het over van Petra.",
    });
    expect(r).toMatchObject({ outcome: "other-sender", reference: first.reference });
    const tk = await ticket(first.reference);
    expect(tk.messages.at(-1)).toMatchObject({ otherSender: true, emailFrom: "collega@klimop.test" });
    expect(await t.db.mailOutbox.count()).toBe(before);
  });

  it("a reply reopens a resolved ticket", async () => {
    await t.db.ticket.update({ where: { id: first.ticketId }, data: { status: "resolved", resolvedAt: NOW } });
    await send({ from: "petra@klimop.test", subject: `Re: ${first.reference}`, text: "Toch nog een vraag." });
    expect((await ticket(first.reference)).status).toBe("open");
  });

  it("a reply to a merged ticket goes to the ticket it was merged into", async () => {
    const a = await send({ from: "m@school.test", subject: "Eerste", text: "Vraag een" });
    const b = await send({ from: "m@school.test", subject: "Tweede", text: "Vraag twee" });
    const ta = await ticket(a.reference!);
    await t.db.ticket.update({ where: { reference: b.reference! }, data: { mergedIntoId: ta.id, status: "closed" } });
    const r = await send({ from: "m@school.test", subject: `Re: ${b.reference}`, text: "Reactie" });
    expect(r.reference).toBe(a.reference);
  });

  it("a reply to a closed ticket starts a new ticket that links the old one", async () => {
    const a = await send({ from: "c@school.test", subject: "Gesloten", text: "Oude vraag" });
    await t.db.ticket.update({ where: { reference: a.reference! }, data: { status: "closed", closedAt: NOW } });
    const r = await send({ from: "c@school.test", subject: `Re: ${a.reference}`, text: "Nieuwe vraag op oude draad" });
    expect(r.outcome).toBe("ticket");
    expect(r.reference).not.toBe(a.reference);
    const link = await t.db.ticketLink.findFirst({ where: { fromId: r.ticketId, to: { reference: a.reference! } } });
    expect(link).not.toBeNull();
  });

  it("after a transfer, the caller's old reference still threads", async () => {
    const a = await send({ from: "tr@school.test", subject: "Over te dragen", text: "Vraag" });
    const tk = await ticket(a.reference!);
    await t.db.ticketFormerReference.create({ data: { reference: a.reference!, ticketId: tk.id } });
    await t.db.ticket.update({ where: { id: tk.id }, data: { reference: "IPO-2026-999001", deskId: "vo-mbo" } });
    const r = await send({
      from: "tr@school.test",
      subject: `Re: Uw vraag is ontvangen (${a.reference})`,
      text: "Reactie",
    });
    expect(r).toMatchObject({ outcome: "reply", reference: "IPO-2026-999001" });
  });
});

describe("no noise", () => {
  it("automatic mail makes no ticket and no reply; on a known ticket it is a note", async () => {
    const tickets = await t.db.ticket.count();
    const mails = await t.db.mailOutbox.count();
    const a = await send({
      from: "x@school.test",
      subject: "Automatisch antwoord: Uw vraag is ontvangen",
      text: "Ik ben afwezig tot maandag.",
    });
    const b = await send({
      from: "nieuws@lijst.test",
      subject: "Nieuwsbrief",
      text: "x",
      headers: { Precedence: "list", "List-Id": "<nieuws.lijst.test>" },
    });
    const c = await send({
      from: "petra@klimop.test",
      subject: `Out of Office: ${first.reference}`,
      text: "Afwezig",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    const d = await send({ from: "Helpdesk <po@helpdesk.test>", subject: "Uw vraag is ontvangen", text: "lus" });
    expect([a.outcome, b.outcome, c.outcome, d.outcome]).toEqual(["dropped", "dropped", "automatic", "dropped"]);
    expect(await t.db.ticket.count()).toBe(tickets);
    expect(await t.db.mailOutbox.count()).toBe(mails);
    expect((await ticket(first.reference)).messages.filter((m) => m.kind === "note")).toHaveLength(1);
  });

  it("a bounce marks the caller's address as not working, shown on the ticket", async () => {
    const out = await t.db.mailOutbox.findFirstOrThrow({ where: { ticketId: first.ticketId } });
    const raw = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.klimop.test>",
      "To: noreply@helpdesk.invalid",
      "Subject: Undelivered Mail Returned to Sender",
      `Message-ID: ${testMessageId()}`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Your message could not be delivered.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.klimop.test",
      "",
      "Final-Recipient: rfc822; petra@klimop.test",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
      "--b1",
      "Content-Type: text/rfc822-headers",
      "",
      `Message-ID: <${out.id}@helpdesk.invalid>`,
      "Subject: Uw vraag is ontvangen",
      "--b1--",
      "",
    ].join("\r\n");
    const tickets = await t.db.ticket.count();
    const r = await receiveMail(t.db, raw, { storage, kick: false, now: NOW, sqliteUrl: fast() });
    expect(r).toMatchObject({ outcome: "bounce", reference: first.reference });
    expect(await t.db.ticket.count()).toBe(tickets);
    const tk = await ticket(first.reference);
    expect(tk.requester.emailBouncedAt).toEqual(NOW);
    expect(tk.requester.emailBounceReason).toContain("User unknown");
    expect(tk.messages.some((m) => m.kind === "system" && m.body.includes("kwam niet aan"))).toBe(true);
    // Writing again clears the mark.
    await send({ from: "petra@klimop.test", subject: `Re: ${first.reference}`, text: "Mijn adres werkt weer." });
    expect((await ticket(first.reference)).requester.emailBouncedAt).toBeNull();
  });

  it(`at most ${AUTO_REPLIES_PER_HOUR} auto-replies per sender per hour; the next hour again`, async () => {
    for (let i = 0; i < AUTO_REPLIES_PER_HOUR + 2; i++)
      await send({ from: "veel@school.test", subject: `Vraag ${i}`, text: "Vraag" });
    expect(await t.db.mailOutbox.count({ where: { to: "veel@school.test" } })).toBe(AUTO_REPLIES_PER_HOUR);
    await send(
      { from: "veel@school.test", subject: "Later", text: "Vraag" },
      { now: new Date(NOW.getTime() + 3_700_000) },
    );
    expect(await t.db.mailOutbox.count({ where: { to: "veel@school.test" } })).toBe(AUTO_REPLIES_PER_HOUR + 1);
  });
});
