// The verzuimcheck (/verzuimcheck), in a real browser: quick counts, pasted spreadsheet lines with a per-line
// error, the leave checker, keyboard-only use, axe, and a phone-width screenshot.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, launch, seriousViolations } from "./helpers";

const SHOTS = path.resolve(process.env.E2E_WORK ?? path.join("tmp", "e2e"), "screens");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(width = 1280): Promise<Page> {
  // The helpers' context settings, plus a viewport (a phone is 390 px wide).
  const ctx = await browser.newContext({
    baseURL: BASE,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    viewport: { width, height: 900 },
  });
  const page = await ctx.newPage();
  await page.goto("/verzuimcheck");
  // Wait until the client components are interactive (React attached its handlers).
  await page.waitForFunction(() => {
    const el = document.querySelector("#q-late");
    return !!el && Object.keys(el).some((k) => k.startsWith("__react"));
  });
  return page;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
/** Waits until focus has moved to the element with this id (focus moves one frame after rendering). */
const focusMovesTo = (page: Page, id: string) =>
  page
    .waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );

describe("quick mode", () => {
  it("9 times late and 17 unauthorised hours in 3 weeks: the late-9 step and the legal duty, with an article link", async () => {
    const page = await openPage();
    expect(await page.getByText(/geen naam, BSN of leerlingnummer/).count()).toBe(1);
    await page.getByLabel("Keer te laat dit schooljaar").fill("9");
    await page.getByLabel("Uren ongeoorloofd afwezig in de laatste 4 lesweken").fill("17");
    await page.getByRole("button", { name: "Controleer", exact: true }).first().click();
    await page.getByRole("heading", { name: "Uitkomst" }).waitFor();
    expect(await focusMovesTo(page, "result-title")).toBe(true);

    const late9 = page.locator('[data-rule="late-9"]');
    expect(await late9.textContent()).toMatch(/9 keer te laat: officiële waarschuwing/);
    expect(await late9.textContent()).toMatch(/Nu aan de beurt/);
    expect(await late9.textContent()).toMatch(/Wie: Afdelingsleider/);
    // Whose rule it is: the school's own, named, with its protocol section as the source.
    expect(await late9.locator(".badge").textContent()).toBe("Schoolbeleid Stellingwerf College");
    expect(await late9.locator(".step-source").textContent()).toMatch(/Bron: Verzuimbeleid Stellingwerf College/);
    expect(await page.locator('[data-rule="late-3"]').textContent()).toMatch(/Eerdere stap/);

    const duty = page.getByRole("alert").filter({ hasText: "Wettelijke meldplicht" });
    expect(await duty.count()).toBe(1);
    const dutyText = (await duty.textContent()) ?? "";
    expect(dutyText).toMatch(/zonder uitstel/);
    expect(dutyText).toMatch(/16 uur of meer ongeoorloofd verzuim binnen 4 lesweken/);
    expect(dutyText).toMatch(/binnen 5 werkdagen/);
    expect(dutyText).toMatch(/vo en mbo via hun administratiepakket of het verzuimloket in Mijn DUO/);
    expect(dutyText).toMatch(/Wie: Leerlingenadministratie/);
    // The law's badge links to its source (the Inspectie's page on reporting).
    const lawBadge = duty.locator(".badge").first();
    expect(await lawBadge.textContent()).toBe("Wet");
    expect(await lawBadge.getAttribute("href")).toBe(
      "https://www.onderwijsinspectie.nl/onderwerpen/registreren-en-melden-van-ongeoorloofd-verzuim",
    );

    const totals = (await page.locator(".totals").textContent()) ?? "";
    expect(totals).toMatch(/Keer te laat\s*9/);
    expect(totals).toMatch(/Max\. ongeoorloofde uren in 4 lesweken\s*17/);

    expect(await seriousViolations(page)).toEqual([]);

    const link = duty.locator('a[href^="/artikelen/"]').first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/artikelen\/[a-z0-9-]+$/);
    await Promise.all([page.waitForURL(/\/artikelen\//), link.click()]);
    expect(await page.locator("article").textContent()).toMatch(/16 uur of meer ongeoorloofd verzuim/);
    await page.context().close();
  });

  it("shows Dutch per-field errors and an error summary for impossible input", async () => {
    const page = await openPage();
    await page.getByLabel("Keer te laat dit schooljaar").fill("3,5");
    await page.getByLabel("Uren ongeoorloofd afwezig in de laatste 4 lesweken").fill("veel");
    await page.getByRole("button", { name: "Controleer", exact: true }).first().click();
    const summary = page.getByRole("alert").filter({ hasText: "Niet alle velden" });
    await summary.waitFor();
    expect(await page.locator("#q-late").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#q-late").getAttribute("aria-describedby")).toContain("q-late-error");
    expect(await page.locator("#q-late-error").textContent()).toMatch(/heel getal/);
    expect(await page.locator("#q-unexcusedHoursLast4Weeks-error").textContent()).toMatch(/getal/);
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#q-late");
    expect(await page.getByRole("heading", { name: "Uitkomst" }).count()).toBe(0);
    await page.context().close();
  });

  it("works with the keyboard only: Tab to the fields, Enter submits, focus moves to the answer", async () => {
    const page = await openPage();
    await page.locator("body").focus();
    let id = "";
    for (let i = 0; i < 60 && id !== "q-late"; i++) {
      await page.keyboard.press("Tab");
      id = await activeId(page);
    }
    expect(id).toBe("q-late");
    await page.keyboard.type("10");
    await page.keyboard.press("Tab");
    expect(await activeId(page)).toBe("q-truancy");
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Uitkomst" }).waitFor();
    expect(await focusMovesTo(page, "result-title")).toBe(true);
    expect(await page.locator('[data-rule="late-10"]').textContent()).toMatch(/melding bij leerplicht/i);
    expect(await page.locator('[data-rule="truancy-5"]').count()).toBe(1);
    // No law rule reached: no legal-duty alert.
    expect(await page.getByRole("alert").filter({ hasText: "Wettelijke meldplicht" }).count()).toBe(0);
    await page.context().close();
  });

  it("with the leerplichtwet protocol only the law's rule remains", async () => {
    const page = await openPage();
    await page.getByLabel("Protocol", { exact: true }).first().selectOption("leerplichtwet");
    await page.getByLabel("Keer te laat dit schooljaar").fill("12");
    await page.getByLabel("Uren ongeoorloofd afwezig in de laatste 4 lesweken").fill("16");
    await page.getByRole("button", { name: "Controleer", exact: true }).first().click();
    await page.getByRole("heading", { name: "Uitkomst" }).waitFor();
    expect(await page.locator(".step-card").count()).toBe(1);
    expect(await page.locator('[data-rule="unexcused-16h-4w"] .badge').first().textContent()).toBe("Wet");
    await page.context().close();
  });
});

describe("detailed mode", () => {
  const LINES = [
    "Datum;Soort;Uren",
    "2-3-2026;te laat;",
    "03-03-2026;laat",
    "2026-03-04,te laat,",
    "31-02-2026;ziek;2",
    "5-3-2026\tongeoorloofd\t8",
    "6-3-2026;gespijbeld;8,5",
  ];

  it("reads pasted spreadsheet lines, shows a per-line error for the bad one, and answers once it is fixed", async () => {
    const page = await openPage();
    await page.getByRole("radio", { name: /Precies/ }).check();
    await page.getByLabel("Peildatum").fill("2026-03-20");
    const paste = page.getByLabel("Plak regels uit uw administratie");
    await paste.fill(LINES.join("\n"));
    const lineErrors = page.locator("#d-pasted-lines li");
    await lineErrors.first().waitFor();
    expect(await lineErrors.count()).toBe(1);
    expect(await lineErrors.first().textContent()).toMatch(/Regel 5 .*31-02-2026.*bestaat niet/);
    expect(await page.locator(".paste-preview").textContent()).toMatch(/5 meldingen gelezen; regel 1 is een kopregel/);

    await page.getByRole("button", { name: "Controleer", exact: true }).last().click();
    const summary = page.getByRole("alert").filter({ hasText: "Niet alle velden" });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Regel 5 kan niet worden gelezen/);
    expect(await paste.getAttribute("aria-invalid")).toBe("true");
    expect(await paste.getAttribute("aria-describedby")).toContain("d-pasted-lines");
    expect(await page.getByRole("heading", { name: "Uitkomst" }).count()).toBe(0);

    await paste.fill(LINES.join("\n").replace("31-02-2026;ziek;2", "27-02-2026;ziek;2"));
    await page.getByRole("button", { name: "Controleer", exact: true }).last().click();
    await page.getByRole("heading", { name: "Uitkomst" }).waitFor();
    const totals = (await page.locator(".totals").textContent()) ?? "";
    expect(totals).toMatch(/Keer te laat\s*3/);
    expect(totals).toMatch(/Spijbelincidenten\s*2/);
    expect(totals).toMatch(/Ziekte-uren\s*2/);
    expect(totals).toMatch(/Max\. ongeoorloofde uren in 4 lesweken\s*16,5/);
    expect(await page.locator('[data-rule="late-3"]').textContent()).toMatch(/bereikt op 4 maart 2026/);
    const duty = page.getByRole("alert").filter({ hasText: "Wettelijke meldplicht" });
    expect(await duty.textContent()).toMatch(/bereikt op 6 maart 2026/);
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .locator("section.check-result")
      .first()
      .screenshot({ path: path.join(SHOTS, "detailed-result.png") });
    await page.context().close();
  });

  it("refuses a BSN in the pasted text", async () => {
    const page = await openPage();
    await page.getByRole("radio", { name: /Precies/ }).check();
    await page.getByLabel("Plak regels uit uw administratie").fill("2-3-2026;ziek;2;123456782");
    await page.getByRole("button", { name: "Controleer", exact: true }).last().click();
    await page.getByRole("alert").filter({ hasText: "Niet alle velden" }).waitFor();
    expect(await page.locator("#d-pasted-lines").textContent()).toMatch(/BSN of onderwijsnummer/);
    expect(await page.getByRole("heading", { name: "Uitkomst" }).count()).toBe(0);
    await page.context().close();
  });

  it("adds a dated event row with the keyboard-friendly buttons", async () => {
    const page = await openPage();
    await page.getByRole("radio", { name: /Precies/ }).check();
    await page.getByLabel("Peildatum").fill("2026-03-20");
    await page.getByRole("button", { name: "Melding toevoegen" }).click();
    expect(await focusMovesTo(page, "d-events-0-date")).toBe(true);
    await page.locator("#d-events-0-date").fill("2026-03-02");
    await page.locator("#d-events-0-type").selectOption("unexcused");
    await page.locator("#d-events-0-hours").fill("16");
    await page.getByRole("button", { name: "Controleer", exact: true }).last().click();
    await page.getByRole("heading", { name: "Uitkomst" }).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "Wettelijke meldplicht" }).count()).toBe(1);
    await page.context().close();
  });
});

