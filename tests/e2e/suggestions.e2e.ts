// The wizard's article suggestions in a real browser: a whole question in a caller's words gets the article that
// answers it, with the reason it is suggested; a pupil who picked their school is sent to the right place.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbRows, launch, newContext, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the wizard's suggestions", () => {
  it("suggest the 16-hour article to a vo school asking about 18 hours of truancy, and say why", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/vraag");
    await page.getByLabel("School voor voortgezet onderwijs").check();
    await page.getByLabel("Naam van uw school of organisatie").fill("Stellingwerf College");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByRole("heading", { name: /Stap 2 van 4/ }).waitFor();

    await page.getByLabel("Uw vraag").fill("Een leerling uit 3 havo heeft 18 uur gespijbeld. Moeten wij dat melden?");
    await page.getByRole("heading", { name: "Misschien staat uw antwoord hier al" }).waitFor({ timeout: 15_000 });
    const items = page.locator("section[aria-labelledby=suggestions-title] li");
    await items.first().locator(".suggestion-reason").waitFor();

    const first = items.first();
    expect(await first.locator(".suggestion-reason").textContent()).toMatch(
      /^Past bij: melden bij 16 uur ongeoorloofd verzuim in 4 lesweken/,
    );
    const link = first.getByRole("link");
    expect(await link.getAttribute("href")).toMatch(
      /^\/artikelen\/(ongeoorloofd-verzuim-melden|uren-tellen-ongeoorloofd-verzuim|spijbelen-wat-doet-de-school)$/,
    );
    // The reason is the link's description for screen readers.
    const describedBy = await link.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/16 uur/);

    const titles = await items.getByRole("link").allTextContents();
    expect(titles.join(" | ")).not.toMatch(/vakantieverlof|Ik ben ouder/i);
    expect(await seriousViolations(page)).toEqual([]);

    // "Mijn vraag is beantwoord" ends the run as answered (no ticket) and goes back to the home page.
    const runsBefore = dbRows<{ n: number }>(`SELECT COUNT(*) AS n FROM "DeflectionRun" WHERE "outcome" = 'answered'`);
    await page.getByRole("button", { name: "Mijn vraag is beantwoord" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect
      .poll(() => dbRows<{ n: number }>(`SELECT COUNT(*) AS n FROM "DeflectionRun" WHERE "outcome" = 'answered'`)[0]!.n)
      .toBe(runsBefore[0]!.n + 1);
    // The draft is gone: a new visit starts with empty fields.
    await page.goto("/vraag");
    await page.getByLabel("School voor voortgezet onderwijs").check();
    expect(await page.getByLabel("Naam van uw school of organisatie").inputValue()).toBe("");
    await page.getByLabel("Naam van uw school of organisatie").fill("Stellingwerf College");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByRole("heading", { name: /Stap 2 van 4/ }).waitFor();
    expect(await page.getByLabel("Uw vraag").inputValue()).toBe("");
    await ctx.close();
  });

  it("send a student who picked their mbo institution to their school or the leerplichtambtenaar", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/vraag");
    await page.getByLabel("Mbo-instelling").check();
    await page.getByLabel("Naam van uw school of organisatie").fill("ROC Friesland");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByRole("heading", { name: /Stap 2 van 4/ }).waitFor();
    await page.getByLabel("Onderwerp").selectOption("verzuim-melden");
    await page
      .getByLabel("Uw vraag")
      .fill("Ik ben student en heb deze maand 20 uur gemist. Word ik nu gemeld bij de leerplicht?");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByRole("heading", { name: /Stap 3 van 4/ }).waitFor();
    await page.getByLabel("Uw naam").fill("Sanne de Vries");
    await page.getByLabel("E-mailadres").fill("sanne@example.test");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByRole("heading", { name: /Stap 4 van 4/ }).waitFor();

    const warning = page.getByRole("status").filter({ hasText: "leerplichtambtenaar" });
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/ouder of leerling/);
    expect(await page.getByRole("button", { name: "Vraag versturen" }).isDisabled()).toBe(true);
    await ctx.close();
  });
});
