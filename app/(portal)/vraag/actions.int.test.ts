// The wizard's submit action on a real database, with the form data the browser sends: the organisation picked in
// "Wie bent u?" and the school concerned reach the intake (a bestuur's question about its vo school goes to the
// VO/MBO desk and records both); an unknown school is a field error that stores nothing. The request (headers,
// no cookies) is the one seam: there is no Next.js request here.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import { importOrganisations } from "@/app/_modules/organisations/import";

// An anonymous visitor's request: no cookies, one address.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-portal-peer": "192.0.2.44" }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));

const ROOT = path.resolve(__dirname, "..", "..", "..");
let t: TestDb;
let submitWizard: typeof import("./actions").submitWizard;
const ids: Record<string, string> = {};

const form = (over: Record<string, string>) => {
  const fd = new FormData();
  const fields: Record<string, string> = {
    callerType: "school-board",
    organisation: "Stichting Primair en Voortgezet Onderwijs Noord",
    organisationId: ids.bestuur!,
    aboutSchoolCode: "12AB",
    topic: "inschrijving",
    question: "Hoe schrijven wij een leerling in die halverwege het jaar van een andere school komt?",
    name: "Marloes de Vries",
    email: "m.devries@example.org",
    website: "",
    startedAt: String(Date.now() - 60_000),
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "off";
  await seedContent(t.db, { contentDir: path.join(ROOT, "content"), demoUsers: false });
  await importOrganisations(t.db, fs.readFileSync(path.join(ROOT, "content", "demo", "organisaties.csv"), "utf8"));
  ids.bestuur = (await t.db.organisation.findFirstOrThrow({ where: { kind: "bestuur", code: "41001" } })).id;
  ids.vo = (await t.db.organisation.findFirstOrThrow({ where: { code: "12AB" } })).id;
  ids.po = (await t.db.organisation.findFirstOrThrow({ where: { code: "34CD" } })).id;
  ({ submitWizard } = await import("./actions"));
}, 120_000);
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

const ticketOf = (reference: string) =>
  t.db.ticket.findUniqueOrThrow({ where: { reference }, include: { requester: true } });

describe("submitWizard with the typeaheads' choices", () => {
  it("a bestuur's question about its vo school goes to VO/MBO, about its basisschool to PO, recording both", async () => {
    const vo = await submitWizard(form({}));
    expect(vo.ok, JSON.stringify(vo)).toBe(true);
    if (!vo.ok) return;
    expect(vo.data.deskId).toBe("vo-mbo");
    const tk = await ticketOf(vo.data.reference);
    expect(tk).toMatchObject({ organisationId: ids.bestuur, schoolId: ids.vo });
    expect(tk.requester.organisationMatchedBy).toBe("choice");
    const po = await submitWizard(form({ aboutSchoolCode: "34cd" }));
    expect(po.ok && po.data.deskId).toBe("po");
    if (po.ok) expect((await ticketOf(po.data.reference)).schoolId).toBe(ids.po);
  });

  it("an unknown school is a field error on aboutSchoolCode and stores nothing", async () => {
    const before = await t.db.ticket.count();
    const r = await submitWizard(form({ aboutSchoolCode: "99ZZ" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors.aboutSchoolCode).toMatch(/Deze school kennen we niet/);
    const bad = await submitWizard(form({ organisationId: "Stichting!" }));
    expect(!bad.ok && bad.fieldErrors.organisationId).toMatch(/Kies een organisatie uit de lijst/);
    expect(await t.db.ticket.count()).toBe(before);
  });
});
