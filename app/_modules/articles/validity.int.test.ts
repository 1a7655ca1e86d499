// Article validity periods (issue #19) on a real database (SQLite by default, PostgreSQL with TEST_DB=postgres):
// an article published ahead is not in search or listings before its first day, one that expired leaves them but
// stays reachable with a link to the current one; bad dates are refused in Dutch and store nothing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { currentSuccessor, dutchDay, validityFilter, validityState, VALIDITY_NONE } from "./validity";
import { VALID_ORDER } from "./workflow-validate";
import { setSuccessor, successorChoices, SUCCESSOR_UNKNOWN } from "./successor";
import { approveArticle, saveDraft, submitForReview, type ArticleFieldsInput } from "./workflow";

let t: TestDb;
let svc: typeof import("@/app/_modules/search/service");
let pub: typeof import("./service");
const u = {} as Record<"a" | "b", SessionUser>;

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = dutchDay();

const fields = (slug: string, over: Partial<ArticleFieldsInput>): ArticleFieldsInput => ({
  slug,
  type: "faq",
  title: `Schoolreisjesregeling ${slug}`,
  summary: "Wat de schoolreisjesregeling voor scholen betekent.",
  body: {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "Over de zwaluwstaartregeling." }] }],
  },
  audiences: ["school-po"],
  sectors: ["po"],
  topic: "verlof",
  reviewDueAt: null,
  ...over,
});

async function publish(slug: string, over: Partial<ArticleFieldsInput>) {
  const saved = await saveDraft(t.db, { user: u.a, articleId: null, fields: fields(slug, over), baseRevision: null });
  await submitForReview(t.db, { user: u.a, articleId: saved.articleId });
  await approveArticle(t.db, { user: u.b, articleId: saved.articleId });
  return saved.articleId;
}

let ids: Record<"old" | "now" | "next", string>;

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "..", "..", "..", "content"), demoUsers: false });
  for (const key of ["a", "b"] as const) {
    const r = await t.db.user.create({
      data: { email: `${key}@test.nl`, name: key, role: "editor", passwordHash: "x" },
    });
    u[key] = { id: r.id, email: r.email, name: r.name, role: "editor", desks: [] };
  }
  ids = {
    old: await publish("regeling-oud", { validFrom: shift(today, -400), validUntil: shift(today, -1) }),
    now: await publish("regeling-nu", { validFrom: today, validUntil: shift(today, 300) }),
    next: await publish("regeling-volgend-jaar", { validFrom: shift(today, 1) }),
  };
  svc = await import("@/app/_modules/search/service");
  pub = await import("./service");
  await svc.rebuildArticleIndex(t.db);
});
afterAll(async () => {
  await t?.drop();
});

describe("article validity", () => {
  it("states before, within and after the period, both ends inclusive", () => {
    const a = { validFrom: new Date("2026-08-01T00:00:00Z"), validUntil: new Date("2027-07-31T00:00:00Z") };
    expect(validityState(a, "2026-07-31")).toBe("upcoming");
    expect(validityState(a, "2026-08-01")).toBe("current");
    expect(validityState(a, "2027-07-31")).toBe("current");
    expect(validityState(a, "2027-08-01")).toBe("expired");
    expect(validityState(VALIDITY_NONE, "1999-01-01")).toBe("current");
    expect(validityFilter("2026-08-01")).toBe("validFromDay <= 20260801 AND validUntilDay >= 20260801");
  });

  it("search and listings hold only the article in force today; the others stay reachable", async () => {
    const hits = (await svc.searchArticles({ q: "zwaluwstaartregeling", perPage: 50 })).hits.map((h) => h.slug);
    expect(hits).toEqual(["regeling-nu"]);
    const listed = (await pub.listTopicArticles("verlof")).map((a) => a.slug);
    expect(listed).toContain("regeling-nu");
    expect(listed).not.toContain("regeling-oud");
    expect(listed).not.toContain("regeling-volgend-jaar");
    const counts = await pub.topicCounts();
    expect(counts.verlof).toBe((await t.db.article.count({ where: { status: "published", topic: "verlof" } })) - 2);

    const old = await pub.getPublishedArticle("regeling-oud");
    expect(old && validityState(old, today)).toBe("expired");
    expect(await currentSuccessor(t.db, old!, today)).toMatchObject({ slug: "regeling-nu" });
    const next = await pub.getPublishedArticle("regeling-volgend-jaar");
    expect(next && validityState(next, today)).toBe("upcoming");
    // Tomorrow the article for next year is the current one: the successor of today's.
    expect(await currentSuccessor(t.db, old!, shift(today, 1))).toMatchObject({ slug: "regeling-volgend-jaar" });
    // The editor's pick wins over the newest on the topic; a wrong pick is refused and changes nothing.
    await expect(setSuccessor(t.db, { user: u.a, articleId: ids.old, successorId: ids.old })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(setSuccessor(t.db, { user: u.a, articleId: ids.old, successorId: "bestaat-niet" })).rejects.toThrow(
      SUCCESSOR_UNKNOWN,
    );
    expect((await t.db.article.findUniqueOrThrow({ where: { id: ids.old } })).successorId).toBeNull();
    await setSuccessor(t.db, { user: u.a, articleId: ids.old, successorId: ids.now });
    expect((await successorChoices(t.db, { user: u.a, articleId: ids.old })).current).toBe(ids.now);
    const picked = await pub.getPublishedArticle("regeling-oud");
    expect(await currentSuccessor(t.db, picked!, shift(today, 1))).toMatchObject({ slug: "regeling-nu" });
  });

  it("refuses an end before the start and a day that does not exist; nothing is stored", async () => {
    const before = await t.db.article.count();
    const bad = (over: Partial<ArticleFieldsInput>) =>
      saveDraft(t.db, { user: u.a, articleId: null, fields: fields("regeling-fout", over), baseRevision: null });
    await expect(bad({ validFrom: "2027-08-01", validUntil: "2027-07-31" })).rejects.toSatisfy(
      (e) => e instanceof ValidationError && e.issues.some((i) => i.path === "validUntil" && i.message === VALID_ORDER),
    );
    await expect(bad({ validFrom: "2027-02-30" })).rejects.toSatisfy(
      (e) =>
        e instanceof ValidationError && e.issues.some((i) => i.path === "validFrom" && /geldige datum/.test(i.message)),
    );
    expect(await t.db.article.count()).toBe(before);
  });
});
