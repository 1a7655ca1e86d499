// "Ook gevraagd als" in a real browser: an editor turns a search without results into a question of an article
// from the content-gap report, a second editor approves it (four eyes), and a search for the question then finds
// the article. The article editor adds, checks and removes questions like any other field.
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

async function page(email?: string): Promise<Page> {
  const ctx = await newContext(browser);
  contexts.push(ctx);
  const p = await ctx.newPage();
  if (email) await login(p, email);
  return p;
}

// Letters only, so the search engine treats it as one unknown word.
const uniqueWord = (prefix: string) =>
  prefix + Array.from({ length: 6 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(Math.random() * 20)]).join("");
const resultTitles = (p: Page) => p.locator('main a[href^="/artikelen/"]').allTextContents();

describe("concept vocabulary", () => {
  it("a search without results becomes a question of an article from the gap report; after approval the search finds the article", async () => {
    const word = uniqueWord("snowvak");
    const title = "Wat is luxe verzuim en wat doet de school ermee?";
    const visitor = await page();
    await visitor.goto(`/zoeken?q=${word}`);
    expect(await resultTitles(visitor)).not.toContain(title);

    const editor = await page("redacteur@helpdesk.test");
    await editor.goto("/redactie/hiaten");
    const none = editor.getByRole("region", { name: /Zoekvragen zonder resultaat/ });
    const row = none.getByRole("row").filter({ hasText: word });
    await row.getByText("Afhandelen").click();
    const form = row.getByRole("form", { name: "Toevoegen als vraag bij artikel …" });
    expect(await form.getByLabel("Vraag").inputValue()).toBe(word.charAt(0).toUpperCase() + word.slice(1));
    expect(await seriousViolations(editor)).toEqual([]);

    // An article that does not exist is refused with a message at the field; nothing is handled.
    await form.getByLabel("Vraag").fill(`Mag een leerling eerder weg voor de ${word}?`);
    await form.getByLabel("Artikel").fill("Een artikel dat niet bestaat");
    await form.getByRole("button", { name: "Vraag toevoegen" }).click();
    await form.getByText("Er is geen artikel met deze titel. Kies een artikel uit de lijst.").waitFor();
    // The typeahead offers the titles.
    expect(await editor.locator(`datalist#gap-article-titles option[value="${title}"]`).count()).toBe(1);
    await form.getByLabel("Artikel").fill(title);
    await Promise.all([
      editor.waitForURL(/afgehandeld=/),
      form.getByRole("button", { name: "Vraag toevoegen" }).click(),
    ]);
    await editor
      .getByRole("status")
      .filter({ hasText: `‘${word}’ is afgehandeld` })
      .waitFor();
    expect(await editor.getByRole("status").textContent()).toContain(
      "Een andere redacteur moet de wijziging goedkeuren",
    );
    expect(await editor.getByRole("region", { name: /Zoekvragen zonder resultaat/ }).textContent()).not.toContain(word);
    const handled = editor.getByRole("region", { name: /Afgehandeld/ });
    expect(await handled.getByRole("row").filter({ hasText: word }).textContent()).toContain("ter beoordeling");
    expect(await seriousViolations(editor)).toEqual([]);

    // Not live before a second editor approves.
    await visitor.goto(`/zoeken?q=${word}`);
    expect(await resultTitles(visitor)).not.toContain(title);

    const articleHref = await handled.getByRole("link", { name: title }).getAttribute("href");
    const reviewer = await page("redacteur2@helpdesk.test");
    await reviewer.goto(articleHref!);
    const questions = await reviewer
      .locator(".question-list input")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(questions.at(-1)).toBe(`Mag een leerling eerder weg voor de ${word}?`);
    await reviewer.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
    await reviewer.getByText("Gepubliceerd. Het artikel staat nu op de website").waitFor();

    await visitor.goto(`/zoeken?q=${word}`);
    expect((await resultTitles(visitor))[0]).toBe(title);
    await visitor.goto(`/zoeken?q=${encodeURIComponent(`mag een leerling eerder weg voor de ${word}`)}`);
    expect((await resultTitles(visitor))[0]).toBe(title);
  });

  it("the article editor adds, refuses and removes questions, saved with the other fields", async () => {
    const editor = await page("redacteur@helpdesk.test");
    await editor.goto("/redactie?q=twijfel");
    await Promise.all([
      editor.waitForURL(/\/redactie\/artikelen\/[^/?]+$/),
      editor.getByRole("link", { name: "Wat doe ik als ik twijfel aan een ziekmelding?" }).click(),
    ]);
    const group = editor.getByRole("group", { name: "Ook gevraagd als" });
    await group.getByLabel("Nieuwe vraag").fill("Hoe");
    await group.getByRole("button", { name: "Vraag toevoegen" }).click();
    await group.getByText("Deze vraag moet 5 tot 200 tekens hebben (nu 3).").waitFor();
    await group.getByLabel("Nieuwe vraag").fill("Ouders melden elke maandag ziek, wat kan ik doen?");
    await group.getByLabel("Nieuwe vraag").press("Enter");
    await editor.getByText(/Alles is opgeslagen \(versie \d+, /).waitFor({ timeout: 15_000 });
    await editor.reload();
    const questions = await editor
      .locator(".question-list input")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(questions).toContain("Ouders melden elke maandag ziek, wat kan ik doen?");
    expect(await seriousViolations(editor)).toEqual([]);
    const n = questions.length;
    await editor.getByRole("button", { name: `Verwijderen vraag ${n}` }).click();
    await editor.getByText(/Alles is opgeslagen \(versie \d+, /).waitFor({ timeout: 15_000 });
    await editor.reload();
    expect(await editor.locator(".question-list input").count()).toBe(n - 1);
  });
});
