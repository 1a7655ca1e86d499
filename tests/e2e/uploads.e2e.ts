// Uploads in a real browser (issue 11, items 7 and 14): a 20 MB file in the wizard gets a clear Dutch message before
// anything is sent, and the server answers a 20 MB server-action post with a 413 and the same message; callers attach
// files to a follow-up reply and agents to a reply, with the intake checks, shown and downloadable on both sides.
import http from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_TOO_LARGE_MESSAGE } from "@/app/_core/body-limit";
import { PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { BASE, countRows, launch, login, newContext, postJson, seriousViolations } from "./helpers";

let browser: Browser;
const run = Date.now().toString(36);
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function ticket(): Promise<{ reference: string; followUpUrl: string }> {
  const r = await postJson("/api/v1/tickets", {
    callerType: "vo-school",
    organisation: "Stellingwerf College",
    topic: "verzuim-melden",
    question: `Hoe meld ik verzuim van een leerling uit havo 3 bij DUO? (${run})`,
    name: "Marit Hoekstra",
    email: `marit.${run}@stellingwerf.test`,
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json;
}

/** Posts `bytes` bytes to a page as a server action would, over plain HTTP; resolves with the answer. */
function bigPagePost(path: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, BASE);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(bytes),
          "next-action": "0".repeat(42),
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", () => {}); // the server may close the socket before the whole body is written: that is the point
    req.setTimeout(30_000, () => reject(new Error("no answer")));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("large uploads", () => {
  it("the wizard refuses a 20 MB file in the browser, before sending, with a clear Dutch message", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const tickets = countRows("Ticket");
    await page.goto("/vraag");
    await page.getByLabel("School voor voortgezet onderwijs").check();
    await page.getByLabel("Naam van uw school of organisatie").fill("Stellingwerf College");
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await page.getByRole("heading", { name: /Stap 2 van 4/ }).waitFor();
    await page
      .getByLabel("Uw vraag")
      .fill("Een leerling uit havo 3 heeft dit schooljaar al 9 keer gespijbeld. Moeten wij dat melden?");
    // Typing posts to the triage and deflection APIs; what matters: no server-action post and no large body.
    const posts: string[] = [];
    page.on("request", (r) => {
      if (
        r.method() === "POST" &&
        (!new URL(r.url()).pathname.startsWith("/api/") || (r.postDataBuffer()?.length ?? 0) > 1024 * 1024)
      )
        posts.push(r.url());
    });
    await page
      .locator("#attachments")
      .setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(20 * 1024 * 1024, 0x25) });
    const error = page.locator("#attachments-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("Het bestand scan.pdf is groter dan 5 MB.");
    expect(await error.textContent()).toContain(UPLOAD_TOO_LARGE_MESSAGE);
    expect(await page.locator("#attachments").getAttribute("aria-invalid")).toBe("true");
    expect(posts).toEqual([]);
    expect(countRows("Ticket")).toBe(tickets);
    await ctx.close();
  });

  it("the server answers a 20 MB server-action post with 413 and the same message, without a framework 500", async () => {
    for (const path of ["/vraag", "/mijn-vraag/abcdefghijklmnopqrstuvwxyz"]) {
      const r = await bigPagePost(path, 20 * 1024 * 1024);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error).toBe(UPLOAD_TOO_LARGE_MESSAGE);
    }
  });
});

describe("attachments on replies", () => {
  let t: { reference: string; followUpUrl: string };
  let agent: { ctx: BrowserContext; page: Page };
  beforeAll(async () => {
    t = await ticket();
  });
  afterAll(async () => {
    await agent?.ctx.close();
  });

  it("lets the caller attach a file to a follow-up reply; a file with a BSN is refused with the BSN message", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(t.followUpUrl);
    const messages = countRows("Message");

    await page.getByLabel("Uw reactie").fill("Hierbij de lijst met leerlingen.");
    await page.getByLabel(/^Bijlagen/).setInputFiles({
      name: `lijst-${run}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from("naam,nummer\nPiet,123456782\n"),
    });
    await page.getByRole("button", { name: "Reactie versturen" }).click();
    const fileError = page.locator("#reply-attachments-error");
    await fileError.waitFor();
    expect(await fileError.textContent()).toContain(PERSONAL_NUMBER_MESSAGE);
    expect(countRows("Message")).toBe(messages);
    expect(await page.getByLabel("Uw reactie").inputValue()).toBe("Hierbij de lijst met leerlingen."); // nothing typed is lost

    await page.getByLabel(/^Bijlagen/).setInputFiles({
      name: `uren-${run}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from("datum,uren\n2026-03-02,4\n2026-03-03,16\n"),
    });
    await page.getByRole("button", { name: "Reactie versturen" }).click();
    await page.getByText("Uw reactie is verstuurd").waitFor();
    const link = page.getByRole("link", { name: `uren-${run}.csv` });
    await link.waitFor();
    const download = await page.request.get(BASE + (await link.getAttribute("href")));
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("2026-03-03,16");
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });

  it("lets an agent attach a file to a reply: shown on the ticket, downloadable by agent and caller", async () => {
    agent = { ctx: await newContext(browser), page: undefined as never };
    agent.page = await agent.ctx.newPage();
    const page = agent.page;
    await login(page, "agent.vo@helpdesk.test");
    await page.goto(`/desk/tickets/${t.reference}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // The caller's file from the previous test is on the ticket too.
    await page.getByRole("link", { name: `uren-${run}.csv` }).waitFor();

    const editor = page.getByRole("textbox", { name: "Tekst van uw bericht" });
    await editor.click();
    await page.keyboard.type(`Zie het formulier in de bijlage (${run}).`);
    await page.getByLabel(/^Bijlagen/).setInputFiles({
      name: `formulier-${run}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from("Formulier verlof, in te vullen door de school.\n"),
    });
    await page.getByRole("button", { name: "Antwoord versturen" }).click();
    const reply = page.locator(".msg-reply").filter({ hasText: `Zie het formulier in de bijlage (${run}).` });
    await reply.waitFor();
    const link = reply.getByRole("link", { name: `formulier-${run}.txt` });
    await link.waitFor();
    const agentDownload = await page.request.get(BASE + (await link.getAttribute("href")));
    expect(agentDownload.status()).toBe(200);
    expect(agentDownload.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(await seriousViolations(page)).toEqual([]);

    const caller = await (await newContext(browser)).newPage();
    await caller.goto(t.followUpUrl);
    const callerLink = caller.getByRole("link", { name: `formulier-${run}.txt` });
    await callerLink.waitFor();
    const callerDownload = await caller.request.get(BASE + (await callerLink.getAttribute("href")));
    expect(callerDownload.status()).toBe(200);
    expect(await callerDownload.text()).toContain("Formulier verlof");
    await caller.context().close();
  });
});
