// "Mijn vragen" in a real browser: a caller with a question asks for a sign-in link, opens it from the .eml mail,
// sees their questions, replies with a file; the link works once; /desk is not for them; logout ends the session.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEml } from "@/app/_modules/mail/eml";
import { launch, newContext, postJson, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const run = Date.now().toString(36);
const EMAIL = `mijn-${run}@klimop.test`;

/** The sign-in link in the newest .eml to this address. */
async function linkFromMail(to: string, timeoutMs = 20_000): Promise<string> {
  const dir = process.env.E2E_MAIL_DIR!;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).sort().reverse() : []) {
      if (!f.endsWith(".eml")) continue;
      const mail = parseEml(fs.readFileSync(path.join(dir, f), "utf8"));
      const link = /(https?:\/\/\S+\/mijn-vragen\/inloggen\/bevestigen\?\S+)/.exec(mail.text);
      if (link && JSON.stringify(mail.headers).includes(to)) return link[1]!;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no sign-in mail for ${to}`);
}

describe("Mijn vragen", () => {
  it("a caller signs in with the link from the mail, sees their questions and replies with a file", async () => {
    const r = await postJson("/api/v1/tickets", {
      callerType: "po-school",
      sector: "po",
      organisation: "Basisschool De Klimop",
      topic: "verzuim-melden",
      name: "Els de Vries",
      email: EMAIL,
      question: `Een leerling uit groep 6 is al twee weken ziek. Moet ik dat melden? (${run})`,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const reference = r.json.reference as string;

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/mijn-vragen");
    await page.waitForURL(/\/mijn-vragen\/inloggen/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Uw e-mailadres").fill("geen-adres");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.locator("#caller-email-error").waitFor();
    await page.getByLabel("Uw e-mailadres").fill(EMAIL.toUpperCase());
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.getByText("Kijk in uw mailbox.").waitFor();

    const link = await linkFromMail(EMAIL);
    await page.goto(link);
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/mijn-vragen$/), page.getByRole("button", { name: "Inloggen" }).click()]);
    await page.getByRole("heading", { name: "Mijn vragen" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(reference) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Helpdesk BRON PO");
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole("link").click();
    await page.waitForURL(new RegExp(`/mijn-vragen/${reference}$`));
    await page.getByLabel("Uw reactie").fill("Hierbij het verzuimoverzicht van groep 6.");
    await page.getByLabel(/^Bijlagen/).setInputFiles({
      name: `overzicht-${run}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from("datum,uren\n2026-03-02,4\n2026-03-03,5\n"),
    });
    await page.getByRole("button", { name: "Reactie versturen" }).click();
    await page.getByText("Uw reactie is verstuurd.").waitFor();
    const file = page.getByRole("link", { name: `overzicht-${run}.csv` });
    await file.waitFor();
    const download = await ctx.request.get((await file.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("2026-03-03,5");
    expect(await seriousViolations(page)).toEqual([]);

    // The staff workspaces are not for callers.
    await page.goto("/desk");
    expect(new URL(page.url()).pathname).toBe("/mijn-vragen");
    await page.goto("/redactie");
    expect(new URL(page.url()).pathname).toBe("/mijn-vragen");

    // The link worked once.
    const other = await newContext(browser);
    const second = await other.newPage();
    await second.goto(link);
    await second.getByRole("button", { name: "Inloggen" }).click();
    await second.getByText("Deze inloglink werkt niet meer.").waitFor();
    expect(new URL(second.url()).pathname).toBe("/mijn-vragen/inloggen");
    await other.close();

    // Logout ends the session.
    await page.goto("/mijn-vragen");
    await Promise.all([
      page.waitForURL(/\/mijn-vragen\/inloggen\?uitgelogd=1/),
      page.getByRole("button", { name: /Uitloggen/ }).click(),
    ]);
    await page.goto(`/mijn-vragen/${reference}`);
    await page.waitForURL(/\/mijn-vragen\/inloggen\?terug=/);
    await ctx.close();
  });
});
