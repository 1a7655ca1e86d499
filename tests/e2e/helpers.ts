// Browser test helpers: Debian's chromium through playwright-core, login as a demo account, axe scans.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DEMO_PASSWORD } from "@/app/_modules/content/demo-users";

export const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

/** Launches headless Debian chromium with the flags this closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-features=AutofillServerCommunication",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/** A fresh context (own cookies) with the base URL set. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
}

/** Logs in through the real form and waits for the workspace. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/inloggen"), { timeout: 30_000 }),
    page.getByRole("button", { name: "Inloggen" }).click(),
  ]);
}

/** Serious and critical axe violations on the current page. */
export async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** Posts JSON to the portal's API. The answer is untyped: each test asserts the fields it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers of many shapes, checked by the tests
export async function postJson(path: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(BASE + path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** Rows from the e2e server's SQLite database (read-only), to check what the portal stored. */
export function dbRows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  const url = process.env.E2E_DATABASE_URL ?? "";
  if (!url.startsWith("file:")) throw new Error("dbRows needs the e2e SQLite database");
  const Database = require("better-sqlite3") as typeof import("better-sqlite3");
  const d = new Database(url.slice(5), { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

/** Row count of a table in the e2e server's SQLite database, to prove bad input stores nothing. */
export function countRows(table: string): number {
  return dbRows<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table.replace(/"/g, "")}"`)[0]!.n;
}

/**
 * One browser for a test file (launched before its tests, closed after them with every context it made) and pages
 * in fresh contexts: `pageAs(email)` signed in, `anonymousPage()` for a visitor.
 */
export function browserForFile() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });
  const anonymousPage = async (): Promise<Page> => {
    const ctx = await newContext(browser);
    contexts.push(ctx);
    return ctx.newPage();
  };
  return {
    anonymousPage,
    async pageAs(email: string): Promise<Page> {
      const page = await anonymousPage();
      await login(page, email);
      return page;
    },
  };
}

/** A made-up word of seven consonants, so text a test writes is unique to its run. */
export const randomWord = () =>
  Array.from({ length: 7 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(Math.random() * 20)]).join("");
