// From a ticket to an article (issue #19), in a real browser: an agent answers a caller's question and resolves
// it, chooses "Maak artikelconcept" and sees the draft on the ticket; an editor opens the draft and sees the ticket
// it came from and the question without the caller's name, e-mail address or phone number.
import { describe, expect, it } from "vitest";
import { dbRows, postJson, randomWord, seriousViolations, browserForFile } from "./helpers";

const { pageAs } = browserForFile();

const word = randomWord;

describe("Maak artikelconcept", () => {
  it(
    "an agent makes a draft from a resolved ticket; an editor sees it with the ticket",
    { timeout: 300_000 },
    async () => {
      const run = word();
      const created = await postJson("/api/v1/tickets", {
        topic: "verlof",
        callerType: "vo-school",
        organisation: "Stellingwerf College",
        question: `Mag een leerling een dag vrij voor de bruiloft van een zus? Bel mij op 06-12345678. Groet, Marit Hoekstra (${run})`,
        name: "Marit Hoekstra",
        email: `marit.${run}@stellingwerf.test`,
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const reference = created.json.reference as string;

      const agent = await pageAs("agent.beide@helpdesk.test");
      await agent.goto(`/desk/tickets/${reference}`);
      // Not resolved yet: no button.
      await agent.getByText("Is de vraag opgelost?").waitFor();
      const editor = agent.getByRole("textbox", { name: "Tekst van uw bericht" });
      await editor.click();
      await agent.keyboard.type(
        `Ja. Voor een huwelijk van een bloed- of aanverwant krijgt een leerling verlof (${run}).`,
      );
      await agent.getByLabel("Status na versturen").selectOption("resolved");
      await agent.getByRole("button", { name: "Antwoord versturen" }).click();
      const make = agent.getByRole("button", { name: "Maak artikelconcept" });
      await make.waitFor({ timeout: 30_000 });
      await make.click();
      const linked = agent.getByTestId("ticket-articles");
      await linked.waitFor({ timeout: 30_000 });
      expect(await linked.textContent()).toContain("concept");
      expect(await seriousViolations(agent)).toEqual([]);

      const redacteur = await pageAs("redacteur@helpdesk.test");
      const [row] = dbRows<{ articleId: string }>(
        `SELECT at."articleId" FROM "ArticleTicket" at JOIN "Ticket" t ON t.id = at."ticketId" WHERE t.reference = ?`,
        reference,
      );
      expect(row).toBeDefined();
      await redacteur.goto(`/redactie/artikelen/${row!.articleId}`);
      const tickets = redacteur.getByTestId("article-tickets");
      await tickets.waitFor({ timeout: 30_000 });
      expect(await tickets.textContent()).toContain(reference);
      const form = await redacteur.locator("form").first().innerHTML();
      expect(await redacteur.locator("#f-title").inputValue()).toContain("bruiloft");
      expect(form).not.toContain("06-12345678");
      expect(form).not.toContain("Hoekstra");
    },
  );
});
