// Security, against the real server: CSP nonces (also on cached pages), no open redirect after login, deep links
// through login, logout ends the session, malformed server-action posts answer 4xx, and — on a second server
// with rate limits on — rotating X-Forwarded-For does not get around the intake, login and public-write limits.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/app/_modules/content/demo-users";
import { bin, freePort, root, startNext, type RunningServer } from "@/scripts/lib/server";
import { BASE, launch, login, newContext, postJson } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** CSP violations and script errors a page reports while it is used. */
function watchCsp(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) seen.push(m.text());
  });
  page.on("pageerror", (e) => seen.push(String(e)));
  return seen;
}

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
const scriptNonces = (html: string) =>
  [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /\snonce="([^"]*)"/.exec(m[0])?.[1] ?? null);

describe("Content-Security-Policy", () => {
  it("puts a fresh nonce on every page and on every script in it; no HSTS over plain http", async () => {
    const a = await fetch(`${BASE}/vraag`);
    const b = await fetch(`${BASE}/vraag`);
    const [na, nb] = [
      nonceOf(a.headers.get("content-security-policy")),
      nonceOf(b.headers.get("content-security-policy")),
    ];
    expect(na).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(na).not.toBe(nb);
    expect(a.headers.get("content-security-policy")).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*object-src 'none'.*frame-ancestors 'none'/,
    );
    const nonces = scriptNonces(await a.text());
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([na]));
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("gives each answer from the page cache its own nonce, matching its header, and the page still runs", async () => {
    const url = `${BASE}/zoeken?q=${encodeURIComponent("ziekmelding leerling")}`;
    await fetch(url).then((r) => r.text());
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(url);
      const nonce = nonceOf(res.headers.get("content-security-policy"))!;
      expect(res.headers.get("x-portal-cache")).toMatch(/hit|miss/);
      expect(new Set(scriptNonces(await res.text()))).toEqual(new Set([nonce]));
      seen.push(nonce);
    }
    expect(new Set(seen).size).toBe(3);

    // In the browser, a cached answer hydrates: search-as-you-type (client JavaScript) works, nothing is refused.
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const problems = watchCsp(page);
    const res = await page.goto(url);
    expect(res!.headers()["x-portal-cache"]).toBe("hit");
    const box = page.getByRole("combobox");
    await box.fill("vakantieverlof");
    await page.getByRole("listbox", { name: "Suggesties" }).getByRole("option").first().waitFor();
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("lets the workspaces and the article editor run without a single refused script", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const problems = watchCsp(page);
    await login(page, "beheer@helpdesk.test");
    await page.goto("/desk");
    await page.goto("/redactie/artikelen/nieuw");
    await page.locator(".ProseMirror").first().click();
    await page.keyboard.type("Tekst in de editor");
    await page.getByText("Tekst in de editor").waitFor();
    await page.goto("/vraag");
    await page.goto("/verzuimcheck");
    expect(problems).toEqual([]);
    await ctx.close();
  });
});

// Open-redirect payloads from the issue and the usual bypass list, as they appear in the query string.
const REDIRECT_PAYLOADS = [
  "%2F%5Cevil.example%2Fphish",
  "%2F%09%2Fevil.example",
  "%2F%2Fevil.example",
  "%2F%2F%2Fevil.example",
  "%5C%5Cevil.example",
  "%2F%5C%2Fevil.example",
  "%2F%0D%0A%2Fevil.example",
  "%2F%252F%2Fevil.example",
  "%2F%255Cevil.example",
  "https%3A%2F%2Fevil.example",
  "%2F%EF%BC%8F%2Fevil.example",
  "%2F%E2%88%95evil.example",
  "%2F%EF%BC%BCevil.example",
  "javascript%3Aalert(1)",
  "%2F%2F%E3%80%82evil.example",
];

