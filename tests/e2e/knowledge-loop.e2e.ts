// The knowledge loop in a real browser (issue #19): an agent answers a caller with a link to the article that embeds
// late-3 (Stellingwerf College) → an editor adds a version of late-3 from 1 August of the next school year with
// count 4 on /redactie/protocollen → the article preview for a day in that year reads "4 keer te laat", for today
// "3 keer te laat" → the agent sees the change in /desk/wijzigingen and the ticket in /desk/gewijzigd.
import { describe, expect, it } from "vitest";
import { dbRows, postJson, randomWord, seriousViolations, browserForFile } from "./helpers";

const { pageAs } = browserForFile();

const word = randomWord;
const ARTICLE = "Wat doet de school als een leerling vaak te laat komt?";

/** 1 August of the next school year (a school year runs from 1 August to 31 July), as YYYY-MM-DD. */
function nextSchoolYearStart(now = new Date()): string {
  const year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return `${year}-08-01`;
}

describe("knowledge loop: a rule version for next school year", () => {
  it(
    "editor adds late-3 → 4 from 1 August → preview per date → agent sees the feed item and the affected ticket",
    { timeout: 300_000 },
    async () => {
      const run = word();
      const from = nextSchoolYearStart();
      const year = from.slice(0, 4);
      const agent = await pageAs("agent.beide@helpdesk.test");
      const editor = await pageAs("redacteur@helpdesk.test");

      // Setup: a caller's question, answered with a link to the article that embeds late-3.
      const created = await postJson("/api/v1/tickets", {
        topic: "verlof",
        callerType: "vo-school",
        organisation: "Stellingwerf College",
        question: `Wanneer krijgen ouders een mail als een leerling te laat komt? (${run})`,
        name: "Sjoerd de Vries",
        email: `sjoerd.${run}@stellingwerf.test`,
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const reference = created.json.reference as string;
      await agent.goto(`/desk/tickets/${reference}`);
      await agent.getByLabel("Artikel zoeken om te linken").fill("vaak te laat komen");
      await agent.locator(".article-finder").getByRole("button", { name: "Zoeken" }).click();
      await agent.getByRole("button", { name: `Link naar ‘${ARTICLE}’ invoegen` }).click();
      await agent.getByRole("button", { name: "Antwoord versturen" }).click();
      await agent.locator(".msg-reply").filter({ hasText: ARTICLE }).waitFor();
      const sources = dbRows<{ ruleId: string }>(
        `SELECT s.ruleId FROM "MessageSource" s JOIN "Ticket" t ON t.id = s.ticketId WHERE t.reference = ? AND s.kind = 'rule'`,
        reference,
      );
      expect(sources.map((s) => s.ruleId)).toContain("late-3");

      // The editor adds the version; a date that is not after today is refused first, and nothing is stored.
      const stored = () => dbRows(`SELECT id FROM "ProtocolRuleVersion"`).length;
      const storedBefore = stored();
      await editor.goto("/redactie/protocollen");
      const section = editor.locator("section", { has: editor.getByRole("heading", { name: /Stellingwerf College/ }) });
      const row = section.locator('tr[data-rule="late-3"]');
      await row.locator("summary", { hasText: "Nieuwe versie" }).click();
      const form = row.locator('form[data-rule-version="late-3"]');
      await form.getByLabel("Nieuwe versie vanaf").fill("2020-08-01");
      await form.getByLabel("Aantal keer").fill("4");
      await form.getByRole("button", { name: "Versie opslaan" }).click();
      await form.getByText("Kies een datum na vandaag.").waitFor();
      expect(stored()).toBe(storedBefore);
      await form.getByLabel("Nieuwe versie vanaf").fill(from);
      await form.getByRole("button", { name: "Versie opslaan" }).click();
      await form.getByText("De nieuwe versie is opgeslagen.").waitFor();
      // After a fresh load the rule lists the new version.
      await editor.goto("/redactie/protocollen");
      await row.getByText(`vanaf 1 augustus ${year}`).first().waitFor();
      expect(await seriousViolations(editor)).toEqual([]);

      // The article preview: today the old number, in the next school year the new one.
      const [{ id }] = dbRows<{ id: string }>(`SELECT id FROM "Article" WHERE slug = 'te-laat-komen'`);
      await editor.goto(`/redactie/artikelen/${id}`);
      await editor.getByRole("tab", { name: "Voorbeeld" }).click();
      const body = editor.locator(".preview-panel .article-body");
      await body.getByText("3 keer te laat").first().waitFor();
      expect(await body.textContent()).not.toContain("4 keer te laat");
      await editor.getByLabel("Zoals het artikel leest op (leeg = vandaag)").fill(`${year}-09-01`);
      await body.getByText("4 keer te laat").first().waitFor();
      expect(await body.textContent()).not.toContain("3 keer te laat");

      // The agent: the feed item, and the ticket that relied on the old version.
      await agent.goto("/desk/wijzigingen");
      await agent
        .locator(".change-item", { hasText: `Vanaf 1 augustus ${year}: 4 keer te laat (was 3)` })
        .first()
        .waitFor();
      await agent.goto("/desk/gewijzigd");
      const item = agent.locator(".change-item", { hasText: reference });
      await item.waitFor();
      expect(await item.textContent()).toContain("3 keer te laat");
      expect(await seriousViolations(agent)).toEqual([]);
    },
  );
});
