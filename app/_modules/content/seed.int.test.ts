import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/app/_core/db";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { ContentError } from "./errors";
import { seedContent } from "./seed";
import { getTaxonomy } from "./store";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");

/** A private copy of content/ to break or edit. */
function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-"));
  fs.cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

async function counts(t: TestDb) {
  const [articles, revisions, protocols, desks, users] = await Promise.all([
    t.db.article.count(),
    t.db.articleRevision.count(),
    t.db.protocol.count(),
    t.db.desk.count(),
    t.db.user.count(),
  ]);
  return { articles, revisions, protocols, desks, users };
}

describe("seedContent", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("imports desks, taxonomy, protocols, articles and demo users", async () => {
    const report = await seedContent(t.db, { contentDir: CONTENT, demoUsers: true });
    const files = fs.readdirSync(path.join(CONTENT, "articles")).filter((f) => f.endsWith(".md"));
    expect(report.articles.created).toBe(files.length);
    expect(report.desks.created).toBe(2);
    expect(report.protocols.created).toBe(2);
    const c = await counts(t);
    expect(c).toMatchObject({ articles: files.length, revisions: files.length, protocols: 2, desks: 2, users: 6 });
    const art = await t.db.article.findFirstOrThrow({ where: { protocolRuleIds: { contains: "late-3" } } });
    expect(JSON.parse(art.protocolRuleIds)).toContain("late-3");
  });

  it("is a no-op the second time", async () => {
    const before = await counts(t);
    const report = await seedContent(t.db, { contentDir: CONTENT, demoUsers: true });
    for (const c of Object.values(report)) {
      expect(c.created).toBe(0);
      expect(c.updated).toBe(0);
    }
    expect(await counts(t)).toEqual(before);
  });

  it("a second start with unchanged content writes nothing and does not read the articles", async () => {
    const ops: string[] = [];
    const watched = t.db.$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          ops.push(`${model ?? "raw"}.${operation}`);
          return query(args);
        },
      },
    }) as unknown as Db;
    const report = await seedContent(watched, { contentDir: CONTENT, demoUsers: true });
    const files = fs.readdirSync(path.join(CONTENT, "articles")).filter((f) => f.endsWith(".md"));
    expect(report).toEqual({
      desks: { created: 0, updated: 0, unchanged: 2 },
      taxonomy: { created: 0, updated: 0, unchanged: 1 },
      protocols: { created: 0, updated: 0, unchanged: 2 },
      articles: { created: 0, updated: 0, unchanged: files.length },
      users: { created: 0, updated: 0, unchanged: 6 },
    });
    expect(ops.filter((o) => !/\.(findUnique|findMany|findFirst|count)$/.test(o))).toEqual([]);
    expect(ops).toEqual(["Setting.findUnique", "User.findMany"]);
  });

  it("adds a few months of demo history once: both desks, every channel, organisations, transfers, SLA", async () => {
    const { seedDemoData } = await import("./demo-data");
    const { CHANNELS } = await import("@/app/_modules/tickets/channel");
    const { referenceYear } = await import("@/app/_modules/tickets/reference");
    const now = new Date("2026-11-18T10:30:00Z");
    const sqliteUrl = t.kind === "sqlite" ? t.url : undefined;
    const made = await seedDemoData(t.db, now, { sqliteUrl });
    expect(made).toBeGreaterThanOrEqual(300);
    expect(made).toBeLessThanOrEqual(420);
    expect(await t.db.ticket.count()).toBe(made);
    // Every desk has tickets from every channel.
    const perDeskChannel = await t.db.ticket.groupBy({ by: ["deskId", "channel"], _count: { _all: true } });
    for (const desk of ["po", "vo-mbo"])
      for (const channel of CHANNELS) {
        const n = perDeskChannel.find((r) => r.deskId === desk && r.channel === channel)?._count._all ?? 0;
        expect(n, `${desk} ${channel}`).toBeGreaterThanOrEqual(5);
      }
    // Spread over months, all before now.
    const span = await t.db.ticket.aggregate({ _min: { createdAt: true }, _max: { createdAt: true } });
    expect(now.getTime() - span._min.createdAt!.getTime()).toBeGreaterThan(90 * 86_400_000);
    expect(span._max.createdAt!.getTime()).toBeLessThan(now.getTime());
    for (const status of ["new", "open", "resolved", "closed"])
      expect(await t.db.ticket.count({ where: { status } }), status).toBeGreaterThan(0);
    // Replies, notes, waits for the caller, transfers (with the former reference and an audit event).
    expect(await t.db.message.count({ where: { kind: "reply" } })).toBeGreaterThan(150);
    expect(await t.db.message.count({ where: { kind: "note" } })).toBeGreaterThan(20);
    expect(await t.db.ticket.count({ where: { slaPausedMs: { gt: 0 } } })).toBeGreaterThan(10);
    const transfers = await t.db.ticketFormerReference.count();
    expect(transfers).toBeGreaterThan(5);
    expect(await t.db.auditEvent.count({ where: { action: "ticket.transferred" } })).toBe(transfers);
    // SLA: most first responses on time, some late.
    const answered = await t.db.ticket.findMany({
      where: { firstRespondedAt: { not: null } },
      select: { firstRespondedAt: true, firstResponseDueAt: true },
    });
    const late = answered.filter((x) => x.firstRespondedAt! > x.firstResponseDueAt!).length;
    expect(late).toBeGreaterThan(10);
    expect(answered.length - late).toBeGreaterThan(late * 3);
    // Organisations and schools concerned, phone contacts and callbacks.
    expect(await t.db.ticket.count({ where: { organisationId: { not: null } } })).toBeGreaterThan(made * 0.8);
    expect(await t.db.ticket.count({ where: { schoolId: { not: null } } })).toBeGreaterThan(20);
    expect(await t.db.organisation.count({ where: { tickets: { some: {} } } })).toBeGreaterThan(40);
    expect(await t.db.contact.count({ where: { ticketId: { not: null } } })).toBe(
      await t.db.ticket.count({ where: { channel: "phone" } }),
    );
    expect(await t.db.contact.count({ where: { outcome: "out_of_scope" } })).toBeGreaterThan(0);
    expect(await t.db.callback.count()).toBeGreaterThan(0);
    // Searches (with content gaps), feedback and question-analysis runs of the same weeks.
    expect(await t.db.searchLog.count()).toBeGreaterThan(300);
    expect(await t.db.searchLog.count({ where: { resultCount: 0 } })).toBeGreaterThan(30);
    expect(await t.db.articleFeedback.count()).toBeGreaterThan(50);
    expect(await t.db.deflectionRun.count()).toBeGreaterThan(200);
    expect(await t.db.mailOutbox.count({ where: { status: "pending" } })).toBe(0);
    // Number 1 of both desks exists and is open (the transfer tests use the collision), and the counters know
    // every number given out, so the next ticket gets a free one.
    const year = referenceYear(now);
    const ones = await t.db.ticket.findMany({ where: { year, number: 1 }, select: { deskId: true, status: true } });
    expect(ones.map((o) => o.deskId).sort()).toEqual(["po", "vo-mbo"]);
    expect(ones.every((o) => o.status !== "closed")).toBe(true);
    for (const deskId of ["po", "vo-mbo"]) {
      const max = await t.db.ticket.aggregate({ where: { deskId, year }, _max: { number: true } });
      const formerMax = (await t.db.ticketFormerReference.findMany({ select: { reference: true } }))
        .filter((f) => f.reference.startsWith(deskId === "po" ? "PO-" : "IPO-"))
        .map((f) => Number(f.reference.slice(-6)));
      const counter = await t.db.ticketCounter.findUniqueOrThrow({ where: { deskId_year: { deskId, year } } });
      expect(counter.value).toBe(Math.max(max._max.number!, ...formerMax));
    }

    // Once: a second run adds nothing.
    const before = await Promise.all([t.db.ticket.count(), t.db.searchLog.count(), t.db.message.count()]);
    expect(await seedDemoData(t.db, now, { sqliteUrl })).toBe(0);
    expect(await Promise.all([t.db.ticket.count(), t.db.searchLog.count(), t.db.message.count()])).toEqual(before);
  });

  it("the demo history is the same on every fresh database (seeded PRNG)", async () => {
    const { seedDemoData } = await import("./demo-data");
    const now = new Date("2026-11-18T10:30:00Z");
    const other = await createTestDb();
    try {
      await seedContent(other.db, { contentDir: CONTENT, demoUsers: true });
      // This one through Prisma (createMany), the first through prepared statements on SQLite: the same rows.
      await seedDemoData(other.db, now);
      const shape = (x: TestDb) =>
        x.db.ticket.findMany({
          orderBy: { reference: "asc" },
          select: {
            reference: true,
            status: true,
            channel: true,
            topic: true,
            subject: true,
            createdAt: true,
            firstRespondedAt: true,
            resolvedAt: true,
            organisation: { select: { name: true } },
            school: { select: { name: true } },
            _count: { select: { messages: true } },
          },
        });
      const [a, b] = await Promise.all([shape(t), shape(other)]);
      expect(b.length).toBeGreaterThan(300);
      expect(b).toEqual(a);
    } finally {
      await other.drop();
    }
  });

  it("updates an edited article and keeps its history", async () => {
    const dir = copyContent();
    const file = path.join(dir, "articles", "te-laat-komen.md");
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, "utf8")
        .replace(/^title: .*$/m, "title: Wat doet de school als een leerling vaak te laat is?"),
    );
    const report = await seedContent(t.db, { contentDir: dir, demoUsers: false });
    expect(report.articles).toEqual({ created: 0, updated: 1, unchanged: expect.any(Number) });
    const a = await t.db.article.findUniqueOrThrow({
      where: { slug: "te-laat-komen" },
      include: { revisions: { orderBy: { number: "asc" } } },
    });
    expect(a.title).toBe("Wat doet de school als een leerling vaak te laat is?");
    expect(a.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(JSON.parse(a.revisions[0]!.snapshot).title).not.toBe(a.title);
  });

  it("a re-seeded taxonomy is read at once by the process that seeded it (the store's cache is cleared)", async () => {
    useAsAppDb(t);
    const before = await getTaxonomy(); // now cached for a few seconds
    expect(before.topics.find((x) => x.id === "verzuim-melden")?.label).toBe("Verzuim melden");
    const dir = copyContent();
    const file = path.join(dir, "taxonomy.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("label: Verzuim melden", "label: Verzuim doorgeven"));
    const report = await seedContent(t.db, { contentDir: dir, demoUsers: false });
    expect(report.taxonomy.updated).toBe(1);
    expect((await getTaxonomy()).topics.find((x) => x.id === "verzuim-melden")?.label).toBe("Verzuim doorgeven");
  });
});

