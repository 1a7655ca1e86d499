// Knowledge base and search, in a real browser: search-as-you-type puts the right article on top.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, dbRows, launch, newContext, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function typeInHomeSearch(page: Page, text: string) {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Zoek een antwoord" });
  await box.click();
  await box.pressSequentially(text, { delay: 15 });
  await page.getByRole("listbox", { name: "Suggesties" }).waitFor({ state: "visible" });
  return box;
}

describe("search as you type on the home page", () => {
  // What a person types → words the top article's title must contain (the judged answer, not a fixed slug).
  const cases: [string, RegExp][] = [
    ["spijbelen melden", /spijbel|ongeoorloofd verzuim melden/i],
    ["16 uur", /uren|verzuim melden|melden/i],
    ["vakantieverlof", /vakantieverlof/i],
    ["vakantieverlfo", /vakantieverlof/i], // misspelling
    ["leerplichtambtnaar", /leerplichtambtenaar/i], // misspelling
    ["vakantiverlof", /vakantieverlof/i], // misspelling
  ];

  it.each(cases)("'%s' puts the right article at the top", async (text, expected) => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await typeInHomeSearch(page, text);
    const first = page.getByRole("option").first();
    expect(await first.textContent()).toMatch(expected);
    await ctx.close();
  });

  it("works with the keyboard: arrow down + Enter opens the article, Escape closes the list", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const box = await typeInHomeSearch(page, "vakantieverlof");
    await box.press("Escape");
    await page.getByRole("listbox", { name: "Suggesties" }).waitFor({ state: "hidden" });
    await box.press("ArrowDown");
    expect(await page.getByRole("option", { selected: true }).count()).toBe(1);
    await Promise.all([page.waitForURL(/\/artikelen\//), box.press("Enter")]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/verlof/i);
    await ctx.close();
  });
});

describe("/zoeken", () => {
  it("shows highlighted results with facet counts, and filters by sector", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/zoeken?q=te+laat");
    expect(await page.locator("mark").count()).toBeGreaterThan(0);
    expect(await page.getByRole("combobox", { name: "Zoek opnieuw" }).inputValue()).toBe("te laat");
    expect(await page.getByRole("listbox", { name: "Suggesties" }).isHidden()).toBe(true); // no suggestions until edited
    const facet = page.getByRole("region", { name: "Sector" });
    expect(await facet.textContent()).toMatch(/\(\d+\)/);
    await facet.getByRole("link").first().click();
    await page.waitForURL(/sector=/);
    expect(await page.locator("p[role=status]").textContent()).toMatch(/gevonden/);
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });

  it("puts the results first on a phone: the filters fold behind one button", async () => {
    const ctx = await browser.newContext({ baseURL: BASE, viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    await page.goto("/zoeken?q=vakantieverlof&sector=vo");
    expect(await page.getByRole("region", { name: "Sector" }).isVisible()).toBe(false);
    await page.getByText("Filteren (1 actief)").click();
    expect(await page.getByRole("region", { name: "Sector" }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });

  it("answers repeat anonymous searches from memory, still logging each search and the article it led to", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const q = `vakantieverlof aanvragen ${Date.now() % 100_000}`; // unique, so earlier runs do not count
    const seen: { cache: string | undefined; id: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await page.goto(`/zoeken?q=${encodeURIComponent(q)}`);
      const href = await page.locator("ol li.result a").first().getAttribute("href");
      seen.push({
        cache: (await res!.allHeaders())["x-portal-cache"],
        id: new URL(href!, BASE).searchParams.get("z")!,
      });
    }
    // Rendered, then rendered into the cache (a repeat), then answered from it; each view its own search id.
    expect(seen.map((s) => s.cache)).toEqual([undefined, "miss", "hit"]);
    expect(new Set(seen.map((s) => s.id)).size).toBe(3);
    await Promise.all([page.waitForURL(/\/artikelen\//), page.locator("ol li.result a").first().click()]);
    const slug = new URL(page.url()).pathname.split("/").pop();
    await expect
      .poll(
        () =>
          dbRows<{ id: string; clickedSlug: string | null }>(
            `SELECT id, clickedSlug FROM SearchLog WHERE query = ?`,
            q,
          ),
        { timeout: 5_000 },
      )
      .toEqual(expect.arrayContaining(seen.map((s, i) => ({ id: s.id, clickedSlug: i === 2 ? slug : null }))));
    expect(dbRows(`SELECT id FROM SearchLog WHERE query = ?`, q)).toHaveLength(3);

    // Staff are never answered from the anonymous cache.
    const staff = await newContext(browser);
    await staff.addCookies([{ name: "authjs.session-token", value: "x", url: BASE }]);
    const res = await (await staff.newPage()).goto(`/zoeken?q=${encodeURIComponent(q)}`);
    expect((await res!.allHeaders())["x-portal-cache"]).toBeUndefined();
    await staff.close();
    await ctx.close();
  });

  it("offers to ask the question when nothing matches, carrying the query", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/zoeken?q=xqzwv+blorp");
    const ask = page.getByRole("link", { name: "Stel uw vraag" }).last();
    expect(await ask.getAttribute("href")).toContain("vraag=xqzwv");
    await ctx.close();
  });

  it("answers bad API parameters with a 400 and a clear message", async () => {
    for (const qs of [
      "sector=xx",
      "q=" + "a".repeat(201),
      "page=0",
      "perPage=abc",
      "topic=verzuim-melden&topic=verlof",
    ]) {
      const res = await fetch(`${BASE}/api/v1/search?${qs}`);
      expect(res.status, qs).toBe(400);
      const body = await res.json();
      expect(body.error).toBeTruthy();
      expect(body.issues.length).toBeGreaterThan(0);
    }
    const ok = await fetch(`${BASE}/api/v1/search?q=verlof&sector=vo`);
    expect(ok.status).toBe(200);
    expect((await ok.json()).hits.length).toBeGreaterThan(0);
  });
});

describe("the article page", () => {
  it("renders protocol rules, the last-checked date, related articles, the desk to call and feedback", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/artikelen/te-laat-komen");
    expect(await page.locator("aside.protocol-rule").count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator(".article-meta").textContent()).toMatch(/Laatst gecontroleerd/);
    expect(await page.getByRole("region", { name: "Lees ook" }).count()).toBe(1);
    expect(await page.getByRole("complementary", { name: "Meer hulp" }).textContent()).toMatch(/050-599/);
    await page.getByRole("button", { name: "Nee" }).click();
    await page.getByLabel("Wat miste u?").fill("Ik mis een voorbeeld voor het mbo.");
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByText("Bedankt voor uw reactie").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });
});
