// The contact screen's organisation choice on a real database: the ticket records the caller's organisation (chosen
// by the agent, else matched by e-mail domain) and the school the call is about; an unknown organisation or school,
// or a school concerned that is not a school, is a field error and stores nothing; the caller search names the
// organisation a caller is linked to. Runs on SQLite and PostgreSQL (TEST_DB=postgres).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { importOrganisations } from "@/app/_modules/organisations/import";
import { logContact, searchCallers } from "./service";
import type { ContactInput } from "./schema";

let t: TestDb;
let staff: Staff;
const NOW = new Date("2026-03-03T09:00:00Z");
const ids: Record<string, string> = {};
const caller = {
  name: "Anouk Bakker",
  email: "a.bakker@example.org",
  phone: "06 12345678",
  organisation: "Gemeente Leeuwarden",
  callerType: "municipality" as const,
};
const contact = (over: Partial<ContactInput["caller"] & object>, outcome: ContactInput["outcome"] = "followup") =>
  ({
    startedAt: new Date(NOW.getTime() - 3 * 60_000),
    deskId: "vo-mbo",
    outcome,
    summary: "Vraagt naar een leerling die lang thuis zit",
    caller: { ...caller, ...over },
  }) as ContactInput;
const counts = async () => ({
  tickets: await t.db.ticket.count(),
  contacts: await t.db.contact.count(),
  requesters: await t.db.requester.count(),
});

beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
  const csv = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "content", "demo", "organisaties.csv"), "utf8");
  await importOrganisations(t.db, csv);
  for (const code of ["GM0080", "12AB", "22DF"])
    ids[code] = (await t.db.organisation.findFirstOrThrow({ where: { code } })).id;
  await t.db.organisationDomain.create({ data: { domain: "leeuwarden.test", organisationId: ids.GM0080! } });
}, 120_000);
afterAll(() => t.drop());

const ticketOf = (reference: string) =>
  t.db.ticket.findUniqueOrThrow({ where: { reference }, include: { requester: true } });

describe("logContact with an organisation", () => {
  it("records the organisation the agent chose and the school concerned; the caller is linked by the agent", async () => {
    const r = await logContact(t.db, staff.ipo, contact({ organisationId: ids.GM0080, schoolId: ids["12AB"] }), NOW);
    const tk = await ticketOf(r.reference!);
    expect(tk).toMatchObject({ organisationId: ids.GM0080, schoolId: ids["12AB"], channel: "phone" });
    expect(tk.requester).toMatchObject({ organisationId: ids.GM0080, organisationMatchedBy: "agent" });
  });

  it("without a choice, the e-mail domain links the caller; a school concerned is still recorded", async () => {
    const r = await logContact(
      t.db,
      staff.ipo,
      contact({ email: "j.devries@leeuwarden.test", schoolId: ids["22DF"] }, "answered"),
      NOW,
    );
    const tk = await ticketOf(r.reference!);
    expect(tk).toMatchObject({ organisationId: ids.GM0080, schoolId: ids["22DF"] });
    expect(tk.requester.organisationMatchedBy).toBe("domain");
  });

  it("a free-text organisation links nothing", async () => {
    const r = await logContact(t.db, staff.ipo, contact({}), NOW);
    const tk = await ticketOf(r.reference!);
    expect(tk).toMatchObject({ organisationId: null, schoolId: null });
    expect(tk.requester).toMatchObject({ organisation: "Gemeente Leeuwarden", organisationId: null });
  });

  it("refuses an unknown organisation, an unknown school and a school concerned that is no school, storing nothing", async () => {
    const before = await counts();
    const cases: [Partial<ContactInput["caller"] & object>, string, RegExp][] = [
      [{ organisationId: "onbekend0000000" }, "caller.organisationId", /bestaat niet/],
      [{ schoolId: "onbekend0000000" }, "caller.schoolId", /Deze school kennen we niet/],
      [{ schoolId: ids.GM0080 }, "caller.schoolId", /Deze school kennen we niet/],
      [{ schoolId: "Stellingwerf College" }, "caller.schoolId", /Kies de school uit de lijst/],
      [{ organisationId: "X'; DROP" }, "caller.organisationId", /Kies een organisatie uit de lijst/],
    ];
    for (const [over, field, message] of cases) {
      const err = await logContact(t.db, staff.ipo, contact(over), NOW).catch((e: unknown) => e);
      expect(err, JSON.stringify(over)).toMatchObject({ status: 400 });
      const issue = (err as { issues: { path: string; message: string }[] }).issues.find((i) => i.path === field);
      expect(issue?.message, JSON.stringify(over)).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("the caller search names the organisation a caller is linked to", async () => {
    const hits = await searchCallers(t.db, staff.ipo, "Anouk");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.linkedOrganisation?.id === ids.GM0080)).toBe(true);
  });
});
