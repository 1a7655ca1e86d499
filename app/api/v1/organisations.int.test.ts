// GET /api/v1/organisations and the organisation fields of GET /api/v1/tickets/{reference} on a real database:
// scope organisations:read, counts limited to the token's desks, bad queries are 400s, on-behalf tickets via the API.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import { importOrganisations } from "@/app/_modules/organisations/import";

const ROOT = path.resolve(__dirname, "..", "..", "..");
let t: TestDb;
let orgs: typeof import("./organisations/route");
let tickets: typeof import("./tickets/route");
let ticketByRef: typeof import("./tickets/[reference]/route");
const T: Record<string, string> = {};

const auth = (tok?: string): Record<string, string> => (tok ? { authorization: `Bearer ${tok}` } : {});
const get = (url: string, tok?: string) => new Request(`http://localhost${url}`, { headers: auth(tok) });
const post = (url: string, body: unknown, tok?: string) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...auth(tok) },
  });

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "off";
  await seedContent(t.db, { contentDir: path.join(ROOT, "content"), demoUsers: false });
  await importOrganisations(t.db, fs.readFileSync(path.join(ROOT, "content", "demo", "organisaties.csv"), "utf8"));
  const tokens = await import("@/app/_modules/apitokens/service");
  orgs = await import("./organisations/route");
  tickets = await import("./tickets/route");
  ticketByRef = await import("./tickets/[reference]/route");
  const make = async (name: string, desks: ("po" | "vo-mbo")[], scopes: never[]) =>
    (await tokens.createApiToken(t.db, { name, desks, scopes }, null)).token;
  T.orgs = await make("Organisaties alle desks", ["po", "vo-mbo"], ["organisations:read"] as never[]);
  T.orgsPo = await make("Organisaties PO", ["po"], ["organisations:read"] as never[]);
  T.tickets = await make("Tickets", ["po", "vo-mbo"], ["tickets:read", "tickets:write"] as never[]);
}, 120_000);
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

describe("on-behalf tickets through the API", () => {
  it("a municipality's ticket about a basisschool goes to the IPO and names both organisations", async () => {
    const res = await tickets.POST(
      post(
        "/api/v1/tickets",
        {
          channel: "api",
          callerType: "municipality",
          organisation: "Gemeente Leeuwarden",
          aboutSchoolCode: "22DF",
          topic: "verzuim-melden",
          name: "Anouk Bakker",
          email: "a.bakker@gemeente-leeuwarden.test",
          question: "Een leerling van deze school is al drie weken afwezig. Is er al een melding gedaan?",
        },
        T.tickets,
      ),
    );
    expect(res.status).toBe(201);
    const made = (await res.json()) as { reference: string; desk: string };
    expect(made.desk).toBe("vo-mbo");
    const one = await ticketByRef.GET(get(`/api/v1/tickets/${made.reference}`, T.tickets), {
      params: Promise.resolve({ reference: made.reference }),
    });
    const body = (await one.json()) as {
      organisation: { code: string } | null;
      schoolConcerned: { code: string; kind: string } | null;
    };
    expect(body.organisation?.code).toBe("GM0080");
    expect(body.schoolConcerned).toMatchObject({ code: "22DF", kind: "school" });
  });

  it("an unknown school concerned is a 400 naming the field, and stores nothing", async () => {
    const before = await t.db.ticket.count();
    const res = await tickets.POST(
      post(
        "/api/v1/tickets",
        {
          callerType: "municipality",
          organisation: "Gemeente Leeuwarden",
          aboutSchoolCode: "00ZZ",
          topic: "verzuim-melden",
          name: "Anouk Bakker",
          email: "a.bakker@gemeente-leeuwarden.test",
          question: "Een leerling van deze school is al drie weken afwezig.",
        },
        T.tickets,
      ),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe("aboutSchoolCode");
    expect(await t.db.ticket.count()).toBe(before);
  });
});

describe("GET /api/v1/organisations", () => {
  it("needs a token with scope organisations:read", async () => {
    expect((await orgs.GET(get("/api/v1/organisations?q=regenboog"))).status).toBe(401);
    expect((await orgs.GET(get("/api/v1/organisations?q=regenboog", T.tickets))).status).toBe(403);
  });

  it("finds by name words and by code, with ticket counts on the token's desks only", async () => {
    const res = await orgs.GET(get("/api/v1/organisations?q=gemeente%20leeuwarden", T.orgs));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { code: string; tickets: { asked: number; about: number } }[] };
    expect(items.map((i) => i.code)).toEqual(["GM0080"]);
    expect(items[0]!.tickets.asked).toBe(1);
    const school = await orgs.GET(get("/api/v1/organisations?code=22df", T.orgs));
    const s = (await school.json()) as { items: { name: string; kind: string; tickets: { about: number } }[] };
    expect(s.items).toEqual([expect.objectContaining({ kind: "school", name: "Christelijke Basisschool De Fontein" })]);
    expect(s.items[0]!.tickets.about).toBe(1);
    // The ticket is on the IPO desk: a PO-only token counts nothing.
    const po = await orgs.GET(get("/api/v1/organisations?code=22DF", T.orgsPo));
    expect(((await po.json()) as { items: { tickets: { about: number } }[] }).items[0]!.tickets.about).toBe(0);
    const brin = await orgs.GET(get("/api/v1/organisations?code=12AB", T.orgs));
    expect(((await brin.json()) as { items: unknown[] }).items).toHaveLength(2); // the school and its vestiging 01
  });

  it("answers 400 with the field for a query without q or code, or a bad limit", async () => {
    const none = await orgs.GET(get("/api/v1/organisations", T.orgs));
    expect(none.status).toBe(400);
    expect(((await none.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe("q");
    expect((await orgs.GET(get("/api/v1/organisations?q=a&limit=1000", T.orgs))).status).toBe(400);
    expect((await orgs.GET(get("/api/v1/organisations?code=%3Cscript%3E", T.orgs))).status).toBe(400);
  });
});
