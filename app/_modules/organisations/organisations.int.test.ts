// Organisations on a real database (SQLite by default, PostgreSQL with TEST_DB=postgres): the DUO-layout import
// (idempotent, bad rows with line and column), caller matching, routing by organisation and on-behalf tickets.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import type { SessionUser } from "@/app/_core/session";
import type { IntakeInput } from "@/app/_modules/tickets/schema";
import { importOrganisations } from "./import";
import {
  addOrganisationNote,
  findByEmailDomain,
  findSchoolByCode,
  linkRequester,
  matchCaller,
  mergeOrganisations,
  organisationPage,
  searchOrganisations,
  ticketCounts,
} from "./service";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const DEMO = fs.readFileSync(path.join(ROOT, "content", "demo", "organisaties.csv"), "utf8");
let t: TestDb;
let intake: typeof import("@/app/_modules/tickets/intake");
const agentPo: SessionUser = { id: "", email: "po@x.test", name: "Agent PO", role: "agent", desks: ["po"] };
const admin: SessionUser = { id: "", email: "a@x.test", name: "Beheer", role: "admin", desks: ["po", "vo-mbo"] };

const ask = (over: Partial<IntakeInput>): IntakeInput => ({
  callerType: "school-board",
  organisation: "Een organisatie",
  topic: "verzuim-melden",
  question: "Hoe melden wij verzuim van een leerling die vaak afwezig is?",
  name: "Jan Jansen",
  email: "jan@example.org",
  ...over,
});

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "off";
  await seedContent(t.db, { contentDir: path.join(ROOT, "content"), demoUsers: false });
  for (const u of [agentPo, admin])
    u.id = (await t.db.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: "x" } })).id;
  intake = await import("@/app/_modules/tickets/intake");
}, 120_000);
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

describe("import (DUO column layout)", () => {
  it("loads the demo file: schools of every sector, besturen in several sectors, municipalities and vendors", async () => {
    const r = await importOrganisations(t.db, DEMO);
    expect(r.refused).toEqual([]);
    const byKind = await t.db.organisation.groupBy({ by: ["kind"], _count: { _all: true } });
    const count = Object.fromEntries(byKind.map((k) => [k.kind, k._count._all]));
    expect(count.gemeente).toBe(6);
    expect(count.leverancier).toBe(5);
    expect(count.bestuur).toBe(4);
    expect(await t.db.organisation.count()).toBeGreaterThanOrEqual(60);
    const sectors = await t.db.organisation.groupBy({ by: ["sector"], where: { kind: "school" } });
    expect(sectors.map((s) => s.sector).sort()).toEqual(["mbo", "po", "so", "vo"]);
    const besturen = await t.db.organisation.findMany({ where: { kind: "bestuur" }, include: { schools: true } });
    for (const b of besturen) expect(new Set(b.schools.map((s) => s.sector)).size).toBeGreaterThan(1);
    const klimop = await t.db.organisation.findFirst({
      where: { code: "12AB" },
      include: { municipality: true, bestuur: true, domains: true },
    });
    expect(klimop?.municipality?.name).toBe("Gemeente Ooststellingwerf");
    expect(klimop?.bestuur?.code).toBe("41001");
    expect(klimop?.domains.map((d) => d.domain)).toEqual(["stellingwerf.test"]);
  });

  it("is idempotent: the same file again changes nothing", async () => {
    const before = await t.db.organisation.findMany({ orderBy: { id: "asc" } });
    const r = await importOrganisations(t.db, DEMO);
    expect(r.added).toEqual([]);
    expect(r.changed).toEqual([]);
    expect(r.refused).toEqual([]);
    expect(r.unchanged).toBe(DEMO.trim().split("\n").length - 1); // every data row, once
    const after = await t.db.organisation.findMany({ orderBy: { id: "asc" } });
    expect(after.map((o) => [o.id, o.name, o.updatedAt.getTime()])).toEqual(
      before.map((o) => [o.id, o.name, o.updatedAt.getTime()]),
    );
  });

  it("reports a changed row with its fields, and refuses bad rows with line and column, storing nothing of them", async () => {
    const csv = [
      "BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;PLAATSNAAM;ONDERWIJSSOORT;BEVOEGD GEZAG NUMMER;GEMEENTENUMMER;SOORT ORGANISATIE;KVK NUMMER",
      "34CD;;Basisschool De Regenboog;Makkinga;BAO;41001;0085;;", // changed place
      "1ABC;;Verkeerde Code;Assen;BAO;;0106;;", // bad BRIN
      "99ZZ;;Onbekende Soort;Assen;KINDEROPVANG;;0106;;", // bad sector
      "98ZY;;Bestuur Fout;Assen;BAO;4123;0106;;", // bad bevoegd gezag
      "97ZX;;School met BSN 123456782;Assen;BAO;;0106;;", // a personal number
      ";;Leverancier Zonder KvK;Utrecht;;;;leverancier;1234", // bad KvK
      ";;Gemeente Nergens;Nergens;;;GM12;gemeente;", // bad CBS code
      "96ZW;;Nieuwe School;Assen;vo;;0106;;", // added
    ].join("\n");
    const r = await importOrganisations(t.db, csv);
    expect(r.changed).toEqual([expect.objectContaining({ line: 2, code: "34CD", fields: ["plaats"] })]);
    expect(r.added).toEqual([expect.objectContaining({ line: 9, code: "96ZW", kind: "school" })]);
    expect(r.refused.map((x) => [x.line, x.field])).toEqual([
      [3, "BRIN NUMMER"],
      [4, "ONDERWIJSSOORT"],
      [5, "BEVOEGD GEZAG NUMMER"],
      [6, "VESTIGINGSNAAM"],
      [7, "KVK NUMMER"],
      [8, "GEMEENTENUMMER"],
    ]);
    for (const x of r.refused) expect(x.message.length).toBeGreaterThan(10);
    expect(await t.db.organisation.count({ where: { code: { in: ["1ABC", "99ZZ", "98ZY", "97ZX"] } } })).toBe(0);
    expect(await t.db.organisation.count({ where: { name: { contains: "123456782" } } })).toBe(0);
    expect(await t.db.organisation.count({ where: { code: "4123" } })).toBe(0);
  });

  it("refuses a file without a name column", async () => {
    const r = await importOrganisations(t.db, "BRIN NUMMER;PLAATSNAAM\n12AB;Oosterwolde\n");
    expect(r.refused).toEqual([expect.objectContaining({ line: 1 })]);
  });
});

