// Every button an agent can press on the ticket page, on the demo data — where both desks have a ticket with number 1
// (PO-…-000001 and IPO-…-000001): take and hand back, status, topic, tags, links, macro, article link, reply, note,
// merge a duplicate, and transfer the colliding ticket. The ticket gets the IPO desk's next number; the caller's
// old link (from the confirmation mail), the old ticket URL and a queue search by the old reference still lead to it.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbRows, launch, login, newContext, postJson } from "./helpers";

let browser: Browser;
type Row = { id: string; reference: string; status: string; email: string };

async function as(email: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await login(page, email);
  return { ctx, page };
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a colliding demo ticket, every button, and a transfer", () => {
  it("works through the ticket page and transfers PO number 1 to the IPO, which has its own number 1", async () => {
    const [po1] = dbRows<Row>(
      `SELECT t.id, t.reference, t.status, r.email FROM "Ticket" t JOIN "Requester" r ON r.id = t.requesterId WHERE t.deskId = 'po' AND t.number = 1 ORDER BY t.year DESC`,
    );
    expect(po1, "the e2e database has the demo data").toBeTruthy();
    const year = po1!.reference.split("-")[1];
    expect(dbRows(`SELECT id FROM "Ticket" WHERE reference = ?`, `IPO-${year}-000001`)).toHaveLength(1);
    const [po2] = dbRows<Row>(
      `SELECT reference FROM "Ticket" WHERE deskId = 'po' AND number = 2 AND year = ?`,
      Number(year),
    );
    const confirmation = dbRows<{ text: string }>(
      `SELECT text FROM "MailOutbox" WHERE ticketId = ? ORDER BY createdAt ASC LIMIT 1`,
      po1!.id,
    )[0]!;
    const callerLink = /https?:\/\/\S+\/mijn-vraag\/[A-Za-z0-9_-]+/.exec(confirmation.text)![0];
    const old = po1!.reference;

    const { ctx, page } = await as("agent.po@helpdesk.test");
    await page.goto(`/desk/tickets/${old}`);
    await page.getByRole("heading", { level: 1 }).waitFor();

    // Assignee: save "nobody", then take it.
    await page.getByLabel("Behandelaar", { exact: true }).selectOption({ label: "Niemand" });
    await page.getByRole("button", { name: "Behandelaar opslaan" }).click();
    await page.getByText("Behandelaar: niemand").first().waitFor();
    await page.getByRole("button", { name: "Neem deze vraag" }).click();
    await page.getByText("Behandelaar: Petra de Vries (u)").first().waitFor();

    // Status, with a mail to the caller.
    await page.getByLabel(/Status wijzigen/).selectOption({ value: "waiting" });
    await page.getByLabel("Beller een e-mail sturen over de nieuwe status").check();
    await page.getByRole("button", { name: "Status opslaan" }).click();
    await expect.poll(() => page.locator(".ticket-meta .status").textContent()).toBe("Wacht op beller");
    await page.getByLabel(/Status wijzigen/).selectOption({ value: "open" });
    await page.getByRole("button", { name: "Status opslaan" }).click();
    await expect.poll(() => page.locator(".ticket-meta .status").textContent()).toBe("Open");

    // Topic.
    await page.getByLabel("Onderwerp", { exact: true }).selectOption({ index: 2 });
    await page.getByRole("button", { name: "Onderwerp opslaan" }).click();
    await page.getByText("Het onderwerp is opgeslagen.").first().waitFor();

    // Tags: add an existing one, remove it, add it again.
    await page.getByLabel("Tag toevoegen").fill("register");
    await page.getByRole("button", { name: "Tag toevoegen" }).click();
    await page.locator(".tag-list").getByText("register").waitFor();
    await page.getByRole("button", { name: "Tag register verwijderen" }).click();
    await expect.poll(() => page.locator(".tag-list").getByText("register").count()).toBe(0);
    await page.getByLabel("Tag toevoegen").fill("register");
    await page.getByRole("button", { name: "Tag toevoegen" }).click();
    await page.locator(".tag-list").getByText("register").waitFor();

    // Links: link, unlink, link again.
    await page.getByLabel("Vraag koppelen (vraagnummer)").fill(po2!.reference.toLowerCase());
    await page.getByRole("button", { name: "Koppelen" }).click();
    await page.getByRole("button", { name: `Koppeling met ${po2!.reference} verwijderen` }).waitFor();
    await page.getByRole("button", { name: `Koppeling met ${po2!.reference} verwijderen` }).click();
    await page.getByText("Geen gekoppelde vragen.").waitFor();
    await page.getByLabel("Vraag koppelen (vraagnummer)").fill(po2!.reference);
    await page.getByRole("button", { name: "Koppelen" }).click();
    await page.getByRole("button", { name: `Koppeling met ${po2!.reference} verwijderen` }).waitFor();

    // Reply with a macro and an article link.
    await page.getByLabel("Macro", { exact: true }).selectOption({ label: "Melden via de LAS" });
    await page.getByRole("button", { name: "Macro invoegen" }).click();
    const editor = page.getByRole("textbox", { name: "Tekst van uw bericht" });
    await expect.poll(() => editor.textContent()).toContain("leerlingadministratiesysteem");
    await page.getByLabel("Artikel zoeken om te linken").fill("verzuim melden");
    await page.locator(".article-finder").getByRole("button", { name: "Zoeken", exact: true }).click();
    await page
      .getByRole("button", { name: /^Link naar ‘.*’ invoegen$/ })
      .first()
      .click();
    await expect.poll(() => editor.locator("a").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Antwoord versturen" }).click();
    await page.locator(".msg-reply").filter({ hasText: "leerlingadministratiesysteem" }).waitFor();

    // Internal note.
    await page.getByLabel(/Interne notitie \(alleen voor collega/).check();
    await editor.click();
    await page.keyboard.type("Intern: school gebruikt ParnasSys.");
    await page.getByRole("button", { name: "Notitie opslaan" }).click();
    await page.locator(".msg-note").filter({ hasText: "ParnasSys" }).waitFor();

    // Merge: the same caller asked again; the duplicate is merged into this ticket.
    const dup = await postJson("/api/v1/tickets", {
      topic: "verzuim-melden",
      callerType: "po-school",
      organisation: "Basisschool De Regenboog",
      name: "Fatima el Amrani",
      email: po1!.email,
      question: "Nogmaals mijn vraag over een leerling uit groep 6 die steeds te laat komt.",
    });
    expect(dup.status).toBe(201);
    await page.goto(`/desk/tickets/${dup.json.reference}`);
    await page.getByLabel("Dubbele vraag: samenvoegen met vraag").fill(old);
    await page.getByRole("button", { name: "Samenvoegen" }).click();
    await page.waitForURL(new RegExp(`/desk/tickets/${old}`));
    await page.getByText(`Vraag ${dup.json.reference} is samengevoegd met deze vraag`).first().waitFor();

    // Transfer to the IPO, whose number 1 is taken.
    await page.getByLabel("Naar helpdesk").selectOption({ index: 0 });
    await page
      .getByLabel("Reden")
      .fill("Uw vraag gaat over een leerling van een vo-school. Daarom helpt het Informatiepunt Onderwijs u verder.");
    await page.getByRole("button", { name: "Doorsturen" }).click();
    await page.waitForURL(/\/desk\?doorgestuurd=1/);
    await page.getByText("De vraag is doorgestuurd").first().waitFor();
    const [moved] = dbRows<{ reference: string; deskId: string }>(
      `SELECT reference, deskId FROM "Ticket" WHERE id = ?`,
      po1!.id,
    );
    expect(moved!.deskId).toBe("vo-mbo");
    expect(moved!.reference).toMatch(new RegExp(`^IPO-${year}-\\d{6}$`));
    expect(moved!.reference).not.toBe(`IPO-${year}-000001`);
    // The PO desk no longer sees it, under either number.
    expect((await page.goto(`/desk/tickets/${old}`))?.status()).toBe(404);
    await ctx.close();

    // The caller follows the link from the confirmation mail: same conversation, new number, old one named.
    const caller = await newContext(browser);
    const cp = await caller.newPage();
    expect((await cp.goto(callerLink))?.status()).toBe(200);
    await cp.getByText(moved!.reference).first().waitFor();
    await cp.getByText(`eerder ${old}`).first().waitFor();
    await cp
      .getByText(/doorgestuurd van Helpdesk BRON PO naar/)
      .first()
      .waitFor();
    await cp.getByText("leerlingadministratiesysteem").first().waitFor();
    expect(await cp.content()).not.toContain("ParnasSys");
    // The caller answers; the IPO agent will see it.
    await cp.getByLabel(/Uw reactie/).fill("Dank u. Het gaat inderdaad om een vo-school.");
    await cp.getByRole("button", { name: /Reactie versturen|Versturen/ }).click();
    await cp.getByText("Het gaat inderdaad om een vo-school.").first().waitFor();
    await caller.close();

    // The IPO agent: the old ticket URL redirects, a search by the old reference finds it.
    const vo = await as("agent.vo@helpdesk.test");
    await vo.page.goto(`/desk/tickets/${old}`);
    expect(new URL(vo.page.url()).pathname).toBe(`/desk/tickets/${moved!.reference}`);
    await vo.page.getByText(`Vraag ${old} is doorgestuurd en heeft nu vraagnummer ${moved!.reference}.`).waitFor();
    await vo.page.getByText(`Eerdere vraagnummers: ${old}`).waitFor();
    await vo.page.locator(".msg-caller").filter({ hasText: "Het gaat inderdaad om een vo-school." }).waitFor();
    await vo.page.goto(`/desk?q=${encodeURIComponent(old)}`);
    await vo.page.getByRole("link", { name: new RegExp(moved!.reference) }).waitFor();
    // The IPO's own number 1 is still its own ticket.
    await vo.page.goto(`/desk/tickets/IPO-${year}-000001`);
    expect(new URL(vo.page.url()).pathname).toBe(`/desk/tickets/IPO-${year}-000001`);
    await vo.ctx.close();
  });
});
