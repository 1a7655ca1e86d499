import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { hashPassword, verifyPassword } from "./password";

let t: TestDb;
let auth: typeof import("./auth");

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  auth = await import("./auth");
  await t.db.desk.create({
    data: {
      id: "po",
      name: "PO",
      shortName: "PO",
      referencePrefix: "PO",
      serves: "x",
      phone: "1",
      phoneHref: "+311",
      hours: "{}",
    },
  });
  await t.db.user.create({
    data: {
      email: "agent@school.test",
      name: "Agent",
      role: "agent",
      passwordHash: await hashPassword("juist-wachtwoord"),
      desks: { create: [{ deskId: "po" }] },
    },
  });
  await t.db.user.create({
    data: {
      email: "weg@school.test",
      name: "Weg",
      role: "editor",
      active: false,
      passwordHash: await hashPassword("juist-wachtwoord"),
    },
  });
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
    expect(
      await auth.verifyCredentials({ email: "weg@school.test", password: "juist-wachtwoord" }, "10.0.0.2"),
    ).toBeNull();
    expect(await auth.verifyCredentials({ email: "geen-email", password: "x" }, "10.0.0.2")).toBeNull();
  });

  it("blocks one address guessing on an account, but the right password still works from elsewhere", async () => {
    await t.db.rateLimitHit.deleteMany();
    for (let i = 0; i < auth.LOGIN_LIMITS.pair; i++) {
      expect(
        await auth.verifyCredentials({ email: "agent@school.test", password: `fout-${i}` }, "10.1.0.1"),
      ).toBeNull();
    }
    await expect(
      auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.1.0.1"),
    ).rejects.toBeInstanceOf(auth.RateLimitedSignin);
    // The real user (any other address) is not locked out by someone guessing on their account.
    expect(
      await auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.9.9.9"),
    ).not.toBeNull();
    // The block is stored in the database, so another app instance sees it too.
    expect(await t.db.rateLimitHit.count({ where: { bucket: "login-pair", key: "agent@school.test 10.1.0.1" } })).toBe(
      auth.LOGIN_LIMITS.pair,
    );
  });

  it("a spread-out attack on one account shuts out new addresses, never an address the user logged in from", async () => {
    await t.db.rateLimitHit.deleteMany();
    expect(
      await auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.20.0.1"),
    ).not.toBeNull();
    // 49 earlier failures from as many addresses (stored as the limiter stores them; scrypt for each is slow) …
    await t.db.rateLimitHit.createMany({
      data: Array.from({ length: auth.LOGIN_LIMITS.account - 1 }, () => ({
        bucket: "login-account",
        key: "agent@school.test",
      })),
    });
    // … and the 50th through the real path
    expect(await auth.verifyCredentials({ email: "agent@school.test", password: "fout" }, "10.30.0.1")).toBeNull();
    await expect(
      auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.40.0.1"),
    ).rejects.toBeInstanceOf(auth.RateLimitedSignin);
    expect(
      await auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.20.0.1"),
    ).not.toBeNull();
  });

  it("limits one IP address across accounts", async () => {
    await t.db.rateLimitHit.deleteMany();
    for (let i = 0; i < auth.LOGIN_LIMITS.ip; i++) {
      await auth.verifyCredentials({ email: `x${i}@school.test`, password: "fout" }, "10.5.5.5");
    }
    await expect(
      auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.5.5.5"),
    ).rejects.toBeInstanceOf(auth.RateLimitedSignin);
    expect(
      await auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.5.5.6"),
    ).not.toBeNull();
  });
});

describe("session version", () => {
  it("a session holds only while the account is active and at the version it was issued at", async () => {
    const users = await import("@/app/_modules/users/service");
    const u = await t.db.user.findUniqueOrThrow({ where: { email: "agent@school.test" } });
    const issued = (await auth.verifyCredentials(
      { email: "agent@school.test", password: "juist-wachtwoord" },
      "10.60.0.1",
    ))!;
    expect(issued.sessionVersion).toBe(u.sessionVersion);
    const row = async () => t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(auth.sessionStillValid(await row(), issued.sessionVersion)).toBe(true);

    // logout
    await users.endUserSessions(t.db, { userId: u.id });
    expect(auth.sessionStillValid(await row(), issued.sessionVersion)).toBe(false);

    // password change: sessions from before end, the new password works, the old one not
    const again = (await auth.verifyCredentials(
      { email: "agent@school.test", password: "juist-wachtwoord" },
      "10.60.0.1",
    ))!;
    expect(auth.sessionStillValid(await row(), again.sessionVersion)).toBe(true);
    await expect(users.changeUserPassword(t.db, { userId: u.id, password: "kort" })).rejects.toThrow(
      /ander wachtwoord/,
    );
    expect(auth.sessionStillValid(await row(), again.sessionVersion)).toBe(true);
    await users.changeUserPassword(t.db, { userId: u.id, password: "nieuw-wachtwoord-123" });
    expect(auth.sessionStillValid(await row(), again.sessionVersion)).toBe(false);
    expect(
      await auth.verifyCredentials({ email: "agent@school.test", password: "juist-wachtwoord" }, "10.60.0.1"),
    ).toBeNull();
    const third = (await auth.verifyCredentials(
      { email: "agent@school.test", password: "nieuw-wachtwoord-123" },
      "10.60.0.1",
    ))!;
    expect(auth.sessionStillValid(await row(), third.sessionVersion)).toBe(true);

    // deactivation
    await users.deactivateUser(t.db, { userId: u.id });
    expect(auth.sessionStillValid(await row(), third.sessionVersion)).toBe(false);
    expect(auth.sessionStillValid(await row(), (await row()).sessionVersion)).toBe(false);
  });
});
