// "What changed" in a real browser: an editor approves an article change with a one-line summary and a note for the
// desk → an agent sees it on /desk/wijzigingen with the unread count in the navigation, opens the diff and marks it
// read → the public "Wat is er veranderd" page, the article's "Gewijzigd op" line and the Atom feed linked from the
// page head show it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { BASE, seriousViolations, browserForFile } from "./helpers";

const { pageAs, anonymousPage } = browserForFile();

const uniqueWord = (prefix: string) =>
  prefix + Array.from({ length: 7 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(Math.random() * 20)]).join("");
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const editorSurface = (page: Page) => page.locator(".article-editor .ProseMirror");

async function submitForReview(page: Page) {
  await page.getByRole("button", { name: "Ter beoordeling aanbieden" }).click();
  await page.getByText("Het artikel staat nu ter beoordeling").waitFor();
}

/** The second editor approves, optionally with a change summary and a note for the desk. */
async function approve(reviewer: Page, url: string, summary?: string, deskNote?: string) {
  await reviewer.goto(url);
  if (summary) await reviewer.getByLabel("Samenvatting van de wijziging (openbaar)").fill(summary);
  if (deskNote) await reviewer.getByLabel("Wat betekent dit voor de desk? (alleen voor medewerkers)").fill(deskNote);
  await reviewer.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
  await reviewer.getByText("Gepubliceerd. Het artikel staat nu op de website").waitFor();
}

const unreadInNav = async (page: Page) =>
  Number(await page.locator('.workspace-nav a[href="/desk/wijzigingen"]').getAttribute("data-unread"));

