// Content-gap report and internal-link check against a real database with the seed content.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { getContentGapReport, rulesWithoutArticles } from "./gaps";
import { checkInternalLinks } from "./links";

let t: TestDb;
const editor: SessionUser = { id: "", email: "red@test.nl", name: "Redacteur", role: "editor", desks: [] };
const agent: SessionUser = { id: "agent", email: "agent@test.nl", name: "Agent", role: "agent", desks: ["po"] };
const now = new Date("2026-05-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

let ticketNo = 0;
async function ticket(topic: string | null, createdAt: Date): Promise<void> {
  const requester = await t.db.requester.create({
    data: { name: "Beller", email: "beller@school.nl", callerType: "school", organisation: "School" },
  });
  const number = ++ticketNo;
  await t.db.ticket.create({
    data: {
      reference: `PO-2026-${String(number).padStart(6, "0")}`,
      deskId: "po",
      year: 2026,
      number,
      subject: "Vraag",
      topic,
      callerType: "school",
      requesterId: requester.id,
      followUpTokenHash: `hash-${number}`,
      createdAt,
    },
  });
}

async function search(
  normalized: string,
  resultCount: number,
  clickedSlug: string | null,
  createdAt: Date,
): Promise<void> {
  await t.db.searchLog.create({ data: { query: normalized, normalized, resultCount, clickedSlug, createdAt } });
}

let ongeoorloofdId = "";

beforeAll(async () => {
  t = await createTestDb();
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "../../../content"), demoUsers: false });
  const u = await t.db.user.create({
    data: { email: editor.email, name: editor.name, role: "editor", passwordHash: "x" },
  });
  editor.id = u.id;

  // Searches: "diploma" 3× without results, "bsn wijzigen" 1× without results, one old one outside the window;
  // "verzuim" has results and a click; "verlof zomer" 2× results but never clicked.
  for (let i = 0; i < 3; i++) await search("diploma", 0, null, daysAgo(i + 1));
  await search("bsn wijzigen", 0, null, daysAgo(2));
  await search("oud zoekwoord", 0, null, daysAgo(90));
  await search("verzuim", 5, null, daysAgo(1));
  await search("verzuim", 5, "ongeoorloofd-verzuim-melden", daysAgo(1));
  await search("verlof zomer", 3, null, daysAgo(1));
  await search("verlof zomer", 3, null, daysAgo(3));

  // Tickets: "contact" is not covered by a published article once we archive its articles; verzuim-melden is.
  await t.db.article.updateMany({ where: { topic: "onderwijs-en-arbeidsmarkt" }, data: { status: "archived" } });
  for (let i = 0; i < 2; i++) await ticket("onderwijs-en-arbeidsmarkt", daysAgo(i + 1));
  await ticket("verzuim-melden", daysAgo(1));
  await ticket(null, daysAgo(1));
  await ticket("onderwijs-en-arbeidsmarkt", daysAgo(60));

  const a = await t.db.article.findUniqueOrThrow({ where: { slug: "ongeoorloofd-verzuim-melden" } });
  ongeoorloofdId = a.id;
  await t.db.articleFeedback.createMany({
    data: [
      { articleId: a.id, helpful: false, comment: "Ik mis hoe ik het moet melden.", createdAt: daysAgo(1) },
      { articleId: a.id, helpful: false, comment: "   ", createdAt: daysAgo(1) },
      { articleId: a.id, helpful: false, comment: null, createdAt: daysAgo(1) },
      { articleId: a.id, helpful: true, comment: "Duidelijk!", createdAt: daysAgo(1) },
      { articleId: a.id, helpful: false, comment: "Te oud", createdAt: daysAgo(45) },
    ],
  });
  await t.db.article.update({ where: { id: a.id }, data: { reviewDueAt: daysAgo(10) } });
});

afterAll(async () => {
  await t?.drop();
});

