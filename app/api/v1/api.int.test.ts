// The integration API's access matrix on a real database: every token route × no token / bad / revoked / expired /
// wrong scope / wrong desk / right, and that a refused call stores nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import type { ApiScope } from "@/app/_core/api-token";
import type { IntakeInput } from "@/app/_modules/tickets/schema";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
let t: TestDb;
let tickets: typeof import("./tickets/route");
let ticketByRef: typeof import("./tickets/[reference]/route");
let contacts: typeof import("./contacts/route");
let tokens: typeof import("@/app/_modules/apitokens/service");
let createTicket: typeof import("@/app/_modules/tickets/create-ticket").createTicket;

const T: Record<string, string> = {};
let poRef = "";
let voRef = "";

const question: IntakeInput = {
  callerType: "po-school",
  sector: "po",
  organisation: "Basisschool De Klimop",
  topic: "verzuim-melden",
  question: "Een leerling is al drie weken niet op school geweest. Moet ik dit melden?",
  name: "Els de Vries",
  email: "els@klimop.test",
  phone: "06 12345678",
};

async function token(name: string, desks: ("po" | "vo-mbo")[], scopes: ApiScope[], extra: { expiresAt?: Date } = {}) {
  const made = await tokens.createApiToken(t.db, { name, desks, scopes, ...extra }, null);
  return made;
}

const auth = (tok?: string): Record<string, string> => (tok === undefined ? {} : { authorization: `Bearer ${tok}` });
const post = (url: string, body: unknown, tok?: string) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...auth(tok) },
  });
const get = (url: string, tok?: string) => new Request(`http://localhost${url}`, { headers: auth(tok) });
const params = (reference: string) => ({ params: Promise.resolve({ reference }) });

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "on";
  await seedContent(t.db, { contentDir: CONTENT, demoUsers: false });
  tokens = await import("@/app/_modules/apitokens/service");
  tickets = await import("./tickets/route");
  ticketByRef = await import("./tickets/[reference]/route");
  contacts = await import("./contacts/route");
  createTicket = (await import("@/app/_modules/tickets/create-ticket")).createTicket;
  const all: ApiScope[] = ["tickets:read", "tickets:write", "contacts:write"];
  T.right = (await token("Telefooncentrale PO", ["po"], all)).token;
  T.notes = (await token("Met notities", ["po"], [...all, "notes:read"])).token;
  T.scope = (await token("Alleen gesprekken", ["po"], ["contacts:write"])).token;
  T.readonly = (await token("Alleen lezen", ["po"], ["tickets:read"])).token;
  const revoked = await token("Ingetrokken", ["po"], all);
  await tokens.revokeApiToken(t.db, revoked.id, null);
  T.revoked = revoked.token;
  const expiring = await token("Verlopen", ["po"], all, { expiresAt: new Date(Date.now() + 60_000) });
  await t.db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  T.expired = expiring.token;
  T.bad = "hdp_" + "x".repeat(32);
  poRef = (await createTicket(t.db, { input: question, deskId: "po" })).reference;
  voRef = (
    await createTicket(t.db, { input: { ...question, callerType: "vo-school", sector: "vo" }, deskId: "vo-mbo" })
  ).reference;
  const po = await t.db.ticket.findUniqueOrThrow({ where: { reference: poRef } });
  await t.db.message.create({
    data: { ticketId: po.id, kind: "note", body: "Interne notitie: school al eerder gebeld." },
  });
  await t.db.message.create({ data: { ticketId: po.id, kind: "reply", body: "U moet dit melden bij DUO." } });
});
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

type Case = { name: string; call: () => Promise<Response>; status: number };
const counts = async () => ({ tickets: await t.db.ticket.count(), calls: await t.db.incomingCall.count() });

