// The agent workspace in a real browser: an admin creates a macro and a tag; an agent of the VO/MBO desk takes a
// new ticket, replies with the macro, tags it, transfers a po-ish question to the PO desk, merges a duplicate;
// the caller's follow-up page shows the reply; stored script in caller text never runs; collision warning;
// the access matrix of every desk route; 0 serious axe violations on queue, ticket and reports.
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, launch, login, newContext, postJson, seriousViolations } from "./helpers";

let browser: Browser;
const run = Date.now().toString(36);
type Created = { reference: string; desk: string; followUpUrl: string };
let tVo: Created;
let tPoish: Created;
let tXss: Created;
let tPo: Created;
let tDupA: Created;
let tDupB: Created;
let tScratch: Created;
const MACRO_TITLE = `Ontvangstbevestiging ${run}`;
const TAG = `bron-registratie-${run}`;

async function ticket(body: Record<string, string>): Promise<Created> {
  const r = await postJson("/api/v1/tickets", { topic: "verzuim-melden", ...body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as Created;
}

function sqlite(readonly = true) {
  const url = process.env.E2E_DATABASE_URL ?? "";
  if (!url.startsWith("file:")) throw new Error("this test needs the e2e SQLite database");
  return new Database(url.slice(5), { readonly, fileMustExist: true, timeout: 10_000 });
}

async function as(email: string | null): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  if (email) await login(page, email);
  return { ctx, page };
}

beforeAll(async () => {
  browser = await launch();
  tVo = await ticket({
    callerType: "vo-school",
    organisation: "Stellingwerf College",
    question: `Hoe meld ik ongeoorloofd verzuim van een leerling uit havo 4 bij DUO? (${run})`,
    name: "Marit Hoekstra",
    email: `marit.${run}@stellingwerf.test`,
  });
  tPoish = await ticket({
    callerType: "municipality",
    organisation: "Gemeente Assen",
    question: `Een basisschool in onze gemeente vraagt hoe zij verzuim van een leerling uit groep 7 registreert. (${run})`,
    name: "Bram Kok",
    email: `bram.${run}@assen.test`,
  });
  tXss = await ticket({
    callerType: "vo-school",
    organisation: "Het Lyceum",
    question: `Vraag over spijbelen in klas 2 met een lange uitleg (${run}).`,
    name: "Kees Dijk",
    email: `kees.${run}@lyceum.test`,
  });
  tPo = await ticket({
    callerType: "po-school",
    organisation: "De Regenboog",
    question: `Hoe registreer ik verlof voor een leerling in groep 5? (${run})`,
    name: "Jan Jansen",
    email: `jan.${run}@regenboog.test`,
  });
  tDupA = await ticket({
    callerType: "vo-school",
    organisation: "Stellingwerf College",
    question: `Verzuimmelding van klas 3 is niet aangekomen bij DUO (${run}).`,
    name: "Marit Hoekstra",
    email: `dup.${run}@stellingwerf.test`,
  });
  tDupB = await ticket({
    callerType: "vo-school",
    organisation: "Stellingwerf College",
    question: `Nogmaals: verzuimmelding van klas 3 is niet aangekomen (${run}).`,
    name: "Marit Hoekstra",
    email: `dup.${run}@stellingwerf.test`,
  });
  tScratch = await ticket({
    callerType: "vo-school",
    organisation: "Testschool",
    question: `Ticket om een tag op te maken voor de test (${run}).`,
    name: "Test Persoon",
    email: `scratch.${run}@test.test`,
  });
  for (const t of [tVo, tPoish, tXss, tDupA, tDupB, tScratch]) expect(t.desk).toBe("vo-mbo");
  expect(tPo.desk).toBe("po");

  // A stored script, as it could arrive through an older import or a mail gateway: the intake itself refuses HTML.
  const d = sqlite(false);
  try {
    const payload = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> spijbelen`;
    const row = d.prepare(`SELECT id, requesterId FROM "Ticket" WHERE reference = ?`).get(tXss.reference) as {
      id: string;
      requesterId: string;
    };
    d.prepare(`UPDATE "Message" SET body = ? WHERE ticketId = ? AND kind = 'caller'`).run(payload, row.id);
    d.prepare(`UPDATE "Ticket" SET subject = ? WHERE id = ?`).run(
      `Spijbelen <script>window.__xss = 3</script>`,
      row.id,
    );
    d.prepare(`UPDATE "Requester" SET organisation = ? WHERE id = ?`).run(
      `<img src=x onerror="window.__xss = 4">Lyceum`,
      row.requesterId,
    );
  } finally {
    d.close();
  }
});
afterAll(async () => {
  await browser?.close();
});

describe("agent workspace", () => {
  it("lets an admin create a macro and a new tag", async () => {
    const { ctx, page } = await as("beheer@helpdesk.test");
    await page.goto("/desk/macros");
    await page.getByLabel("Titel").fill(MACRO_TITLE);
    await page.getByLabel("Voor helpdesk").selectOption({ label: "Beide helpdesks" });
    await page
      .getByLabel("Tekst", { exact: true })
      .fill(
        "Beste {{naam}},\n\nDank voor uw vraag {{referentie}}. Wij zoeken het voor u uit.\n\nMet vriendelijke groet,\n{{desk}}",
      );
    await page.getByRole("button", { name: "Macro aanmaken" }).click();
    await page.getByText("De macro is aangemaakt.").first().waitFor();
    await page.getByRole("heading", { name: MACRO_TITLE }).waitFor();
    // A bad placeholder is refused with a Dutch message next to the field.
    await page.getByLabel("Titel").fill("Fout");
    await page.getByLabel("Tekst", { exact: true }).fill("Hallo {{voornaam}}");
    await page.getByRole("button", { name: "Macro aanmaken" }).click();
    await page.locator("#macro-body-error").waitFor();
    expect(await page.locator("#macro-body-error").textContent()).toContain("{{naam}}");

    await page.goto(`/desk/tickets/${tScratch.reference}`);
    await page.getByLabel("Tag toevoegen").fill(TAG);
    await page.getByRole("button", { name: "Tag toevoegen" }).click();
    await page.locator(".tag-list").getByText(TAG).waitFor();
    await ctx.close();
  });

  it("lets a VO/MBO agent take a new ticket, reply with the macro and tag it; the caller sees the reply", async () => {
    const { ctx, page } = await as("agent.vo@helpdesk.test");
    await page.goto("/desk");
    expect(await page.getByRole("link", { name: /Nieuw \(\d+\)/ }).getAttribute("aria-current")).toBe("page");
    const row = page.locator(`tr[data-reference="${tVo.reference}"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Oplossing: (Op tijd|Bijna te laat|Te laat)/);
    expect(await page.locator(`tr[data-reference="${tPo.reference}"]`).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: j selects the first row and announces it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("j");
    await expect
      .poll(() => page.locator("[aria-live=polite][role=status]").last().textContent())
      .toMatch(/Vraag 1 van \d+/);

    await page.goto(`/desk/tickets/${tVo.reference}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.locator(".msg-caller").first().textContent()).toContain("havo 4");
    expect(await page.getByText("Stellingwerf College").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Neem deze vraag" }).click();
    await page.getByText("Behandelaar: Iris Bakker (u)").first().waitFor();

    await page.getByLabel("Macro", { exact: true }).selectOption({ label: MACRO_TITLE });
    await page.getByRole("button", { name: "Macro invoegen" }).click();
    const editor = page.getByRole("textbox", { name: "Tekst van uw bericht" });
    await expect.poll(() => editor.textContent()).toContain(`Dank voor uw vraag ${tVo.reference}`);
    expect(await editor.textContent()).toContain("Beste Marit Hoekstra");
    await page.getByRole("button", { name: "Antwoord versturen" }).click();
    await page
      .locator(".msg-reply")
      .filter({ hasText: `Dank voor uw vraag ${tVo.reference}` })
      .waitFor();
    expect(await page.locator(".ticket-meta .status").textContent()).toBe("Open");

    // Tags: an existing tag is fine, a new one only for admins.
    await page.getByLabel("Tag toevoegen").fill("helemaal-nieuw");
    await page.getByRole("button", { name: "Tag toevoegen" }).click();
    await page
      .getByText(/Alleen een beheerder kan nieuwe tags maken/)
      .first()
      .waitFor();
    await page.getByLabel("Tag toevoegen").fill(TAG);
    await page.getByRole("button", { name: "Tag toevoegen" }).click();
    await page.locator(".tag-list").getByText(TAG).waitFor();

    // Keyboard: n opens an internal note; the caller never sees it.
    await page.locator("h1").click();
    await page.keyboard.press("n");
    await page.getByRole("heading", { name: "Interne notitie" }).waitFor();
    await page.keyboard.type("Intern: navragen bij DUO.");
    await page.getByRole("button", { name: "Notitie opslaan" }).click();
    await page.locator(".msg-note").filter({ hasText: "Intern: navragen bij DUO." }).waitFor();

    // The reply went into the outbox with the follow-up link, and the caller's page shows it (not the note).
    const d = sqlite();
    try {
      const mail = d
        .prepare(`SELECT "to", text FROM "MailOutbox" WHERE text LIKE ? ORDER BY createdAt DESC`)
        .get(`%Dank voor uw vraag ${tVo.reference}%`) as { to: string; text: string } | undefined;
      expect(mail?.to).toBe(`marit.${run}@stellingwerf.test`);
      expect(mail?.text).toMatch(/\/mijn-vraag\/[A-Za-z0-9_-]+/);
    } finally {
      d.close();
    }
    const caller = await ctx.newPage();
    await caller.goto(tVo.followUpUrl);
    await caller.getByText(`Dank voor uw vraag ${tVo.reference}`).first().waitFor();
    expect(await caller.content()).not.toContain("navragen bij DUO");
    await ctx.close();
  });

  it("transfers a po-ish question to the PO desk with a reason", async () => {
    const { ctx, page } = await as("agent.vo@helpdesk.test");
    await page.goto(`/desk/tickets/${tPoish.reference}`);
    await page.getByLabel("Naar helpdesk").selectOption({ label: "BRON PO" });
    await page.getByRole("button", { name: "Doorsturen" }).click();
    await page.locator("[id$='-reason-error']").waitFor(); // a reason is required
    await page.getByLabel("Reden").fill("Uw vraag gaat over een basisschool. Daarom helpt Helpdesk BRON PO u verder.");
    await page.getByRole("button", { name: "Doorsturen" }).click();
    await page.waitForURL(/\/desk\?doorgestuurd=1/);
    await page.getByText("De vraag is doorgestuurd").first().waitFor();
    expect((await page.goto(`/desk/tickets/${tPoish.reference}`))?.status()).toBe(404);
    await ctx.close();

    // The PO desk gave it its own number; the old one still leads there.
    const po = await as("agent.po@helpdesk.test");
    expect((await po.page.goto(`/desk/tickets/${tPoish.reference}`))?.status()).toBe(200);
    const moved = new URL(po.page.url()).pathname.split("/").pop()!;
    expect(moved).toMatch(/^PO-\d{4}-\d{6}$/);
    await po.page.locator(".msg-system").filter({ hasText: "doorgestuurd" }).waitFor();
    await po.ctx.close();
    tPoish = { ...tPoish, reference: moved };
  });

  it("merges a duplicate; the old reference redirects to the ticket it was merged into", async () => {
    const { ctx, page } = await as("agent.vo@helpdesk.test");
    await page.goto(`/desk/tickets/${tDupB.reference}`);
    await page.getByLabel("Dubbele vraag: samenvoegen met vraag").fill(tDupA.reference);
    await page.getByRole("button", { name: "Samenvoegen" }).click();
    await page.waitForURL(new RegExp(`/desk/tickets/${tDupA.reference}`));
    await page.goto(`/desk/tickets/${tDupB.reference}`);
    expect(new URL(page.url()).pathname).toBe(`/desk/tickets/${tDupA.reference}`);
    await page.getByText(`Vraag ${tDupB.reference} is samengevoegd met deze vraag`).first().waitFor();
    await ctx.close();
  });

  it("never runs script stored in a caller's question, on the queue, the search results and the ticket", async () => {
    const { ctx, page } = await as("agent.vo@helpdesk.test");
    await page.goto("/desk");
    await page.locator(`tr[data-reference="${tXss.reference}"]`).waitFor();
    await page.goto(`/desk?q=spijbelen`);
    await page.getByRole("link", { name: new RegExp(tXss.reference) }).waitFor();
    await page.goto(`/desk/tickets/${tXss.reference}`);
    await page.locator(".msg-caller").first().waitFor();
    expect(await page.locator(".msg-caller").first().textContent()).toContain("<script>window.__xss = 1</script>");
    expect(await page.locator("h1").textContent()).toContain("<script>");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await ctx.close();
  });

  it("warns when a colleague has the same ticket open", async () => {
    const agent = await as("agent.vo@helpdesk.test");
    await agent.page.goto(`/desk/tickets/${tScratch.reference}`);
    await agent.page.getByRole("heading", { level: 1 }).waitFor();
    const admin = await as("beheer@helpdesk.test");
    await admin.page.goto(`/desk/tickets/${tScratch.reference}`);
    await admin.page.getByText("Iris Bakker heeft deze vraag ook open").first().waitFor({ timeout: 15_000 });
    // When the agent starts typing, the admin sees "schrijft" within a poll or two.
    await agent.page.getByRole("textbox", { name: "Tekst van uw bericht" }).click();
    await agent.page.keyboard.type("Ik ben bezig");
    await admin.page
      .getByText(/Iris Bakker schrijft nu een bericht/)
      .first()
      .waitFor({ timeout: 25_000 });
    await agent.ctx.close();
    await admin.ctx.close();
  });

  it("shows reports with charts, tables and CSV export without serious axe violations", async () => {
    const { ctx, page } = await as("agent.vo@helpdesk.test");
    await page.goto("/desk/rapportages");
    await page.getByRole("heading", { name: "Rapportages", level: 1 }).waitFor();
    expect(await page.getByRole("table", { name: "Kerncijfers per helpdesk" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Van", { exact: true }).fill("2026-03-10");
    await page.getByLabel("Tot en met").fill("2026-03-01");
    await page.getByRole("button", { name: "Toon rapportage" }).click();
    await page.getByText("De periode klopt niet").first().waitFor();
    expect(await page.locator("#period-to-error").textContent()).toContain("op of na de begindatum");
    const csv = await ctx.request.get("/desk/rapportages/export?section=summary");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Helpdesk;Tickets");
    expect((await ctx.request.get("/desk/rapportages/export?section=bestaat-niet")).status()).toBe(400);
    await ctx.close();
  });
});

describe("access matrix of the desk routes", () => {
  type Expect = Record<"queue" | "ticket" | "reports" | "macros" | "audit" | "csv", number | "login">;
  const cases: [string, string | null, Expect][] = [
    [
      "anonymous",
      null,
      { queue: "login", ticket: "login", reports: "login", macros: "login", audit: "login", csv: "login" },
    ],
    [
      "agent PO",
      "agent.po@helpdesk.test",
      { queue: 200, ticket: 404, reports: 200, macros: 404, audit: 404, csv: 200 },
    ],
    [
      "agent VO/MBO",
      "agent.vo@helpdesk.test",
      { queue: 200, ticket: 200, reports: 200, macros: 404, audit: 404, csv: 200 },
    ],
    ["editor", "redacteur@helpdesk.test", { queue: 404, ticket: 404, reports: 404, macros: 404, audit: 404, csv: 404 }],
    ["admin", "beheer@helpdesk.test", { queue: 200, ticket: 200, reports: 200, macros: 200, audit: 200, csv: 200 }],
  ];

  it.each(cases)("%s", async (_, email, expected) => {
    const { ctx, page } = await as(email);
    const routes: [keyof Expect, string][] = [
      ["queue", "/desk"],
      ["ticket", `/desk/tickets/${tVo.reference}`],
      ["reports", "/desk/rapportages"],
      ["macros", "/desk/macros"],
      ["audit", "/desk/audit"],
    ];
    for (const [key, path] of routes) {
      const res = await page.goto(path);
      if (expected[key] === "login") expect(new URL(page.url()).pathname, path).toBe("/inloggen");
      else expect(res?.status(), `${email} ${path}`).toBe(expected[key]);
      if (expected[key] === 404) expect(await page.content()).not.toContain("Marit Hoekstra");
    }
    const csv = await ctx.request.get(`${BASE}/desk/rapportages/export?section=weekly`, { maxRedirects: 0 });
    if (expected.csv === "login") {
      expect(csv.status()).toBe(303);
      expect(csv.headers().location).toMatch(/^\/inloggen\?terug=/);
    } else expect(csv.status(), `${email} csv`).toBe(expected.csv);
    await ctx.close();
  });

  it("keeps the audit log for admins, with the ticket's events", async () => {
    const { ctx, page } = await as("beheer@helpdesk.test");
    await page.goto("/desk/audit?actie=ticket.transferred");
    await page.getByRole("link", { name: tPoish.reference }).first().waitFor();
    await page.goto(`/desk/tickets/${tVo.reference}`);
    await page
      .getByText(/Geschiedenis van deze vraag/)
      .first()
      .click();
    await page.locator(".ticket-audit").getByText("Antwoord verstuurd").first().waitFor();
    await ctx.close();
  });
});
