import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    t.db.article.count(), t.db.articleRevision.count(), t.db.protocol.count(), t.db.desk.count(), t.db.user.count(),
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

  it("adds demo questions, searches and feedback once", async () => {
    const { seedDemoData } = await import("./demo-data");
    const made = await seedDemoData(t.db);
    expect(made).toBeGreaterThan(5);
    expect(await t.db.ticket.count()).toBe(made);
    expect(await t.db.ticket.count({ where: { deskId: "po" } })).toBeGreaterThan(0);
    expect(await t.db.ticket.count({ where: { status: "new" } })).toBeGreaterThan(0);
    expect(await t.db.message.count({ where: { kind: "note" } })).toBeGreaterThan(0);
    expect(await t.db.searchLog.count({ where: { resultCount: 0 } })).toBeGreaterThan(0);
    expect(await t.db.mailOutbox.count({ where: { status: "pending" } })).toBe(0);
    expect(await seedDemoData(t.db)).toBe(0);
  });

  it("updates an edited article and keeps its history", async () => {
    const dir = copyContent();
    const file = path.join(dir, "articles", "te-laat-komen.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Wat doet de school als een leerling vaak te laat is?"));
    const report = await seedContent(t.db, { contentDir: dir, demoUsers: false });
    expect(report.articles).toEqual({ created: 0, updated: 1, unchanged: expect.any(Number) });
    const a = await t.db.article.findUniqueOrThrow({ where: { slug: "te-laat-komen" }, include: { revisions: { orderBy: { number: "asc" } } } });
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
      file: /content\/articles\/te-laat-komen\.md/, field: /topic/,
    },
    {
      name: "slug that does not match the file name",
      edit: (d) => replaceIn(path.join(d, "articles", "luxe-verzuim.md"), /^slug: .*$/m, "slug: iets-anders"),
      file: /content\/articles\/luxe-verzuim\.md/, field: /slug/,
    },
    {
      name: "unknown protocol rule in a body",
      edit: (d) => fs.appendFileSync(path.join(d, "articles", "luxe-verzuim.md"), "\n{{regel:late-99}}\n"),
      file: /luxe-verzuim\.md/, field: /late-99/,
    },
    {
      name: "desk with a bad phone link",
      edit: (d) => replaceIn(path.join(d, "desks.yaml"), /phoneHref: "\+31505997766"/, 'phoneHref: "0505997766"'),
      file: /content\/desks\.yaml/, field: /phoneHref/,
    },
    {
      name: "protocol threshold that is not a number",
      edit: (d) => replaceIn(path.join(d, "protocols", "stellingwerf-college.yaml"), /count: 3\b/, "count: drie"),
      file: /stellingwerf-college\.yaml/, field: /count/,
    },
    {
      name: "taxonomy that is not YAML",
      edit: (d) => fs.writeFileSync(path.join(d, "taxonomy.yaml"), "audiences: [\n  - broken"),
      file: /content\/taxonomy\.yaml/, field: /YAML/,
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