describe("API token matrix", () => {
  const routes: { route: string; cases: () => Case[] }[] = [
    {
      route: "POST /api/v1/tickets",
      cases: () => {
        const phone = { ...question, channel: "phone" };
        return [
          { name: "no token (phone channel)", call: () => tickets.POST(post("/api/v1/tickets", phone)), status: 401 },
          { name: "bad token", call: () => tickets.POST(post("/api/v1/tickets", phone, T.bad)), status: 401 },
          { name: "malformed header", call: () => tickets.POST(post("/api/v1/tickets", phone, "")), status: 401 },
          { name: "revoked", call: () => tickets.POST(post("/api/v1/tickets", phone, T.revoked)), status: 401 },
          { name: "expired", call: () => tickets.POST(post("/api/v1/tickets", phone, T.expired)), status: 401 },
          { name: "wrong scope", call: () => tickets.POST(post("/api/v1/tickets", phone, T.readonly)), status: 403 },
          {
            name: "wrong desk",
            call: () => tickets.POST(post("/api/v1/tickets", { ...phone, desk: "vo-mbo" }, T.right)),
            status: 403,
          },
          {
            name: "wrong desk by triage",
            call: () =>
              tickets.POST(post("/api/v1/tickets", { ...phone, callerType: "vo-school", sector: "vo" }, T.right)),
            status: 403,
          },
        ];
      },
    },
    {
      route: "GET /api/v1/tickets/{reference}",
      cases: () => [
        { name: "no token", call: () => ticketByRef.GET(get(`/api/v1/tickets/${poRef}`), params(poRef)), status: 401 },
        {
          name: "bad token",
          call: () => ticketByRef.GET(get(`/api/v1/tickets/${poRef}`, T.bad), params(poRef)),
          status: 401,
        },
        {
          name: "revoked",
          call: () => ticketByRef.GET(get(`/api/v1/tickets/${poRef}`, T.revoked), params(poRef)),
          status: 401,
        },
        {
          name: "expired",
          call: () => ticketByRef.GET(get(`/api/v1/tickets/${poRef}`, T.expired), params(poRef)),
          status: 401,
        },
        {
          name: "wrong scope",
          call: () => ticketByRef.GET(get(`/api/v1/tickets/${poRef}`, T.scope), params(poRef)),
          status: 403,
        },
        {
          name: "wrong desk",
          call: () => ticketByRef.GET(get(`/api/v1/tickets/${voRef}`, T.right), params(voRef)),
          status: 404,
        },
        {
          name: "unknown reference",
          call: () => ticketByRef.GET(get(`/api/v1/tickets/PO-2026-999999`, T.right), params("PO-2026-999999")),
          status: 404,
        },
      ],
    },
    {
      route: "GET /api/v1/tickets",
      cases: () => [
        { name: "no token", call: () => tickets.GET(get("/api/v1/tickets")), status: 401 },
        { name: "bad token", call: () => tickets.GET(get("/api/v1/tickets", T.bad)), status: 401 },
        { name: "revoked", call: () => tickets.GET(get("/api/v1/tickets", T.revoked)), status: 401 },
        { name: "expired", call: () => tickets.GET(get("/api/v1/tickets", T.expired)), status: 401 },
        { name: "wrong scope", call: () => tickets.GET(get("/api/v1/tickets", T.scope)), status: 403 },
        { name: "wrong desk", call: () => tickets.GET(get("/api/v1/tickets?desk=vo-mbo", T.right)), status: 403 },
        {
          name: "bad query",
          call: () => tickets.GET(get("/api/v1/tickets?updatedSince=gisteren", T.right)),
          status: 400,
        },
        { name: "bad cursor", call: () => tickets.GET(get("/api/v1/tickets?cursor=abc", T.right)), status: 400 },
      ],
    },
    {
      route: "POST /api/v1/contacts",
      cases: () => {
        const call = { callerNumber: "06 12345678", calledNumber: "050-599 77 66" };
        return [
          { name: "no token", call: () => contacts.POST(post("/api/v1/contacts", call)), status: 401 },
          { name: "bad token", call: () => contacts.POST(post("/api/v1/contacts", call, T.bad)), status: 401 },
          { name: "revoked", call: () => contacts.POST(post("/api/v1/contacts", call, T.revoked)), status: 401 },
          { name: "expired", call: () => contacts.POST(post("/api/v1/contacts", call, T.expired)), status: 401 },
          { name: "wrong scope", call: () => contacts.POST(post("/api/v1/contacts", call, T.readonly)), status: 403 },
          {
            name: "wrong desk (explicit)",
            call: () => contacts.POST(post("/api/v1/contacts", { ...call, desk: "vo-mbo" }, T.right)),
            status: 403,
          },
          {
            name: "wrong desk (called number)",
            call: () =>
              contacts.POST(
                post("/api/v1/contacts", { callerNumber: "06 12345678", calledNumber: "+31 50 599 9000" }, T.right),
              ),
            status: 403,
          },
          {
            name: "invalid caller number",
            call: () => contacts.POST(post("/api/v1/contacts", { callerNumber: "123" }, T.right)),
            status: 400,
          },
        ];
      },
    },
  ];

  for (const r of routes) {
    it(`${r.route}: refuses with {error, issues} and stores nothing`, async () => {
      for (const c of r.cases()) {
        const before = await counts();
        const res = await c.call();
        const json = (await res.json()) as { error?: string; issues?: unknown[] };
        expect({ case: c.name, status: res.status }).toEqual({ case: c.name, status: c.status });
        expect(typeof json.error, c.name).toBe("string");
        expect(Array.isArray(json.issues), c.name).toBe(true);
        expect(await counts(), c.name).toEqual(before);
      }
    });
  }

  it("POST /api/v1/tickets with the right token makes a phone ticket on the token's desk; anonymous stays channel api", async () => {
    const res = await tickets.POST(post("/api/v1/tickets", { ...question, channel: "phone" }, T.right));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { reference: string; desk: string; channel: string };
    expect(body).toMatchObject({ desk: "po", channel: "phone" });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { reference: body.reference } });
    expect(row.channel).toBe("phone");

    const anon = await tickets.POST(post("/api/v1/tickets", question));
    expect(anon.status).toBe(201);
    const a = (await anon.json()) as { reference: string };
    expect((await t.db.ticket.findUniqueOrThrow({ where: { reference: a.reference } })).channel).toBe("api");
  });

  it("a token with the same validation as anonymous intake: a bad field is a 400 naming it", async () => {
    const before = await counts();
    const res = await tickets.POST(
      post("/api/v1/tickets", { ...question, email: "geen-mail", channel: "phone" }, T.right),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain("email");
    expect(await counts()).toEqual(before);
  });

  it("GET /api/v1/tickets/{reference} answers the ticket, public messages, notes only with notes:read, and records last use", async () => {
    const res = await ticketByRef.GET(get(`/api/v1/tickets/${poRef}`, T.right), params(poRef));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { messages: { kind: string; body: string }[] };
    expect(body).toMatchObject({
      reference: poRef,
      desk: "po",
      status: "new",
      channel: "web",
      topic: "verzuim-melden",
    });
    for (const k of ["subject", "createdAt", "updatedAt", "firstResponseDueAt", "resolutionDueAt"])
      expect(body[k], k).toBeTruthy();
    expect(body.messages.map((m) => m.kind)).toEqual(["caller", "reply"]);
    const withNotes = (await (
      await ticketByRef.GET(get(`/api/v1/tickets/${poRef.toLowerCase()}`, T.notes), params(poRef.toLowerCase()))
    ).json()) as typeof body;
    expect(withNotes.messages.map((m) => m.kind)).toEqual(["caller", "note", "reply"]);
    const row = await t.db.apiToken.findFirstOrThrow({ where: { name: "Telefooncentrale PO" } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("GET /api/v1/tickets/{reference} finds a transferred ticket by the caller's old reference", async () => {
    const made = await createTicket(t.db, {
      input: { ...question, question: "Een vraag die later is doorgestuurd naar deze desk" },
      deskId: "po",
    });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { reference: made.reference } });
    await t.db.ticketFormerReference.create({ data: { reference: "IPO-2026-000777", ticketId: row.id } });
    const res = await ticketByRef.GET(get("/api/v1/tickets/IPO-2026-000777", T.right), params("IPO-2026-000777"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      reference: made.reference,
      formerReferences: ["IPO-2026-000777"],
      desk: "po",
    });
  });

  it("GET /api/v1/tickets pages by (updatedAt, id) without gaps or repeats, on the token's desks only", async () => {
    for (let i = 0; i < 5; i++)
      await createTicket(t.db, {
        input: { ...question, question: `Vraag ${i} over het melden van verzuim` },
        deskId: "po",
      });
    const expected = await t.db.ticket.findMany({
      where: { deskId: "po" },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: { reference: true },
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/tickets?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await tickets.GET(get(url, T.right));
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { reference: string; desk: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const it of page.items) expect(it.desk).toBe("po");
      seen.push(...page.items.map((x) => x.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected.map((e) => e.reference));
    const since = await tickets.GET(
      get(`/api/v1/tickets?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, T.right),
    );
    expect(((await since.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("POST /api/v1/contacts records the call for the called desk and answers matching callers and a /desk URL", async () => {
    const res = await contacts.POST(
      post(
        "/api/v1/contacts",
        { callerNumber: "+31612345678", calledNumber: "050-599 77 66", at: new Date().toISOString() },
        T.right,
      ),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      callId: string;
      desk: string;
      callerNumber: string;
      matches: { email: string }[];
      deskUrl: string;
    };
    expect(body.desk).toBe("po");
    expect(body.callerNumber).toBe("+31612345678");
    expect(body.deskUrl).toMatch(new RegExp(`/desk/contact\\?gesprek=${body.callId}$`));
    expect(body.matches.map((m) => m.email)).toContain("els@klimop.test");
    expect(await t.db.incomingCall.count({ where: { id: body.callId, deskId: "po" } })).toBe(1);
  });

  it("GET /api/v1/openapi.json answers the OpenAPI 3.1 document", async () => {
    const { GET } = await import("./openapi.json/route");
    const res = await GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});
