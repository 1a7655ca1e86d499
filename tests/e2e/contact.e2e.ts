// The contact desk in a real browser: an agent logs each of the five outcomes through the contact screen (the
// Beantwoord call by keyboard, counting key presses), calls back a callback from the Terugbellen queue, adds a
// call to an existing ticket, and finds the phone tickets in the queue, on the ticket page and in the reports.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbRows, launch, login, newContext, postJson, seriousViolations } from "./helpers";

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
const EMAIL = `els.${run}@klimop.test`;
let existing: { reference: string };

type TicketRow = { reference: string; deskId: string; status: string; channel: string; id: string };
const ticketBy = (reference: string) =>
  dbRows<TicketRow>(`SELECT id, reference, deskId, status, channel FROM "Ticket" WHERE reference = ?`, reference)[0]!;

/** The reference in the success message after saving. */
async function savedReference(): Promise<string> {
  const done = page.locator("[data-contact-done]");
  await done.waitFor();
  return (await done.getByRole("link").first().textContent())!.trim();
}

async function pickCaller(q: string) {
  await page.getByLabel("Zoek beller op naam, e-mail, telefoonnummer of schoolcode").fill(q);
  await page.locator("[data-caller-hit]").first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator("[data-picked-caller]").waitFor();
}

async function newContact() {
  await page.getByRole("button", { name: "Nieuw contact" }).click();
  await page.getByLabel("Zoek beller op naam, e-mail, telefoonnummer of schoolcode").waitFor();
}

