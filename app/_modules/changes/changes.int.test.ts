// Change records against a real database (SQLite by default, PostgreSQL with TEST_DB=postgres): recording inside a
// transaction, refusals that store nothing, per-user read marks and the unread count, the public list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/app/_core/errors";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import {
  changeTopics,
  latestArticleChange,
  listDeskChanges,
  listPublicChanges,
  markAllChangesRead,
  markChangesRead,
  unreadChangeCount,
} from "./feed";
import { recordChange } from "./record";
import { linesDiffText, parseDiffText } from "./diff-text";

let t: TestDb;
let anna: string;
let bram: string;

beforeAll(async () => {
  t = await createTestDb();
  anna = (await t.db.user.create({ data: { email: "anna@test.nl", name: "Anna", role: "agent", passwordHash: "x" } }))
    .id;
  bram = (await t.db.user.create({ data: { email: "bram@test.nl", name: "Bram", role: "agent", passwordHash: "x" } }))
    .id;
});
afterAll(() => t.drop());

describe("recordChange", () => {
  it("records inside a transaction; a rolled-back transaction leaves no change", async () => {
    const before = await t.db.changeEvent.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await recordChange(tx, { kind: "article", refId: "a1", title: "Verlof", summary: "Nieuwe regel." });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await t.db.changeEvent.count()).toBe(before);

    const { id } = await t.db.$transaction((tx) =>
      recordChange(tx, {
        kind: "article",
        refId: "a1",
        title: "  Verlof buiten de schoolvakanties ",
        summary: "De termijn\nvoor een aanvraag is nu 8 weken.",
        diff: linesDiffText("Tekst", ["Vraag 6 weken vooraf aan."], ["Vraag 8 weken vooraf aan."]),
        deskNote: "Verwijs bellers naar het nieuwe formulier.",
        topic: "verlof",
        isPublic: true,
        actorId: anna,
      }),
    );
    const row = await t.db.changeEvent.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe("Verlof buiten de schoolvakanties");
    expect(row.summary).toBe("De termijn voor een aanvraag is nu 8 weken.");
    expect(parseDiffText(row.diff)).toEqual([
      { kind: "section", text: "Tekst" },
      { kind: "removed", text: "Vraag 6 weken vooraf aan." },
      { kind: "added", text: "Vraag 8 weken vooraf aan." },
    ]);
    expect(row.isPublic).toBe(true);
  });

  it("a desk change is never public", async () => {
    const { id } = await recordChange(t.db, {
      kind: "desk",
      refId: "po",
      title: "Openingstijden BRON PO",
      summary: "Open tot 17:00 in plaats van 13:00.",
      isPublic: true,
    });
    expect((await t.db.changeEvent.findUniqueOrThrow({ where: { id } })).isPublic).toBe(false);
  });

  it("refuses bad input with a Dutch message and stores nothing", async () => {
    const before = await t.db.changeEvent.count();
    const bad = [
      { kind: "article", refId: "a1", title: "Verlof", summary: "   " },
      { kind: "article", refId: "a1", title: "", summary: "Iets." },
      { kind: "article", refId: "a1", title: "Verlof", summary: "x".repeat(301) },
      { kind: "article", refId: "a1", title: "Verlof", summary: "Leerling met BSN 111222333 is verhuisd." },
      { kind: "article", refId: "a1", title: "Verlof", summary: "Iets.", deskNote: "Zoek leerling 123456782 op" },
      { kind: "regels", refId: "a1", title: "Verlof", summary: "Iets." },
    ] as const;
    for (const input of bad) {
      const err = await recordChange(t.db, input as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues[0].message).toMatch(/[A-Z].*(in\.|tekens|burgerservicenummer|soort|BSN)/i);
    }
    expect(await t.db.changeEvent.count()).toBe(before);
  });
});

