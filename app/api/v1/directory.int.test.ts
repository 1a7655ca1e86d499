// The public directory behind the wizard's typeaheads (GET /api/v1/directory) and the organisation facts of the
// triage preview (POST /api/v1/triage), on a real database: public facts only (never tickets, people, notes,
// domains), bad input is a 400 that counts and stores nothing, and the per-address limit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import { importOrganisations } from "@/app/_modules/organisations/import";

const ROOT = path.resolve(__dirname, "..", "..", "..");
let t: TestDb;
let directory: typeof import("./directory/route");
let triageRoute: typeof import("./triage/route");
let limits: typeof import("@/app/_modules/organisations/directory");

const get = (query: string, ip = "192.0.2.10") =>
  directory.GET(new Request(`http://localhost/api/v1/directory${query}`, { headers: { "x-portal-peer": ip } }));
const triage = (body: unknown) =>
  triageRoute.POST(
    new Request("http://localhost/api/v1/triage", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );
type Item = { id: string; kind: string; sector: string | null; name: string; code: string | null; place: string };
const items = async (res: Response) => ((await res.json()) as { items: Item[] }).items;
const hits = () => t.db.rateLimitHit.count({ where: { bucket: "directory" } });

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "on";
  await seedContent(t.db, { contentDir: path.join(ROOT, "content"), demoUsers: false });
  await importOrganisations(t.db, fs.readFileSync(path.join(ROOT, "content", "demo", "organisaties.csv"), "utf8"));
  directory = await import("./directory/route");
  triageRoute = await import("./triage/route");
  limits = await import("@/app/_modules/organisations/directory");
  // Private things about a school: a ticket by one of its people, an agent's note, its e-mail domain, sharing on.
  const school = await t.db.organisation.findFirstOrThrow({ where: { code: "12AB" } });
  const { createTicket } = await import("@/app/_modules/tickets/create-ticket");
  await createTicket(t.db, {
    deskId: "vo-mbo",
    input: {
      callerType: "vo-school",
      organisation: "Stellingwerf College",
      schoolCode: "12AB",
      topic: "verzuim-melden",
      question: "Geheime vraag over een leerling die al weken thuis zit.",
      name: "Geheime Beller",
      email: "geheim.beller@stellingwerf.test",
    },
    organisation: { id: school.id, matchedBy: "school-code" },
  });
  await t.db.organisationNote.create({ data: { organisationId: school.id, body: "Interne notitie: belt vaak." } });
  await t.db.organisation.update({ where: { id: school.id }, data: { shared: true } });
}, 120_000);
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

