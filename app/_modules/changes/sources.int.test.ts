// The other sources of change records, on a real database (SQLite by default, PostgreSQL with TEST_DB=postgres):
// an admin's desk settings (desk-only record, audited; refusals store nothing) and a content re-seed that changes a
// protocol rule or a desk (the first import records nothing).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { updateDeskSettings } from "@/app/_modules/desks/settings";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { parseDiffText } from "./diff-text";
import { recordProtocolChanges } from "./protocol-change";
import { listDeskChanges, listPublicChanges, unreadChangeCount } from "./feed";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
let t: TestDb;
let dir: string;
let admin: SessionUser;
let poAgent: SessionUser;
let ipoAgent: SessionUser;

async function staff(role: "admin" | "agent", desks: ("po" | "vo-mbo")[]): Promise<SessionUser> {
  const u = await t.db.user.create({
    data: { email: `${role}-${desks.join("")}@test.nl`, name: `${role} ${desks.join(" ")}`, role, passwordHash: "x" },
  });
  return { id: u.id, email: u.email, name: u.name, role, desks };
}

beforeAll(async () => {
  t = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-"));
  fs.cpSync(CONTENT, dir, { recursive: true });
  await seedContent(t.db, { contentDir: dir, demoUsers: false });
  admin = await staff("admin", []);
  poAgent = await staff("agent", ["po"]);
  ipoAgent = await staff("agent", ["vo-mbo"]);
});
afterAll(async () => {
  await t?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const poSettings = {
  deskId: "po",
  phone: "050-599 77 66",
  days: [1, 2, 3, 4, 5],
  open: "09:00",
  close: "13:00",
  firstResponseBusinessDays: 1,
  resolutionBusinessDays: 5,
};

describe("first import", () => {
  it("records no changes", async () => {
    expect(await t.db.changeEvent.count()).toBe(0);
  });
});

describe("desk settings on /desk/beheer", () => {
  it("saving the same values (phone typed another way) changes nothing and records nothing", async () => {
    const before = await t.db.desk.findUniqueOrThrow({ where: { id: "po" } });
    expect(await updateDeskSettings(t.db, admin, { ...poSettings, phone: "0505997766" })).toEqual({
      changed: false,
      changeId: null,
    });
    expect(await t.db.desk.findUniqueOrThrow({ where: { id: "po" } })).toEqual(before);
    expect(await t.db.changeEvent.count()).toBe(0);
  });

  it("a phone number with a note for callers is kept as a number and a note", async () => {
    const ipo = await t.db.desk.findUniqueOrThrow({ where: { id: "vo-mbo" } });
    const hours = JSON.parse(ipo.hours) as { days: number[]; open: string; close: string };
    const same = {
      deskId: "vo-mbo",
      phone: ipo.phone,
      days: hours.days,
      open: hours.open,
      close: hours.close,
      firstResponseBusinessDays: ipo.firstResponseBusinessDays,
      resolutionBusinessDays: ipo.resolutionBusinessDays,
    };
    expect(ipo.phone).toMatch(/\(optie 4\)$/);
    expect((await updateDeskSettings(t.db, admin, same)).changed).toBe(false);
    const r = await updateDeskSettings(t.db, admin, { ...same, phone: "050 599 9000 (optie 5)" });
    expect(r.changed).toBe(true);
    expect(await t.db.desk.findUniqueOrThrow({ where: { id: "vo-mbo" } })).toMatchObject({
      phone: "050 599 9000 (optie 5)",
      phoneHref: "+31505999000",
    });
    await t.db.changeEvent.delete({ where: { id: r.changeId! } });
  });

  it("a change of hours and term is saved, audited and recorded for that desk's agents only", async () => {
    const r = await updateDeskSettings(t.db, admin, { ...poSettings, close: "17:00", resolutionBusinessDays: 3 });
    expect(r.changed).toBe(true);
    const desk = await t.db.desk.findUniqueOrThrow({ where: { id: "po" } });
    expect(JSON.parse(desk.hours)).toMatchObject({ open: "09:00", close: "17:00" });
    expect(desk.resolutionBusinessDays).toBe(3);
    const c = await t.db.changeEvent.findUniqueOrThrow({ where: { id: r.changeId! } });
    expect(c).toMatchObject({ kind: "desk", refId: "po", isPublic: false, actorId: admin.id });
    expect(c.summary).toBe(
      "Openingstijden: maandag tot en met vrijdag, 09.00–17.00 uur (was maandag tot en met vrijdag, 09.00–13.00 uur); " +
        "Oplossing binnen: 3 werkdagen (was 5 werkdagen).",
    );
    expect(parseDiffText(c.diff)).toContainEqual({ kind: "added", text: "3 werkdagen" });
    expect(await t.db.auditEvent.count({ where: { action: "desk.settings_changed", entityId: "po" } })).toBe(1);

    const po = { userId: poAgent.id, deskIds: poAgent.desks };
    const ipo = { userId: ipoAgent.id, deskIds: ipoAgent.desks };
    expect((await listDeskChanges(t.db, po)).map((x) => x.id)).toContain(c.id);
    expect((await listDeskChanges(t.db, ipo)).map((x) => x.id)).not.toContain(c.id);
    expect(await unreadChangeCount(t.db, po)).toBe(1);
    expect(await unreadChangeCount(t.db, ipo)).toBe(0);
    expect((await listPublicChanges(t.db)).map((x) => x.id)).not.toContain(c.id);
  });

  it("refuses bad input in Dutch per field, and non-admins; nothing is stored", async () => {
    const desk = await t.db.desk.findUniqueOrThrow({ where: { id: "po" } });
    const events = await t.db.changeEvent.count();
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ close: "08:00" }, "close", /sluitingstijd/],
      [{ days: [] }, "days", /minstens één dag/],
      [{ phone: "12" }, "phone", /geen geldig telefoonnummer/],
      [{ open: "9 uur" }, "open", /09:00/],
      [{ firstResponseBusinessDays: 0 }, "firstResponseBusinessDays", /minstens 1 werkdag/],
      [{ firstResponseBusinessDays: 4, resolutionBusinessDays: 3 }, "resolutionBusinessDays", /niet korter/],
      [{ deskId: "mbo" }, "deskId", /Kies een helpdesk/],
    ];
    for (const [over, field, message] of bad) {
      const e = await updateDeskSettings(t.db, admin, { ...poSettings, ...over }).catch((x: unknown) => x);
      expect(e, JSON.stringify(over)).toBeInstanceOf(ValidationError);
      const issue = (e as ValidationError).issues.find((i) => i.path === field);
      expect(issue?.message, field).toMatch(message);
    }
    const e = await updateDeskSettings(t.db, poAgent, { ...poSettings, close: "16:00" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    expect(await t.db.desk.findUniqueOrThrow({ where: { id: "po" } })).toEqual(desk);
    expect(await t.db.changeEvent.count()).toBe(events);
  });
});

describe("a content re-seed", () => {
  it("records one public change per changed protocol rule, with the rule's title and a diff; a desk change too", async () => {
    const lpw = path.join(dir, "protocols", "leerplichtwet.yaml");
    const text = fs.readFileSync(lpw, "utf8");
    expect(text).toContain("threshold: { hours: 16, windowDays: 28 }");
    fs.writeFileSync(
      lpw,
      text.replace("threshold: { hours: 16, windowDays: 28 }", "threshold: { hours: 12, windowDays: 28 }"),
    );
    const desks = path.join(dir, "desks.yaml");
    fs.writeFileSync(desks, fs.readFileSync(desks, "utf8").replace('open: "09:00"', 'open: "08:30"'));
    const before = await t.db.changeEvent.count();

    const report = await seedContent(t.db, { contentDir: dir, demoUsers: false });
    expect(report.protocols.updated).toBe(1);

    const rules = await t.db.changeEvent.findMany({ where: { kind: "protocol" } });
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      refId: "leerplichtwet/unexcused-16h-4w",
      summary: "Regel aangepast: drempel.",
      isPublic: true,
    });
    // The topic of the articles that embed the rule, so the desk's topic filter finds it.
    const embedding = await t.db.article.findMany({
      where: { protocolRuleIds: { contains: '"unexcused-16h-4w"' } },
      select: { topic: true },
    });
    expect(embedding.length).toBeGreaterThan(0);
    expect(embedding.map((a) => a.topic)).toContain(rules[0].topic);
    expect(rules[0].title).toMatch(/^Leerplichtwet: .*12 uur/);
    const diff = parseDiffText(rules[0].diff);
    expect(diff.find((l) => l.kind === "removed")?.text).toMatch(/hours: 16/);
    expect(diff.find((l) => l.kind === "added")?.text).toMatch(/hours: 12/);

    const deskChanges = await t.db.changeEvent.findMany({ where: { kind: "desk", actorId: null } });
    expect(deskChanges.length).toBeGreaterThanOrEqual(1);
    expect(deskChanges.some((d) => d.summary.includes("08.30"))).toBe(true);
    expect(await t.db.changeEvent.count()).toBe(before + rules.length + deskChanges.length);

    // The same content again: nothing new.
    await seedContent(t.db, { contentDir: dir, demoUsers: false });
    expect(await t.db.changeEvent.count()).toBe(before + rules.length + deskChanges.length);
  });

  it("a new version of a rule for next school year is one change, not one per version", async () => {
    const rule = { id: "late-x", kind: "late", title: "Te laat komen", threshold: { count: 3 } };
    const before = { id: "test-school", name: "Testschool", rules: [rule] };
    const after = {
      id: "test-school",
      name: "Testschool",
      rules: [
        { ...rule, validUntil: "2027-07-31" },
        { ...rule, threshold: { count: 2 }, validFrom: "2027-08-01" },
      ],
    };
    const ids = await recordProtocolChanges(t.db, { before, after });
    expect(ids).toHaveLength(1);
    const c = await t.db.changeEvent.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(c).toMatchObject({
      refId: "test-school/late-x",
      title: "Testschool: Te laat komen",
      summary: "Nieuwe versie van de regel, geldig vanaf 2027-08-01.",
    });
    const diff = parseDiffText(c.diff);
    expect(diff.filter((l) => l.kind === "added").map((l) => l.text.trim())).toEqual(
      expect.arrayContaining(["count: 2", "validFrom: 2027-08-01", "validUntil: 2027-07-31"]),
    );
    // A threshold fixed within a version names the field; the same definition again records nothing.
    const fixed = { ...after, rules: [after.rules[0], { ...after.rules[1], threshold: { count: 4 } }] };
    const [fix] = await recordProtocolChanges(t.db, { before: after, after: fixed });
    expect((await t.db.changeEvent.findUniqueOrThrow({ where: { id: fix } })).summary).toBe(
      "Regel aangepast: drempel.",
    );
    expect(await recordProtocolChanges(t.db, { before: fixed, after: fixed })).toEqual([]);
  });
});
