// Article publication → change record, through the real four-eyes workflow on a real database (SQLite by default,
// PostgreSQL with TEST_DB=postgres): a diff against the previously published version, the editor's summary and
// desk note, a scheduled publication, and refusals that store nothing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/app/_core/errors";
import type { Role, SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import {
  approveArticle,
  archiveArticle,
  publishDueArticles,
  saveDraft,
  submitForReview,
  type ArticleFieldsInput,
} from "@/app/_modules/articles/workflow";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { parseDiffText } from "./diff-text";
import { listDeskChanges, listPublicChanges } from "./feed";

let t: TestDb;
const users: Record<"a" | "b", SessionUser> = {} as never;

async function makeUser(key: keyof typeof users, role: Role): Promise<void> {
  const u = await t.db.user.create({
    data: { email: `${key}-${role}@test.nl`, name: `Redacteur ${key.toUpperCase()}`, role, passwordHash: "x" },
  });
  users[key] = { id: u.id, email: u.email, name: u.name, role, desks: [] };
}

let n = 0;
function fields(text: string, over: Partial<ArticleFieldsInput> = {}): ArticleFieldsInput {
  return {
    slug: `wijziging-${++n}`,
    type: "faq",
    title: "Hoe lang vooraf vraag ik verlof aan?",
    summary: "Zo vraagt u verlof aan buiten de schoolvakanties.",
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    audiences: ["school-vo"],
    sectors: ["vo"],
    topic: "verlof",
    reviewDueAt: "2027-06-01",
    ...over,
  };
}

/** Writes a new working copy as A and submits it; returns the article id. */
async function draftAndSubmit(articleId: string | null, f: ArticleFieldsInput): Promise<string> {
  const latest = articleId
    ? (await t.db.articleRevision.findFirstOrThrow({ where: { articleId }, orderBy: { number: "desc" } })).number
    : null;
  const saved = await saveDraft(t.db, { user: users.a, articleId, fields: f, baseRevision: latest });
  await submitForReview(t.db, { user: users.a, articleId: saved.articleId, baseRevision: saved.revision });
  return saved.articleId;
}

const changesOf = (refId: string) =>
  t.db.changeEvent.findMany({ where: { kind: "article", refId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  t = await createTestDb();
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "../../../content"), demoUsers: false });
  await makeUser("a", "editor");
  await makeUser("b", "editor");
});
afterAll(() => t?.drop());