describe("getContentGapReport", () => {
  it("refuses agents", async () => {
    await expect(getContentGapReport(t.db, { user: agent, ruleIds: [] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists each kind of gap with where to act", async () => {
    const r = await getContentGapReport(t.db, {
      user: editor,
      ruleIds: ["unexcused-16h-4w", "leerplichtwet/bestaat-in-geen-artikel"],
      now,
      days: 30,
    });

    expect(r.searchesWithoutResults.map((s) => [s.query, s.searches])).toEqual([
      ["diploma", 3],
      ["bsn wijzigen", 1],
    ]);
    expect(r.searchesWithoutResults[0].href).toBe("/redactie/artikelen/nieuw?zoekvraag=diploma");
    expect(r.searchesWithoutResults[1].href).toBe("/redactie/artikelen/nieuw?zoekvraag=bsn+wijzigen");
    expect(r.searchesWithoutClick.map((s) => [s.query, s.searches])).toEqual([["verlof zomer", 2]]);

    expect(r.topicsWithoutArticles.map((x) => [x.topic, x.tickets])).toEqual([["onderwijs-en-arbeidsmarkt", 2]]);
    expect(r.topicsWithoutArticles[0].href).toBe("/redactie/artikelen/nieuw?onderwerp=onderwijs-en-arbeidsmarkt");
    expect(r.topicsWithoutArticles[0].label).not.toBe("onderwijs-en-arbeidsmarkt");

    expect(r.unhelpfulFeedback.map((f) => f.comment)).toEqual(["Ik mis hoe ik het moet melden."]);
    expect(r.unhelpfulFeedback[0].href).toBe(`/redactie/artikelen/${ongeoorloofdId}`);

    const overdue = r.articlesPastReview.find((x) => x.articleId === ongeoorloofdId);
    expect(overdue).toMatchObject({ daysOverdue: 10, href: `/redactie/artikelen/${ongeoorloofdId}` });
    expect(r.articlesPastReview.every((x) => x.reviewDueAt < now)).toBe(true);

    expect(r.rulesWithoutArticles).toEqual([
      {
        ruleId: "leerplichtwet/bestaat-in-geen-artikel",
        href: "/redactie/artikelen/nieuw?regel=leerplichtwet%2Fbestaat-in-geen-artikel",
      },
    ]);
  });

  it("honours the window", async () => {
    const r = await getContentGapReport(t.db, { user: editor, ruleIds: [], now, days: 120 });
    expect(r.searchesWithoutResults.map((s) => s.query)).toContain("oud zoekwoord");
    expect(r.topicsWithoutArticles[0].tickets).toBe(3);
    expect(r.unhelpfulFeedback.map((f) => f.comment)).toContain("Te oud");
  });

  it("counts a rule as covered only while an article embedding it is published", async () => {
    const embedding = await t.db.article.findMany({
      where: { status: "published", protocolRuleIds: { contains: '"unexcused-16h-4w"' } },
      select: { id: true },
    });
    expect(embedding.length).toBeGreaterThan(0);
    expect(await rulesWithoutArticles(t.db, { ruleIds: ["unexcused-16h-4w"] })).toEqual([]);
    await t.db.article.updateMany({ where: { id: { in: embedding.map((e) => e.id) } }, data: { status: "draft" } });
    expect((await rulesWithoutArticles(t.db, { ruleIds: ["unexcused-16h-4w"] })).map((x) => x.ruleId)).toEqual([
      "unexcused-16h-4w",
    ]);
    await t.db.article.updateMany({ where: { id: { in: embedding.map((e) => e.id) } }, data: { status: "published" } });
  });
});

describe("checkInternalLinks", () => {
  it("reports links to missing and unpublished articles only", async () => {
    const archived = await t.db.article.findFirstOrThrow({
      where: { status: "archived" },
      select: { slug: true, id: true },
    });
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "articleLink", attrs: { slug: "ongeoorloofd-verzuim-melden", label: null } },
            { type: "articleLink", attrs: { slug: "bestaat-niet", label: null } },
            {
              type: "text",
              text: "oud stuk",
              marks: [{ type: "link", attrs: { href: `/artikelen/${archived.slug}` } }],
            },
          ],
        },
      ],
    };
    const findings = await checkInternalLinks(t.db, { doc });
    expect(findings.map((f) => [f.slug, f.kind])).toEqual([
      ["bestaat-niet", "missing"],
      [archived.slug, "not-published"],
    ]);
    expect(findings[1]).toMatchObject({ articleId: archived.id, status: "archived", via: "href" });
    expect(findings[1].message).toMatch(/gearchiveerd/);
  });
});