describe("GET /api/v1/directory", () => {
  it("finds organisations by name, place or code (accents and case do not matter), public facts only", async () => {
    const res = await get("?q=STELLINGWERF");
    expect(res.status).toBe(200);
    const found = await items(res);
    expect(found.map((o) => o.code)).toEqual(expect.arrayContaining(["12AB", "12AB01"]));
    for (const o of found) expect(Object.keys(o).sort()).toEqual(["code", "id", "kind", "name", "place", "sector"]);
    expect((await items(await get("?q=12ab"))).some((o) => o.name === "Stellingwerf College")).toBe(true);
    expect((await items(await get("?q=mozaiek"))).map((o) => o.code)).toEqual(["36CF"]);
    expect((await items(await get("?q=oosterwolde"))).length).toBeGreaterThan(2);
  });

  it("never returns tickets, people, notes, domains or the sharing flag", async () => {
    const text = await (await get("?q=stellingwerf")).text();
    for (const secret of ["Geheime", "geheim.beller", "stellingwerf.test", "Interne notitie", "shared", "tickets"])
      expect(text).not.toContain(secret);
  });

  it("filters by kind and returns at most 8", async () => {
    const besturen = await items(await get("?q=stichting&kind=bestuur"));
    expect(besturen.length).toBeGreaterThan(0);
    expect(besturen.every((o) => o.kind === "bestuur")).toBe(true);
    const schools = await items(await get("?q=oosterwolde&kind=school"));
    expect(schools.every((o) => o.kind === "school")).toBe(true);
    expect((await items(await get("?q=school"))).length).toBeLessThanOrEqual(limits.DIRECTORY_MAX_RESULTS);
    expect(await items(await get("?q=gemeente&kind=leverancier"))).toEqual([]);
  });

  it("refuses bad input with a clear message, without counting or storing anything", async () => {
    const before = await hits();
    const cases: [string, RegExp][] = [
      ["", /minstens 2 tekens/],
      ["?q=a", /minstens 2 tekens/],
      [`?q=${"x".repeat(101)}`, /hoogstens 100 tekens/],
      ["?q=stellingwerf&kind=ouder", /Kies school, bestuur/],
      [`?q=${encodeURIComponent("<script>")}`, /alleen letters/],
    ];
    for (const [query, message] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { issues: { message: string }[] };
      expect(body.issues.map((i) => i.message).join(" "), query).toMatch(message);
    }
    expect(await hits()).toBe(before);
  });

  it("a NUL byte, a BSN or a spoofed X-Forwarded-For changes nothing: no crash, nothing stored but the count", async () => {
    const withNul = await get(`?q=${encodeURIComponent("stelling\u0000werf")}`);
    expect([200, 400]).toContain(withNul.status);
    const bsn = await get("?q=111222333");
    expect([200, 400]).toContain(bsn.status);
    if (bsn.status === 200) expect(await items(bsn)).toEqual([]);
    expect(await t.db.rateLimitHit.count({ where: { key: { contains: "111222333" } } })).toBe(0);

    // The limit follows the socket address (x-portal-peer, set by the server), not a header the client sends.
    const ip = "203.0.113.9";
    const now = Date.now();
    await t.db.rateLimitHit.createMany({
      data: Array.from({ length: limits.DIRECTORY_LIMIT.perAddress }, (_, i) => ({
        bucket: "directory",
        key: ip,
        createdAt: new Date(now - 60_000 + i),
      })),
    });
    const spoofed = await directory.GET(
      new Request("http://localhost/api/v1/directory?q=regenboog", {
        headers: { "x-portal-peer": ip, "x-forwarded-for": "192.0.2.200", origin: "https://evil.example" },
      }),
    );
    expect(spoofed.status).toBe(429);
  });

  it("stops an address at the limit with a 429 and Retry-After; other addresses go on", async () => {
    const ip = "198.51.100.7";
    const now = Date.now();
    await t.db.rateLimitHit.createMany({
      data: Array.from({ length: limits.DIRECTORY_LIMIT.perAddress - 1 }, (_, i) => ({
        bucket: "directory",
        key: ip,
        createdAt: new Date(now - 60_000 + i),
      })),
    });
    expect((await get("?q=regenboog", ip)).status).toBe(200);
    const refused = await get("?q=regenboog", ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Te veel zoekopdrachten\. Wacht \d+ minu/);
    expect((await get("?q=regenboog", "198.51.100.8")).status).toBe(200);
  });
});

describe("POST /api/v1/triage with the organisation picked in the wizard", () => {
  const question = "Wij hebben een vraag over de inschrijving van een leerling bij deze school.";

  it("follows the school the question is about: a bestuur's vo school to VO/MBO, its basisschool to PO", async () => {
    const bestuur = await t.db.organisation.findFirstOrThrow({ where: { kind: "bestuur", code: "41001" } });
    const vo = await triage({
      callerType: "school-board",
      question,
      organisationId: bestuur.id,
      aboutSchoolCode: "12ab",
    });
    expect(vo.status).toBe(200);
    const voBody = (await vo.json()) as { desk: string; reasons: string[] };
    expect(voBody.desk).toBe("vo-mbo");
    expect(voBody.reasons.join(" ")).toContain("Stellingwerf College");
    const po = (await (
      await triage({ callerType: "school-board", question, organisationId: bestuur.id, aboutSchoolCode: "34CD" })
    ).json()) as { desk: string };
    expect(po.desk).toBe("po");
    // (v)so is registered through BRON PO.
    const so = (await (await triage({ callerType: "school-board", question, aboutSchoolCode: "24DH" })).json()) as {
      desk: string;
    };
    expect(so.desk).toBe("po");
  });

  it("an unknown school or organisation decides nothing in the preview; a malformed one is a 400", async () => {
    const plain = (await (await triage({ callerType: "school-board", question })).json()) as { desk: string };
    const unknown = (await (
      await triage({ callerType: "school-board", question, aboutSchoolCode: "99ZZ", organisationId: "abcdefgh123" })
    ).json()) as { desk: string };
    expect(unknown.desk).toBe(plain.desk);
    const bad = await triage({ callerType: "school-board", question, aboutSchoolCode: "Stellingwerf" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe("aboutSchoolCode");
  });
});
