// "Ook gevraagd als" questions through the editorial workflow, and the content-gap actions (question, synonym)
// reaching the search index, against a real database (SQLite by default, PostgreSQL with TEST_DB=postgres).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import {
  addGapQuestion,
  addGapSynonym,
  handledGaps,
  questionTargets,
  removeEditorSynonym,
  type GapActionHooks,
} from "./gap-actions";
import { searchesWithoutClick, searchesWithoutResults } from "./gaps";
import {
  approveArticle,
  FourEyesError,
  getArticleForEditor,
  saveDraft,
  submitForReview,
  type WorkflowHooks,
} from "./workflow";

let t: TestDb;
let svc: typeof import("@/app/_modules/search/service");
const users: Record<"a" | "b", SessionUser> = {} as never;
let publishHooks: WorkflowHooks;
let synonymHooks: GapActionHooks;

async function rejects(p: Promise<unknown>): Promise<Error & { issues?: { path: string; message: string }[] }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a rejection");
}

const slugsFor = async (q: string) => (await svc.searchArticles({ q })).hits.map((h) => h.slug);
const articleId = async (slug: string) => (await t.db.article.findUniqueOrThrow({ where: { slug } })).id;
const logged = (query: string, resultCount: number) =>
  t.db.searchLog.create({ data: { query, normalized: query, resultCount, createdAt: new Date() } });

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "../../../content"), demoUsers: false });
  for (const key of ["a", "b"] as const) {
    const u = await t.db.user.create({
      data: { email: `${key}@test.nl`, name: `Redacteur ${key}`, role: "editor", passwordHash: "x" },
    });
    users[key] = { id: u.id, email: u.email, name: u.name, role: "editor", desks: [] };
  }
  svc = await import("@/app/_modules/search/service");
  await svc.rebuildArticleIndex(t.db);
  publishHooks = {
    onPublished: (id) => svc.syncArticleInIndex(id, t.db),
    onUnpublished: (id) => svc.syncArticleInIndex(id, t.db),
  };
  synonymHooks = { onSynonymsChanged: () => svc.refreshArticleIndexSettings(t.db) };
});
afterAll(async () => {
  await t?.drop();
});

