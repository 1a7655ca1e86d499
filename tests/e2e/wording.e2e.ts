// Issue 11, item 14 in a real browser: the Dutch 404 page in the portal's layout (search box, desks' numbers,
// lang="nl"), /favicon.ico, the leave checker's one answer
// for 15 days of gewichtige omstandigheden, and the verzuimcheck's holiday rows (no error before a field is left;
// filled rows submit).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, launch, login, newContext } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function verzuimcheck(): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.goto("/verzuimcheck");
  await page.waitForFunction(() => {
    const el = document.querySelector("#q-late");
    return !!el && Object.keys(el).some((k) => k.startsWith("__react"));
  });
  return page;
}

describe("404, error page and favicon", () => {
  it("answers an unknown page with a Dutch 404 in the portal layout, with a search box and the desks' numbers", async () => {
    const page = await (await newContext(browser)).newPage();
    const res = await page.goto("/bestaat-echt-niet");
    expect(res?.status()).toBe(404);
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await page.getByRole("heading", { name: "Deze pagina bestaat niet", level: 1 }).waitFor();
    expect(await page.content()).not.toContain("could not be found");
    expect(await page.locator("header").count()).toBeGreaterThan(0);
    expect(await page.locator("main").getByText("050-599 77 66").count()).toBe(1);
    expect(await page.locator("main").getByText("050-599 90 00").count()).toBe(1);
    await page.locator("main").getByLabel("Zoek een antwoord").fill("verzuim melden");
    await page.locator("main").getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/\/zoeken\?q=verzuim\+melden/);
    // An agent's unknown ticket is the same Dutch 404.
    await login(page, "agent.po@helpdesk.test");
    expect((await page.goto("/desk/tickets/PO-2000-999999"))?.status()).toBe(404);
    await page.getByRole("heading", { name: "Deze pagina bestaat niet" }).waitFor();
    await page.context().close();
  });

  it("serves /favicon.ico", async () => {
    const res = await fetch(`${BASE}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\//);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });
});

describe("leave checker", () => {
  it("15 days of gewichtige omstandigheden: one answer — the leerplichtambtenaar decides, the school forwards the request", async () => {
    const page = await verzuimcheck();
    await page.getByRole("radio", { name: /Gewichtige omstandigheden/i }).check();
    await page.getByLabel("Eerste verlofdag").fill("2026-05-11");
    await page.getByLabel("Aantal schooldagen").fill("15");
    await page.getByRole("button", { name: "Controleer verlof" }).click();
    await page.getByRole("heading", { name: "Uitkomst verlofaanvraag" }).waitFor();
    const verdict = (await page.locator(".leave-verdict").textContent()) ?? "";
    expect(verdict).toBe("De leerplichtambtenaar beslist over dit verlof, niet de school.");
    const result = (await page.locator("section.check-result").last().textContent()) ?? "";
    expect(result).not.toMatch(/kan worden toegestaan/);
    expect(result).toMatch(/Wie beslist: De leerplichtambtenaar/);
    expect(result).toMatch(/Stuur de aanvraag met uw advies door naar de leerplichtambtenaar/);
    await page.context().close();
  });
});

describe("verzuimcheck holiday rows", () => {
  it("shows no error on a new row before it is left, an error after leaving it empty, and submits filled rows", async () => {
    const page = await verzuimcheck();
    await page.getByRole("radio", { name: /Precies/ }).check();
    await page.getByLabel("Peildatum").fill("2026-03-20");
    await page
      .getByLabel("Plak regels uit uw administratie")
      .fill("2-3-2026;ongeoorloofd;4\n3-3-2026;ongeoorloofd;4\n16-3-2026;ongeoorloofd;4\n17-3-2026;ongeoorloofd;4");
    await page.getByRole("button", { name: "Vakantie toevoegen" }).click();
    await page.locator("#d-holidays-0-start").waitFor();
    // Nothing typed yet: no error anywhere.
    await page.waitForTimeout(300);
    expect(await page.getByText("Vul de eerste dag in.").count()).toBe(0);
    expect(await page.getByText("Vul de laatste dag in.").count()).toBe(0);
    await page.locator("#d-holidays-0-start").fill("2026-03-09");
    await page.locator("#d-holidays-0-end").fill("2026-03-13");
    // A second row: still no error until one of its fields is left empty.
    await page.getByRole("button", { name: "Vakantie toevoegen" }).click();
    await page.locator("#d-holidays-1-start").waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByText("Vul de eerste dag in.").count()).toBe(0);
    await page.locator("#d-holidays-1-start").focus();
    await page.locator("#d-holidays-1-end").focus();
    await page.getByText("Vul de eerste dag in.").first().waitFor();
    await page.getByRole("button", { name: "Verwijder vakantie 2" }).click();
    await expect.poll(() => page.getByText("Vul de eerste dag in.").count()).toBe(0);
    // The filled holiday row submits.
    await page.getByRole("button", { name: "Controleer", exact: true }).last().click();
    await page.getByRole("heading", { name: "Uitkomst" }).waitFor({ timeout: 15_000 });
    expect(await page.locator("[role=alert].field-error, .error-summary li").count()).toBe(0);
    await page.context().close();
  });
});
