// Contact registration on a real database: the five outcomes, a call on an existing ticket, callbacks and the
// caller search. Runs on SQLite and (npm run test:pg) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { newTicket, seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { completeCallback, defaultCallbackDue, listCallbacks, logContact, searchCallers } from "./service";
import type { ContactInput } from "./schema";

let t: TestDb;
let staff: Staff;
// Tuesday 3 March 2026, 10:00 in Amsterdam (09:00 UTC): the desks are open 09:00–13:00.
const NOW = new Date("2026-03-03T09:00:00Z");
const started = new Date(NOW.getTime() - 4 * 60_000);
const caller = {
  name: "Els de Vries",
  email: "els@klimop.test",
  phone: "06 12345678",
  organisation: "Basisschool De Klimop",
  callerType: "po-school" as const,
  sector: "po" as const,
};
const base = (over: Partial<ContactInput>): ContactInput => ({
  startedAt: started,
  deskId: "po",
  outcome: "answered",
  summary: "Melden van langdurig verzuim",
  caller,
  ...over,
});

beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
  await t.db.article.create({
    data: {
      slug: "verzuim-melden",
      title: "Verzuim melden",
      summary: "s",
      body: "{}",
      topic: "verzuim-melden",
      status: "published",
    },
  });
  await t.db.article.create({
    data: { slug: "concept", title: "Concept", summary: "s", body: "{}", topic: "verzuim-melden", status: "draft" },
  });
});
afterAll(() => t.drop());

const ticketOf = (reference: string) =>
  t.db.ticket.findUniqueOrThrow({
    where: { reference },
    include: { messages: { orderBy: { createdAt: "asc" } }, requester: true },
  });

