// Organisations in the question wizard and the contact screen, in a real browser (demo organisations loaded):
// a bestuur picks itself in the "Wie bent u?" typeahead (keyboard only) and its vo school in "Over welke school gaat
// het?"; the review names the IPO because of that school, and the ticket lands on the VO/MBO desk recording both.
// In the contact screen an agent chooses a municipality as the caller's organisation (its last tickets show) and
// the basisschool the call is about; the phone ticket records both and links the caller.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbRows, launch, login, newContext, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const orgId = (code: string) => dbRows<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = ?`, code)[0]?.id;

/** Waits until the combobox has suggestions and says so. */
async function suggestions(page: Page, field: string) {
  const input = page.locator(`#${field}`);
  await page.waitForFunction((id) => document.getElementById(id)?.getAttribute("aria-expanded") === "true", field);
  return { input, list: page.locator(`#${field}-list`) };
}

describe("on behalf of a school in the wizard", () => {
  it("a bestuur's question about its vo school lands on the VO/MBO desk with both organisations recorded", async () => {
    const bestuurId = orgId("41001");
    const schoolId = orgId("12AB");
    expect(bestuurId && schoolId, "the demo organisations are loaded").toBeTruthy();
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/vraag");

    // Step 1: a schoolbestuur; the typeahead offers besturen only, picked with the keyboard.
    await page.getByLabel("Schoolbestuur").check();
    await page.getByLabel("Naam van uw school of organisatie").fill("voortgezet noord");
    const org = await suggestions(page, "organisation");
    expect(await org.list.getAttribute("aria-label")).toBe("Gevonden organisaties");
    const orgOptions = await org.list.getByRole("option").allTextContents();
    expect(orgOptions[0]).toContain("Stichting Primair en Voortgezet Onderwijs Noord");
    expect(orgOptions.every((o) => o.includes("Schoolbestuur"))).toBe(true);
    await org.input.press("ArrowDown");
    expect(await org.input.getAttribute("aria-activedescendant")).toBe("organisation-opt-0");
    expect(await page.locator("#organisation-opt-0").getAttribute("aria-selected")).toBe("true");
    await org.input.press("Enter");
    expect(await org.input.inputValue()).toBe("Stichting Primair en Voortgezet Onderwijs Noord");
    expect(await org.input.getAttribute("aria-expanded")).toBe("false");
    await page.getByText("Gekozen: Stichting Primair en Voortgezet Onderwijs Noord").waitFor({ state: "attached" });

    // "Over welke school gaat het?": schools only; a name that is neither picked nor a code is refused.
    const about = page.getByLabel("Over welke school gaat het?");
    await about.fill("Nergensschool");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.locator("#aboutSchoolCode-error").waitFor();
    expect(await about.getAttribute("aria-invalid")).toBe("true");
    await about.fill("Stellingwerf");
    const school = await suggestions(page, "aboutSchoolCode");
    expect(await school.list.getByRole("option").count()).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
    await school.list.getByRole("option", { name: /^Stellingwerf College · 12AB · / }).click();
    expect(await about.inputValue()).toBe("Stellingwerf College, Oosterwolde");
    await page.getByRole("button", { name: "Volgende stap" }).click();

    // Step 2 and 3: a question that by its words could be for either desk.
    await page.getByRole("heading", { name: /Stap 2 van 4/ }).waitFor();
    await page.getByLabel("Onderwerp").selectOption("inschrijving");
    await page
      .getByLabel("Uw vraag")
      .fill("Hoe schrijven wij een leerling in die halverwege het jaar van een andere school komt?");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByRole("heading", { name: /Stap 3 van 4/ }).waitFor();
    await page.getByLabel("Uw naam").fill("Marloes de Vries");
    await page.getByLabel("E-mailadres").fill("m.devries@example.org");
    await page.getByRole("button", { name: "Volgende stap" }).click();

    // Step 4: the school concerned decides the desk, and the review says why.
    await page.getByRole("heading", { name: /Stap 4 van 4/ }).waitFor();
    await page.getByText("Uw vraag gaat naar: Informatiepunt Onderwijs (IPO)").waitFor({ timeout: 15_000 });
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Uw vraag gaat over Stellingwerf College");
    expect(main).toContain("Stellingwerf College, Oosterwolde (12AB)");
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await page.getByRole("heading", { name: "Uw vraag is verstuurd" }).waitFor({ timeout: 20_000 });
    const reference = (await page.locator(".alert-success strong").first().textContent())!;

    const [ticket] = dbRows<{ deskId: string; organisationId: string; schoolId: string; matchedBy: string }>(
      `SELECT t.deskId, t.organisationId, t.schoolId, r.organisationMatchedBy AS matchedBy
         FROM "Ticket" t JOIN "Requester" r ON r.id = t.requesterId WHERE t.reference = ?`,
      reference,
    );
    expect(ticket).toEqual({ deskId: "vo-mbo", organisationId: bestuurId, schoolId, matchedBy: "choice" });
    await ctx.close();
  });
});

describe("on behalf of a school in the contact screen", () => {
  it("the agent chooses the caller's organisation and the school concerned; the ticket records both", async () => {
    const gemeenteId = orgId("GM0080");
    const schoolId = orgId("34CD");
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "agent.po@helpdesk.test");
    await page.goto("/desk/contact");
    await page.getByRole("button", { name: "Nieuwe beller" }).click();
    await page.getByLabel("Naam").fill("Anouk Bakker");

    await page.getByLabel("School of organisatie").fill("gemeente leeuw");
    const org = await suggestions(page, "c-org");
    await org.list.getByRole("option", { name: /^Gemeente Leeuwarden · GM0080/ }).click();
    expect(await org.input.inputValue()).toBe("Gemeente Leeuwarden");
    await page.locator("[data-organisation-tickets]").waitFor();
    expect(await page.getByRole("link", { name: "Organisatiepagina van Gemeente Leeuwarden" }).count()).toBe(1);

    await page.getByLabel("Soort beller").selectOption("municipality");
    await page.getByLabel("School waar het over gaat").fill("regenboog");
    const school = await suggestions(page, "c-about");
    await school.input.press("ArrowDown");
    await school.input.press("Enter");
    expect(await school.input.inputValue()).toBe("Basisschool De Regenboog (34CD)");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Korte samenvatting").fill("Leerplicht vraagt naar een leerling die lang afwezig is");
    await page.getByLabel(/^Vervolg/).check();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    const done = page.locator("[data-contact-done]");
    await done.waitFor();
    const reference = (await done.getByRole("link").first().textContent())!.trim();
    const [ticket] = dbRows<{ deskId: string; organisationId: string; schoolId: string; matchedBy: string }>(
      `SELECT t.deskId, t.organisationId, t.schoolId, r.organisationMatchedBy AS matchedBy
         FROM "Ticket" t JOIN "Requester" r ON r.id = t.requesterId WHERE t.reference = ?`,
      reference,
    );
    expect(ticket).toEqual({ deskId: "po", organisationId: gemeenteId, schoolId, matchedBy: "agent" });
    await ctx.close();
  });
});
