// Ticket search against a real database and the embedded engine: desk scoping, lazy sync of changed tickets,
// merged tickets leave the index, references are looked up directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedEngine } from "@/app/_modules/search";
import { mergeTicket } from "./desk/merge";
import { replyToTicket } from "./desk/reply";
import { transferTicket } from "./desk/transfer";
import { newTicket, seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { TICKET_INDEX } from "@/app/_modules/search";
import { resetTicketIndex, searchTickets, syncTicketIndex } from "./ticket-search";

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
    const po = await newTicket(t.db, "po", {
      question: "Hoe registreer ik een leerling met een vakantieverlof aanvraag?",
      organisation: "Basisschool Zonnebloem",
    });
    const ipo = await newTicket(t.db, "vo-mbo", {
      callerType: "vo-school",
      question: "Hoe registreer ik vakantieverlof in het vo?",
      organisation: "Stellingwerf College",
      email: "a@s.test",
    });

    expect(refs(await searchTickets(t.db, { user: staff.both, q: "vakantieverlof", engine }))).toEqual(
      [po.reference, ipo.reference].sort(),
    );
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "vakantieverlof", engine }))).toEqual([po.reference]);
    expect(refs(await searchTickets(t.db, { user: staff.ipo, q: "vakantieverlof", engine }))).toEqual([ipo.reference]);
    expect(refs(await searchTickets(t.db, { user: staff.both, q: "vakantieverlof", desk: "vo-mbo", engine }))).toEqual([
      ipo.reference,
    ]);
    expect(refs(await searchTickets(t.db, { user: staff.editor, q: "vakantieverlof", engine }))).toEqual([]);
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "Zonnebloem", engine }))).toEqual([po.reference]);
    // A reference is looked up directly, and still only within the desks.
    expect(refs(await searchTickets(t.db, { user: staff.po, q: po.reference.toLowerCase(), engine }))).toEqual([
      po.reference,
    ]);
    expect(refs(await searchTickets(t.db, { user: staff.po, q: ipo.reference, engine }))).toEqual([]);
  });

  it("picks up replies, transfers and merges made after the index was built", async () => {
    const a = await newTicket(t.db, "po", {
      question: "Vraag over de leerplichtambtenaar van Assen",
      email: "x@school.test",
    });
    const b = await newTicket(t.db, "po", { question: "Tweede vraag over een thuiszitter", email: "x@school.test" });
    await searchTickets(t.db, { user: staff.po, q: "iets", engine }); // index built now
    await replyToTicket(t.db, {
      user: staff.po,
      reference: a.reference,
      kind: "note",
      body: "Notitie: zie ook protocol kwadrantmodel",
    });
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "kwadrantmodel", engine }))).toEqual([a.reference]);

    const moved = await transferTicket(t.db, {
      user: staff.po,
      reference: a.reference,
      toDesk: "vo-mbo",
      reason: "Dit is een vraag voor het voortgezet onderwijs.",
    });
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "kwadrantmodel", engine }))).toEqual([]);
    expect(refs(await searchTickets(t.db, { user: staff.ipo, q: "kwadrantmodel", engine }))).toEqual([moved.reference]);
    // The caller's old reference finds it under its new number.
    expect(refs(await searchTickets(t.db, { user: staff.ipo, q: a.reference, engine }))).toEqual([moved.reference]);

    await mergeTicket(t.db, {
      user: staff.po,
      reference: b.reference,
      intoReference: (
        await newTicket(t.db, "po", { question: "Derde vraag van dezelfde school", email: "x@school.test" })
      ).reference,
    });
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "thuiszitter", engine })).includes(b.reference)).toBe(
      false,
    );
  });

  it("renders no markup from ticket text: snippets are escaped except the highlight", async () => {
    const x = await newTicket(t.db, "po", { question: "Een vraag over spijbelgedrag in groep acht van de school" });
    await t.db.message.updateMany({
      where: { ticket: { reference: x.reference }, kind: "caller" },
      data: { body: "spijbelgedrag <img src=x onerror=alert(1)>" },
    });
    await t.db.ticket.update({ where: { reference: x.reference }, data: { updatedAt: new Date() } });
    const r = await searchTickets(t.db, { user: staff.po, q: "spijbelgedrag", engine });
    const hit = r.hits.find((h) => h.reference === x.reference)!;
    expect(hit.snippetHtml).toContain("<mark>spijbelgedrag</mark>");
    expect(hit.snippetHtml).not.toContain("<img");
    expect(hit.snippetHtml).toContain("&lt;img");
  });

  it("at start brings the shared index up to date without clearing it: upserts what changed, deletes what is gone, writes nothing when current", async () => {
    const shared = new EmbeddedEngine();
    const index = shared.index(TICKET_INDEX);
    const writes: string[] = [];
    for (const m of ["updateSettings", "addDocuments", "deleteDocuments", "deleteAllDocuments"] as const) {
      const real = index[m].bind(index) as (...a: unknown[]) => Promise<unknown>;
      (index as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        writes.push(m);
        return real(...a);
      };
    }
    const restart = () => {
      resetTicketIndex(); // a new instance: it has never synced
      writes.length = 0;
      return syncTicketIndex(t.db, shared);
    };
    const first = await restart();
    const total = await t.db.ticket.count({ where: { mergedIntoId: null } });
    expect(first).toMatchObject({ settingsChanged: true, upserted: total, deleted: 0 });
    expect(writes).not.toContain("deleteAllDocuments");

    // Current: no write at all, the index's stamp stays.
    const stamp = await index.stamp();
    expect(await restart()).toEqual({ settingsChanged: false, upserted: 0, deleted: 0 });
    expect(writes).toEqual([]);
    expect(await index.stamp()).toBe(stamp);

    // One ticket changed, one merged away, one in the index that the database no longer has.
    const changed = await newTicket(t.db, "po", {
      question: "Vraag over een schorsing van drie dagen",
      email: "s@school.test",
    });
    await syncTicketIndex(t.db, shared); // this instance's delta
    await t.db.message.updateMany({
      where: { ticket: { reference: changed.reference }, kind: "caller" },
      data: { body: "Vraag over een verwijdering van school" },
    });
    const target = await newTicket(t.db, "po", { question: "Vraag die blijft", email: "s@school.test" });
    const merged = await newTicket(t.db, "po", { question: "Vraag over een dubbele melding", email: "s@school.test" });
    await syncTicketIndex(t.db, shared);
    await mergeTicket(t.db, { user: staff.po, reference: merged.reference, intoReference: target.reference });
    await index.addDocuments([{ id: "gone-ticket", reference: "PO-2000-000001", subject: "weg", deskId: "po" }]);
    const mergedId = (await t.db.ticket.findUniqueOrThrow({ where: { reference: merged.reference } })).id;
    expect((await index.listDocuments(["id"])).map((d) => d.id)).toContain(mergedId);

    const r = await restart();
    // The changed ticket and the merge target (its updatedAt and messages changed); the merged and the stray one deleted.
    expect(r!.upserted).toBeGreaterThanOrEqual(1);
    expect(r!.deleted).toBe(2);
    expect(writes).not.toContain("deleteAllDocuments");
    const ids = (await index.listDocuments(["id"])).map((d) => String(d.id));
    expect(ids).not.toContain("gone-ticket");
    expect(ids).not.toContain(mergedId);
    expect(ids.length).toBe(await t.db.ticket.count({ where: { mergedIntoId: null } }));
    expect(refs(await searchTickets(t.db, { user: staff.po, q: "verwijdering", engine: shared }))).toEqual([
      changed.reference,
    ]);
    expect(await restart()).toEqual({ settingsChanged: false, upserted: 0, deleted: 0 });
  });
});
