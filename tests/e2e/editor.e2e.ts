// The editor workspace in a real browser: write → submit → four-eyes approval → live in search and on the
// public page; revisions restore; pasted scripts never run; the content-gap report shows real data.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, login, newContext, seriousViolations } from "./helpers";

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function pageAs(email: string): Promise<Page> {
  const ctx = await newContext(browser);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, email);
  return page;
}

// Letters only, so the search engine treats it as one unknown word.
const uniqueWord = (prefix: string) =>
  prefix + Array.from({ length: 7 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(Math.random() * 20)]).join("");

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Fills the required fields of the new-article form. */
async function fillFields(page: Page, title: string) {
  await page.goto("/redactie/artikelen/nieuw");
  await page.locator("#f-title").fill(title);
  await page.locator("#f-summary").fill(`Korte samenvatting over ${title.toLowerCase()} voor scholen.`);
  await page.locator("#fs-audiences input[type=checkbox]").first().check();
  await page.locator("#fs-sectors input[type=checkbox]").first().check();
  await page.locator("#f-topic").selectOption("verzuim-melden");
}

const editorSurface = (page: Page) => page.locator(".article-editor .ProseMirror");

/** Saves a new article and returns its editor URL. */
async function saveNew(page: Page): Promise<string> {
  await Promise.all([
    page.waitForURL(/\/redactie\/artikelen\/(?!nieuw)[^/?]+\?opgeslagen=1/, { timeout: 30_000 }),
    page.getByRole("button", { name: "Concept opslaan" }).click(),
  ]);
  await page.getByText(/Alles is opgeslagen \(versie 1/).waitFor();
  return page.url().replace(/\?.*$/, "");
}

async function submitForReview(page: Page) {
  await page.getByRole("button", { name: "Ter beoordeling aanbieden" }).click();
  await page.getByText("Het artikel staat nu ter beoordeling").waitFor();
}

async function approveAs(email: string, url: string): Promise<Page> {
  const page = await pageAs(email);
  await page.goto(url);
  await page.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
  await page.getByText("Gepubliceerd. Het artikel staat nu op de website").waitFor();
  return page;
}

describe("editor workspace", () => {
  it("is not there for agents (server-side 404)", async () => {
    const page = await pageAs("agent.po@helpdesk.test");
    for (const path of ["/redactie", "/redactie/hiaten", "/redactie/artikelen/nieuw"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
    }
  });

  it("write with a protocol rule → submit → second editor approves → live in search and on the public page; restore an old revision", async () => {
    const word = uniqueWord("plomtrax");
    const title = `Zo meldt u ${word} bij de school`;
    const page = await pageAs("redacteur@helpdesk.test");

    await page.goto("/redactie");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Artikelen");
    expect(await seriousViolations(page)).toEqual([]);

    await fillFields(page, title);
    expect(await page.locator("#f-slug").inputValue()).toBe(slugOf(title));
    await editorSurface(page).click();
    await page.keyboard.type(`De eerste versie over ${word}. Meld het op tijd.`);

    // The rule picker lists the protocol rules; insert one as a card.
    await page.getByRole("button", { name: "Regel uit het verzuimprotocol invoegen" }).click();
    const picker = page.getByRole("group", { name: "Regel uit het verzuimprotocol" }).getByLabel("Regel");
    const options = await picker.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(3);
    await picker.selectOption({ index: 1 });
    const ruleTitle = options[1].split(" — ")[0].trim();
    await page.getByRole("button", { name: "Als blok invoegen" }).click();
    expect(await page.locator(".article-editor .protocol-rule-chip").count()).toBe(1);

    const url = await saveNew(page);
    expect(await seriousViolations(page)).toEqual([]);

    // An edit is autosaved as revision 2.
    await editorSurface(page).locator("p").first().click();
    await page.keyboard.press("End");
    await page.keyboard.insertText(" Extra zin uit versie twee.");
    await page.getByText(/Alles is opgeslagen \(versie 2/).waitFor({ timeout: 15_000 });

    // The plain-language check runs beside the text without blocking.
    await page.keyboard.insertText(
      " Deze zin is bewust heel erg lang gemaakt zodat de controle op lange zinnen in het zijpaneel een melding laat zien voor de redacteur.",
    );
    await page.getByText("Lange zin", { exact: true }).first().waitFor();
    await page.getByText(/Alles is opgeslagen \(versie 3/).waitFor({ timeout: 15_000 });

    await submitForReview(page);
    // Four eyes: the submitter gets no approve button, also after a reload (server state).
    await page.reload();
    await page.getByText("U hebt dit artikel zelf aangeboden").waitFor();
    expect(await page.getByRole("button", { name: "Goedkeuren en publiceren" }).count()).toBe(0);

    const reviewer = await approveAs("redacteur2@helpdesk.test", url);
    const approvedAt = Date.now();

    // Live at once: public search finds the unique word, the public page shows the rule card.
    const pub = reviewer;
    await pub.goto(`/zoeken?q=${word}`);
    const hit = pub.getByRole("link", { name: title });
    expect(await hit.count()).toBeGreaterThan(0);
    const searchMs = Date.now() - approvedAt;
    expect(searchMs).toBeLessThan(5_000);
    await pub.goto(`/artikelen/${slugOf(title)}`);
    expect(await pub.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    const card = pub.locator(".article-body .protocol-rule");
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain(ruleTitle);

    // Revisions: compare and restore revision 1 as a new draft.
    await page.goto(`${url}/versies`);
    expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(5);
    await page.locator('input[name="links"][value="1"]').check();
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await page.waitForURL(/links=1/);
    expect(await page.locator("ins.diff-added").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/teruggezet=1/),
      page.getByRole("button", { name: "Versie 1 terugzetten" }).click(),
    ]);
    await page.getByText(/Versie 1 is teruggezet als nieuw concept/).waitFor();
    const text = await editorSurface(page).textContent();
    expect(text).toContain(`De eerste versie over ${word}.`);
    expect(text).not.toContain("Extra zin uit versie twee");
    expect(await page.locator(".editor-side .status").first().textContent()).toBe("Concept");
    // The live page keeps the approved version until the restored draft is approved.
    await pub.goto(`/artikelen/${slugOf(title)}`);
    expect(await pub.locator(".article-body").textContent()).toContain("Extra zin uit versie twee");
    console.log(`[editor.e2e] approve → search hit measured within ${searchMs} ms (incl. page load)`);
  });

  it("pasted scripts, event handlers and javascript: links do not execute (editor, preview, public page)", async () => {
    const word = uniqueWord("veiligplak");
    const title = `Plakken ${word} zonder scripts`;
    const page = await pageAs("redacteur@helpdesk.test");
    await fillFields(page, title);
    const payload =
      `<p>Geplakte tekst ${word}. <img src=x onerror="window.__xss='img'"> ` +
      `<a href="javascript:window.__xss='link'">klik hier</a> <a href="/artikelen/bestaat-echt-niet" onclick="window.__xss='click'">kapotte link</a></p>` +
      `<script>window.__xss='script'</script><div onmouseover="window.__xss='hover'">zweef hier</div>` +
      `<svg><animate onbegin="window.__xss='svg'" attributeName="x" dur="1s"></animate></svg>`;
    await editorSurface(page).click();
    await editorSurface(page).evaluate((el, html) => {
      const dt = new DataTransfer();
      dt.setData("text/html", html);
      dt.setData("text/plain", "geplakt");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, payload);
    expect(await editorSurface(page).textContent()).toContain(`Geplakte tekst ${word}`);
    await page.getByText("zweef hier").hover();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();

    const url = await saveNew(page);
    // The internal-link check names the broken link.
    await page.getByText(/Er is geen artikel met het webadres "bestaat-echt-niet"/).waitFor({ timeout: 10_000 });

    // Preview uses the public renderer.
    await page.getByRole("tab", { name: "Voorbeeld" }).click();
    await page.locator(".preview-panel .article-body").waitFor();
    expect(await page.locator(".preview-panel .article-body").textContent()).toContain(`Geplakte tekst ${word}`);
    expect(
      await page.locator('.preview-panel a[href^="javascript"], .preview-panel img, .preview-panel script').count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();

    await page.getByRole("tab", { name: "Bewerken" }).click();
    await submitForReview(page);
    const pub = await approveAs("redacteur2@helpdesk.test", url);
    await pub.goto(`/artikelen/${slugOf(title)}`);
    const body = pub.locator(".article-body");
    expect(await body.textContent()).toContain(`Geplakte tekst ${word}`);
    await pub.getByText("zweef hier").hover();
    await pub.waitForTimeout(1200); // an SVG animation or a failed image load would have fired by now
    expect(await pub.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(
      await body.locator('a[href^="javascript"], img, script, svg, [onerror], [onclick], [onmouseover]').count(),
    ).toBe(0);
    // "klik hier" lost its javascript: link and is plain text; the site-relative link survived without its handler.
    expect(await body.getByRole("link", { name: "klik hier" }).count()).toBe(0);
    expect(await body.getByRole("link", { name: "kapotte link" }).getAttribute("href")).toBe(
      "/artikelen/bestaat-echt-niet",
    );

    // Unpublishing (archive) removes the public page and the search hit at once, also for visitors whose
    // search page was answered from memory.
    const visitor = await (await newContext(browser)).newPage();
    for (const expected of [undefined, "miss", "hit"]) {
      const res = await visitor.goto(`/zoeken?q=${word}`);
      expect((await res!.allHeaders())["x-portal-cache"]).toBe(expected);
      expect(await visitor.getByRole("link", { name: title }).count()).toBe(1);
    }
    await pub.goto(url);
    pub.once("dialog", (d) => void d.accept());
    await pub.getByRole("button", { name: "Offline halen (archiveren)" }).click();
    await pub.getByText("Het artikel is gearchiveerd").waitFor();
    expect((await pub.goto(`/artikelen/${slugOf(title)}`))?.status()).toBe(404);
    await pub.goto(`/zoeken?q=${word}`);
    expect(await pub.getByRole("link", { name: title }).count()).toBe(0);
    const after = await visitor.goto(`/zoeken?q=${word}`);
    expect((await after!.allHeaders())["x-portal-cache"]).toBe("miss"); // the old page is gone; rendered afresh
    expect(await visitor.getByRole("link", { name: title }).count()).toBe(0);
    await visitor.context().close();
  });

  it("no work lost: a failed autosave retries and says so; a closed tab leaves a local copy to restore", async () => {
    const word = uniqueWord("bewaar");
    const page = await pageAs("redacteur2@helpdesk.test");
    await fillFields(page, `Bewaren ${word} bij storing`);
    await editorSurface(page).click();
    await page.keyboard.type(`Begin van de tekst over ${word}.`);
    const url = await saveNew(page);

    await page.context().setOffline(true);
    await editorSurface(page).locator("p").first().click();
    await page.keyboard.press("End");
    await page.keyboard.insertText(" Geschreven zonder verbinding.");
    await page.getByText(/Opslaan is niet gelukt \(poging 1\)/).waitFor({ timeout: 15_000 });
    expect(await page.getByRole("button", { name: "Nu opnieuw proberen" }).count()).toBe(1);
    await page.context().setOffline(false);
    await page.getByText(/Alles is opgeslagen \(versie 2/).waitFor({ timeout: 30_000 });

    // Offline again, then the tab is closed before the retry succeeds.
    await page.context().setOffline(true);
    await page.keyboard.insertText(" Nog een zin vlak voor het sluiten.");
    await page.getByText(/Opslaan is niet gelukt/).waitFor({ timeout: 15_000 });
    const ctx = page.context();
    await page.close({ runBeforeUnload: false });
    await ctx.setOffline(false);
    const again = await ctx.newPage();
    await again.goto(url);
    await again.getByText("Er staat een kopie in deze browser die niet is opgeslagen").waitFor();
    expect(await editorSurface(again).textContent()).not.toContain("Nog een zin vlak voor het sluiten");
    await again.getByRole("button", { name: "Kopie terugzetten" }).click();
    expect(await editorSurface(again).textContent()).toContain("Nog een zin vlak voor het sluiten.");
    await again.getByText(/Alles is opgeslagen \(versie 3/).waitFor({ timeout: 15_000 });
    await again.reload();
    expect(await editorSurface(again).textContent()).toContain("Nog een zin vlak voor het sluiten.");
    expect(await again.getByText("Er staat een kopie in deze browser").count()).toBe(0);
  });

  it("the gap report shows a zero-result search and 'not helpful' feedback, each linking to where to act", async () => {
    const nonsense = uniqueWord("qorvink");
    const comment = `Ik mis uitleg over ${uniqueWord("florp")}`;
    const ctx = await newContext(browser);
    contexts.push(ctx);
    const visitor = await ctx.newPage();
    await visitor.goto(`/zoeken?q=${nonsense}`);
    await visitor.goto("/zoeken?q=verlof");
    const first = visitor.locator('a[href^="/artikelen/"]').first();
    await Promise.all([visitor.waitForURL(/\/artikelen\//), first.click()]);
    await visitor.getByRole("button", { name: "Nee", exact: true }).click();
    await visitor.getByLabel("Wat miste u? (niet verplicht)").fill(comment);
    await visitor.getByRole("button", { name: "Versturen" }).click();
    await visitor.getByText("Bedankt voor uw reactie").waitFor();

    const page = await pageAs("redacteur2@helpdesk.test");
    await page.goto("/redactie/hiaten");
    const none = page.getByRole("region", { name: /Zoekvragen zonder resultaat/ });
    expect(await none.textContent()).toContain(nonsense);
    const feedback = page.getByRole("region", { name: /Niet nuttig/ });
    expect(await feedback.textContent()).toContain(comment);
    expect(
      await feedback
        .getByRole("link", { name: /Artikel verbeteren/ })
        .first()
        .getAttribute("href"),
    ).toMatch(/^\/redactie\/artikelen\//);
    // Every section is there, also when it has no rows (the seed may embed every protocol rule).
    for (const name of [
      /Zoekvragen waarop niemand klikte/,
      /Onderwerpen met vragen/,
      /controledatum voorbij/,
      /Protocolregels zonder artikel/,
    ]) {
      expect(await page.getByRole("region", { name }).count()).toBe(1);
    }
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForURL(/\/redactie\/artikelen\/nieuw\?zoekvraag=/),
      none.getByRole("link", { name: new RegExp(`Artikel schrijven over ‘${nonsense}’`) }).click(),
    ]);
    expect((await page.locator("#f-title").inputValue()).toLowerCase()).toBe(nonsense);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
