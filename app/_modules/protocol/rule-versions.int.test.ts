// An editor's rule version in the portal (issue #19), on the seeded content: late-3 of the Stellingwerf College gets
// count 4 from 1 August 2027. The API evaluates with the new threshold (and protocol version) after that day and the
// old one before; an article renders both; bad input stores nothing; the change is audited and recorded.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as evaluateRoute } from "@/app/api/v1/protocol/evaluate/route";
import { parseActionInput } from "@/app/_core/action";
import { ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { contentResolver, renderBody } from "@/app/_modules/articles/service";
import { seedContent } from "@/app/_modules/content/seed";
import { countChangedSinceReply, listChangedSinceReply } from "@/app/_modules/provenance/changed";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { newTicket } from "@/tests/helpers/desk-fixtures";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { addRuleVersion, ruleVersionInputSchema } from "./rule-versions";
import { clearProtocolCache, getProtocols } from "./store";
import { ruleVersionAt } from "./versions";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
const NOW = new Date("2026-12-07T12:00:00Z");
const BEFORE = new Date("2026-12-01T09:00:00Z");
const AFTER = new Date("2026-12-08T09:00:00Z");

async function post(body: unknown) {
  const res = await evaluateRoute(
    new Request("http://test/api/v1/protocol/evaluate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const late = (...dates: string[]) => dates.map((date) => ({ date, type: "late" }));
const form = (over: Record<string, unknown> = {}) => ({
  protocolId: "stellingwerf-college",
  ruleId: "late-3",
  validFrom: "2027-08-01",
  threshold: { count: "4" },
  note: "Nieuw schooljaar: vanaf de vierde keer.",
  ...over,
});

describe(`editor rule versions (${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "SQLite"})`, () => {
  let t: TestDb;
  let editor: { id: string };
  let agent: SessionUser;
  /** A ticket answered (at `when`) with a link to the article that renders late-3. */
  const answered = async (when: Date) => {
    const { reference } = await newTicket(
      t.db,
      "vo-mbo",
      { callerType: "vo-school", organisation: "Stellingwerf College", question: "Wanneer mailt de school?" },
      when,
    );
    await replyToTicket(t.db, {
      user: agent,
      reference,
      kind: "reply",
      body: "U leest het hier: https://helpdesk.test/artikelen/te-laat-komen",
      now: new Date(when.getTime() + 60_000),
    });
    return reference;
  };
  let earlyRef: string;
  const counts = async () => ({
    versions: await t.db.protocolRuleVersion.count(),
    changes: await t.db.changeEvent.count({ where: { kind: "protocol" } }),
    audits: await t.db.auditEvent.count({ where: { action: "protocol.rule_version_added" } }),
  });
  /** Validates like the server action, then saves. */
  const save = async (raw: unknown) => {
    const parsed = parseActionInput(ruleVersionInputSchema, raw);
    if (!parsed.ok) throw new ValidationError(parsed.error, []);
    return addRuleVersion(t.db, { user: editor, input: parsed.data, now: NOW });
  };

  beforeAll(async () => {
    t = await createTestDb();
    useAsAppDb(t);
    await seedContent(t.db, { contentDir: CONTENT, demoUsers: false });
    editor = await t.db.user.create({
      data: { email: "redacteur@test.nl", name: "Redacteur", role: "editor", passwordHash: "x" },
      select: { id: true },
    });
    const a = await t.db.user.create({
      data: {
        email: "agent@test.nl",
        name: "Medewerker",
        role: "agent",
        passwordHash: "x",
        desks: { create: [{ deskId: "vo-mbo" }] },
      },
    });
    agent = { id: a.id, email: a.email, name: a.name, role: "agent", desks: ["vo-mbo"] };
    clearProtocolCache();
    earlyRef = await answered(BEFORE);
  });
  afterAll(async () => {
    clearProtocolCache();
    await t?.drop();
  });

  it("refuses bad input with Dutch messages and stores nothing", async () => {
    const before = await counts();
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ validFrom: "2027-02-30" }, "validFrom", /bestaande datum/],
      [{ validFrom: "2026-12-07" }, "validFrom", /na vandaag/],
      [{ validFrom: "2026-01-01" }, "validFrom", /na vandaag/],
      [{ threshold: { count: "0" } }, "threshold.count", /heel getal groter dan 0/],
      [{ threshold: { count: "3.5" } }, "threshold.count", /heel getal/],
      [{ threshold: { count: "-4" } }, "threshold.count", /heel getal/],
      [{ threshold: { hours: "4" } }, "threshold", /geen drempel/],
      [{ threshold: { count: "3" } }, "threshold", /hetzelfde/],
      [{ ruleId: "late-99" }, "ruleId", /geldt niet/],
      [{ note: "BSN 111222333 van de leerling" }, "note", /./],
    ];
    for (const [over, field, message] of bad) {
      const parsed = parseActionInput(ruleVersionInputSchema, form(over));
      if (!parsed.ok) {
        expect(parsed.fieldErrors[field], JSON.stringify(over)).toMatch(message);
        continue;
      }
      const err = await addRuleVersion(t.db, { user: editor, input: parsed.data, now: NOW }).catch((e) => e);
      expect(err, JSON.stringify(over)).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.find((i) => i.path === field)?.message, JSON.stringify(over)).toMatch(
        message,
      );
    }
    expect(await counts()).toEqual(before);
  });

  it("saves late-3 → 4 from 1 August 2027: API, article and change record follow the date", async () => {
    const oldFingerprint = ruleVersionAt(
      await getProtocols(),
      "stellingwerf-college",
      "late-3",
      "2027-08-01",
    )!.fingerprint;
    const before = await counts();
    const { changeId } = await save(form());
    expect(await counts()).toEqual({
      versions: before.versions + 1,
      changes: before.changes + 1,
      audits: before.audits + 1,
    });

    // The cache was cleared on save: the API uses the new version after the day and the old one before it.
    const aug = await post({ asOf: "2027-08-31", events: late("2027-08-02", "2027-08-03", "2027-08-04") });
    expect(aug.status).toBe(200);
    expect(aug.json.triggered).toEqual([]);
    expect(aug.json.protocolVersion).toEqual([
      { id: "stellingwerf-college@2027-08-01", validFrom: "2027-08-01", validUntil: null },
    ]);
    const four = await post({
      asOf: "2027-08-31",
      events: late("2027-08-02", "2027-08-03", "2027-08-04", "2027-08-05"),
    });
    expect(four.json.triggered).toEqual([
      expect.objectContaining({ id: "late-3", protocolVersion: "stellingwerf-college@2027-08-01" }),
    ]);
    const july = await post({ asOf: "2027-07-30", events: late("2027-07-05", "2027-07-06", "2027-07-07") });
    expect((july.json.triggered as { id: string }[]).map((x) => x.id)).toEqual(["late-3"]);
    expect(july.json.protocolVersion).toEqual([
      { id: "stellingwerf-college@begin", validFrom: null, validUntil: "2027-07-31" },
    ]);

    const set = await getProtocols();
    const next = ruleVersionAt(set, "stellingwerf-college", "late-3", "2027-08-01")!;
    expect(next.versionKey).toBe("late-3@2027-08-01");
    expect(next.fingerprint).not.toBe(oldFingerprint);
    expect(ruleVersionAt(set, "stellingwerf-college", "late-3", "2027-07-31")!.validUntil).toBe("2027-07-31");

    // An article that embeds late-3, rendered for today and for a day in the next school year.
    const rows = await t.db.article.findMany({
      where: { status: "published" },
      select: { body: true, protocolRuleIds: true },
      orderBy: { slug: "asc" },
    });
    const a = rows.find((r) => (JSON.parse(r.protocolRuleIds) as string[]).includes("late-3"))!;
    const text = async (day?: string) =>
      (await renderBody(a.body, await contentResolver(day))).replace(/<[^>]+>/g, " ");
    expect(await text("2027-07-31")).toContain("3 keer te laat");
    expect(await text()).not.toContain("4 keer te laat");
    const later = await text("2027-09-01");
    expect(later).toContain("4 keer te laat");
    expect(later).not.toContain("3 keer te laat");

    const change = await t.db.changeEvent.findUniqueOrThrow({ where: { id: changeId } });
    expect(change).toMatchObject({
      kind: "protocol",
      refId: "stellingwerf-college/late-3",
      isPublic: true,
      actorId: editor.id,
      summary: "Vanaf 1 augustus 2027: 4 keer te laat (was 3)",
      deskNote: "Nieuw schooljaar: vanaf de vierde keer.",
    });
    expect(change.title).toContain("3 keer te laat");
    expect(change.topic).toBeTruthy();
    expect(change.diff).toContain("count: 4");
  });

  it("Gewijzigd sinds uw antwoord: a reply is listed when its rule gets a new version later, also one that starts later", async () => {
    // The reply from before the save relied on late-3 without an end date: listed (it ends on 31 July 2027 now).
    const lateRef = await answered(AFTER);
    expect(await t.db.messageSource.count({ where: { kind: "rule", ruleId: "late-3" } })).toBe(2);
    const list = await listChangedSinceReply(t.db, agent, { now: AFTER });
    expect(list.map((i) => i.reference)).toEqual([earlyRef]);
    expect(list[0]!.changes.find((c) => c.kind === "rule")).toMatchObject({
      summary: "Vanaf 1 augustus 2027: 4 keer te laat (was 3)",
    });
    expect(await countChangedSinceReply(t.db, agent, AFTER)).toBe(1);
    // A version from 1 August 2028 leaves today's version as it is (same fingerprint), yet the later reply's answer
    // will be outdated then: listed too.
    const LATER = new Date("2026-12-09T09:00:00Z");
    await addRuleVersion(t.db, {
      user: editor,
      input: { ...form(), validFrom: "2028-08-01", threshold: { count: "5" }, note: "" },
      now: LATER,
    });
    const after = await listChangedSinceReply(t.db, agent, { now: LATER });
    expect(after.map((i) => i.reference).sort()).toEqual([earlyRef, lateRef].sort());
    expect(after.find((i) => i.reference === lateRef)!.changes[0]).toMatchObject({
      summary: "Vanaf 1 augustus 2028: 5 keer te laat (was 4)",
    });
    expect(await countChangedSinceReply(t.db, agent, LATER)).toBe(2);
  });

  it("refuses a second version from the same day and stores nothing", async () => {
    const before = await counts();
    const err = await save(form({ threshold: { count: "5" } })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues[0]?.message).toMatch(/al een nieuwe versie/);
    expect(await counts()).toEqual(before);
  });
});
