import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { hashPassword, verifyPassword } from "./password";

let t: TestDb;
let auth: typeof import("./auth");

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  auth = await import("./auth");
  await t.db.desk.create({ data: { id: "po", name: "PO", shortName: "PO", referencePrefix: "PO", serves: "x", phone: "1", phoneHref: "+311", hours: "{}" } });
  await t.db.user.create({
    data: { email: "agent@school.test", name: "Agent", role: "agent", passwordHash: await hashPassword("juist-wachtwoord"), desks: { create: [{ deskId: "po" }] } },
  });
  await t.db.user.create({ data: { email: "weg@school.test", name: "Weg", role: "editor", active: false, passwordHash: await hashPassword("juist-wachtwoord") } });
});
afterAll(async () => {
  await t.drop();
});

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("geheim-1234");
    const b = await hashPassword("geheim-1234");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("geheim-1234", a)).toBe(true);
    expect(await verifyPassword("geheim-1235", a)).toBe(false);
    expect(await verifyPassword("geheim-1234", "garbage")).toBe(false);
  });
});

describe("verifyCredentials", () => {
  it("returns the user with role and desks for the right password (e-mail case-insensitive)", async () => {
    const u = await auth.verifyCredentials({ email: "Agent@School.test", password: "juist-wachtwoord" }, "10.0.0.1");
    expect(u).toMatchObject({ email: "agent@school.test", role: "agent", desks: ["po"] });
  });

  it("refuses a wrong password, an unknown account and a deactivated account", async () => {
    expect(await auth.verifyCredentials({ email: "agent@school.test", password: "fout" }, "10.0.0.2")).toBeNull();
    expect(await auth.verifyCredentials({ email: "niemand@school.test", password: "x" }, "10.0.0.2")).toBeNull();
    expect(await auth.verifyCredentials({ email: "weg@school.test", password: "juist-wachtwoord" }, "10.0.0.2")).toBeNull();
    expect(await auth.verifyCredentials({ email: "geen-email", password: "x" }, "10.0.0.2")).toBeNull();
  });

  it("locks an account after 5 failures, even for the right password, and resets on success elsewhere", async () => {
    await t.db.rateLimitHit.deleteMany();
    for (let i = 0; i < auth.LOGIN_LIMITS.account; i++) {
      expect(await auth.verifyCredentials({ email: "agent@school.test", password: `fout-${i}` }, `10.1.0.${i}`)).toBeNull();
    }
    await expect(auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.9.9.9")).rejects.toBeInstanceOf(auth.RateLimitedSignin);
    // The lock is stored in the database, so another app instance (another client) sees it too.
    expect(await t.db.rateLimitHit.count({ where: { bucket: "login-account", key: "agent@school.test" } })).toBe(auth.LOGIN_LIMITS.account);
  });

  it("limits one IP address across accounts", async () => {
    await t.db.rateLimitHit.deleteMany();
    for (let i = 0; i < auth.LOGIN_LIMITS.ip; i++) {
      await auth.verifyCredentials({ email: `x${i}@school.test`, password: "fout" }, "10.5.5.5");
    }
    await expect(auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.5.5.5")).rejects.toBeInstanceOf(auth.RateLimitedSignin);
    expect(await auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.5.5.6")).not.toBeNull();
  });
});
