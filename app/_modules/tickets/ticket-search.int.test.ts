// Ticket search against a real database and the embedded engine: desk scoping, lazy sync of changed tickets,
// merged tickets leave the index, references are looked up directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedEngine } from "@/app/_modules/search";
import { mergeTicket, replyToTicket, transferTicket } from "@/app/_modules/tickets/desk-service";
import { newTicket, seedDesksAndStaff, type Staff } from "@/app/_modules/tickets/desk-test-fixtures";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { resetTicketIndex, searchTickets } from "./ticket-search";

let t: TestDb;
let staff: Staff;
const engine = new EmbeddedEngine();
const refs = (r: { hits: { reference: string }[] }) => r.hits.map((h) => h.reference).sort();

beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
  resetTicketIndex();
});
afterAll(async () => {
  await t?.drop();
});

describe("searchTickets", () => {
  it("finds tickets by text, organisation and reference, only within the user's desks", async () => {
    const po = await newTicket(t.db, "po", { question: "Hoe registreer ik een leerling met een vakantieverlof aanvraag?", organisation: "Basisschool Zonnebloem" });
    const ipo = await newTicket(t.db, "vo-mbo", { callerType: "vo-school", question: "Hoe registreer ik vakantieverlof in het vo?", organisation: "Stellingwerf College", email: "a@s.test" });

    expect(refs(await searchTickets(t.db, { user: staff.both, q: "vakantieverlof", engine }))).toEqual([po.reference, ipo.reference].sort());
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "vakantieverlof", engine }))).toEqual([po.reference]);
    expect(refs(await searchTickets(t.db, { user: staff.ipo, q: "vakantieverlof", engine }))).toEqual([ipo.reference]);
    expect(refs(await searchTickets(t.db, { user: staff.both, q: "vakantieverlof", desk: "vo-mbo", engine }))).toEqual([ipo.reference]);
    expect(refs(await searchTickets(t.db, { user: staff.editor, q: "vakantieverlof", engine }))).toEqual([]);
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "Zonnebloem", engine }))).toEqual([po.reference]);
    // A reference is looked up directly, and still only within the desks.
    expect(refs(await searchTickets(t.db, { user: staff.po, q: po.reference.toLowerCase(), engine }))).toEqual([po.reference]);
    expect(refs(await searchTickets(t.db, { user: staff.po, q: ipo.reference, engine }))).toEqual([]);
  });

  it("picks up replies, transfers and merges made after the index was built", async () => {
    const a = await newTicket(t.db, "po", { question: "Vraag over de leerplichtambtenaar van Assen", email: "x@school.test" });
    const b = await newTicket(t.db, "po", { question: "Tweede vraag over een thuiszitter", email: "x@school.test" });
    await searchTickets(t.db, { user: staff.po, q: "iets", engine }); // index built now
    await replyToTicket(t.db, { user: staff.po, reference: a.reference, kind: "note", body: "Notitie: zie ook protocol kwadrantmodel" });
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "kwadrantmodel", engine }))).toEqual([a.reference]);

    const moved = await transferTicket(t.db, { user: staff.po, reference: a.reference, toDesk: "vo-mbo", reason: "Dit is een vraag voor het voortgezet onderwijs." });
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "kwadrantmodel", engine }))).toEqual([]);
    expect(refs(await searchTickets(t.db, { user: staff.ipo, q: "kwadrantmodel", engine }))).toEqual([moved.reference]);
    // The caller's old reference finds it under its new number.
    expect(refs(await searchTickets(t.db, { user: staff.ipo, q: a.reference, engine }))).toEqual([moved.reference]);

    await mergeTicket(t.db, { user: staff.po, reference: b.reference, intoReference: (await newTicket(t.db, "po", { question: "Derde vraag van dezelfde school", email: "x@school.test" })).reference });
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "thuiszitter", engine })).includes(b.reference)).toBe(false);
  });

  it("renders no markup from ticket text: snippets are escaped except the highlight", async () => {
    const x = await newTicket(t.db, "po", { question: "Een vraag over spijbelgedrag in groep acht van de school" });
    await t.db.message.updateMany({ where: { ticket: { reference: x.reference }, kind: "caller" }, data: { body: "spijbelgedrag <img src=x onerror=alert(1)>" } });
    await t.db.ticket.update({ where: { reference: x.reference }, data: { updatedAt: new Date() } });
    const r = await searchTickets(t.db, { user: staff.po, q: "spijbelgedrag", engine });
    const hit = r.hits.find((h) => h.reference === x.reference)!;
    expect(hit.snippetHtml).toContain("<mark>spijbelgedrag</mark>");
    expect(hit.snippetHtml).not.toContain("<img");
    expect(hit.snippetHtml).toContain("&lt;img");
  });
});