describe("leave checker", () => {
  it("vakantieverlof of 5 days in May is allowed (afdelingsleider); a second time in the year is refused", async () => {
    const page = await openPage();
    await page.getByRole("radio", { name: /Vakantieverlof/ }).check();
    await page.getByLabel("Eerste verlofdag").fill("2026-05-11");
    await page.getByLabel("Aantal schooldagen").fill("5");
    await page.getByRole("button", { name: "Controleer verlof" }).click();
    const heading = page.getByRole("heading", { name: "Uitkomst verlofaanvraag" });
    await heading.waitFor();
    expect(await focusMovesTo(page, "leave-result-title")).toBe(true);
    let result = (await page.locator("section.check-result").last().textContent()) ?? "";
    expect(result).toMatch(/Dit verlof kan worden toegestaan/);
    expect(result).toMatch(/Wie beslist: De afdelingsleider/);
    expect(result).toMatch(/11 mei 2026 tot en met 15 mei 2026 \(5 schooldagen\)/);

    await page.getByLabel("De leerling heeft dit schooljaar al vakantieverlof gehad").check();
    await page.getByRole("button", { name: "Controleer verlof" }).click();
    await page.waitForFunction(() => document.querySelector(".leave-verdict")?.textContent?.includes("niet"));
    result = (await page.locator("section.check-result").last().textContent()) ?? "";
    expect(result).toMatch(/Dit verlof kan niet worden toegestaan/);
    expect(result).toMatch(/1 keer per schooljaar/);
    expect(result).not.toMatch(/Wie beslist/);
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .locator("section.check-result")
      .last()
      .screenshot({ path: path.join(SHOTS, "leave-refused.png") });
    await page.context().close();
  });
});

describe("on a phone (390 px)", () => {
  it("fits the screen with results shown, without serious axe violations", async () => {
    const page = await openPage(390);
    await page.getByLabel("Keer te laat dit schooljaar").fill("9");
    await page.getByLabel("Uren ongeoorloofd afwezig in de laatste 4 lesweken").fill("17");
    await page.getByRole("button", { name: "Controleer", exact: true }).first().click();
    await page.getByRole("heading", { name: "Uitkomst" }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, "verzuimcheck-390-quick.png"), fullPage: true });

    await page.getByRole("radio", { name: /Precies/ }).check();
    await page.getByRole("button", { name: "Melding toevoegen" }).click();
    await page.getByLabel("Plak regels uit uw administratie").fill("Datum;Soort;Uren\n2-3-2026;ziek;2\nmaandag;ziek;2");
    await page.getByRole("button", { name: "Controleer", exact: true }).last().click();
    await page.getByRole("alert").filter({ hasText: "Niet alle velden" }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, "verzuimcheck-390-detailed-errors.png"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