describe("publishing an article records a change", () => {
  let id: string;
  const first = fields("Vraag het verlof 6 weken vooraf aan bij de directeur.");

  it("first publication: 'Nieuw artikel.', public, with the editor's desk note and the whole text as added", async () => {
    const before = await t.db.changeEvent.count();
    id = await draftAndSubmit(null, first);
    expect(await t.db.changeEvent.count()).toBe(before); // saving and submitting change nothing public
    await approveArticle(t.db, {
      user: users.b,
      articleId: id,
      deskNote: "Bellers met een aanvraag voor de kerstvakantie: verwijs naar dit artikel.",
    });
    const [c] = await changesOf(id);
    expect(c).toMatchObject({
      title: first.title,
      summary: "Nieuw artikel.",
      topic: "verlof",
      isPublic: true,
      actorId: users.b.id,
      deskNote: "Bellers met een aanvraag voor de kerstvakantie: verwijs naar dit artikel.",
    });
    expect(parseDiffText(c.diff)).toContainEqual({
      kind: "added",
      text: "Vraag het verlof 6 weken vooraf aan bij de directeur.",
    });
  });

  it("a later publication diffs against the published version, not against the draft in between", async () => {
    await draftAndSubmit(id, fields("Vraag het verlof 7 weken vooraf aan.", { slug: first.slug }));
    // Sent back and rewritten: only the approved result counts.
    await draftAndSubmit(id, fields("Vraag het verlof 8 weken vooraf aan bij de directeur.", { slug: first.slug }));
    await approveArticle(t.db, { user: users.b, articleId: id, changeSummary: "De termijn is nu 8 weken." });
    const list = await changesOf(id);
    expect(list).toHaveLength(2);
    const c = list[1];
    expect(c.summary).toBe("De termijn is nu 8 weken.");
    expect(c.deskNote).toBeNull();
    expect(parseDiffText(c.diff)).toEqual([
      { kind: "section", text: "Tekst" },
      { kind: "removed", text: "Vraag het verlof 6 weken vooraf aan bij de directeur." },
      { kind: "added", text: "Vraag het verlof 8 weken vooraf aan bij de directeur." },
    ]);
    expect(c.diff).not.toContain("7 weken");
  });

  it("without a summary, names the changed fields", async () => {
    await draftAndSubmit(
      id,
      fields("Vraag het verlof 8 weken vooraf aan bij de directeur.", {
        slug: first.slug,
        summary: "Zo vraagt u op tijd verlof aan.",
      }),
    );
    await approveArticle(t.db, { user: users.b, articleId: id });
    expect((await changesOf(id))[2].summary).toBe("Aangepast: samenvatting.");
  });

  it("a scheduled publication records the change, with the note given at approval, when it goes live", async () => {
    await draftAndSubmit(id, fields("Vraag het verlof 10 weken vooraf aan.", { slug: first.slug }));
    const at = new Date(Date.now() + 3_600_000);
    await approveArticle(t.db, {
      user: users.b,
      articleId: id,
      publishAt: at,
      changeSummary: "Vanaf volgend jaar 10 weken.",
      deskNote: "Noem de nieuwe termijn pas na publicatie.",
    });
    expect(await changesOf(id)).toHaveLength(3);
    await publishDueArticles(t.db, { now: new Date(at.getTime() + 1000) });
    const list = await changesOf(id);
    expect(list).toHaveLength(4);
    expect(list[3]).toMatchObject({
      summary: "Vanaf volgend jaar 10 weken.",
      deskNote: "Noem de nieuwe termijn pas na publicatie.",
      actorId: null,
    });
    const row = await t.db.article.findUniqueOrThrow({ where: { id } });
    expect([row.pendingChangeSummary, row.pendingDeskNote]).toEqual([null, null]);

    const pub = await listPublicChanges(t.db);
    expect(pub[0]).toMatchObject({
      refId: id,
      summary: "Vanaf volgend jaar 10 weken.",
      path: `/artikelen/${first.slug}`,
    });
    const desk = await listDeskChanges(t.db, users.a.id, { topic: "verlof" });
    expect(desk[0].deskNote).toBe("Noem de nieuwe termijn pas na publicatie.");
  });

  it("archiving a published article records that it left the website; the public list no longer links it", async () => {
    await archiveArticle(t.db, { user: users.b, articleId: id });
    const list = await changesOf(id);
    expect(list).toHaveLength(5);
    expect(list.find((c) => c.summary === "Dit artikel staat niet meer op de website.")).toMatchObject({
      isPublic: true,
      actorId: users.b.id,
    });
    expect((await listPublicChanges(t.db)).filter((c) => c.refId === id).every((c) => c.path === null)).toBe(true);
    // Archiving a draft that never went live records nothing.
    const draft = await draftAndSubmit(null, fields("Nog niet online."));
    await archiveArticle(t.db, { user: users.b, articleId: draft });
    expect(await changesOf(draft)).toHaveLength(0);
  });

  it("a BSN in the desk note or a too long summary is refused in Dutch; nothing is published or recorded", async () => {
    const other = await draftAndSubmit(null, fields("Vraag verlof aan bij de directeur."));
    for (const bad of [{ deskNote: "Zie leerling 123456782 in het dossier." }, { changeSummary: "x".repeat(301) }]) {
      const e = await approveArticle(t.db, { user: users.b, articleId: other, ...bad }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      const issue = (e as ValidationError).issues[0];
      expect(issue.path).toBe(Object.keys(bad)[0]);
      expect(issue.message).toMatch(/BSN|tekens/);
    }
    expect((await t.db.article.findUniqueOrThrow({ where: { id: other } })).status).toBe("in_review");
    expect(await changesOf(other)).toHaveLength(0);
  });
});
