// An agent opens an organisation page from a ticket (demo data: the bestuur's question about one of its
// basisscholen): the ticket's organisation card links the bestuur and the school concerned; the bestuur's page lists
// its schools and the question; the school's page lists the question under "about this school".
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbRows, launch, login, newContext, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("organisation pages", () => {
  it("opens the bestuur's page from its ticket, then the school concerned", async () => {
    const [row] = dbRows<{ reference: string }>(
      `SELECT t.reference FROM "Ticket" t JOIN "Requester" r ON r.id = t.requesterId WHERE r.email = 'j.vandam@spon.test'`,
    );
    expect(row, "the e2e database has the demo data with organisations").toBeTruthy();
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "agent.po@helpdesk.test");
    await page.goto(`/desk/tickets/${row!.reference}`);
    const card = page.locator("[data-organisation-card]");
    await expect(
      card.getByRole("link", { name: "Stichting Primair en Voortgezet Onderwijs Noord" }).count(),
    ).resolves.toBe(1);
    await Promise.all([
      page.waitForURL(/\/desk\/organisaties\/[a-z0-9]+$/),
      card.locator("[data-organisation-link]").click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "Stichting Primair en Voortgezet Onderwijs Noord" }).waitFor();
    const schools = await page.locator("[data-schools] li").allTextContents();
    expect(schools.some((s) => s.includes("Stellingwerf College"))).toBe(true);
    expect(schools.some((s) => s.includes("Basisschool De Regenboog"))).toBe(true);
    expect(await page.locator(`tr[data-reference="${row!.reference}"]`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/desk/tickets/${row!.reference}`);
    await Promise.all([
      page.waitForURL(/\/desk\/organisaties\/[a-z0-9]+$/),
      page.locator("[data-organisation-card] [data-school-link]").click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "Basisschool De Regenboog" }).waitFor();
    const about = page.getByRole("region", { name: /Vragen over deze school/ });
    expect(await about.locator(`tr[data-reference="${row!.reference}"]`).count()).toBe(1);
    await ctx.close();
  });

  it("finds organisations by code and lists them with counts", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "agent.vo@helpdesk.test");
    await page.goto("/desk/organisaties?q=12AB");
    const names = await page.locator("[data-organisations] tbody tr td:first-child").allTextContents();
    expect(names).toEqual(["Stellingwerf College", "Stellingwerf College locatie Appelscha"]);
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });
});