describe("seedContent with a bad file", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.drop();
  });

  const cases: { name: string; edit: (dir: string) => void; file: RegExp; field: RegExp }[] = [
    {
      name: "unknown topic in an article",
      edit: (d) => replaceIn(path.join(d, "articles", "te-laat-komen.md"), /^topic: .*$/m, "topic: bestaat-niet"),
      file: /content\/articles\/te-laat-komen\.md/,
      field: /topic/,
    },
    {
      name: "slug that does not match the file name",
      edit: (d) => replaceIn(path.join(d, "articles", "luxe-verzuim.md"), /^slug: .*$/m, "slug: iets-anders"),
      file: /content\/articles\/luxe-verzuim\.md/,
      field: /slug/,
    },
    {
      name: "unknown protocol rule in a body",
      edit: (d) => fs.appendFileSync(path.join(d, "articles", "luxe-verzuim.md"), "\n{{regel:late-99}}\n"),
      file: /luxe-verzuim\.md/,
      field: /late-99/,
    },
    {
      name: "desk with a bad phone link",
      edit: (d) => replaceIn(path.join(d, "desks.yaml"), /phoneHref: "\+31505997766"/, 'phoneHref: "0505997766"'),
      file: /content\/desks\.yaml/,
      field: /phoneHref/,
    },
    {
      name: "protocol threshold that is not a number",
      edit: (d) => replaceIn(path.join(d, "protocols", "stellingwerf-college.yaml"), /count: 3\b/, "count: drie"),
      file: /stellingwerf-college\.yaml/,
      field: /count/,
    },
    {
      name: "taxonomy that is not YAML",
      edit: (d) => fs.writeFileSync(path.join(d, "taxonomy.yaml"), "audiences: [\n  - broken"),
      file: /content\/taxonomy\.yaml/,
      field: /YAML/,
    },
  ];

  it.each(cases)("stops on $name, names the file and field, writes nothing", async ({ edit, file, field }) => {
    const dir = copyContent();
    edit(dir);
    const err = await seedContent(t.db, { contentDir: dir, demoUsers: true }).catch((e) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect(err.message).toMatch(file);
    expect(err.message).toMatch(field);
    expect(await counts(t)).toEqual({ articles: 0, revisions: 0, protocols: 0, desks: 0, users: 0 });
  });
});

function replaceIn(file: string, re: RegExp, to: string) {
  const text = fs.readFileSync(file, "utf8");
  if (!re.test(text)) throw new Error(`test setup: ${re} not found in ${file}`);
  fs.writeFileSync(file, text.replace(re, to));
}