describe("logContact", () => {
  it("Beantwoord: a resolved phone ticket with the answer and linked articles, counted as first-contact resolution", async () => {
    const r = await logContact(
      t.db,
      staff.po,
      base({ answer: "U meldt dit in het verzuimregister.", articleSlugs: ["verzuim-melden"] }),
      NOW,
    );
    const tk = await ticketOf(r.reference!);
    expect(tk).toMatchObject({
      channel: "phone",
      status: "resolved",
      deskId: "po",
      subject: "Melden van langdurig verzuim",
      assigneeId: staff.po.id,
    });
    expect(tk.resolvedAt).toEqual(NOW);
    expect(tk.requester.phone).toBe("+31612345678");
    expect(tk.messages.map((m) => m.kind)).toEqual(["phone", "reply"]);
    expect(tk.messages[0]!.body).toMatch(/^Telefoongesprek \(4 minuten\): Melden van langdurig verzuim/);
    expect(tk.messages[1]!.body).toContain("/artikelen/verzuim-melden");
    const c = await t.db.contact.findUniqueOrThrow({ where: { id: r.contactId } });
    expect(c).toMatchObject({
      outcome: "answered",
      ticketId: tk.id,
      articleSlugs: '["verzuim-melden"]',
      startedAt: started,
      endedAt: NOW,
    });
    expect(await t.db.mailOutbox.count({ where: { ticketId: tk.id } })).toBe(0);
  });

  it("Terugbellen: an open ticket and a callback due the next business half-day; done on time with the result", async () => {
    const r = await logContact(t.db, staff.po, base({ outcome: "callback" }), NOW);
    const tk = await ticketOf(r.reference!);
    expect(tk.status).toBe("open");
    const cb = await t.db.callback.findFirstOrThrow({ where: { ticketId: tk.id } });
    expect(cb.dueAt).toEqual(new Date("2026-03-03T11:00:00Z")); // 10:00 + 2 business hours
    expect(
      defaultCallbackDue(new Date("2026-03-03T11:30:00Z"), { days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" }),
    ).toEqual(new Date("2026-03-04T09:30:00Z")); // 12:30 + 30 min today + 1.5 h tomorrow
    const list = await listCallbacks(t.db, staff.po, NOW);
    expect(list.map((x) => x.id)).toContain(cb.id);
    expect(list.find((x) => x.id === cb.id)!.state).toBe("ok");
    expect(await listCallbacks(t.db, staff.ipo, NOW)).toEqual([]);
    expect(
      (await listCallbacks(t.db, staff.po, new Date("2026-03-03T11:30:00Z"))).find((x) => x.id === cb.id)!.state,
    ).toBe("breached");
    const done = await completeCallback(
      t.db,
      staff.po,
      { callbackId: cb.id, result: "Uitgelegd hoe het verzuimregister werkt.", resolve: true },
      new Date("2026-03-03T10:00:00Z"),
    );
    expect(done.onTime).toBe(true);
    expect((await ticketOf(r.reference!)).status).toBe("resolved");
    expect(await listCallbacks(t.db, staff.po, NOW)).toEqual([]);
    await expect(
      completeCallback(t.db, staff.po, { callbackId: cb.id, result: "Nog een keer." }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      completeCallback(t.db, staff.ipo, { callbackId: cb.id, result: "Niet mijn desk." }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("Vervolg: an open ticket; a confirmation mail only when the caller agreed", async () => {
    const quiet = await logContact(t.db, staff.po, base({ outcome: "followup" }), NOW);
    const q = await ticketOf(quiet.reference!);
    expect(q.status).toBe("new");
    expect(await t.db.mailOutbox.count({ where: { ticketId: q.id } })).toBe(0);
    const mailed = await logContact(t.db, staff.po, base({ outcome: "followup", confirmMail: true }), NOW);
    const m = await ticketOf(mailed.reference!);
    expect(await t.db.mailOutbox.count({ where: { ticketId: m.id, to: "els@klimop.test" } })).toBe(1);
    await expect(
      logContact(
        t.db,
        staff.po,
        base({ outcome: "followup", confirmMail: true, caller: { ...caller, email: "" } }),
        NOW,
      ),
    ).rejects.toMatchObject({ issues: [{ path: "caller.email" }] });
  });

  it("Doorverbonden: logged on the other desk with the reason; the reason is required", async () => {
    const r = await logContact(
      t.db,
      staff.po,
      base({ outcome: "transferred", reason: "Vraag gaat over een mbo-student." }),
      NOW,
    );
    const tk = await ticketOf(r.reference!);
    expect(tk.deskId).toBe("vo-mbo");
    expect(r.reference).toMatch(/^IPO-/);
    expect(tk.messages.find((m) => m.kind === "note")!.body).toContain("Vraag gaat over een mbo-student.");
    expect((await t.db.contact.findUniqueOrThrow({ where: { id: r.contactId } })).deskId).toBe("po");
    await expect(logContact(t.db, staff.po, base({ outcome: "transferred" }), NOW)).rejects.toMatchObject({
      issues: [{ path: "reason" }],
    });
  });

  it("Buiten ons terrein: only a contact row, no ticket and no caller details", async () => {
    const requesters = await t.db.requester.count();
    const r = await logContact(
      t.db,
      staff.po,
      base({ outcome: "out_of_scope", caller: undefined, summary: "Ouder vraagt naar schoolvakanties" }),
      NOW,
    );
    expect(r.reference).toBeNull();
    expect(await t.db.requester.count()).toBe(requesters);
    expect(await t.db.contact.findUniqueOrThrow({ where: { id: r.contactId } })).toMatchObject({
      outcome: "out_of_scope",
      ticketId: null,
      summary: "Ouder vraagt naar schoolvakanties",
    });
  });

  it("a call about an existing ticket adds a phone message and reopens it", async () => {
    const made = await newTicket(t.db, "po", {}, NOW);
    await t.db.ticket.update({ where: { reference: made.reference }, data: { status: "resolved", resolvedAt: NOW } });
    const r = await logContact(
      t.db,
      staff.po,
      base({
        outcome: "added",
        caller: undefined,
        reference: made.reference.toLowerCase(),
        summary: "Beller heeft nog een vraag",
      }),
      NOW,
    );
    expect(r.reference).toBe(made.reference);
    const tk = await ticketOf(made.reference);
    expect(tk.status).toBe("open");
    expect(tk.resolvedAt).toBeNull();
    expect(tk.messages.at(-1)).toMatchObject({ kind: "phone", authorId: staff.po.id });
    const other = await newTicket(t.db, "vo-mbo", {}, NOW);
    await expect(
      logContact(t.db, staff.po, base({ outcome: "added", reference: other.reference }), NOW),
    ).rejects.toMatchObject({ issues: [{ path: "reference" }] });
  });

  it("refuses bad input with Dutch messages and stores nothing", async () => {
    const before = { tickets: await t.db.ticket.count(), contacts: await t.db.contact.count() };
    const cases: [ContactInput, string][] = [
      [base({ summary: "Leerling 123456782 verzuimt" }), "summary"],
      [base({ caller: { ...caller, phone: "12" } }), "caller.phone"],
      [base({ caller: { ...caller, name: "Piet 123456782" } }), "caller.name"],
      [base({ articleSlugs: ["concept"] }), "articleSlugs"],
      [base({ deskId: "vo-mbo" }), "_"],
      [base({ outcome: "callback", callbackDueAt: new Date(NOW.getTime() - 60_000) }), "callbackDueAt"],
      [base({ outcome: "callback", callbackAssigneeId: staff.ipo.id }), "callbackAssigneeId"],
      [base({ caller: undefined }), "caller.name"],
    ];
    for (const [input, path] of cases) {
      const err = await logContact(t.db, staff.po, input, NOW).catch((e) => e);
      expect(err?.status, path).toBeGreaterThanOrEqual(400);
      if (path !== "_")
        expect(
          err.issues.map((i: { path: string }) => i.path),
          path,
        ).toContain(path);
    }
    expect({ tickets: await t.db.ticket.count(), contacts: await t.db.contact.count() }).toEqual(before);
  });
});

describe("searchCallers", () => {
  it("finds callers by phone (any notation), e-mail, name and school code, with recent tickets on the user's desks", async () => {
    for (const q of ["+31 6 1234 5678", "0612345678", "els@klim", "Els de", "klimop"]) {
      const hits = await searchCallers(t.db, staff.po, q);
      expect(
        hits.map((h) => h.email),
        q,
      ).toContain("els@klimop.test");
      expect(hits.find((h) => h.email === "els@klimop.test")!.tickets.length, q).toBeGreaterThan(0);
    }
    const onlyIpo = await searchCallers(t.db, staff.ipo, "els@klim");
    for (const h of onlyIpo) for (const tk of h.tickets) expect(tk.reference).toMatch(/^IPO-/);
  });
});

describe("contact report", () => {
  it("counts contacts per channel, first-contact resolution per desk, callbacks on time, contacts per hour and handling time", async () => {
    const { buildContactReport, contactReportCsv } = await import("@/app/_modules/reports/contacts");
    const r = await buildContactReport(t.db, { desks: ["po", "vo-mbo"], from: "2026-03-03", to: "2026-03-03" });
    const po = r.firstContactResolution.find((d) => d.desk === "po")!;
    // po: answered 1, callback 1, followup 2 (+ 1 refused) → 1 of 4; transferred, out of scope and "added" do not count.
    expect(po).toEqual({ desk: "po", contacts: 4, answered: 1, rate: 0.25 });
    expect(r.perChannel.find((c) => c.channel === "phone")!.tickets).toBeGreaterThanOrEqual(5);
    expect(r.callbacks).toMatchObject({ total: 1, onTime: 1, late: 0, open: 0, rate: 1 });
    // Every contact started at 09:56 Amsterdam time.
    expect(r.perHour).toEqual([
      { hour: 9, contacts: 7 },
      { hour: 10, contacts: 0 },
      { hour: 11, contacts: 0 },
      { hour: 12, contacts: 0 },
    ]);
    expect(r.handling.find((h) => h.channel === "phone")).toEqual({
      channel: "phone",
      contacts: 7,
      averageMs: 4 * 60_000,
    });
    expect(contactReportCsv(r)).toContain("Opgelost bij eerste contact (%)");
  });
});

// Last: it adds a contact and a callback, which the counts above do not expect.
describe("callback for the desk", () => {
  it("Terugbellen for the desk: the form's empty 'Wie belt terug?' (De helpdesk) gives no assignee, not a broken id", async () => {
    const r = await logContact(t.db, staff.po, base({ outcome: "callback", callbackAssigneeId: "" }), NOW);
    const tk = await ticketOf(r.reference!);
    expect(tk).toMatchObject({ status: "open", assigneeId: null });
    expect(await t.db.callback.findFirstOrThrow({ where: { ticketId: tk.id } })).toMatchObject({ assigneeId: null });
  });
});
