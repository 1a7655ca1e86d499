// Question analysis and intake, in a real browser: a vo-school caller goes through the wizard, sees an article
// suggested, submits, receives the mail (.eml), opens the follow-up link and replies. Plus bad input over HTTP.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEml } from "@/app/_modules/mail/eml";
import { BASE, countRows, launch, newContext, postJson, seriousViolations } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function waitForMail(reference: string, timeoutMs = 20_000) {
  const dir = process.env.E2E_MAIL_DIR!;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (!f.endsWith(".eml")) continue;
      const mail = parseEml(fs.readFileSync(path.join(dir, f), "utf8"));
      if (mail.text.includes(reference)) return mail;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail for ${reference}`);
}

describe("the question wizard", () => {
  it("takes a vo-school caller from question to follow-up and reply", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/vraag");
    expect(await seriousViolations(page)).toEqual([]);

    // Step 1: who
    await page.getByLabel("School voor voortgezet onderwijs").check();
    await page.getByLabel("Naam van uw school of organisatie").fill("Stellingwerf College");
    await page.getByRole("button", { name: "Volgende stap" }).click();

    // Step 2: the question — suggestions appear while typing
    await page.getByRole("heading", { name: /Stap 2 van 4/ }).waitFor();
    await page
      .getByLabel("Uw vraag")
      .fill(
        "Een leerling uit havo 3 heeft dit schooljaar al 9 keer gespijbeld. Moeten wij dat melden bij de leerplichtambtenaar?",
      );
    const suggestions = page.getByRole("heading", { name: "Misschien staat uw antwoord hier al" });
    await suggestions.waitFor({ timeout: 15_000 });
    expect(await page.locator("section[aria-labelledby=suggestions-title] li").count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: /verzuimcheck/ }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Onderwerp").inputValue()).not.toBe("");
    await page.getByRole("button", { name: "Volgende stap" }).click();

    // Step 3: contact — a bad e-mail gets a per-field error; going back keeps what was typed
    await page.getByRole("heading", { name: /Stap 3 van 4/ }).waitFor();
    await page.getByLabel("Uw naam").fill("Marit Hoekstra");
    await page.getByLabel("E-mailadres").fill("marit@");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.locator("#email-error").waitFor();
    expect(await page.getByLabel("E-mailadres").getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("button", { name: "Vorige stap" }).click();
    expect(await page.getByLabel("Uw vraag").inputValue()).toContain("9 keer gespijbeld");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByLabel("E-mailadres").fill("marit@stellingwerf.test");
    await page.getByRole("button", { name: "Volgende stap" }).click();

    // Step 4: review shows the desk with its hours and phone
    await page.getByRole("heading", { name: /Stap 4 van 4/ }).waitFor();
    await page.getByText("Uw vraag gaat naar: Informatiepunt Onderwijs (IPO)").waitFor({ timeout: 10_000 });
    expect(await page.locator("main").textContent()).toContain("050-599 90 00");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await page
      .getByRole("heading", { name: "Uw vraag is verstuurd" })
      .waitFor({ timeout: 20_000 })
      .catch(async (e) => {
        throw new Error(`${(e as Error).message}\nPage: ${(await page.locator("main").innerText()).slice(0, 2000)}`);
      });
    // The desk with its article (content/desks.yaml), in the confirmation and in the mail.
    await page.getByText("Het Informatiepunt Onderwijs (IPO) beantwoordt uw vraag.").waitFor();
    const reference = (await page
      .locator("strong")
      .filter({ hasText: /^IPO-\d{4}-\d{6}$/ })
      .first()
      .textContent())!;
    expect(reference).toMatch(/^IPO-\d{4}-\d{6}$/);

    // The confirmation mail carries the private follow-up link
    const mail = await waitForMail(reference);
    expect(mail.headers.to).toContain("marit@stellingwerf.test");
    expect(mail.text).toContain("Het Informatiepunt Onderwijs (IPO) leest uw vraag.");
    const link = mail.text.match(/https?:\/\/\S+\/mijn-vraag\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();

    // Follow-up page: status and conversation, then a reply
    await page.goto(link!);
    expect(await page.locator("h1").textContent()).toContain("9 keer gespijbeld");
    expect(await page.getByText(reference).count()).toBeGreaterThan(0);
    await page.getByLabel("Uw reactie").fill("Aanvulling: het gaat om lesuren in de middag.");
    await page.getByRole("button", { name: "Reactie versturen" }).click();
    await page.getByText("Uw reactie is verstuurd").waitFor();
    await page.getByText("Aanvulling: het gaat om lesuren in de middag.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong token is a 404
    const wrong = await page.goto(link!.replace(/.{4}$/, "AAAA"));
    expect(wrong?.status()).toBe(404);
    await ctx.close();
  });

  it("warns about a BSN while typing and the server refuses it", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/vraag");
    await page.getByLabel("Basisschool (po)").check();
    await page.getByLabel("Naam van uw school of organisatie").fill("De Regenboog");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByLabel("Uw vraag").fill("Leerling met nummer 111222333 staat niet in het register");
    await page.locator("#question-bsn").waitFor();
    expect(await page.locator("#question-bsn").textContent()).toMatch(/BSN/);
    await ctx.close();
  });

  it("tells parents kindly where to go", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto("/vraag");
    await page.getByLabel("Ouder, leerling of student").check();
    expect(await page.getByRole("status").filter({ hasText: "leerplichtambtenaar" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Volgende stap" }).count()).toBe(0);
    await ctx.close();
  });
});

describe("POST /api/v1/tickets bad input", () => {
  const valid = {
    callerType: "mbo-institution",
    organisation: "ROC Friesland",
    topic: "verzuim-melden",
    question: "Hoe meld ik een BOL-student die al twee weken niet komt?",
    name: "Piet Post",
    email: "piet@roc.test",
  };
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");
  const cases: [string, unknown, string][] = [
    ["wrong types", { ...valid, question: 42 }, "question"],
    ["unknown caller type", { ...valid, callerType: "alien" }, "callerType"],
    ["empty question", { ...valid, question: "" }, "question"],
    ["5,001-character question", { ...valid, question: "a".repeat(5001) }, "question"],
    ["invalid e-mail", { ...valid, email: "piet@" }, "email"],
    ["HTML in the name", { ...valid, name: "<b>Piet</b>" }, "name"],
    ["script in the question", { ...valid, question: "Hallo <script>alert(1)</script> wereld" }, "question"],
    ["BSN in the question", { ...valid, question: "Student met bsn 111222333 komt niet" }, "question"],
    [
      "wrong-type attachment",
      { ...valid, attachments: [{ name: "virus.exe", contentBase64: Buffer.from("MZ...").toString("base64") }] },
      "attachments.0",
    ],
    ["png named .pdf", { ...valid, attachments: [{ name: "scan.pdf", contentBase64: png }] }, "attachments.0"],
    [
      "oversized attachment",
      {
        ...valid,
        attachments: [{ name: "groot.txt", contentBase64: Buffer.alloc(5 * 1024 * 1024 + 10, 65).toString("base64") }],
      },
      "attachments.0",
    ],
    [
      "four attachments",
      {
        ...valid,
        attachments: Array.from({ length: 4 }, (_, i) => ({
          name: `a${i}.txt`,
          contentBase64: Buffer.from("hallo").toString("base64"),
        })),
      },
      "attachments",
    ],
    [
      "BSN in a file name",
      {
        ...valid,
        attachments: [{ name: "leerling-111222333.txt", contentBase64: Buffer.from("x").toString("base64") }],
      },
      "attachments.0",
    ],
    ["a parent", { ...valid, callerType: "parent-or-student" }, "callerType"],
  ];

  it.each(cases)("%s → 400 naming the field, nothing stored", async (_name, body, field) => {
    const before = ["Ticket", "Requester", "Message", "Attachment", "MailOutbox"].map(countRows);
    const r = await postJson("/api/v1/tickets", body);
    expect(r.status).toBe(400);
    expect(r.json.error).toBeTruthy();
    expect(r.json.issues.some((i: { path: string }) => i.path === field || i.path.startsWith(`${field}.`))).toBe(true);
    expect(["Ticket", "Requester", "Message", "Attachment", "MailOutbox"].map(countRows)).toEqual(before);
  });

  it("answers not-JSON with a 400", async () => {
    const res = await fetch(`${BASE}/api/v1/tickets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
  });

  it("creates a ticket with a valid attachment and stores text as text", async () => {
    const r = await postJson("/api/v1/tickets", {
      ...valid,
      question: "Wat betekent 5 < 6 in de foutmelding & hoe los ik het op?",
      attachments: [{ name: "log.txt", contentBase64: Buffer.from("regel 1\nregel 2").toString("base64") }],
    });
    expect(r.status).toBe(201);
    expect(r.json.reference).toMatch(/^IPO-\d{4}-\d{6}$/);
    const follow = await fetch(r.json.followUpUrl);
    const html = await follow.text();
    expect(html).toContain("5 &lt; 6 in de foutmelding &amp; hoe");
  });
});