describe("questions in the editorial workflow", () => {
  it("saves questions as a draft of a published article; they go live (and into search) only after another editor approves", async () => {
    const id = await articleId("te-laat-komen");
    const before = await getArticleForEditor(t.db, { user: users.a, articleId: id });
    const imported = before.fields.questions; // from content/articles/te-laat-komen.md
    expect(imported.length).toBeGreaterThan(0);
    const fields = {
      ...before.fields,
      questions: [...imported, "  Mijn  leerling komt steeds het eerste uur binnen, wat nu? "],
    };
    const saved = await saveDraft(t.db, { user: users.a, articleId: id, fields, baseRevision: before.revision });
    // The live row keeps its approved content; the question waits in the revision.
    expect(JSON.parse((await t.db.article.findUniqueOrThrow({ where: { id } })).questions)).toEqual(imported);
    expect((await getArticleForEditor(t.db, { user: users.a, articleId: id })).fields.questions).toEqual([
      ...imported,
      "Mijn leerling komt steeds het eerste uur binnen, wat nu?",
    ]);
    const sub = await submitForReview(t.db, { user: users.a, articleId: id, baseRevision: saved.revision });
    expect(
      await rejects(approveArticle(t.db, { user: users.a, articleId: id, baseRevision: sub.revision })),
    ).toBeInstanceOf(FourEyesError);
    await approveArticle(t.db, { user: users.b, articleId: id, baseRevision: sub.revision, hooks: publishHooks });
    expect(JSON.parse((await t.db.article.findUniqueOrThrow({ where: { id } })).questions)).toEqual([
      ...imported,
      "Mijn leerling komt steeds het eerste uur binnen, wat nu?",
    ]);
    expect(await slugsFor("eerste uur binnen")).toContain("te-laat-komen");
  });

  it("refuses bad questions with Dutch messages per question and stores nothing", async () => {
    const id = await articleId("luxe-verzuim");
    const a = await getArticleForEditor(t.db, { user: users.a, articleId: id });
    const revisions = await t.db.articleRevision.count({ where: { articleId: id } });
    const e = await rejects(
      saveDraft(t.db, {
        user: users.a,
        articleId: id,
        baseRevision: a.revision,
        fields: {
          ...a.fields,
          questions: [
            "Kort",
            "Mag mijn kind eerder op vakantie?",
            "mag mijn kind eerder op vakantie",
            "Leerling 123456782 was weg, moet ik melden?",
            "x".repeat(201),
          ],
        },
      }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    const byPath = Object.fromEntries(e.issues!.map((i) => [i.path, i.message]));
    expect(byPath["questions.0"]).toMatch(/5 tot 200 tekens/);
    expect(byPath["questions.2"]).toMatch(/staat er al \(vraag 2\)/);
    expect(byPath["questions.3"]).toMatch(/BSN of onderwijsnummer/);
    expect(byPath["questions.4"]).toMatch(/5 tot 200 tekens/);
    expect(byPath["questions.1"]).toBeUndefined();
    const many = await rejects(
      saveDraft(t.db, {
        user: users.a,
        articleId: id,
        baseRevision: a.revision,
        fields: { ...a.fields, questions: Array.from({ length: 21 }, (_, i) => `Vraag nummer ${i + 1} over vakantie`) },
      }),
    );
    expect(many.issues!.map((i) => i.path)).toEqual(["questions"]);
    expect(await t.db.articleRevision.count({ where: { articleId: id } })).toBe(revisions);
  });
});

describe("content-gap actions", () => {
  it("adds a search as a question: a draft offered for review, live and findable only after a second editor approves", async () => {
    await logged("skireis", 0);
    await logged("skireis", 0);
    expect((await searchesWithoutResults(t.db)).map((r) => r.query)).toContain("skireis");
    expect(await slugsFor("skireis")).toEqual([]);
    const id = await articleId("luxe-verzuim");
    const imported = JSON.parse((await t.db.article.findUniqueOrThrow({ where: { id } })).questions) as string[];

    const r = await addGapQuestion(t.db, {
      user: users.a,
      normalized: "skireis",
      question: "Mag een leerling een week eerder mee op skireis?",
      articleId: id,
    });
    expect(r).toMatchObject({ articleId: id, workingStatus: "in_review", submitted: true });
    // Handled: out of the open list, in the handled list with the article and its state.
    expect((await searchesWithoutResults(t.db)).map((x) => x.query)).not.toContain("skireis");
    const handled = (await handledGaps(t.db, { user: users.a })).find((h) => h.query === "skireis")!;
    expect(handled).toMatchObject({
      action: "question",
      by: "Redacteur a",
      article: { id, statusLabel: "online, wijziging ter beoordeling" },
    });
    // Four eyes: still not live, the adder cannot approve it.
    expect(JSON.parse((await t.db.article.findUniqueOrThrow({ where: { id } })).questions)).toEqual(imported);
    expect(await slugsFor("skireis")).toEqual([]);
    expect(await rejects(approveArticle(t.db, { user: users.a, articleId: id }))).toBeInstanceOf(FourEyesError);
    await approveArticle(t.db, { user: users.b, articleId: id, hooks: publishHooks });
    expect(await slugsFor("skireis")).toEqual(["luxe-verzuim"]);
    const revs = await t.db.articleRevision.findMany({
      where: { articleId: id },
      orderBy: { number: "desc" },
      take: 3,
    });
    expect(revs.map((x) => x.status)).toEqual(["published", "in_review", "draft"]);
    expect(revs[2]!.note).toMatch(/skireis/);
    expect(await t.db.auditEvent.count({ where: { action: "search_gap.question", entityType: "search_gap" } })).toBe(1);
  });

  it("adds the question to an existing draft without offering someone else's draft for review", async () => {
    await logged("verlof voor bruiloft opa", 3);
    const id = await articleId("verlof-gewichtige-omstandigheden");
    const a = await getArticleForEditor(t.db, { user: users.b, articleId: id });
    await saveDraft(t.db, {
      user: users.b,
      articleId: id,
      baseRevision: a.revision,
      fields: { ...a.fields, summary: `${a.fields.summary} Bijgewerkt.` },
    });
    const r = await addGapQuestion(t.db, {
      user: users.a,
      normalized: "verlof voor bruiloft opa",
      question: "Krijgt een leerling vrij voor de bruiloft van opa?",
      articleId: id,
    });
    expect(r.workingStatus).toBe("draft");
    const now = await getArticleForEditor(t.db, { user: users.a, articleId: id });
    expect(now.workingStatus).toBe("draft");
    expect(now.fields.summary).toMatch(/Bijgewerkt\.$/);
    expect(now.fields.questions).toEqual([...a.fields.questions, "Krijgt een leerling vrij voor de bruiloft van opa?"]);
    expect((await searchesWithoutClick(t.db)).map((x) => x.query)).not.toContain("verlof voor bruiloft opa");
  });

  it("refuses what it must: articles in review, duplicates, personal numbers, unknown or handled searches — storing nothing", async () => {
    await logged("ziek op vakantie", 0);
    const inReview = await articleId("verlof-gewichtige-omstandigheden");
    const x = await getArticleForEditor(t.db, { user: users.b, articleId: inReview });
    await submitForReview(t.db, { user: users.b, articleId: inReview, baseRevision: x.revision });
    const revisionsBefore = await t.db.articleRevision.count();

    const review = await rejects(
      addGapQuestion(t.db, {
        user: users.a,
        normalized: "ziek op vakantie",
        question: "Ziek op vakantie, wat nu?",
        articleId: inReview,
      }),
    );
    expect(review).toBeInstanceOf(ValidationError);
    expect(review.issues).toEqual([{ path: "articleId", message: expect.stringMatching(/ter beoordeling/) }]);
    const dup = await rejects(
      addGapQuestion(t.db, {
        user: users.a,
        normalized: "ziek op vakantie",
        question: "mag een leerling een week eerder mee op SKIREIS",
        articleId: await articleId("luxe-verzuim"),
      }),
    );
    expect(dup.issues).toEqual([{ path: "question", message: "Deze vraag staat al bij dit artikel." }]);
    const bsn = await rejects(
      addGapQuestion(t.db, {
        user: users.a,
        normalized: "ziek op vakantie",
        question: "Is 123456782 ziek op vakantie?",
        articleId: await articleId("luxe-verzuim"),
      }),
    );
    expect(bsn.issues![0]!.message).toMatch(/BSN/);
    const short = await rejects(
      addGapQuestion(t.db, { user: users.a, normalized: "ziek op vakantie", question: "ziek", articleId: "" }),
    );
    expect(short.issues!.map((i) => i.path)).toEqual(["question", "articleId"]);
    const unknown = await rejects(
      addGapQuestion(t.db, {
        user: users.a,
        normalized: "nooit gezocht",
        question: "Nooit gezocht, wel gevraagd?",
        articleId: await articleId("luxe-verzuim"),
      }),
    );
    expect(unknown.issues![0]!.path).toBe("normalized");
    const again = await rejects(
      addGapQuestion(t.db, {
        user: users.b,
        normalized: "skireis",
        question: "Skireis in februari, mag dat?",
        articleId: await articleId("vakantieverlof-aanvragen"),
      }),
    );
    expect(again).toBeInstanceOf(ConflictError);
    expect(await t.db.articleRevision.count()).toBe(revisionsBefore);
    // The typeahead offers only articles a question can go to.
    const titles = await questionTargets(t.db, { user: users.a });
    expect(titles.length).toBeGreaterThan(30);
    expect(titles.every((a) => a.title.length > 0)).toBe(true);
  });

  it("adds a synonym group that the search uses at once (no rebuild, no restart), audited; removing it takes it out again", async () => {
    await logged("brossen", 0);
    expect(await slugsFor("brossen")).toEqual([]);
    const bad = await rejects(
      addGapSynonym(t.db, { user: users.a, normalized: "brossen", terms: ["brossen", "BROSSEN"], hooks: synonymHooks }),
    );
    expect(bad.issues).toEqual([{ path: "terms", message: expect.stringMatching(/twee verschillende woorden/) }]);
    const long = await rejects(
      addGapSynonym(t.db, {
        user: users.a,
        normalized: "brossen",
        terms: ["brossen", "een heel lange uitleg in woorden"],
        hooks: synonymHooks,
      }),
    );
    expect(long.issues![0]!.path).toBe("terms.1");
    expect(await t.db.editorSynonym.count()).toBe(0);

    const r = await addGapSynonym(t.db, {
      user: users.a,
      normalized: "brossen",
      terms: ["Brossen", "spijbelen"],
      hooks: synonymHooks,
    });
    expect(r.terms).toEqual(["brossen", "spijbelen"]);
    const found = await slugsFor("brossen");
    expect(found).toContain("spijbelen-wat-doet-de-school");
    expect(await t.db.auditEvent.count({ where: { action: "search.synonym_added", entityId: r.id } })).toBe(1);
    expect((await searchesWithoutResults(t.db)).map((x) => x.query)).not.toContain("brossen");
    // A rebuild (another process starting) loads it from the database too.
    await svc.rebuildArticleIndex(t.db);
    expect((await slugsFor("brossen")).sort()).toEqual([...found].sort());
    await logged("spijbelen brossen", 2);
    const dup = await rejects(
      addGapSynonym(t.db, {
        user: users.b,
        normalized: "spijbelen brossen",
        terms: ["spijbelen", "brossen"],
        hooks: synonymHooks,
      }),
    );
    expect(dup.issues![0]!.message).toMatch(/staan al/);

    await removeEditorSynonym(t.db, { user: users.b, id: r.id, hooks: synonymHooks });
    expect(await slugsFor("brossen")).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: "search.synonym_removed", entityId: r.id } })).toBe(1);
  });
});