describe("matching callers", () => {
  it("finds schools by code (BRIN or BRIN + vestiging), organisations by e-mail domain, and searches names", async () => {
    expect((await findSchoolByCode(t.db, "12ab"))?.name).toBe("Stellingwerf College");
    expect((await findSchoolByCode(t.db, "12AB01"))?.name).toBe("Stellingwerf College locatie Appelscha");
    expect(await findSchoolByCode(t.db, "00XX")).toBeNull();
    expect((await findByEmailDomain(t.db, "m.hoekstra@Stellingwerf.test"))?.code).toBe("12AB");
    expect(await findByEmailDomain(t.db, "iemand@gmail.com")).toBeNull();
    const hits = await searchOrganisations(t.db, { q: "mozaiek" });
    expect(hits.map((h) => h.name)).toEqual(["CBS Het Mozaïek"]);
    expect((await searchOrganisations(t.db, { code: "GM0080" }))[0]?.name).toBe("Gemeente Leeuwarden");
  });

  it("prefers the e-mail domain over a typed school code over a typeahead choice; an agent's choice wins", async () => {
    const kievit = (await findSchoolByCode(t.db, "35CE"))!;
    const m1 = await matchCaller(t.db, { email: "x@stellingwerf.test", schoolCode: "35CE", chosenId: kievit.id });
    expect([m1?.organisation.code, m1?.matchedBy]).toEqual(["12AB", "domain"]);
    const m2 = await matchCaller(t.db, { email: "x@example.org", schoolCode: "35CE" });
    expect([m2?.organisation.code, m2?.matchedBy]).toEqual(["35CE", "school-code"]);
    const m3 = await matchCaller(t.db, { email: "x@example.org", chosenId: kievit.id });
    expect(m3?.matchedBy).toBe("choice");
    const m4 = await matchCaller(t.db, { email: "x@stellingwerf.test", chosenId: kievit.id, byAgent: true });
    expect([m4?.organisation.code, m4?.matchedBy]).toEqual(["35CE", "agent"]);
    expect(await matchCaller(t.db, { email: "x@example.org" })).toBeNull();
  });
});