describe("what changed", () => {
  it("editor's change → agent's feed (unread, diff, read) → public page, article line and Atom feed", async () => {
    const word = uniqueWord("wijztrak");
    const title = `Verlof aanvragen voor ${word}`;
    const summary = `De termijn voor ${word} is nu 8 weken.`;
    const writer = await pageAs("redacteur@helpdesk.test");
    const reviewer = await pageAs("redacteur2@helpdesk.test");
    const agent = await pageAs("agent.beide@helpdesk.test");

    // First version, published.
    await writer.goto("/redactie/artikelen/nieuw");
    await writer.locator("#f-title").fill(title);
    await writer.locator("#f-summary").fill(`Zo vraagt u verlof aan voor ${word}, op tijd en schriftelijk.`);
    await writer.locator("#fs-audiences input[type=checkbox]").first().check();
    await writer.locator("#fs-sectors input[type=checkbox]").first().check();
    await writer.locator("#f-topic").selectOption("verlof");
    await editorSurface(writer).click();
    await writer.keyboard.type("Vraag het verlof 6 weken vooraf aan bij de directeur.");
    await Promise.all([
      writer.waitForURL(/\/redactie\/artikelen\/(?!nieuw)[^/?]+\?opgeslagen=1/, { timeout: 30_000 }),
      writer.getByRole("button", { name: "Concept opslaan" }).click(),
    ]);
    const url = writer.url().replace(/\?.*$/, "");
    await submitForReview(writer);
    await approve(reviewer, url);

    await agent.goto("/desk");
    const unreadBefore = await unreadInNav(agent);
    expect(unreadBefore).toBeGreaterThan(0);

    // The change: 6 → 8 weeks, approved with a summary and a note for the desk.
    await writer.goto(url);
    await editorSurface(writer).getByText("6 weken").click();
    await writer.keyboard.press("End");
    for (let i = 0; i < "6 weken vooraf aan bij de directeur.".length; i++) await writer.keyboard.press("Backspace");
    await writer.keyboard.insertText("8 weken vooraf aan bij de directeur.");
    await writer.getByText(/Alles is opgeslagen \(versie \d+/).waitFor({ timeout: 15_000 });
    await submitForReview(writer);
    await approve(reviewer, url, summary, "Bellers met een aanvraag binnen 8 weken: verwijs naar de directeur.");

    // The agent: one more unread item, with the note and the diff; "Gelezen" lowers the count again.
    await agent.goto("/desk");
    expect(await unreadInNav(agent)).toBe(unreadBefore + 1);
    await agent.goto("/desk/wijzigingen?onderwerp=verlof");
    expect(await agent.getByRole("heading", { level: 1 }).textContent()).toBe("Wat is er veranderd");
    const item = agent.locator(".change-item", { hasText: summary });
    await item.waitFor();
    expect(await item.textContent()).toContain("Wat betekent dit voor de desk:");
    expect(await item.textContent()).toContain("verwijs naar de directeur");
    await item.getByText("Bekijk wat er veranderd is").click();
    expect(await item.locator("del.diff-removed").first().textContent()).toContain("6 weken");
    expect(await item.locator("ins.diff-added").first().textContent()).toContain("8 weken");
    expect(await seriousViolations(agent)).toEqual([]);
    const readButton = item.getByRole("button", { name: `Markeer als gelezen: ${title}` });
    await readButton.click();
    // The page reloads its data: the button makes way for "Gelezen" and the navigation counts one less.
    await readButton.waitFor({ state: "detached" });
    expect(await item.locator("p.muted", { hasText: /^Gelezen$/ }).count()).toBe(1);
    expect(await unreadInNav(agent)).toBe(unreadBefore);

    // Public: the changes page, the article's line, the feed in the head and the feed itself.
    const pub = await anonymousPage();
    await pub.goto(`${BASE}/wat-is-er-veranderd`);
    const entry = pub.locator("li", { hasText: summary });
    await entry.getByRole("link", { name: title }).waitFor();
    expect(await pub.textContent("body")).not.toContain("verwijs naar de directeur");
    expect(await seriousViolations(pub)).toEqual([]);
    await pub.goto(`${BASE}/artikelen/${slugOf(title)}`);
    const line = (await pub.locator(".article-changed").textContent()) ?? "";
    expect(line).toMatch(/^Gewijzigd op \d{1,2} \w+ \d{4}: /);
    expect(line).toContain(summary);
    const feedHref = await pub.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
    expect(feedHref).toMatch(/\/wat-is-er-veranderd\/atom\.xml$/);
    const res = await fetch(new URL(feedHref!, BASE));
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    expect(xml).toContain(title);
    expect(xml).toContain(summary);
  });

  it("an admin changes a desk's hours in Beheer → that desk's agents see it, the other desk's do not; never public", async () => {
    const admin = await pageAs("beheer@helpdesk.test");
    const po = await pageAs("agent.po@helpdesk.test");
    const vo = await pageAs("agent.vo@helpdesk.test");
    await po.goto("/desk");
    await vo.goto("/desk");
    const [poBefore, voBefore] = [await unreadInNav(po), await unreadInNav(vo)];

    await admin.goto("/desk/beheer");
    const form = admin.getByRole("form", { name: "Helpdesk BRON PO" });
    const close = form.getByLabel("tot", { exact: true });
    const original = await close.inputValue();
    // A closing time before the opening time is refused in Dutch, at the field.
    await close.fill("08:00");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await form.getByText("De sluitingstijd moet na de openingstijd liggen.").first().waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await close.fill("16:30");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await form.getByText("Opgeslagen. De medewerkers zien de wijziging bij Wijzigingen.").waitFor();

    await po.goto("/desk/wijzigingen?soort=desk");
    expect(await unreadInNav(po)).toBe(poBefore + 1);
    const item = po.locator(".change-item").first();
    expect(await item.textContent()).toContain("16.30 uur");
    expect(await item.textContent()).toContain("alleen voor medewerkers");
    await vo.goto("/desk");
    expect(await unreadInNav(vo)).toBe(voBefore);

    // Put the hours back (other browser tests read them); that is a change too.
    await close.fill(original);
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect
      .poll(
        async () => {
          await po.goto("/desk");
          return unreadInNav(po);
        },
        { timeout: 15_000 },
      )
      .toBe(poBefore + 2);
    const res = await fetch(new URL("/wat-is-er-veranderd/atom.xml", BASE));
    expect(await res.text()).not.toContain("16.30");

    // "Alles gelezen" marks the whole feed read for this agent only.
    await po.goto("/desk/wijzigingen");
    await po.getByRole("button", { name: "Alles gelezen" }).click();
    await expect
      .poll(
        async () => {
          await po.goto("/desk");
          return unreadInNav(po);
        },
        { timeout: 15_000 },
      )
      .toBe(0);
    await vo.goto("/desk");
    expect(await unreadInNav(vo)).toBe(voBefore);
  });
});
