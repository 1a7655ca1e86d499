// Whose rule an article states, in a real browser: every threshold shows its basis (Wet / Schoolbeleid with the
// school's name) linked to its source, and the article lists its sources under "Bronnen".
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, newContext, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  const res = await page.goto(path);
  expect(res?.status()).toBe(200);
  return page;
}

describe("an article about vakantieverlof", () => {
  it("shows the law's threshold with a Wet badge linked to the law, the school's rule as Schoolbeleid of that school, and Bronnen", async () => {
    const page = await open("/artikelen/vakantieverlof-aanvragen");
    const article = page.locator("article.article-body");

    // The inline threshold in running text carries its basis, linked to art. 13a Leerplichtwet.
    const inline = article.locator("p", { hasText: "De Leerplichtwet stelt deze grenzen" });
    expect(await inline.locator(".protocol-threshold").textContent()).toMatch(/eerste 2 lesweken van het schooljaar/);
    const lawBadge = inline.locator(".threshold-basis a.badge-law");
    expect(await lawBadge.textContent()).toBe("Wet");
    expect(await lawBadge.getAttribute("href")).toBe("https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=13a");

    // The school's stricter rule is labelled as the school's, never as law.
    const schoolCard = article.locator("aside.protocol-rule", { has: page.locator(".badge-school") });
    expect(await schoolCard.count()).toBe(1);
    expect(await schoolCard.locator(".badge-school").textContent()).toBe("Schoolbeleid Stellingwerf College");
    expect(await schoolCard.textContent()).toMatch(/voor of na de zomervakantie/);
    expect(await schoolCard.locator(".protocol-rule-source").textContent()).toMatch(
      /Bron: Verzuimbeleid Stellingwerf College/,
    );

    // Bronnen under the article: its own sources, then where its rules come from.
    const sources = page.locator("section#bronnen");
    expect(await sources.getByRole("heading", { name: "Bronnen" }).count()).toBe(1);
    const lawLink = sources.getByRole("link", { name: "Leerplichtwet 1969, art. 13a (vakantieverlof)" });
    expect(await lawLink.getAttribute("href")).toBe("https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=13a");
    expect(await sources.textContent()).toMatch(
      /Schoolbeleid Stellingwerf College:\s*Verzuimbeleid Stellingwerf College/,
    );

    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("an article about langdurig relatief verzuim", () => {
  it("states the law's LRV report with its own threshold and source, apart from the school's thuiszittersteam", async () => {
    const page = await open("/artikelen/langdurig-relatief-verzuim");
    const article = page.locator("article.article-body");
    const first = article.locator(".threshold-basis").first();
    expect(await article.locator(".protocol-threshold").first().textContent()).toMatch(
      /langer dan 4 weken aaneengesloten ongeoorloofd afwezig/,
    );
    expect(await first.locator("a.badge-law").getAttribute("href")).toMatch(/^https:\/\/www\.duo\.nl\//);
    const cards = article.locator("aside.protocol-rule");
    expect(await cards.locator(".badge").allTextContents()).toEqual(["Wet", "Schoolbeleid Stellingwerf College"]);
    expect(await page.locator("section#bronnen").getByRole("link", { name: "DUO: Soorten verzuim" }).count()).toBe(1);
    await page.context().close();
  });
});
