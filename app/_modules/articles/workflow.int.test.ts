// The editorial workflow against a real database (SQLite by default, PostgreSQL with TEST_DB=postgres).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import type { Role, SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { compareRevisions, listRevisions, restoreRevision } from "./revisions";
import {
  approveArticle,
  archiveArticle,
  createArticle,
  FourEyesError,
  getArticleForEditor,
  listArticlesForEditor,
  publishDueArticles,
  rejectReview,
  saveDraft,
  STALE_MESSAGE,
  submitForReview,
  type ArticleFieldsInput,
  type WorkflowHooks,
} from "./workflow";

let t: TestDb;
const users: Record<"a" | "b" | "admin" | "agent", SessionUser> = {} as never;

async function makeUser(key: keyof typeof users, role: Role): Promise<void> {
  const u = await t.db.user.create({
    data: { email: `${key}-${role}@test.nl`, name: `Gebruiker ${key}`, role, passwordHash: "x" },
  });
  users[key] = { id: u.id, email: u.email, name: u.name, role, desks: [] };
}

let slugCounter = 0;
function fields(
  over: Partial<ArticleFieldsInput> = {},
  text = "De school meldt het verzuim bij de gemeente.",
): ArticleFieldsInput {
  return {
    slug: `test-artikel-${++slugCounter}`,
    type: "faq",
    title: "Hoe meld ik verzuim?",
    summary: "Zo meldt de school verzuim bij de leerplichtambtenaar.",
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    audiences: ["school-vo"],
    sectors: ["vo"],
    topic: "verzuim-melden",
    reviewDueAt: "2027-06-01",
    ...over,
  };
}

/** Records hook calls together with the article's committed status at that moment. */
function recordingHooks() {
  const calls: {
    hook: "published" | "unpublished";
    id: string;
    status: string | undefined;
    title: string | undefined;
  }[] = [];
  const seen = async (hook: "published" | "unpublished", id: string) => {
    const a = await t.db.article.findUnique({ where: { id }, select: { status: true, title: true } });
    calls.push({ hook, id, status: a?.status, title: a?.title });
  };
  const hooks: WorkflowHooks = {
    onPublished: (id) => seen("published", id),
    onUnpublished: (id) => seen("unpublished", id),
  };
  return { calls, hooks };
}

async function rejects(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

beforeAll(async () => {
  t = await createTestDb();
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "../../../content"), demoUsers: false });
  await makeUser("a", "editor");
  await makeUser("b", "editor");
  await makeUser("admin", "admin");
  await makeUser("agent", "agent");
});

afterAll(async () => {
  await t?.drop();
});

describe("roles", () => {
  it.each([
    ["createArticle", () => createArticle(t.db, { user: users.agent, fields: fields() })],
    ["saveDraft", () => saveDraft(t.db, { user: users.agent, articleId: null, fields: fields(), baseRevision: null })],
    ["listArticlesForEditor", () => listArticlesForEditor(t.db, { user: users.agent })],
    ["listRevisions", () => listRevisions(t.db, { user: users.agent, articleId: "x" })],
    ["approveArticle", () => approveArticle(t.db, { user: users.agent, articleId: "x" })],
    ["publish without a user", () => approveArticle(t.db, { user: null as unknown as SessionUser, articleId: "x" })],
  ])("%s: an agent gets NotFoundError", async (_, run) => {
    expect(await rejects(run())).toBeInstanceOf(NotFoundError);
  });
});

