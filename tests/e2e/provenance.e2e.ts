// Answers that remember their sources, in a real browser: an agent links a published article in a reply with the
// article picker → editors publish a changed version → the desk page links "Gewijzigd sinds uw antwoord" with a
// count, the ticket shows a notice, the page shows the diff → "Stuur correctie" (prefilled, edited) goes out as a
// reply with a mail in the outbox and the ticket leaves the list.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dbRows, postJson, randomWord, seriousViolations, browserForFile } from "./helpers";

const { pageAs } = browserForFile();

const word = randomWord;
const editorSurface = (page: Page) => page.locator(".article-editor .ProseMirror");

async function publish(writer: Page, reviewer: Page, url: string) {
  await writer.getByRole("button", { name: "Ter beoordeling aanbieden" }).click();
  await writer.getByText("Het artikel staat nu ter beoordeling").waitFor();
  await reviewer.goto(url);
  await reviewer.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
  await reviewer.getByText("Gepubliceerd. Het artikel staat nu op de website").waitFor();
}

describe("Gewijzigd sinds uw antwoord", () => {
  it(
    "reply with an article → the article changes → the agent sees it and sends a correction",
    { timeout: 300_000 },
    async () => {
      const run = word(); // new per attempt: a retry makes its own article
      const title = `Verlof voor een familiefeest ${run}`;
      const writer = await pageAs("redacteur@helpdesk.test");
      const reviewer = await pageAs("redacteur2@helpdesk.test");
      const agent = await pageAs("agent.beide@helpdesk.test");

      await writer.goto("/redactie/artikelen/nieuw");
      await writer.locator("#f-title").fill(title);
      await writer.locator("#f-summary").fill(`Zo vraagt u verlof aan voor een familiefeest (${run}).`);
      await writer.locator("#fs-audiences input[type=checkbox]").first().check();
      await writer.locator("#fs-sectors input[type=checkbox]").first().check();
      await writer.locator("#f-topic").selectOption("verlof");
      await editorSurface(writer).click();
      await writer.keyboard.type("Een leerling krijgt hoogstens 1 dag vrij voor een familiefeest.");
      await Promise.all([
        writer.waitForURL(/\/redactie\/artikelen\/(?!nieuw)[^/?]+\?opgeslagen=1/, { timeout: 30_000 }),
        writer.getByRole("button", { name: "Concept opslaan" }).click(),
      ]);
      const url = writer.url().replace(/\?.*$/, "");
      await publish(writer, reviewer, url);

      const created = await postJson("/api/v1/tickets", {
        topic: "verlof",
        callerType: "vo-school",
        organisation: "Stellingwerf College",
        question: `Hoeveel dagen verlof mag een leerling krijgen voor een familiefeest? (${run})`,
        name: "Marit Hoekstra",
        email: `marit.${run}@stellingwerf.test`,
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const reference = created.json.reference as string;

      // The agent links the article with the picker and sends the reply.
      await agent.goto(`/desk/tickets/${reference}`);
      await agent.getByLabel("Artikel zoeken om te linken").fill(run);
      await agent.locator(".article-finder").getByRole("button", { name: "Zoeken" }).click();
      await agent.getByRole("button", { name: `Link naar ‘${title}’ invoegen` }).click();
      await agent.getByRole("button", { name: "Antwoord versturen" }).click();
      await agent.locator(".msg-reply").filter({ hasText: title }).waitFor();
      expect(await agent.locator(".changed-since-notice").count()).toBe(0);

      // The editors publish a changed version.
      await writer.goto(url);
      await editorSurface(writer).getByText("1 dag vrij").click();
      await writer.keyboard.press("End");
      for (let i = 0; i < "1 dag vrij voor een familiefeest.".length; i++) await writer.keyboard.press("Backspace");
      await writer.keyboard.insertText("2 dagen vrij voor een familiefeest.");
      await writer.getByText(/Alles is opgeslagen \(versie \d+/).waitFor({ timeout: 15_000 });
      await publish(writer, reviewer, url);

      // The desk page links the list with a count; the ticket shows a notice.
      await agent.goto("/desk");
      const link = agent.getByRole("link", { name: /Gewijzigd sinds uw antwoord: \d+ (vraag|vragen)/ });
      await link.waitFor();
      await agent.goto(`/desk/tickets/${reference}`);
      expect(await agent.locator(".changed-since-notice").textContent()).toContain(title);

      await agent.goto("/desk/gewijzigd");
      const item = agent.locator(".change-item", { hasText: reference });
      await item.waitFor();
      expect(await item.textContent()).toContain(title);
      await item.getByText("Bekijk wat er veranderd is").click();
      expect(await item.locator("del.diff-removed").first().textContent()).toContain("1 dag");
      expect(await item.locator("ins.diff-added").first().textContent()).toContain("2 dagen");
      expect(await seriousViolations(agent)).toEqual([]);

      // Stuur correctie: prefilled, edited, sent.
      await item.getByText("Correctie schrijven").click();
      const text = item.getByLabel("Correctie aan de beller (u kunt de tekst aanpassen)");
      expect(await text.inputValue()).toContain(`${title}: Het artikel is aangepast.`);
      await text.fill(`${await text.inputValue()}\n\nHet zijn nu 2 dagen (${run}).`);
      await item.getByRole("button", { name: "Stuur correctie" }).click();
      await agent.getByText(`De correctie voor ${reference} is verstuurd.`).waitFor();
      expect(await agent.locator(".change-item", { hasText: reference }).count()).toBe(0);

      const mails = dbRows<{ text: string }>(
        `SELECT m.text FROM "MailOutbox" m JOIN "Ticket" t ON t.id = m.ticketId WHERE t.reference = ?`,
        reference,
      );
      expect(mails.some((m) => m.text.includes(`Het zijn nu 2 dagen (${run}).`))).toBe(true);
      await agent.goto(`/desk/tickets/${reference}`);
      await agent
        .locator(".msg-reply")
        .filter({ hasText: `Het zijn nu 2 dagen (${run}).` })
        .waitFor();
      expect(await agent.locator(".changed-since-notice").count()).toBe(0);
    },
  );
});