beforeAll(async () => {
  browser = await launch();
  const r = await postJson("/api/v1/tickets", {
    callerType: "po-school",
    sector: "po",
    organisation: "Basisschool De Klimop",
    topic: "verzuim-melden",
    name: "Els de Vries",
    email: EMAIL,
    phone: "06 12345678",
    question: `Hoe geef ik het verlof van een leerling in groep 6 door? (${run})`,
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  existing = r.json;
  ctx = await newContext(browser);
  page = await ctx.newPage();
  await login(page, "agent.po@helpdesk.test");
});
afterAll(async () => {
  await browser?.close();
});

describe("contact screen", () => {
  it("logs a typical Beantwoord call with the summary typed and at most 6 other key presses or clicks", async () => {
    await page.goto("/desk");
    let presses = 0;
    await page.keyboard.press("c");
    presses++;
    await page.waitForURL("**/desk/contact");
    const search = page.getByLabel("Zoek beller op naam, e-mail, telefoonnummer of schoolcode");
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(EMAIL.slice(0, 12));
    await page.locator("[data-caller-hit]").first().waitFor();
    await page.keyboard.press("Enter");
    presses++;
    await expect
      .poll(() => page.getByLabel("Korte samenvatting").evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.type("Hoe meld ik ongeoorloofd verzuim van een leerling bij DUO?");
    const first = page.locator("[data-suggestion]").first();
    await first.waitFor({ timeout: 15_000 });
    const slug = await first.getAttribute("data-suggestion");
    await page.keyboard.press("Alt+1");
    presses++;
    await page.locator("[data-linked]").waitFor();
    await page.keyboard.press("Control+Enter");
    presses++;
    const reference = await savedReference();
    expect(presses).toBeLessThanOrEqual(6);
    console.log(JSON.stringify({ measure: "beantwoord-key-presses", presses }));
    const t = ticketBy(reference);
    expect(t).toMatchObject({ deskId: "po", status: "resolved", channel: "phone" });
    const msgs = dbRows<{ kind: string; body: string }>(
      `SELECT kind, body FROM "Message" WHERE ticketId = ? ORDER BY createdAt`,
      t.id,
    );
    expect(msgs.map((m) => m.kind)).toEqual(["phone", "reply"]);
    expect(msgs[1]!.body).toContain(`/artikelen/${slug}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("Terugbellen for a new caller: listed with an SLA badge, called back from the queue", async () => {
    await newContact();
    await page.getByRole("button", { name: "Nieuwe beller" }).click();
    await page.getByLabel("Naam").fill(`Piet Bakker ${run}`);
    await page.getByLabel("School of organisatie").fill("OBS De Wilg");
    await page.getByLabel("Soort beller").selectOption("po-school");
    await page.getByLabel("Telefoonnummer").fill("050 123 4567");
    await page.getByLabel("Korte samenvatting").fill("Wil teruggebeld worden over verlofaanvraag");
    await page.getByLabel(/^Terugbellen/).check();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    const reference = await savedReference();
    expect(ticketBy(reference)).toMatchObject({ status: "open", channel: "phone" });
    expect(
      dbRows(
        `SELECT phone FROM "Requester" r JOIN "Ticket" t ON t.requesterId = r.id WHERE t.reference = ?`,
        reference,
      ),
    ).toEqual([{ phone: "+31501234567" }]);

    await page.goto("/desk/terugbellen");
    const row = page.locator(`[data-callback-row][data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.locator("[data-callback-state]").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole("link", { name: "Terugbellen" }).click();
    await page.getByLabel("Wat is er besproken?").fill("Uitgelegd welke formulieren nodig zijn.");
    await page.getByLabel("De vraag is hiermee opgelost").check();
    await page.getByRole("button", { name: "Resultaat vastleggen" }).click();
    await page.getByText(`Resultaat vastgelegd bij ${reference}`).waitFor();
    expect(ticketBy(reference).status).toBe("resolved");
    await page.goto("/desk/terugbellen");
    expect(await page.locator(`[data-callback-row][data-reference="${reference}"]`).count()).toBe(0);
  });

  it("Vervolg with a confirmation mail the caller asked for", async () => {
    await page.goto("/desk/contact");
    await pickCaller(EMAIL);
    await page.getByLabel("Korte samenvatting").fill("Vraagt na hoe het verzuimregister werkt");
    await page.getByLabel(/^Vervolg/).check();
    await page.getByLabel("De beller wil een bevestiging per e-mail").check();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    const reference = await savedReference();
    const t = ticketBy(reference);
    expect(t).toMatchObject({ status: "new", channel: "phone", deskId: "po" });
    expect(dbRows(`SELECT "to" FROM "MailOutbox" WHERE ticketId = ?`, t.id)).toEqual([{ to: EMAIL }]);
  });

  it("Doorverbonden: logged on the other desk with the reason (a missing reason is refused in Dutch)", async () => {
    await newContact();
    await pickCaller(EMAIL);
    await page.getByLabel("Korte samenvatting").fill("Vraag over een mbo-student die niet komt");
    await page.getByLabel(/^Doorverbonden/).check();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await page.getByText("Vul in waarom het gesprek naar de andere helpdesk gaat.").waitFor();
    await page.getByLabel(/^Waarom naar/).fill("Gaat over een mbo-instelling");
    await page.getByRole("button", { name: "Vastleggen" }).click();
    const reference = await savedReference();
    expect(reference).toMatch(/^IPO-/);
    expect(ticketBy(reference)).toMatchObject({ deskId: "vo-mbo", channel: "phone" });
  });

  it("Buiten ons terrein: no ticket, no caller details", async () => {
    await newContact();
    const before = dbRows<{ n: number }>(`SELECT COUNT(*) AS n FROM "Requester"`)[0]!.n;
    await page.getByLabel("Korte samenvatting").fill(`Ouder vraagt naar de zomervakantie ${run}`);
    await page.getByLabel(/^Buiten ons terrein/).check();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await page.locator("[data-contact-done]").getByText("Vastgelegd: Buiten ons terrein").waitFor();
    expect(dbRows<{ n: number }>(`SELECT COUNT(*) AS n FROM "Requester"`)[0]!.n).toBe(before);
    expect(
      dbRows(`SELECT outcome, ticketId FROM "Contact" WHERE summary = ?`, `Ouder vraagt naar de zomervakantie ${run}`),
    ).toEqual([{ outcome: "out_of_scope", ticketId: null }]);
  });

  it("adds a call to an existing ticket (reopening is covered by the integration test)", async () => {
    const d = ticketBy(existing.reference);
    expect(d.status).toBe("new");
    await page.goto(`/desk/contact?kenmerk=${existing.reference}`);
    expect(await page.getByLabel(/^Bij bestaande vraag/).isChecked()).toBe(true);
    await page.getByLabel("Korte samenvatting").fill("Belt na over het verlof");
    await page.keyboard.press("Control+Enter");
    expect(await savedReference()).toBe(existing.reference);
    const msgs = dbRows<{ kind: string }>(`SELECT kind FROM "Message" WHERE ticketId = ? ORDER BY createdAt`, d.id);
    expect(msgs.at(-1)!.kind).toBe("phone");
  });

  it("shows the channel in the queue (with its filter), on the ticket page and in the reports", async () => {
    await page.goto("/desk?view=opgelost&channel=phone");
    const rows = page.locator("[data-ticket-row]");
    await rows.first().waitFor();
    for (const c of await page.locator("[data-ticket-row] [data-channel]").all())
      expect(await c.getAttribute("data-channel")).toBe("phone");
    const ref = await rows.first().getAttribute("data-reference");
    await page.goto(`/desk/tickets/${ref}`);
    expect(await page.locator("dd[data-channel]").textContent()).toBe("Telefoon");
    await page.goto("/desk/rapportages");
    const section = page.locator("[data-contact-report]");
    await section.getByRole("heading", { name: "Contacten en telefoon" }).waitFor();
    expect(await section.textContent()).toContain("Telefoon");
    expect(await section.textContent()).toContain("Op tijd teruggebeld");
    const csv = await page.request.get(`/desk/rapportages/export?section=contacten`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("Opgelost bij eerste contact (%)");
  });
});