describe("saving", () => {
  it("creates revision 1 as a draft and audits it", async () => {
    const r = await createArticle(t.db, { user: users.a, fields: fields() });
    expect(r.revision).toBe(1);
    const a = await t.db.article.findUniqueOrThrow({ where: { id: r.articleId } });
    expect(a.status).toBe("draft");
    const audit = await t.db.auditEvent.findMany({ where: { entityId: r.articleId } });
    expect(audit.map((e) => e.action)).toEqual(["article.created"]);
  });

  it("validates fields, taxonomy ids, slug, body and protocol rules with per-field Dutch messages", async () => {
    const bad = fields({
      slug: "Ongeldig Webadres",
      title: "Kort",
      audiences: ["bestaat-niet"],
      topic: "geen-onderwerp",
      body: {
        type: "doc",
        content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Kop" }] }],
      },
      reviewDueAt: "2027-02-30",
    });
    const e = (await rejects(createArticle(t.db, { user: users.a, fields: bad }))) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues.map((i) => i.path).sort()).toEqual(["body", "reviewDueAt", "slug", "title"]);

    const e2 = (await rejects(
      createArticle(t.db, {
        user: users.a,
        fields: fields({ audiences: ["bestaat-niet"], topic: "geen-onderwerp", slug: "ongeoorloofd-verzuim-melden" }),
      }),
    )) as ValidationError;
    expect(e2.issues.map((i) => i.path).sort()).toEqual(["audiences.0", "slug", "topic"]);
    expect(e2.issues.find((i) => i.path === "slug")!.message).toMatch(/al een artikel/);

    const withRule = (ruleId: string) =>
      fields({ body: { type: "doc", content: [{ type: "protocolRule", attrs: { ruleId, protocol: null } }] } });
    const e3 = (await rejects(
      createArticle(t.db, { user: users.a, fields: withRule("bestaat-niet") }),
    )) as ValidationError;
    expect(e3.issues).toEqual([{ path: "body", message: expect.stringContaining("bestaat-niet") }]);
    const ok = await createArticle(t.db, { user: users.a, fields: withRule("unexcused-16h-4w") });
    const row = await t.db.article.findUniqueOrThrow({ where: { id: ok.articleId } });
    expect(JSON.parse(row.protocolRuleIds)).toEqual(["unexcused-16h-4w"]);
  });

  it("autosaves: new revision per change, none for unchanged content, ConflictError for a stale base", async () => {
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    const r2 = await saveDraft(t.db, {
      user: users.a,
      articleId,
      fields: { ...f, title: "Hoe meld ik ongeoorloofd verzuim?" },
      baseRevision: 1,
    });
    expect(r2.revision).toBe(2);
    const same = await saveDraft(t.db, {
      user: users.a,
      articleId,
      fields: { ...f, title: "Hoe meld ik ongeoorloofd verzuim?" },
      baseRevision: 2,
    });
    expect(same.revision).toBe(2);

    // B saves on top of revision 1 while A already made revision 2.
    const stale = (await rejects(
      saveDraft(t.db, { user: users.b, articleId, fields: { ...f, title: "Andere titel van B" }, baseRevision: 1 }),
    )) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toBe(STALE_MESSAGE);
    const row = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(row.title).toBe("Hoe meld ik ongeoorloofd verzuim?");

    const missing = (await rejects(
      saveDraft(t.db, { user: users.a, articleId, fields: f, baseRevision: null }),
    )) as ValidationError;
    expect(missing.issues[0].path).toBe("baseRevision");
  });

  it("lets exactly one of two concurrent saves on the same base win", async () => {
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    const results = await Promise.allSettled([
      saveDraft(t.db, { user: users.a, articleId, fields: { ...f, title: "Titel van redacteur A" }, baseRevision: 1 }),
      saveDraft(t.db, { user: users.b, articleId, fields: { ...f, title: "Titel van redacteur B" }, baseRevision: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    expect(await t.db.articleRevision.count({ where: { articleId } })).toBe(2);
  });
});

describe("slug races", () => {
  it("turns a slug taken by a concurrent create into a per-field ValidationError", async () => {
    const f = fields();
    const results = await Promise.allSettled([
      createArticle(t.db, { user: users.a, fields: f }),
      createArticle(t.db, { user: users.b, fields: { ...f } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as ValidationError;
    expect(failed).toBeInstanceOf(ValidationError);
    expect(failed.issues.map((i) => i.path)).toEqual(["slug"]);
  });
});

describe("review and publication", () => {
  it("enforces four eyes and publishes after commit", async () => {
    const { calls, hooks } = recordingHooks();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: fields() });
    await submitForReview(t.db, { user: users.a, articleId, baseRevision: 1 });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("in_review");

    expect(await rejects(approveArticle(t.db, { user: users.a, articleId, hooks }))).toBeInstanceOf(FourEyesError);
    expect((await getArticleForEditor(t.db, { user: users.a, articleId })).canApprove).toBe(false);
    expect((await getArticleForEditor(t.db, { user: users.b, articleId })).canApprove).toBe(true);
    expect(calls).toEqual([]);

    const r = await approveArticle(t.db, { user: users.b, articleId, hooks });
    expect(r.status).toBe("published");
    expect(calls).toEqual([{ hook: "published", id: articleId, status: "published", title: "Hoe meld ik verzuim?" }]);
    const a = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([a.status, a.submittedById, a.publishedAt !== null, a.lastCheckedAt !== null]).toEqual([
      "published",
      null,
      true,
      true,
    ]);
    expect(await rejects(approveArticle(t.db, { user: users.admin, articleId }))).toBeInstanceOf(ConflictError);
  });

  it("keys four eyes on the writers too: editor 1 writes, editor 2 submits, editor 1 cannot approve", async () => {
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    await submitForReview(t.db, { user: users.b, articleId });
    const refused = await rejects(approveArticle(t.db, { user: users.a, articleId }));
    expect(refused).toBeInstanceOf(FourEyesError);
    expect((refused as Error).message).toContain("meegeschreven");
    expect((await getArticleForEditor(t.db, { user: users.a, articleId })).canApprove).toBe(false);
    expect((await getArticleForEditor(t.db, { user: users.a, articleId })).wroteIt).toBe(true);
    expect(await rejects(approveArticle(t.db, { user: users.b, articleId }))).toBeInstanceOf(FourEyesError);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("in_review");
    // Someone who neither wrote nor submitted approves.
    const pub = await approveArticle(t.db, { user: users.admin, articleId });
    expect(pub.status).toBe("published");

    // After publication only the new edits count: b edits, a submits; b wrote it, a only submitted.
    const edit = await saveDraft(t.db, {
      user: users.b,
      articleId,
      fields: { ...f, title: "Een nieuwe titel" },
      baseRevision: pub.revision,
    });
    await submitForReview(t.db, { user: users.a, articleId, baseRevision: edit.revision });
    expect(await rejects(approveArticle(t.db, { user: users.b, articleId }))).toBeInstanceOf(FourEyesError);
    expect(await rejects(approveArticle(t.db, { user: users.a, articleId }))).toBeInstanceOf(FourEyesError);
    // A rejection writes nothing: the admin who sent it back can approve the resubmission.
    await rejectReview(t.db, { user: users.admin, articleId, note: "Graag nog eens nalezen." });
    await submitForReview(t.db, { user: users.a, articleId });
    expect((await getArticleForEditor(t.db, { user: users.admin, articleId })).canApprove).toBe(true);
    expect((await approveArticle(t.db, { user: users.admin, articleId })).status).toBe("published");
  });

  it("applies four eyes to admins too, and lets an admin approve someone else's submission", async () => {
    const { articleId } = await createArticle(t.db, { user: users.admin, fields: fields() });
    await submitForReview(t.db, { user: users.admin, articleId });
    expect(await rejects(approveArticle(t.db, { user: users.admin, articleId }))).toBeInstanceOf(FourEyesError);
    const other = await createArticle(t.db, { user: users.a, fields: fields() });
    await submitForReview(t.db, { user: users.a, articleId: other.articleId });
    expect((await approveArticle(t.db, { user: users.admin, articleId: other.articleId })).status).toBe("published");
  });

  it("keeps the published version live while a change is edited and reviewed", async () => {
    const { calls, hooks } = recordingHooks();
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    await submitForReview(t.db, { user: users.a, articleId });
    const pub = await approveArticle(t.db, { user: users.b, articleId, hooks });

    const edit = await saveDraft(t.db, {
      user: users.a,
      articleId,
      fields: { ...f, title: "Nieuwe titel in concept" },
      baseRevision: pub.revision,
    });
    let row = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([row.status, row.title]).toEqual(["published", "Hoe meld ik verzuim?"]);
    const opened = await getArticleForEditor(t.db, { user: users.a, articleId });
    expect([opened.workingStatus, opened.hasPendingChanges, opened.fields.title, opened.revision]).toEqual([
      "draft",
      true,
      "Nieuwe titel in concept",
      edit.revision,
    ]);
    const pending = await listArticlesForEditor(t.db, { user: users.b, status: "pending-changes" });
    expect(pending.map((p) => p.id)).toContain(articleId);

    await submitForReview(t.db, { user: users.a, articleId });
    row = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([row.status, row.title, row.submittedById]).toEqual(["published", "Hoe meld ik verzuim?", users.a.id]);
    const inReview = await listArticlesForEditor(t.db, { user: users.b, status: "in_review" });
    expect(inReview.find((p) => p.id === articleId)?.hasPendingChanges).toBe(true);

    await approveArticle(t.db, { user: users.b, articleId, hooks });
    row = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([row.status, row.title]).toEqual(["published", "Nieuwe titel in concept"]);
    expect(calls.map((c) => [c.hook, c.title])).toEqual([
      ["published", "Hoe meld ik verzuim?"],
      ["published", "Nieuwe titel in concept"],
    ]);
  });

  it("rejects with a required note, back to draft", async () => {
    const { articleId } = await createArticle(t.db, { user: users.a, fields: fields() });
    await submitForReview(t.db, { user: users.a, articleId });
    expect(await rejects(rejectReview(t.db, { user: users.b, articleId, note: "  " }))).toBeInstanceOf(ValidationError);
    await rejectReview(t.db, { user: users.b, articleId, note: "Graag een voorbeeld toevoegen." });
    const a = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([a.status, a.submittedById]).toEqual(["draft", null]);
    const revs = await listRevisions(t.db, { user: users.a, articleId });
    expect(revs[0]).toMatchObject({
      status: "draft",
      note: "Graag een voorbeeld toevoegen.",
      author: { id: users.b.id },
    });
    expect(await rejects(rejectReview(t.db, { user: users.b, articleId, note: "Nog eens" }))).toBeInstanceOf(
      ConflictError,
    );
  });

  it("schedules publication and publishes when due, once", async () => {
    const { calls, hooks } = recordingHooks();
    const now = new Date("2026-03-01T08:00:00Z");
    const at = new Date("2026-03-02T07:00:00Z");
    const { articleId } = await createArticle(t.db, { user: users.a, fields: fields() });
    await submitForReview(t.db, { user: users.a, articleId });
    const r = await approveArticle(t.db, { user: users.b, articleId, publishAt: at, now, hooks });
    expect([r.status, r.scheduledAt?.toISOString()]).toEqual(["scheduled", at.toISOString()]);
    let a = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([a.status, a.scheduledAt?.toISOString()]).toEqual(["in_review", at.toISOString()]);
    expect((await listArticlesForEditor(t.db, { user: users.a, status: "scheduled" })).map((x) => x.id)).toContain(
      articleId,
    );

    expect((await publishDueArticles(t.db, { now: new Date("2026-03-02T06:59:59Z"), hooks })).published).not.toContain(
      articleId,
    );
    expect(calls).toEqual([]);
    const due = await publishDueArticles(t.db, { now: at, hooks });
    expect(due.published).toContain(articleId);
    expect(calls).toContainEqual({
      hook: "published",
      id: articleId,
      status: "published",
      title: "Hoe meld ik verzuim?",
    });
    a = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([a.status, a.scheduledAt, a.publishedAt?.toISOString()]).toEqual(["published", null, at.toISOString()]);
    expect((await publishDueArticles(t.db, { now: new Date("2026-03-03T00:00:00Z"), hooks })).published).toEqual([]);
    const revs = await listRevisions(t.db, { user: users.a, articleId });
    expect(revs.map((x) => x.status)).toEqual(["published", "scheduled", "in_review", "draft"]);
    expect(revs[0].author).toBeNull();
  });

  it("drops the schedule when the article is edited after approval", async () => {
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    const sub = await submitForReview(t.db, { user: users.a, articleId });
    const sch = await approveArticle(t.db, { user: users.b, articleId, publishAt: new Date(Date.now() + 86_400_000) });
    expect(sch.revision).toBe(sub.revision + 1);
    await saveDraft(t.db, {
      user: users.a,
      articleId,
      fields: { ...f, title: "Toch nog iets anders" },
      baseRevision: sch.revision,
    });
    const a = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([a.status, a.scheduledAt]).toEqual(["draft", null]);
    expect((await publishDueArticles(t.db, { now: new Date(Date.now() + 2 * 86_400_000) })).published).not.toContain(
      articleId,
    );
  });

  it("archives: a public article leaves the portal (onUnpublished), a draft does not call the hook", async () => {
    const { calls, hooks } = recordingHooks();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: fields() });
    await submitForReview(t.db, { user: users.a, articleId });
    await approveArticle(t.db, { user: users.b, articleId });
    await archiveArticle(t.db, { user: users.a, articleId, hooks });
    expect(calls).toEqual([{ hook: "unpublished", id: articleId, status: "archived", title: "Hoe meld ik verzuim?" }]);
    expect(await rejects(archiveArticle(t.db, { user: users.a, articleId, hooks }))).toBeInstanceOf(ConflictError);

    const draft = await createArticle(t.db, { user: users.a, fields: fields() });
    await archiveArticle(t.db, { user: users.a, articleId: draft.articleId, hooks });
    expect(calls).toHaveLength(1);
  });

  it("keeps a revision for every save and status change, and audits every status change", async () => {
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    await saveDraft(t.db, {
      user: users.a,
      articleId,
      fields: { ...f, summary: "Een andere samenvatting van dit artikel." },
      baseRevision: 1,
    });
    await submitForReview(t.db, { user: users.a, articleId });
    await rejectReview(t.db, { user: users.b, articleId, note: "Te lang." });
    await submitForReview(t.db, { user: users.a, articleId });
    await approveArticle(t.db, { user: users.b, articleId });
    await archiveArticle(t.db, { user: users.b, articleId });
    const revs = await listRevisions(t.db, { user: users.a, articleId });
    expect(revs.map((r) => [r.number, r.status])).toEqual([
      [7, "archived"],
      [6, "published"],
      [5, "in_review"],
      [4, "draft"],
      [3, "in_review"],
      [2, "draft"],
      [1, "draft"],
    ]);
    const audit = await t.db.auditEvent.findMany({
      where: { entityType: "article", entityId: articleId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "article.created",
      "article.submitted",
      "article.rejected",
      "article.submitted",
      "article.published",
      "article.archived",
    ]);
    expect(audit.find((e) => e.action === "article.published")!.actorId).toBe(users.b.id);
  });
});

describe("revisions", () => {
  it("compares two revisions and restores an old one as a new draft, keeping the live version", async () => {
    const f = fields({}, "Eerste versie van de tekst.");
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    const second = {
      ...f,
      title: "Tweede titel van het artikel",
      body: fields({}, "Tweede versie van de tekst.").body,
    };
    await saveDraft(t.db, { user: users.a, articleId, fields: second, baseRevision: 1 });
    await submitForReview(t.db, { user: users.a, articleId });
    const pub = await approveArticle(t.db, { user: users.b, articleId });

    const cmp = await compareRevisions(t.db, { user: users.a, articleId, from: 4, to: 1 });
    expect([cmp.left.number, cmp.right.number]).toEqual([1, 4]);
    const changed = cmp.diff.fields.filter((x) => x.changed).map((x) => x.field);
    expect(changed).toEqual(["title", "body"]);
    const body = cmp.diff.fields.find((x) => x.field === "body")!;
    expect(body.rows[0].left!.segments).toContainEqual({ text: "Eerste", mark: "removed" });
    expect(body.rows[0].right!.segments).toContainEqual({ text: "Tweede", mark: "added" });

    const restored = await restoreRevision(t.db, { user: users.a, articleId, revision: 1, baseRevision: pub.revision });
    expect(restored.revision).toBe(pub.revision + 1);
    const live = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect([live.status, live.title]).toEqual(["published", "Tweede titel van het artikel"]);
    const opened = await getArticleForEditor(t.db, { user: users.a, articleId });
    expect([opened.workingStatus, opened.fields.title]).toEqual(["draft", "Hoe meld ik verzuim?"]);
    const revs = await listRevisions(t.db, { user: users.a, articleId });
    expect(revs[0]).toMatchObject({ number: restored.revision, status: "draft", note: "Versie 1 teruggezet" });
    expect(
      await rejects(restoreRevision(t.db, { user: users.a, articleId, revision: 1, baseRevision: pub.revision })),
    ).toBeInstanceOf(ConflictError);
    expect(await rejects(compareRevisions(t.db, { user: users.a, articleId, from: 1, to: 99 }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("restores on an archived article as a draft that is off the portal", async () => {
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    await archiveArticle(t.db, { user: users.a, articleId });
    await restoreRevision(t.db, { user: users.b, articleId, revision: 1 });
    const a = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(a.status).toBe("draft");
  });

  it("refuses to restore a revision whose slug another article took meanwhile", async () => {
    const f = fields();
    const { articleId } = await createArticle(t.db, { user: users.a, fields: f });
    await saveDraft(t.db, { user: users.a, articleId, fields: { ...f, slug: `${f.slug}-nieuw` }, baseRevision: 1 });
    await createArticle(t.db, { user: users.b, fields: fields({ slug: f.slug }) });
    const e = (await rejects(restoreRevision(t.db, { user: users.a, articleId, revision: 1 }))) as ValidationError;
    expect(e.issues.map((i) => i.path)).toEqual(["slug"]);
  });
});

describe("listArticlesForEditor", () => {
  it("filters on status, past review, text, audience, sector and topic", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const all = await listArticlesForEditor(t.db, { user: users.a, now });
    expect(all.length).toBeGreaterThan(50);
    const pastReview = await listArticlesForEditor(t.db, {
      user: users.a,
      status: "past-review",
      now: new Date("2030-01-01T00:00:00Z"),
    });
    expect(pastReview.length).toBeGreaterThan(0);
    expect(pastReview.every((r) => r.pastReview && r.status === "published")).toBe(true);
    expect(
      await listArticlesForEditor(t.db, {
        user: users.a,
        status: "past-review",
        now: new Date("2000-01-01T00:00:00Z"),
      }),
    ).toEqual([]);

    const q = await listArticlesForEditor(t.db, { user: users.a, q: "ONGEOORLOOFD verzuim", now });
    expect(q.length).toBeGreaterThan(0);
    expect(q.map((r) => r.slug)).toContain("ongeoorloofd-verzuim-melden");

    const gemeente = await listArticlesForEditor(t.db, { user: users.a, audience: "gemeente-leerplicht", now });
    expect(gemeente.length).toBeGreaterThan(0);
    expect(gemeente.every((r) => r.audiences.includes("gemeente-leerplicht"))).toBe(true);
    const po = await listArticlesForEditor(t.db, { user: users.a, sector: "po", topic: "verzuim-melden", now });
    expect(po.every((r) => r.sectors.includes("po") && r.topic === "verzuim-melden")).toBe(true);

    const drafts = await listArticlesForEditor(t.db, { user: users.a, status: "draft", now });
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((r) => r.workingStatus === "draft")).toBe(true);
    expect(drafts[0].href).toBe(`/redactie/artikelen/${drafts[0].id}`);
  });
});
