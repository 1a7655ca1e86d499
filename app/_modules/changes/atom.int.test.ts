// The public Atom feed through its route handler against a real database (SQLite by default, PostgreSQL with
// TEST_DB=postgres), parsed with a well-kept feed parser (@rowanmanning/feed-parser): valid Atom, public changes
// only, newest first, title, date, one-line summary and link; text that needs escaping survives.
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/(portal)/wat-is-er-veranderd/atom.xml/route";
import { env } from "@/app/_core/env";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { recordChange } from "./record";

let t: TestDb;
let articleId: string;
let base: string;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  base = env().APP_URL.replace(/\/$/, "");
  const a = await t.db.article.create({
    data: { slug: "verlof-aanvragen", title: "Verlof", summary: "s", body: "{}", topic: "verlof", status: "published" },
  });
  articleId = a.id;
  await recordChange(t.db, {
    kind: "article",
    refId: articleId,
    title: "Verlof aanvragen",
    summary: "De termijn is nu 8 weken.",
    isPublic: true,
    createdAt: new Date("2026-11-02T09:00:00Z"),
  });
  await recordChange(t.db, {
    kind: "protocol",
    refId: "stellingwerf-college/ongeoorloofd-16-uur",
    title: "Regels & drempels <verzuim>",
    summary: "Vanaf 1 augustus 2027 meldt de school na 12 uur in plaats van 16 uur.",
    isPublic: true,
    createdAt: new Date("2026-11-20T09:00:00Z"),
  });
  await recordChange(t.db, {
    kind: "desk",
    refId: "po",
    title: "Openingstijden BRON PO",
    summary: "Intern: open tot 17:00.",
    createdAt: new Date("2026-11-25T09:00:00Z"),
  });
  await recordChange(t.db, {
    kind: "article",
    refId: articleId,
    title: "Conceptwijziging",
    summary: "Niet openbaar.",
    isPublic: false,
  });
});
afterAll(() => t?.drop());

describe("GET /wat-is-er-veranderd/atom.xml", () => {
  it("is an Atom feed of the public changes, newest first, with title, date, summary and link", async () => {
    const res = await GET(new Request("https://helpdesk.example.nl/wat-is-er-veranderd/atom.xml"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Wat is er veranderd — Onderwijs Helpdesk");
    expect(feed.url).toBe(`${base}/wat-is-er-veranderd`);
    expect(feed.updated).toEqual(new Date("2026-11-20T09:00:00Z"));
    expect(
      feed.items.map((i) => ({ title: i.title, updated: i.updated, description: i.description, url: i.url })),
    ).toEqual([
      {
        title: "Regels & drempels <verzuim>",
        updated: new Date("2026-11-20T09:00:00Z"),
        description: "Vanaf 1 augustus 2027 meldt de school na 12 uur in plaats van 16 uur.",
        url: expect.stringMatching(new RegExp(`^${esc(base)}/wat-is-er-veranderd#`)),
      },
      {
        title: "Verlof aanvragen",
        updated: new Date("2026-11-02T09:00:00Z"),
        description: "De termijn is nu 8 weken.",
        url: `${base}/artikelen/verlof-aanvragen`,
      },
    ]);
    // Every entry has the elements Atom requires (id, title, updated) and ids are unique.
    const ids = feed.items.map((i) => i.id);
    expect(ids.every((id) => !!id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // type="html" text: "&" and "<" are escaped, so a reader shows them as text, not as markup.
    expect(xml).toContain("Regels &amp; drempels &lt;verzuim&gt;");
    expect(xml).not.toContain("<verzuim>");
    expect(xml).not.toContain("Intern");
    expect(xml).not.toContain("Niet openbaar");
  });

  it("an unpublished article's change links to the changes page, not to a page that is gone", async () => {
    await t.db.article.update({ where: { id: articleId }, data: { status: "archived" } });
    const feed = parseFeed(await (await GET(new Request("https://helpdesk.example.nl/x"))).text());
    const item = feed.items.find((i) => i.title === "Verlof aanvragen");
    expect(item?.url).toMatch(new RegExp(`^${esc(base)}/wat-is-er-veranderd#`));
  });
});