describe("return paths after login", () => {
  it("never leave the site, whatever `terug` says", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "agent.po@helpdesk.test");
    for (const p of REDIRECT_PAYLOADS) {
      const res = await ctx.request.get(`/inloggen/verder?terug=${p}`, { maxRedirects: 0 });
      const location = res.headers()["location"] ?? "";
      expect(location, p).toBe("/desk");
    }
    // And in Chromium itself, the payload from the issue lands on our own site.
    await page.goto("/inloggen/verder?terug=%2F%5Cevil.example%2Fphish");
    expect(new URL(page.url()).host).toBe(new URL(BASE).host);
    await ctx.close();
  });

  it("a logged-out visitor who opens a ticket or an editor page lands on that page after login", async () => {
    const created = await postJson("/api/v1/tickets", {
      callerType: "vo-school",
      organisation: "Stellingwerf College",
      topic: "verzuim-melden",
      question: "Hoe meld ik het verzuim van een leerling die al twee weken niet komt?",
      name: "Ans Bakker",
      email: "ans@school.test",
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const ref = created.json.reference as string;
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`/desk/tickets/${ref}?tab=notities`);
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    expect(new URL(page.url()).searchParams.get("terug")).toBe(`/desk/tickets/${ref}?tab=notities`);
    await page.getByLabel("E-mailadres").fill("agent.vo@helpdesk.test");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/desk/tickets/${ref}`),
      page.getByRole("button", { name: "Inloggen" }).click(),
    ]);
    await ctx.close();

    const ed = await newContext(browser);
    const ep = await ed.newPage();
    await ep.goto("/redactie/hiaten");
    await ep.getByLabel("E-mailadres").fill("redacteur@helpdesk.test");
    await ep.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await Promise.all([
      ep.waitForURL((u) => u.pathname === "/redactie/hiaten"),
      ep.getByRole("button", { name: "Inloggen" }).click(),
    ]);
    await ed.close();
  });
});

describe("logging out", () => {
  it("ends the session: the old cookie no longer opens /desk", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, "agent.vo@helpdesk.test");
    const saved = await ctx.storageState();
    expect(saved.cookies.some((c) => /authjs\.session-token/.test(c.name))).toBe(true);
    await Promise.all([
      page.waitForURL(/\/inloggen\?uitgelogd=1/),
      page.getByRole("button", { name: /Uitloggen/ }).click(),
    ]);
    await ctx.close();

    // Someone who kept a copy of the cookie (another tab, a stolen copy) is out too.
    const replay = await browser.newContext({ baseURL: BASE, storageState: saved });
    const again = await replay.newPage();
    await again.goto("/desk");
    expect(new URL(again.url()).pathname).toBe("/inloggen");
    await replay.close();
  });
});

describe("malformed server-action posts", () => {
  it("answer 4xx, never 5xx, while a well-formed post still reaches the action", async () => {
    // The wizard's action id, from the build's manifest (a made-up id would only test Next.js's 404/409).
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(root, process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"),
        "utf8",
      ),
    );
    const actionId = Object.keys(manifest.node).find((k) => manifest.node[k].exportedName === "submitWizard")!;
    expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
    const origin = new URL(BASE).origin;
    const send = (body: BodyInit, headers: Record<string, string>) =>
      fetch(`${BASE}/vraag`, {
        method: "POST",
        body,
        headers: { "next-action": actionId, origin, accept: "text/x-component", ...headers },
      });
    const text = { "content-type": "text/plain;charset=UTF-8" };
    const b = "----grens";
    const multipart = { "content-type": `multipart/form-data; boundary=${b}` };
    const part = (name: string, value: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

    const ok = await send('[{"error":null},"$K1"]', text);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Niet alle velden zijn goed ingevuld.");

    const cases: [string, BodyInit, Record<string, string>][] = [
      ["garbage", "garbage{{{not json", text],
      ["100k-deep nesting", "[".repeat(100_000) + "]".repeat(100_000), text],
      ["invalid UTF-8", new Uint8Array([0x5b, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x5d]), text],
      ["cross-origin", '["x"]', { ...text, origin: "https://evil.example" }],
      ["null origin", '["x"]', { ...text, origin: "null" }],
      ["json type", '["x"]', { "content-type": "application/json" }],
      ["multipart without boundary", "x", { "content-type": "multipart/form-data" }],
      ["garbage multipart", `--${b}\r\ngarbage without headers`, multipart],
      [
        "100k-deep nesting in multipart",
        part("0", "[".repeat(100_000) + "]".repeat(100_000)) + `--${b}--\r\n`,
        multipart,
      ],
      [
        "cut-off form post (no JavaScript)",
        `--${b}\r\nContent-Disposition: form-data; name="$ACTION_ID_${actionId}"\r\n\r\n`,
        { "content-type": multipart["content-type"], origin },
      ],
    ];
    for (const [name, body, headers] of cases) {
      const res = await send(body, headers);
      await res.arrayBuffer();
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
    }
  });
});

// A second server on the same build, with the rate limits on (the main suite runs with them off).
describe("rate limits with rotating X-Forwarded-For", () => {
  let server: RunningServer | undefined;
  let base = "";
  const work = path.join(root, "tmp", "e2e-limits");
  let n = 0;
  const forged = () => ({
    "x-forwarded-for": `198.51.100.${++n % 250}`,
    "x-real-ip": `203.0.113.${n % 250}`,
    "x-portal-peer": `192.0.2.${n % 250}`,
  });

  beforeAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${path.join(work, "portal.db")}`,
      APP_URL: base,
      MAIL_DIR: path.join(work, "mail"),
      UPLOAD_DIR: path.join(work, "uploads"),
      RATE_LIMITS: "on",
      SEED_DEMO_DATA: "off",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      AUTH_TRUST_HOST: "true",
    } as NodeJS.ProcessEnv;
    const prep = spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
      cwd: root,
      env,
      stdio: "ignore",
    });
    if (prep.status !== 0) throw new Error("prepare-db failed");
    server = await startNext({ port, env, logFile: path.join(work, "server.log") });
  }, 120_000);
  afterAll(() => server?.stop());

  it("intake: the 6th ticket from one client is refused however the headers rotate", async () => {
    const body = {
      callerType: "vo-school",
      organisation: "Stellingwerf College",
      topic: "verzuim-melden",
      question: "Hoe meld ik een leerling die vaak te laat komt?",
      name: "Piet Jansen",
      email: "piet@school.test",
    };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${base}/api/v1/tickets`, {
        method: "POST",
        headers: { "content-type": "application/json", ...forged() },
        body: JSON.stringify(body),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });

  it("login: after 5 wrong passwords from one client the 6th try is refused, whatever the forwarded address", async () => {
    const jar = new Map<string, string>();
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const eq = pair!.indexOf("=");
        jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrfRes = await fetch(`${base}/api/auth/csrf`);
    keep(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const attempt = async (password: string) => {
      const res = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), ...forged() },
        body: new URLSearchParams({
          csrfToken,
          email: "agent.po@helpdesk.test",
          password,
          callbackUrl: `${base}/desk`,
        }),
      });
      keep(res);
      await res.arrayBuffer();
      return res.headers.get("location") ?? "";
    };
    for (let i = 0; i < 5; i++) expect(await attempt(`fout-${i}`)).toMatch(/error=CredentialsSignin/);
    expect(await attempt(DEMO_PASSWORD)).toMatch(/code=rate_limited/);
    expect([...jar.keys()].some((k) => k.includes("session-token"))).toBe(false);
  });

  it("wizard funnel events and the search log stop at their limits, however the headers rotate", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const res = await fetch(`${base}/api/v1/deflection`, {
        method: "POST",
        headers: { "content-type": "application/json", ...forged() },
        body: JSON.stringify({ runId: `run-${i}-abcdef`, event: "started" }),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, 60).every((s) => s === 204)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);

    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(`vloedgolf ${i}`)}`, { headers: forged() });
      expect(res.status).toBe(200); // searching itself is not limited
      await res.arrayBuffer();
    }
    await new Promise((r) => setTimeout(r, 1500));
    const Database = require("better-sqlite3") as typeof import("better-sqlite3");
    const d = new Database(path.join(work, "portal.db"), { readonly: true });
    const logged = (
      d.prepare(`SELECT COUNT(*) AS n FROM "SearchLog" WHERE "query" LIKE 'vloedgolf %'`).get() as { n: number }
    ).n;
    d.close();
    expect(logged).toBe(30);
  });
});
