// Foundation, in a real browser: Dutch home page without serious axe violations, login, server-side guards.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, launch, login, newContext, postJson, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("portal shell", () => {
  it("renders the home page in Dutch with 0 serious or critical axe violations", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("verzuim");
    expect(await page.getByRole("link", { name: "Naar de inhoud" }).count()).toBe(1);
    expect(await page.locator("footer").textContent()).toContain("050-599 77 66");
    expect(await page.locator("footer").textContent()).toContain("050-599 90 00");
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });

  it("answers /api/health with database and search status", async () => {
    const res = await fetch(`${BASE}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.database.ok).toBe(true);
    expect(body.search.ok).toBe(true);
  });
});

describe("staff access", () => {
  it("redirects anonymous /desk and /redactie to /inloggen", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/desk");
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    await page.goto("/redactie");
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });

  it("lets an agent log in and reach /desk", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "agent.vo@helpdesk.test");
    expect(new URL(page.url()).pathname).toBe("/desk");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Werkbak/);
    await ctx.close();
  });

  it("shows a Dutch error for a wrong password", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres").fill("agent.po@helpdesk.test");
    await page.getByLabel("Wachtwoord").fill("verkeerd-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("alert").filter({ hasText: "klopt niet" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    await ctx.close();
  });

  it("gives an editor a 404 for an agent's ticket, while the desk's agent sees it", async () => {
    const created = await postJson("/api/v1/tickets", {
      callerType: "vo-school",
      organisation: "Stellingwerf College",
      topic: "verzuim-melden",
      question: "Hoe trek ik een verzuimmelding in die per ongeluk is verstuurd?",
      name: "Sanne de Boer",
      email: "sanne@school.test",
    });
    expect(created.status).toBe(201);
    const ref = created.json.reference as string;

    const editor = await newContext(browser);
    const ep = await editor.newPage();
    await login(ep, "redacteur@helpdesk.test");
    const res = await ep.goto(`/desk/tickets/${ref}`);
    expect(res?.status()).toBe(404);
    expect(await ep.content()).not.toContain("Sanne de Boer");
    await editor.close();

    const agentPo = await newContext(browser);
    const pp = await agentPo.newPage();
    await login(pp, "agent.po@helpdesk.test");
    expect((await pp.goto(`/desk/tickets/${ref}`))?.status()).toBe(404);
    await agentPo.close();

    const agent = await newContext(browser);
    const ap = await agent.newPage();
    await login(ap, "agent.vo@helpdesk.test");
    expect((await ap.goto(`/desk/tickets/${ref}`))?.status()).toBe(200);
    expect(await ap.content()).toContain("Sanne de Boer");
    await agent.close();
  });
});
