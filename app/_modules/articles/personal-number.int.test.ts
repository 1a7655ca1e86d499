// The BSN rule holds for articles: the validator refuses a BSN or onderwijsnummer in title, summary or body.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { createArticle, type ArticleFieldsInput } from "./workflow";

let t: TestDb;
let editor: SessionUser;
let n = 0;
const BSN = "123456782";
const para = (text: string, href?: string) => ({
  type: "paragraph",
  content: [{ type: "text", text, ...(href ? { marks: [{ type: "link", attrs: { href } }] } : {}) }],
});
const fields = (over: Partial<ArticleFieldsInput> = {}): ArticleFieldsInput => ({
  slug: `bsn-test-${++n}`,
  type: "faq",
  title: "Hoe meld ik verzuim?",
  summary: "Zo meldt de school verzuim bij de leerplichtambtenaar.",
  body: { type: "doc", content: [para("De school meldt het verzuim bij de gemeente. Bel 050 599 77 66.")] },
  audiences: ["school-vo"],
  sectors: ["vo"],
  topic: "verzuim-melden",
  reviewDueAt: "2027-06-01",
  ...over,
});

beforeAll(async () => {
  t = await createTestDb();
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "../../../content"), demoUsers: false });
  const u = await t.db.user.create({
    data: { email: "editor@test.nl", name: "Redacteur", role: "editor", passwordHash: "x" },
  });
  editor = { id: u.id, email: u.email, name: u.name, role: "editor", desks: [] };
});
afterAll(async () => {
  await t?.drop();
});

describe(`articles and the BSN rule (${process.env.TEST_DB ?? "sqlite"})`, () => {
  it.each([
    ["title", { title: `Verzuim van leerling ${BSN}` }],
    ["summary", { summary: `Zo meldt de school het verzuim van 1234 56 782 bij de gemeente.` }],
    ["body", { body: { type: "doc", content: [para(`Voorbeeld: leerling met BSN ${BSN}.`)] } }],
    ["body", { body: { type: "doc", content: [para("zie dit voorbeeld", `https://example.org/leerling/${BSN}`)] } }],
  ])("refuses a personal number in the %s, and saves nothing", async (field, over) => {
    const before = await t.db.article.count();
    const e = await createArticle(t.db, { user: editor, fields: fields(over) }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues).toContainEqual({ path: field, message: PERSONAL_NUMBER_MESSAGE });
    expect(await t.db.article.count()).toBe(before);
  });

  it("saves an article with phone numbers and dates", async () => {
    await expect(createArticle(t.db, { user: editor, fields: fields() })).resolves.toMatchObject({ revision: 1 });
  });
});