describe("routing by organisation and on-behalf tickets", () => {
  it("a bestuur asking about its vo school lands on the VO/MBO desk, about its basisschool on the PO desk", async () => {
    const text = "Op een van onze scholen lukt het melden van verzuim niet. Wat moeten we doen?";
    const vo = await intake.submitQuestion({
      input: ask({ question: text, aboutSchoolCode: "12AB", email: "bestuur@spvon.test" }),
      ip: "1.1.1.1",
      channel: "web",
    });
    const po = await intake.submitQuestion({
      input: ask({ question: text, aboutSchoolCode: "34CD" }),
      ip: "1.1.1.1",
      channel: "web",
    });
    expect(vo.deskId).toBe("vo-mbo");
    expect(po.deskId).toBe("po");
    const row = await t.db.ticket.findUnique({ where: { reference: vo.reference }, include: { school: true } });
    expect(row?.school?.code).toBe("12AB");
    expect(row?.sector).toBe("vo");
    expect(JSON.parse(row!.triage!).reasons[0]).toContain("Stellingwerf College");
  });

  it("the school concerned beats words about another sector; (v)so goes to the PO desk", async () => {
    const r = await intake.submitQuestion({
      input: ask({
        question: "Een leerling uit groep 7 van onze basisschool gaat naar het vso. Wie meldt?",
        aboutSchoolCode: "24DH",
      }),
      ip: "1.1.1.1",
      channel: "web",
    });
    expect(r.deskId).toBe("po");
  });

  it("municipalities and vendors go to the IPO, also about a basisschool; the ticket records both organisations", async () => {
    const r = await intake.submitQuestion({
      input: ask({
        callerType: "municipality",
        organisation: "Gemeente Leeuwarden",
        email: "leerplicht@gemeente-leeuwarden.test",
        aboutSchoolCode: "22DF",
        question: "Een leerling van deze basisschool is al drie weken afwezig. Is er al een melding gedaan?",
      }),
      ip: "1.1.1.1",
      channel: "api",
    });
    expect(r.deskId).toBe("vo-mbo");
    const row = await t.db.ticket.findUnique({
      where: { reference: r.reference },
      include: { organisation: true, school: true, requester: true },
    });
    expect(row?.organisation?.code).toBe("GM0080");
    expect(row?.school?.code).toBe("22DF");
    expect(row?.requester.organisationMatchedBy).toBe("domain");
    // The school's page lists it (for an agent of that desk) and the counts name both.
    const counts = await ticketCounts(t.db, [row!.organisationId!, row!.schoolId!]);
    expect(counts.get(row!.organisationId!)!.asked).toBeGreaterThanOrEqual(1);
    expect(counts.get(row!.schoolId!)!.about).toBeGreaterThanOrEqual(1);
    const page = await organisationPage(t.db, { id: row!.schoolId!, user: admin });
    expect("redirectTo" in page).toBe(false);
    if (!("redirectTo" in page)) expect(page.aboutTickets.map((x) => x.reference)).toContain(r.reference);
    // A PO agent does not see this IPO ticket on the school's page.
    const poPage = await organisationPage(t.db, { id: row!.schoolId!, user: agentPo });
    if (!("redirectTo" in poPage)) expect(poPage.aboutTickets.map((x) => x.reference)).not.toContain(r.reference);
  });

  it("a bestuur whose schools are all on one desk settles an undecided question; an unknown school is a field error", async () => {
    await importOrganisations(
      t.db,
      "SOORT ORGANISATIE;BRIN NUMMER;VESTIGINGSNAAM;PLAATSNAAM;ONDERWIJSSOORT;BEVOEGD GEZAG NUMMER;INTERNETADRES\n" +
        "bestuur;;Stichting Alleen Basisscholen;;;47777;alleenpo.test\n" +
        ";77AA;Basisschool Een;Assen;BAO;47777;\n;77AB;Basisschool Twee;Assen;BAO;47777;\n",
    );
    const r = await intake.submitQuestion({
      input: ask({
        email: "directie@alleenpo.test",
        question: "Hoe melden wij verzuim van een leerling die vaak afwezig is?",
      }),
      ip: "1.1.1.1",
      channel: "web",
    });
    expect(r.deskId).toBe("po");
    await expect(
      intake.submitQuestion({ input: ask({ aboutSchoolCode: "00ZZ" }), ip: "1.1.1.1", channel: "web" }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "aboutSchoolCode" })] });
    expect(
      await t.db.ticket.count({
        where: { requester: { email: "jan@example.org" }, schoolId: null, organisationId: null },
      }),
    ).toBe(0);
  });

  it("a parent stays out of scope whatever school they name", async () => {
    await expect(
      intake.submitQuestion({
        input: ask({
          callerType: "parent-or-student",
          aboutSchoolCode: "34CD",
          question: "Mijn zoon is ziek, moet ik dat melden?",
        }),
        ip: "1.1.1.1",
        channel: "web",
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "callerType" })] });
  });
});

