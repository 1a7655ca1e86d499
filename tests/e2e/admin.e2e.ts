// Administration in a real browser: an admin creates an agent (one-time password link → the agent sets a password
// and logs in), deactivates them (their open session is gone at once), and creates and revokes an API token that
// works against the API in between. Every change shows in the audit log; 0 serious axe violations.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, dbRows, launch, login, newContext, seriousViolations } from "./helpers";

let browser: Browser;
const run = Date.now().toString(36);
const EMAIL = `nieuw.${run}@helpdesk.test`;
const PASSWORD = "een-heel-goed-wachtwoord";

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("administration", () => {
  it("creates an agent with a one-time link; deactivating ends the agent's session at once", async () => {
    const adminCtx = await newContext(browser);
    const admin = await adminCtx.newPage();
    await login(admin, "beheer@helpdesk.test");
    await admin.goto("/desk/beheer");
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByLabel("Naam", { exact: true }).fill(`Nieuwe Collega ${run}`);
    await admin.getByLabel("E-mailadres").fill(EMAIL);
    await admin.getByLabel("Rol", { exact: true }).selectOption("agent");
    await admin.locator("form.card").first().getByLabel("PO").check();
    await admin.getByRole("button", { name: "Account aanmaken" }).click();
    const link = (await admin.locator("[data-shown-once] [data-secret]").textContent())!.trim();
    expect(link).toMatch(/\/wachtwoord\/[A-Za-z0-9_-]{32}$/);

    // The new agent sets a password with the link (once) and logs in.
    const agentCtx = await newContext(browser);
    const agent = await agentCtx.newPage();
    await agent.goto(new URL(link).pathname);
    expect(await seriousViolations(agent)).toEqual([]);
    await agent.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    await agent.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    await agent.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await agent.getByText("Uw wachtwoord is opgeslagen.").waitFor();
    await agent.goto(new URL(link).pathname);
    await agent.getByText("Deze link werkt niet (meer)").waitFor();
    await login(agent, EMAIL, PASSWORD);
    await agent.goto("/desk");
    await agent.getByRole("heading", { level: 1 }).first().waitFor();
    expect(new URL(agent.url()).pathname).toBe("/desk");

    // The admin switches the account off: the agent's next request has no session.
    await admin.reload();
    const row = admin.locator(`[data-user-row="${EMAIL}"]`);
    await row.getByRole("button", { name: /^Uitzetten/ }).click();
    await row.getByText("Uitgezet").waitFor();
    await agent.goto("/desk");
    await agent.waitForURL((u) => u.pathname.startsWith("/inloggen"));

    const actions = dbRows<{ action: string }>(
      `SELECT a.action FROM "AuditEvent" a JOIN "User" u ON u.id = a.entityId WHERE u.email = ? ORDER BY a.createdAt`,
      EMAIL,
    ).map((r) => r.action);
    expect(actions).toEqual(["user.created", "user.reset_link", "user.password_set", "user.deactivated"]);
    await admin.goto("/desk/audit");
    await admin.locator("table").getByText("Account uitgezet").first().waitFor();
    await adminCtx.close();
    await agentCtx.close();
  });

  it("creates an API token that is shown once and works, then revokes it", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "beheer@helpdesk.test");
    await page.goto("/desk/beheer");
    const name = `Telefooncentrale ${run}`;
    await page.getByLabel("Naam van het systeem").fill(name);
    const form = page.locator("form.card").nth(1);
    await form.getByLabel("PO").check();
    await form.getByLabel(/Vragen lezen/).check();
    await page.getByRole("button", { name: "Token aanmaken" }).click();
    const token = (await page.locator("[data-shown-once] [data-secret]").textContent())!.trim();
    expect(token).toMatch(/^hdp_/);
    const call = () => fetch(`${BASE}/api/v1/tickets`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);

    await page.reload();
    expect(await page.locator("[data-shown-once]").count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    const row = page.locator(`[data-token-row="${name}"]`);
    await row.getByRole("button", { name: /^Intrekken/ }).click();
    await row.locator("[data-token-status]").getByText("Ingetrokken").waitFor();
    expect((await call()).status).toBe(401);
    expect(
      dbRows<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE entityType = 'apiToken' ORDER BY createdAt`)
        .map((r) => r.action)
        .slice(-2),
    ).toEqual(["apitoken.created", "apitoken.revoked"]);
    await ctx.close();
  });
});