describe("read marks", () => {
  it("counts unread per user; marking one or all only affects that user", async () => {
    const total = await t.db.changeEvent.count();
    expect(await unreadChangeCount(t.db, anna)).toBe(total);
    expect(await unreadChangeCount(t.db, bram)).toBe(total);

    const feed = await listDeskChanges(t.db, anna);
    expect(feed.map((f) => f.createdAt.getTime())).toEqual(
      [...feed].map((f) => f.createdAt.getTime()).sort((a, b) => b - a),
    );
    expect(await markChangesRead(t.db, anna, [feed[0].id, "bestaat-niet"])).toBe(1);
    expect(await markChangesRead(t.db, anna, [feed[0].id])).toBe(0);
    expect(await unreadChangeCount(t.db, anna)).toBe(total - 1);
    expect(await unreadChangeCount(t.db, bram)).toBe(total);
    expect((await listDeskChanges(t.db, anna)).find((f) => f.id === feed[0].id)?.read).toBe(true);
    expect((await listDeskChanges(t.db, bram)).find((f) => f.id === feed[0].id)?.read).toBe(false);
    expect((await listDeskChanges(t.db, anna, { unreadOnly: true })).length).toBe(total - 1);

    expect(await markAllChangesRead(t.db, anna)).toBe(total - 1);
    expect(await unreadChangeCount(t.db, anna)).toBe(0);
    expect(await unreadChangeCount(t.db, bram)).toBe(total);

    // A change after "alles gelezen" is unread again.
    await recordChange(t.db, { kind: "protocol", refId: "verzuim/r1", title: "Drempel", summary: "16 uur wordt 12." });
    expect(await unreadChangeCount(t.db, anna)).toBe(1);
  });

  it("pages newest first without gaps or repeats, also for changes in the same millisecond", async () => {
    const at = new Date("2026-10-01T08:00:00Z");
    for (let i = 0; i < 5; i++)
      await recordChange(t.db, {
        kind: "protocol",
        refId: `p/r${i}`,
        title: `Regel ${i}`,
        summary: "Iets.",
        createdAt: at,
      });
    const all = await listDeskChanges(t.db, anna, {}, 1000);
    const seen: string[] = [];
    let afterId: string | null = null;
    for (;;) {
      const page = await listDeskChanges(t.db, anna, { afterId }, 3);
      if (page.length === 0) break;
      seen.push(...page.map((p) => p.id));
      afterId = page[page.length - 1].id;
    }
    expect(seen).toEqual(all.map((a) => a.id));
    await t.db.changeEvent.deleteMany({ where: { createdAt: at } });
  });

  it("filters by topic and lists the topics in use", async () => {
    expect(await changeTopics(t.db)).toEqual(["verlof"]);
    const verlof = await listDeskChanges(t.db, anna, { topic: "verlof" });
    expect(verlof.map((f) => f.topic)).toEqual(["verlof"]);
    expect((await listDeskChanges(t.db, anna, { kind: "desk" })).map((f) => f.title)).toEqual([
      "Openingstijden BRON PO",
    ]);
    // An agent of the other desk does not see the BRON PO desk's settings change, in the list or the count.
    const ipo = { userId: bram, deskIds: ["vo-mbo"] };
    expect(await listDeskChanges(t.db, ipo, { kind: "desk" })).toEqual([]);
    expect(await unreadChangeCount(t.db, ipo)).toBe((await unreadChangeCount(t.db, bram)) - 1);
  });
});

describe("public changes", () => {
  it("lists only public changes; an article links to its page only while published", async () => {
    const art = await t.db.article.create({
      data: { slug: "verlof-aanvragen", title: "Verlof", summary: "s", body: "{}", topic: "verlof", status: "draft" },
    });
    await recordChange(t.db, {
      kind: "article",
      refId: art.id,
      title: "Verlof aanvragen",
      summary: "Nieuwe termijn.",
      isPublic: true,
      createdAt: new Date("2026-12-01T10:00:00Z"),
    });
    let list = await listPublicChanges(t.db);
    expect(list.every((c) => c.kind !== "desk")).toBe(true);
    expect(list.find((c) => c.refId === art.id)?.path).toBeNull();
    await t.db.article.update({ where: { id: art.id }, data: { status: "published" } });
    list = await listPublicChanges(t.db);
    expect(list.find((c) => c.refId === art.id)?.path).toBe("/artikelen/verlof-aanvragen");
    expect(await latestArticleChange(t.db, art.id)).toEqual({
      createdAt: new Date("2026-12-01T10:00:00Z"),
      summary: "Nieuwe termijn.",
    });
    // Not counted: the first publication itself (with `after`), another rule's change, a non-public change.
    expect(await latestArticleChange(t.db, art.id, new Date("2026-12-01T10:00:00Z"), ["late-3"])).toBeNull();
    await recordChange(t.db, {
      kind: "protocol",
      refId: "stellingwerf-college/late-30",
      title: "Andere regel",
      summary: "Niet deze.",
      isPublic: true,
      createdAt: new Date("2026-12-03T10:00:00Z"),
    });
    // A change of a rule the article embeds counts as a change of the article.
    await recordChange(t.db, {
      kind: "protocol",
      refId: "stellingwerf-college/late-3",
      title: "Te laat",
      summary: "Regel aangepast: drempel.",
      isPublic: true,
      createdAt: new Date("2026-12-02T10:00:00Z"),
    });
    expect(await latestArticleChange(t.db, art.id, new Date("2026-12-01T10:00:00Z"), ["late-3"])).toEqual({
      createdAt: new Date("2026-12-02T10:00:00Z"),
      summary: "Regel aangepast: drempel.",
    });
  });
});