describe("agents: link, notes, merge", () => {
  it("links a caller to an organisation (all their tickets follow), adds a note, merges a duplicate", async () => {
    const made = await intake.submitQuestion({
      input: ask({
        callerType: "po-school",
        email: "els@privemail.test",
        question: "Hoe meld ik verzuim van een leerling uit groep 6?",
      }),
      ip: "1.1.1.1",
      channel: "web",
    });
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: made.reference } });
    expect(ticket.organisationId).toBeNull();
    const dup = await t.db.organisation.create({
      data: {
        kind: "school",
        sector: "po",
        name: "De Kievit (dubbel)",
        code: "35CF",
        searchText: "de kievit dubbel 35cf",
      },
    });
    await linkRequester(t.db, { requesterId: ticket.requesterId, organisationId: dup.id, user: agentPo });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).organisationId).toBe(dup.id);
    expect((await t.db.requester.findUniqueOrThrow({ where: { id: ticket.requesterId } })).organisationMatchedBy).toBe(
      "agent",
    );
    await addOrganisationNote(t.db, {
      organisationId: dup.id,
      body: "Belt vaak over de LAS-koppeling.",
      user: agentPo,
    });
    await expect(
      addOrganisationNote(t.db, { organisationId: dup.id, body: "BSN 123456782", user: agentPo }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "body" })] });
    const kievit = (await findSchoolByCode(t.db, "35CE"))!;
    await expect(mergeOrganisations(t.db, { duplicateId: dup.id, intoId: dup.id, user: admin })).rejects.toThrow();
    await mergeOrganisations(t.db, { duplicateId: dup.id, intoId: kievit.id, user: admin });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).organisationId).toBe(kievit.id);
    const old = await organisationPage(t.db, { id: dup.id, user: agentPo });
    expect(old).toEqual({ redirectTo: kievit.id });
    const page = await organisationPage(t.db, { id: kievit.id, user: agentPo });
    if ("redirectTo" in page) throw new Error("unexpected redirect");
    expect(page.notes.map((n) => n.body)).toEqual(["Belt vaak over de LAS-koppeling."]);
    expect(page.people.map((p) => p.email)).toContain("els@privemail.test");
    expect(page.byTickets.map((x) => x.reference)).toContain(made.reference);
    expect(await findSchoolByCode(t.db, "35CF")).toMatchObject({ id: kievit.id });
    expect(await t.db.auditEvent.count({ where: { action: "organisation.merged" } })).toBe(1);
  });

  it("the page counts tickets by the organisation (open ones too) and about it, on the user's desks only", async () => {
    const { createTicket } = await import("@/app/_modules/tickets/create-ticket");
    const org = await t.db.organisation.create({
      data: { kind: "school", sector: "po", name: "Telschool", code: "98TA", searchText: "telschool 98ta" },
    });
    const gm = await t.db.organisation.create({
      data: { kind: "gemeente", name: "Gemeente Tel", code: "GM9998", searchText: "gemeente tel gm9998" },
    });
    const made = async (deskId: "po" | "vo-mbo", status: string, by: string, schoolId: string | null = null) => {
      const c = await createTicket(t.db, {
        input: ask({ email: `tel${Math.random().toString(36).slice(2)}@example.org` }),
        deskId,
        organisation: { id: by, matchedBy: "agent" },
        schoolId,
      });
      await t.db.ticket.update({ where: { id: c.id }, data: { status } });
    };
    await made("po", "new", org.id);
    await made("po", "waiting", org.id);
    await made("po", "closed", org.id);
    await made("vo-mbo", "open", org.id);
    await made("po", "open", gm.id, org.id);
    await made("vo-mbo", "resolved", gm.id, org.id);
    const page = await organisationPage(t.db, { id: org.id, user: admin });
    if ("redirectTo" in page) throw new Error("unexpected redirect");
    expect(page.counts).toEqual({ by: 4, about: 2, open: 3 });
    const po = await organisationPage(t.db, { id: org.id, user: agentPo });
    if ("redirectTo" in po) throw new Error("unexpected redirect");
    expect(po.counts).toEqual({ by: 3, about: 1, open: 2 });
    expect(po.byTickets).toHaveLength(3);
  });

  it("a bestuur's page lists its schools and a municipality's the schools in it", async () => {
    const bestuur = (await searchOrganisations(t.db, { code: "41002" }))[0]!;
    const page = await organisationPage(t.db, { id: bestuur.id, user: admin });
    if ("redirectTo" in page) throw new Error("unexpected redirect");
    expect(page.schools.map((s) => s.code).sort()).toEqual(["21DE", "22DF", "23DG", "24DH", "25DJ"]);
    const gm = (await searchOrganisations(t.db, { code: "GM0114" }))[0]!;
    const gp = await organisationPage(t.db, { id: gm.id, user: admin });
    if ("redirectTo" in gp) throw new Error("unexpected redirect");
    expect(gp.schools.length).toBeGreaterThanOrEqual(5);
    expect(gp.schools.every((s) => s.kind === "school")).toBe(true);
  });
});
