// Macro CRUD and presence against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { getTicketForAgent } from "./desk/get-ticket";
import { newTicket, seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { applyMacro, deleteMacro, listMacros, macroValuesFor, saveMacro } from "./macros";

let t: TestDb;
let staff: Staff;
beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
});
afterAll(async () => {
  await t?.drop();
});

describe("macros", () => {
  it("admins create, update and delete macros, with audit; others get a 404", async () => {
    const m = await saveMacro(t.db, {
      user: staff.admin,
      deskId: "po",
      title: "Verzuim melden",
      body: "Beste {{naam}}, over {{referentie}}: ...",
    });
    const both = await saveMacro(t.db, {
      user: staff.admin,
      deskId: null,
      title: "Afsluiten",
      body: "Groet, {{desk}}",
    });
    await saveMacro(t.db, { user: staff.admin, deskId: "vo-mbo", title: "IPO-antwoord", body: "Tekst voor het IPO." });
    for (const u of [staff.po, staff.both, staff.editor]) {
      await expect(saveMacro(t.db, { user: u, deskId: "po", title: "Mag niet", body: "x" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(deleteMacro(t.db, { user: u, id: m.id })).rejects.toBeInstanceOf(NotFoundError);
    }
    const updated = await saveMacro(t.db, {
      user: staff.admin,
      id: m.id,
      deskId: "po",
      title: "Verzuim melden (nieuw)",
      body: "Beste {{ naam }},",
    });
    expect(updated.title).toBe("Verzuim melden (nieuw)");
    await deleteMacro(t.db, { user: staff.admin, id: both.id });
    await expect(deleteMacro(t.db, { user: staff.admin, id: both.id })).rejects.toBeInstanceOf(NotFoundError);
    const actions = (
      await t.db.auditEvent.findMany({ where: { entityType: "macro" }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["macro.created", "macro.created", "macro.created", "macro.updated", "macro.deleted"]);
  });

  it("agents list the macros of their desks and both-desk macros; editors none", async () => {
    await saveMacro(t.db, { user: staff.admin, deskId: null, title: "Voor iedereen", body: "Hallo {{naam}}" });
    const titles = async (u: Staff[keyof Staff], desk?: "po" | "vo-mbo") =>
      (await listMacros(t.db, { user: u, desk })).map((m) => m.title);
    expect(await titles(staff.po)).toEqual(["Verzuim melden (nieuw)", "Voor iedereen"]);
    expect(await titles(staff.ipo)).toEqual(["IPO-antwoord", "Voor iedereen"]);
    expect(await titles(staff.both)).toEqual(["IPO-antwoord", "Verzuim melden (nieuw)", "Voor iedereen"]);
    expect(await titles(staff.both, "po")).toEqual(["Verzuim melden (nieuw)", "Voor iedereen"]);
    expect(await titles(staff.editor)).toEqual([]);
  });

  it("rejects unknown placeholders and empty fields with Dutch field messages", async () => {
    const e = await saveMacro(t.db, { user: staff.admin, deskId: "po", title: "", body: "Beste {{voornaam}}" }).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    const paths = (e as ValidationError).issues.map((i) => i.path).sort();
    expect(paths).toEqual(["body", "title"]);
    expect((e as ValidationError).issues.find((i) => i.path === "body")!.message).toContain("{{naam}}");
  });

  it("fills a macro for a ticket", async () => {
    const { reference } = await newTicket(t.db, "po", { name: "Fatima El Amrani" });
    const r = await getTicketForAgent(t.db, { user: staff.po, reference });
    if (r.redirectTo !== null) throw new Error("unexpected redirect");
    expect(applyMacro("Beste {{naam}}, uw vraag {{referentie}} bij {{desk}}.", macroValuesFor(r.ticket))).toBe(
      `Beste Fatima El Amrani, uw vraag ${reference} bij Helpdesk BRON PO.`,
    );
  });
});
