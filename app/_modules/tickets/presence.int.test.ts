// Collision warning data against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { newTicket, seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { leavePresence, listPresence, touchPresence } from "./presence";

let t: TestDb;
let staff: Staff;
beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
});
afterAll(async () => {
  await t?.drop();
});

describe("presence", () => {
  it("shows who else has the ticket open or is replying; rows older than 60 s are stale", async () => {
    const { reference } = await newTicket(t.db, "po");
    const t0 = new Date("2026-03-02T09:00:00Z");
    const s = (n: number) => new Date(t0.getTime() + n * 1000);
    expect(await touchPresence(t.db, { user: staff.po, reference, mode: "viewing", now: t0 })).toEqual([]);
    const seen = await touchPresence(t.db, { user: staff.both, reference, mode: "replying", now: s(10) });
    expect(seen.map((p) => [p.name, p.mode])).toEqual([[staff.po.name, "viewing"]]);
    await touchPresence(t.db, { user: staff.admin, reference, mode: "viewing", now: s(20) });

    const forPo = await listPresence(t.db, { user: staff.po, reference, now: s(30) });
    expect(forPo.map((p) => [p.userId, p.mode])).toEqual([
      [staff.both.id, "replying"],
      [staff.admin.id, "viewing"],
    ]);
    // 65 s after the PO agent's last touch that row is stale; the other (55 s) still counts.
    expect((await listPresence(t.db, { user: staff.admin, reference, now: s(65) })).map((p) => p.userId)).toEqual([
      staff.both.id,
    ]);
    // A touch cleans stale rows up.
    await touchPresence(t.db, { user: staff.admin, reference, mode: "viewing", now: s(65) });
    expect(await t.db.ticketPresence.count()).toBe(2);
    await leavePresence(t.db, { user: staff.both, reference });
    expect(await listPresence(t.db, { user: staff.admin, reference, now: s(66) })).toEqual([]);
  });

  it("follows ticket visibility and checks the mode", async () => {
    const { reference } = await newTicket(t.db, "vo-mbo", { callerType: "vo-school" });
    await expect(touchPresence(t.db, { user: staff.po, reference, mode: "viewing" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listPresence(t.db, { user: staff.editor, reference })).rejects.toBeInstanceOf(NotFoundError);
    await expect(touchPresence(t.db, { user: staff.ipo, reference, mode: "typing" as never })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
