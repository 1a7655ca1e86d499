// Webhooks in a real browser: an admin registers a webhook to a real receiver (node:http on 127.0.0.1), a ticket
// arrives through the API and a test message is sent; the receiver verifies both signatures and the admin sees the
// deliveries in the log. Turning the webhook off and deleting it are audited. 0 serious axe violations.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "@/app/_modules/webhooks/signature";
import { dbRows, launch, login, newContext, postJson, seriousViolations } from "./helpers";

let browser: Browser;
let server: http.Server;
let url: string;
const run = Date.now().toString(36);
const SECRET = `e2e-ontvanger-geheim-${run}`;
const received: { event: string; verified: boolean; body: string }[] = [];

beforeAll(async () => {
  browser = await launch();
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const verified = verifySignature(SECRET, req.headers["x-portal-signature"] as string, body).ok;
      received.push({ event: String(req.headers["x-portal-event"]), verified, body });
      res.writeHead(verified ? 200 : 401).end(verified ? "ontvangen" : "handtekening klopt niet");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/${run}`;
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe("webhooks", () => {
  it("an admin registers a webhook, a new ticket and a test message are delivered signed and shown in the log", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "beheer@helpdesk.test");
    await page.goto("/desk/beheer");

    // A bad address is refused with a Dutch message and stores nothing.
    await page.getByLabel("Webadres (https://…)").fill("ftp://ontvanger.example/hook");
    await page.getByLabel(/Nieuwe vraag \(elk kanaal\)/).check();
    await page.getByRole("button", { name: "Webhook toevoegen" }).click();
    await page.getByRole("alert").getByText("Het webadres moet met http:// of https:// beginnen.").first().waitFor();

    await page.getByLabel("Webadres (https://…)").fill(url);
    await page.getByLabel("Geheim (optioneel, minstens 16 tekens)").fill(SECRET);
    await page.getByRole("button", { name: "Webhook toevoegen" }).click();
    expect((await page.locator("[data-shown-once] [data-secret]").textContent())!.trim()).toBe(SECRET);
    const row = page.locator(`[data-webhook-row="${url}"]`);
    await row.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const created = await postJson("/api/v1/tickets", {
      callerType: "po-school",
      sector: "po",
      organisation: "Basisschool De Klimop",
      topic: "verzuim-melden",
      name: "Els de Vries",
      email: `els.${run}@klimop.test`,
      question: `Hoe meld ik langdurig verzuim van een leerling? (${run})`,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await row.getByRole("button", { name: /^Testbericht/ }).click();

    // The ticket's delivery is kicked after the commit; the test message is sent before the action answers.
    await expect
      .poll(() => received.map((r) => r.event).sort(), { timeout: 15_000 })
      .toEqual(["ticket.created", "webhook.ping"]);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(JSON.parse(received.find((r) => r.event === "ticket.created")!.body).data.reference).toBe(
      created.json.reference,
    );

    await expect
      .poll(
        async () => {
          await page.reload();
          return page
            .locator("[data-delivery-row]")
            .filter({ hasText: url })
            .locator("[data-delivery-status]")
            .allTextContents();
        },
        { timeout: 15_000 },
      )
      .toEqual(["Afgeleverd", "Afgeleverd"]);
    const first = page.locator("[data-delivery-row]").filter({ hasText: url }).first();
    expect(await first.locator("[data-delivery-http]").textContent()).toBe("200");
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole("button", { name: /^Uitzetten/ }).click();
    await row.locator("[data-webhook-status]").getByText("Uit").waitFor();
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: /^Verwijderen/ }).click();
    await row.waitFor({ state: "detached" });

    const [{ entityId }] = dbRows<{ entityId: string }>(
      `SELECT entityId FROM "AuditEvent" WHERE action = 'webhook.created' AND after LIKE ?`,
      `%${run}%`,
    );
    const actions = dbRows<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE entityType = 'webhook' AND entityId = ? ORDER BY createdAt`,
      entityId,
    ).map((a) => a.action);
    expect(actions).toEqual(["webhook.created", "webhook.pinged", "webhook.disabled", "webhook.deleted"]);
    expect(dbRows(`SELECT id FROM "Webhook" WHERE url = ?`, url)).toEqual([]);
  }, 90_000);
});
