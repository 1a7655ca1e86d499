// Staff administration on a real database: create with a one-time password link, role and desks, deactivation
// that ends sessions (session version), and that every change is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { verifyPassword } from "@/app/_core/password";
import { seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import {
  createStaffUser,
  deactivateStaffUser,
  findResetToken,
  passwordResetLink,
  reactivateStaffUser,
  updateStaffUser,
  usePasswordReset,
} from "./users";

let t: TestDb;
let staff: Staff;
beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
});
afterAll(() => t.drop());

const tokenOf = (link: string) => link.split("/wachtwoord/")[1]!;
const audits = (entityId: string) =>
  t.db.auditEvent.findMany({
    where: { entityId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true },
  });

describe("staff administration", () => {
  it("creates an account that can log in only after its one-time link is used", async () => {
    const { id, resetLink } = await createStaffUser(t.db, staff.admin, {
      name: "Nieuwe Collega",
      email: "Nieuw@Helpdesk.test",
      role: "agent",
      desks: ["po"],
    });
    const u = await t.db.user.findUniqueOrThrow({ where: { id }, include: { desks: true } });
    expect(u).toMatchObject({ email: "nieuw@helpdesk.test", role: "agent", active: true });
    expect(u.desks.map((d) => d.deskId)).toEqual(["po"]);
    const token = tokenOf(resetLink);
    expect(await findResetToken(t.db, token)).not.toBeNull();
    await expect(usePasswordReset(t.db, token, "kort")).rejects.toMatchObject({ issues: [{ path: "password" }] });
    await usePasswordReset(t.db, token, "een-lang-genoeg-wachtwoord");
    const after = await t.db.user.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword("een-lang-genoeg-wachtwoord", after.passwordHash)).toBe(true);
    expect(after.sessionVersion).toBe(u.sessionVersion + 1);
    await expect(usePasswordReset(t.db, token, "nog-een-ander-wachtwoord")).rejects.toMatchObject({ status: 400 });
    expect(JSON.stringify(await t.db.passwordReset.findMany())).not.toContain(token);
    expect((await audits(id)).map((a) => a.action)).toEqual(["user.created", "user.reset_link", "user.password_set"]);
  });

  it("refuses a duplicate e-mail, an agent without desks and bad input, storing nothing", async () => {
    const before = await t.db.user.count();
    await expect(
      createStaffUser(t.db, staff.admin, { name: "Dubbel", email: "po@helpdesk.test", role: "agent", desks: ["po"] }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      createStaffUser(t.db, staff.admin, { name: "Geen desk", email: "x@helpdesk.test", role: "agent", desks: [] }),
    ).rejects.toMatchObject({ issues: [{ path: "desks" }] });
    await expect(
      createStaffUser(t.db, staff.admin, { name: "Rol", email: "y@helpdesk.test", role: "baas", desks: [] }),
    ).rejects.toMatchObject({ issues: [{ path: "role" }] });
    expect(await t.db.user.count()).toBe(before);
  });

  it("changes role and desks with before/after in the audit log", async () => {
    await updateStaffUser(t.db, staff.admin, { userId: staff.po.id, role: "agent", desks: ["po", "vo-mbo"] });
    const m = await t.db.deskMembership.findMany({ where: { userId: staff.po.id }, orderBy: { deskId: "asc" } });
    expect(m.map((x) => x.deskId)).toEqual(["po", "vo-mbo"]);
    const ev = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: staff.po.id, action: "user.updated" } });
    expect(JSON.parse(ev.before!)).toEqual({ role: "agent", desks: ["po"] });
    expect(JSON.parse(ev.after!)).toEqual({ role: "agent", desks: ["po", "vo-mbo"] });
    await expect(
      updateStaffUser(t.db, staff.admin, { userId: staff.admin.id, role: "agent", desks: ["po"] }),
    ).rejects.toMatchObject({ issues: [{ path: "role" }] });
  });

  it("deactivation ends the user's sessions at once (session version) and is audited; an admin cannot switch off themself", async () => {
    const before = await t.db.user.findUniqueOrThrow({ where: { id: staff.ipo.id } });
    await deactivateStaffUser(t.db, staff.admin, staff.ipo.id);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: staff.ipo.id } });
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await reactivateStaffUser(t.db, staff.admin, staff.ipo.id);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.ipo.id } })).active).toBe(true);
    expect((await audits(staff.ipo.id)).map((a) => a.action)).toEqual(["user.deactivated", "user.reactivated"]);
    await expect(deactivateStaffUser(t.db, staff.admin, staff.admin.id)).rejects.toMatchObject({ status: 400 });
  });

  it("a new reset link replaces the old one", async () => {
    const a = tokenOf(await passwordResetLink(t.db, staff.admin, staff.both.id));
    const b = tokenOf(await passwordResetLink(t.db, staff.admin, staff.both.id));
    expect(await findResetToken(t.db, a)).toBeNull();
    expect(await findResetToken(t.db, b)).not.toBeNull();
  });
});
