// The e-mail channel end to end: a mail sent over SMTP (nodemailer) to the running server's embedded receiver
// becomes a ticket; the PO agent opens it and sees the mail view (sender, the stripped body, the whole original on
// request, the stored attachment and the refused one with its reason); a reply from another address is marked
// *andere afzender*; the agent replies and the outgoing mail threads (Message-ID, In-Reply-To, References, Reply-To),
// and the caller's answer to that mail lands on the same ticket.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbRows, launch, login, newContext, seriousViolations } from "./helpers";

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT);
const MAIL_DIR = process.env.E2E_MAIL_DIR ?? "";
const run = Date.now().toString(36);
const caller = `jan.${run}@debron.test`;
const colleague = `secretariaat.${run}@debron.test`;
// A 1×1 PNG: a real image, so the type sniffing accepts it.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

// Each of these drives several pages; on a loaded two-core machine a page load alone can take 20 s.
const BROWSER_TIMEOUT = 240_000;

let browser: Browser;
let reference = "";

const smtp = () =>
  nodemailer.createTransport({
    host: "127.0.0.1",
    port: SMTP_PORT,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 20_000,
  });

/** The .eml the server wrote for an outbox row, once it is sent (the outbox worker runs after each commit). */
async function sentMail(where: string, ...params: unknown[]) {
  let file = "";
  await expect
    .poll(
      () => {
        const row = dbRows<{ id: string; status: string }>(
          `SELECT id, status FROM "MailOutbox" WHERE ${where} ORDER BY createdAt DESC LIMIT 1`,
          ...params,
        )[0];
        file = row ? path.join(MAIL_DIR, `${row.id}.eml`) : "";
        return row?.status === "sent" && fs.existsSync(file);
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  return simpleParser(fs.readFileSync(file));
}

beforeAll(async () => {
  if (!SMTP_PORT) throw new Error("E2E_SMTP_PORT is not set: run this through `npm run test:e2e`");
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("e-mail channel in the browser", () => {
  it("turns a mail sent over SMTP into a PO ticket, answering 250 with the reference", async () => {
    const info = await smtp().sendMail({
      from: `Jan de Boer <${caller}>`,
      to: "po@helpdesk.test",
      subject: `Leerling uit groep 6 al twee weken afwezig (${run})`,
      messageId: `<vraag-${run}@debron.test>`,
      text: [
        "Goedemorgen,",
        "",
        `Een leerling uit groep 6 is al twee weken niet op school geweest. Moeten wij dit melden? (${run})`,
        "",
        "Met vriendelijke groet,",
        "Jan de Boer",
        "",
        "-- ",
        "Jan de Boer | directeur OBS De Bron",
        "",
        "Op ma 7 dec 2026 om 10:12 schreef Leerplicht <leerplicht@gemeente.test>:",
        `> Oud bericht over iets anders (${run}-citaat)`,
        "> Groet, leerplicht",
      ].join("\n"),
      attachments: [
        { filename: "absentie.png", content: PNG, contentType: "image/png" },
        {
          filename: "installeer.exe",
          content: Buffer.from("MZ\x90\x00binary"),
          contentType: "application/octet-stream",
        },
      ],
    });
    const m = /\b(PO-\d{4}-\d{6})\b/.exec(info.response);
    expect(info.response).toMatch(/^250 /);
    expect(m).not.toBeNull();
    reference = m![1]!;
    const [t] = dbRows<{ channel: string; deskId: string }>(
      `SELECT channel, deskId FROM "Ticket" WHERE reference = ?`,
      reference,
    );
    expect(t).toEqual({ channel: "email", deskId: "po" });
  });

  it(
    "shows the agent the mail view: sender, stripped body, the original on request, attachments",
    async () => {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      await login(page, "agent.po@helpdesk.test");
      await page.goto(`/desk/tickets/${reference}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const first = page.locator(".msg-caller").first();
      expect(await first.locator(".msg-head").textContent()).toContain(`per e-mail (${caller})`);
      const body = (await first.locator(".msg-body").first().textContent()) ?? "";
      expect(body).toContain("twee weken niet op school");
      expect(body).not.toContain(`${run}-citaat`); // quoted history stripped
      expect(body).not.toContain("directeur OBS De Bron"); // signature stripped
      // The whole original is there, closed until the agent asks for it.
      const original = first.locator("[data-mail-original]");
      expect(await original.locator("pre").isVisible()).toBe(false);
      await original.locator("summary").click();
      await expect.poll(() => original.locator("pre").isVisible()).toBe(true);
      expect(await original.locator("pre").textContent()).toContain(`${run}-citaat`);
      // The image is stored and linked; the program is listed with the reason.
      const link = first.getByRole("link", { name: "absentie.png" });
      expect(await link.getAttribute("href")).toMatch(new RegExp(`/desk/tickets/${reference}/bijlagen/`));
      const refused = (await first.locator("[data-refused-attachments]").textContent()) ?? "";
      expect(refused).toContain("installeer.exe");
      expect(refused.replace("installeer.exe", "").trim().length).toBeGreaterThan(10);
      expect(await seriousViolations(page)).toEqual([]);
      await ctx.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    "marks a reply from another address as andere afzender",
    async () => {
      // The colleague answers the portal's confirmation mail (its Message-ID in In-Reply-To), from another address.
      const confirmation = await sentMail(`"to" = ? AND ticketId IS NOT NULL`, caller);
      expect(confirmation.text).toContain(reference);
      const info = await smtp().sendMail({
        from: `Secretariaat De Bron <${colleague}>`,
        to: "po@helpdesk.test",
        subject: `Re: ${confirmation.subject}`,
        inReplyTo: confirmation.messageId,
        references: [confirmation.messageId!],
        text: `Aanvulling van het secretariaat: de leerling is inmiddels weer op school. (${run}-secretariaat)`,
      });
      expect(info.response).toContain(reference);

      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      await login(page, "agent.po@helpdesk.test");
      await page.goto(`/desk/tickets/${reference}`);
      const msg = page.locator(".msg-caller").filter({ hasText: `${run}-secretariaat` });
      await msg.waitFor();
      expect(await msg.locator("[data-other-sender]").textContent()).toContain("andere afzender");
      expect(await msg.locator(".msg-head").textContent()).toContain(`E-mail van ${colleague}`);
      // The other sender got no mail that shows the ticket (no notice: nothing to tell).
      expect(dbRows(`SELECT id FROM "MailOutbox" WHERE "to" = ?`, colleague)).toEqual([]);
      await ctx.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    "sends the agent's reply as a threaded mail, and the caller's answer to it lands on the ticket",
    async () => {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      await login(page, "agent.po@helpdesk.test");
      await page.goto(`/desk/tickets/${reference}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByRole("button", { name: "Neem deze vraag" }).click();
      await page
        .getByText(/Behandelaar: .*\(u\)/)
        .first()
        .waitFor();
      const editor = page.getByRole("textbox", { name: "Tekst van uw bericht" });
      await editor.click();
      await page.keyboard.type(`Dank u wel. Na vier weken melden bij leerplicht (${run}-antwoord).`);
      await page.getByRole("button", { name: "Antwoord versturen" }).click();
      await page
        .locator(".msg-reply")
        .filter({ hasText: `${run}-antwoord` })
        .waitFor();

      const reply = await sentMail(`"to" = ? AND text LIKE ?`, caller, `%${run}-antwoord%`);
      const thread = `ticket.${reference.toLowerCase()}@helpdesk.test`;
      expect(reply.messageId).toMatch(/^<[^@<>\s]+@[^@<>\s]+>$/);
      expect(reply.inReplyTo?.toLowerCase()).toBe(`<${thread}>`);
      const refs = [reply.references ?? []].flat().map((r) => r.toLowerCase());
      expect(refs).toContain(`<${thread}>`);
      expect(reply.replyTo?.value[0]?.address).toBe("po@helpdesk.test");
      expect(reply.to && !Array.isArray(reply.to) ? reply.to.value[0]?.address : "").toBe(caller);

      // The caller presses Beantwoorden: no reference in the subject, only the headers of the agent's mail.
      const answer = await smtp().sendMail({
        from: `Jan de Boer <${caller}>`,
        to: "po@helpdesk.test",
        subject: "Re: antwoord",
        inReplyTo: reply.messageId,
        references: [...refs, reply.messageId!],
        text: `Helder, dank u. (${run}-bedankt)\n\nOp di 8 dec 2026 om 09:00 schreef Helpdesk <po@helpdesk.test>:\n> ${run}-antwoord`,
      });
      expect(answer.response).toContain(reference);
      await page.reload();
      const msg = page.locator(".msg-caller").filter({ hasText: `${run}-bedankt` });
      await msg.waitFor();
      expect(await msg.locator("[data-other-sender]").count()).toBe(0);
      expect(await msg.locator(".msg-body").first().textContent()).not.toContain(`${run}-antwoord`);
      await ctx.close();
    },
    BROWSER_TIMEOUT,
  );
});
