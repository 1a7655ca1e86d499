// Provenance of replies (issue #19) on a real database (SQLite by default, PostgreSQL with TEST_DB=postgres): a reply
// that links an article stores the revision in force and the rule versions it renders; republishing the article or
// changing the rule (a content re-seed) lists the ticket under "Gewijzigd sinds uw antwoord" for the agents of its
// desk only; "Stuur correctie" sends a mail through the outbox and marks it handled (audited); bad input stores
// nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { approveArticle, saveDraft, submitForReview, type ArticleFieldsInput } from "@/app/_modules/articles/workflow";
import { logContact } from "@/app/_modules/contact/service";
import { seedContent } from "@/app/_modules/content/seed";
import { buildReport, reportToCsv } from "@/app/_modules/reports/service";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { newTicket } from "@/tests/helpers/desk-fixtures";
import { countChangedSinceReply, listChangedSinceReply } from "./changed";
import { correctionText, dismissChanged, sendCorrection } from "./correction";
import { macroArticleChanges } from "./macros";
import { linkedArticleSlugs } from "./record";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
const RULE_ARTICLE = "geoorloofd-en-ongeoorloofd-verzuim"; // renders unexcused-16h-4w
let t: TestDb;
let dir: string;
const u = {} as Record<"po" | "ipo" | "a" | "b", SessionUser>;

async function staff(key: keyof typeof u, role: "agent" | "editor", desks: ("po" | "vo-mbo")[]) {
  const r = await t.db.user.create({
    data: {
      email: `${key}@test.nl`,
      name: `Medewerker ${key}`,
      role,
      passwordHash: "x",
      desks: { create: desks.map((deskId) => ({ deskId })) },
    },
  });
  u[key] = { id: r.id, email: r.email, name: r.name, role, desks };
}

const fields = (text: string): ArticleFieldsInput => ({
  slug: "verlof-bruiloft",
  type: "faq",
  title: "Verlof voor een bruiloft",
  summary: "Wanneer een leerling vrij krijgt voor een bruiloft.",
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  audiences: ["school-po"],
  sectors: ["po"],
  topic: "verlof",
  reviewDueAt: "2027-06-01",
});

/** Writes a working copy as editor A, B approves it: a published revision. */
async function publish(articleId: string | null, text: string): Promise<string> {
  const latest = articleId
    ? (await t.db.articleRevision.findFirstOrThrow({ where: { articleId }, orderBy: { number: "desc" } })).number
    : null;
  const saved = await saveDraft(t.db, { user: u.a, articleId, fields: fields(text), baseRevision: latest });
  await submitForReview(t.db, { user: u.a, articleId: saved.articleId, baseRevision: saved.revision });
  await approveArticle(t.db, { user: u.b, articleId: saved.articleId });
  return saved.articleId;
}

const linkDoc = (slug: string) => ({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Zie " },
        {
          type: "text",
          text: "dit artikel",
          marks: [{ type: "link", attrs: { href: `https://helpdesk.test/artikelen/${slug}` } }],
        },
      ],
    },
  ],
});

let articleId: string;
let ticketRef: string;
let ruleTicketRef: string;
let ipoRef: string;

beforeAll(async () => {
  t = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-"));
  fs.cpSync(CONTENT, dir, { recursive: true });
  await seedContent(t.db, { contentDir: dir, demoUsers: false });
  await staff("po", "agent", ["po"]);
  await staff("ipo", "agent", ["vo-mbo"]);
  await staff("a", "editor", []);
  await staff("b", "editor", []);
  articleId = await publish(null, "Voor een bruiloft krijgt een leerling hoogstens 1 dag vrij.");
  ticketRef = (await newTicket(t.db, "po")).reference;
  ruleTicketRef = (await newTicket(t.db, "po", { question: "Wanneer moet ik verzuim melden?" })).reference;
  ipoRef = (await newTicket(t.db, "vo-mbo", { callerType: "vo-school", organisation: "Het Lyceum" })).reference;
});
afterAll(async () => {
  await t?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sourcesOf = async (reference: string) => {
  const tk = await t.db.ticket.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  return t.db.messageSource.findMany({ where: { ticketId: tk.id }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }] });
};

describe("linkedArticleSlugs", () => {
  it("finds /artikelen/<slug> links in text and editor documents, once each", () => {
    expect(linkedArticleSlugs("Zie /artikelen/a-b en /artikelen/a-b en /artikelen/c.", linkDoc("d"))).toEqual([
      "a-b",
      "c",
      "d",
    ]);
    expect(linkedArticleSlugs("Zie /artikelen/ of /artikelenlijst/x")).toEqual([]);
  });
});

describe("a reply stores what it relied on", () => {
  it("a linked article: the published revision number", async () => {
    await replyToTicket(t.db, {
      user: u.po,
      reference: ticketRef,
      kind: "reply",
      bodyJson: linkDoc("verlof-bruiloft"),
    });
    const rev = await t.db.articleRevision.findFirstOrThrow({
      where: { articleId, status: "published" },
      orderBy: { number: "desc" },
    });
    const s = await sourcesOf(ticketRef);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ kind: "article", articleId, articleRevision: rev.number, handledAt: null });
  });

  it("an article that renders a protocol rule: also the rule version (key and fingerprint)", async () => {
    await replyToTicket(t.db, {
      user: u.po,
      reference: ruleTicketRef,
      kind: "reply",
      body: `U leest het hier: https://helpdesk.test/artikelen/${RULE_ARTICLE}`,
    });
    const s = await sourcesOf(ruleTicketRef);
    expect(s.map((r) => r.kind)).toContain("article");
    const rule = s.find((r) => r.ruleId === "unexcused-16h-4w");
    // The protocol articles are rendered with (the default one, which inherits the rule from the law).
    expect(rule).toMatchObject({
      kind: "rule",
      protocolId: "stellingwerf-college",
      ruleVersionKey: "unexcused-16h-4w@begin",
    });
    expect(rule!.ruleFingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("an internal note, an unknown article or a refused reply stores no source", async () => {
    const before = await t.db.messageSource.count();
    await replyToTicket(t.db, {
      user: u.po,
      reference: ticketRef,
      kind: "note",
      body: "Zie /artikelen/verlof-bruiloft",
    });
    await replyToTicket(t.db, { user: u.po, reference: ticketRef, kind: "reply", body: "Zie /artikelen/bestaat-niet" });
    await expect(
      replyToTicket(t.db, {
        user: u.po,
        reference: ticketRef,
        kind: "reply",
        body: "BSN 111222333, zie /artikelen/verlof-bruiloft",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      replyToTicket(t.db, { user: u.ipo, reference: ticketRef, kind: "reply", body: "Zie /artikelen/verlof-bruiloft" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.db.messageSource.count()).toBe(before);
  });

  it("the contact screen records the articles given on the phone", async () => {
    const r = await logContact(t.db, u.po, {
      startedAt: new Date(Date.now() - 60_000),
      deskId: "po",
      outcome: "answered",
      summary: "Verlof voor een bruiloft",
      answer: "Een dag vrij is mogelijk.",
      articleSlugs: ["verlof-bruiloft"],
      caller: {
        name: "Els de Vries",
        email: "els@klimop.test",
        phone: "06 12345678",
        organisation: "Basisschool De Klimop",
        callerType: "po-school",
        sector: "po",
      },
    });
    const s = await sourcesOf(r.reference!);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ kind: "article", articleId });
  });
});

describe("Gewijzigd sinds uw antwoord", () => {
  it("nothing is listed while the sources are unchanged", async () => {
    expect(await listChangedSinceReply(t.db, u.po)).toEqual([]);
    expect(await countChangedSinceReply(t.db, u.po)).toBe(0);
  });

  it("a republished article lists the tickets that relied on the old revision, with a diff; only for their desk", async () => {
    await publish(articleId, "Voor een bruiloft krijgt een leerling hoogstens 2 dagen vrij.");
    const list = await listChangedSinceReply(t.db, u.po);
    const item = list.find((i) => i.reference === ticketRef);
    expect(item).toBeDefined();
    expect(item!.changes).toHaveLength(1);
    expect(item!.changes[0]).toMatchObject({
      kind: "article",
      title: "Verlof voor een bruiloft",
      slug: "verlof-bruiloft",
    });
    expect(item!.changes[0]!.diff).toContain("- Voor een bruiloft krijgt een leerling hoogstens 1 dag vrij.");
    expect(item!.changes[0]!.diff).toContain("+ Voor een bruiloft krijgt een leerling hoogstens 2 dagen vrij.");
    // The phone ticket (resolved) comes after the open one.
    expect(list.map((i) => i.status)).toEqual(["open", "resolved"]);
    expect(await listChangedSinceReply(t.db, u.ipo)).toEqual([]);
    // The desk page's count (counted in the database, without diffs) agrees with the list, per desk.
    expect(await countChangedSinceReply(t.db, u.po)).toBe(2);
    expect(await countChangedSinceReply(t.db, u.ipo)).toBe(0);
  });

  it("a changed rule version (content re-seed) lists the ticket whose article rendered it", async () => {
    expect((await listChangedSinceReply(t.db, u.po)).some((i) => i.reference === ruleTicketRef)).toBe(false);
    const lpw = path.join(dir, "protocols", "leerplichtwet.yaml");
    const text = fs.readFileSync(lpw, "utf8");
    expect(text).toContain("threshold: { hours: 16, windowDays: 28 }");
    fs.writeFileSync(
      lpw,
      text.replace("threshold: { hours: 16, windowDays: 28 }", "threshold: { hours: 12, windowDays: 28 }"),
    );
    await seedContent(t.db, { contentDir: dir, demoUsers: false });
    const item = (await listChangedSinceReply(t.db, u.po)).find((i) => i.reference === ruleTicketRef);
    expect(item).toBeDefined();
    const rule = item!.changes.find((c) => c.kind === "rule");
    expect(rule).toBeDefined();
    expect(rule!.diff).toMatch(/12/);
    expect(await countChangedSinceReply(t.db, u.po)).toBe((await listChangedSinceReply(t.db, u.po)).length);
  });
});

describe("Stuur correctie", () => {
  it("is refused for another desk's ticket, an empty text or a BSN, and stores nothing", async () => {
    const count = () => Promise.all([t.db.message.count(), t.db.mailOutbox.count(), t.db.messageSource.count()]);
    const before = await count();
    await expect(sendCorrection(t.db, { user: u.ipo, reference: ticketRef, body: "Correctie" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(sendCorrection(t.db, { user: u.po, reference: ticketRef, body: "  " })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      sendCorrection(t.db, { user: u.po, reference: ticketRef, body: "Uw BSN 111222333" }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(sendCorrection(t.db, { user: u.po, reference: ipoRef, body: "x" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await count()).toEqual(before);
    expect(await t.db.messageSource.count({ where: { handledAt: { not: null } } })).toBe(0);
  });

  it("sends the (edited) correction through the outbox, marks the item handled and audits it", async () => {
    const [item] = (await listChangedSinceReply(t.db, u.po)).filter((i) => i.reference === ticketRef);
    const text = correctionText(item!, { appUrl: "https://helpdesk.test", agentName: u.po.name });
    expect(text).toContain("Verlof voor een bruiloft: Het artikel is aangepast.");
    expect(text).toContain("https://helpdesk.test/artikelen/verlof-bruiloft");
    const tk = await t.db.ticket.findUniqueOrThrow({ where: { reference: ticketRef } });
    const mailsBefore = await t.db.mailOutbox.count({ where: { ticketId: tk.id } });
    const r = await sendCorrection(t.db, { user: u.po, reference: ticketRef, body: `${text}\n\nExtra uitleg.` });
    expect(r.handled).toBe(1);
    const mails = await t.db.mailOutbox.findMany({ where: { ticketId: tk.id }, orderBy: { createdAt: "asc" } });
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)!.text).toContain("Extra uitleg.");
    expect(mails.at(-1)!.to).toBe("jan@regenboog.test");
    const old = await t.db.messageSource.findFirstOrThrow({
      where: { ticketId: tk.id, messageId: { not: r.messageId } },
    });
    expect(old).toMatchObject({ handledById: u.po.id });
    expect(old.handledAt).toBeInstanceOf(Date);
    // The correction links the article again: a source with the current revision.
    expect(await t.db.messageSource.count({ where: { messageId: r.messageId, kind: "article" } })).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "ticket.correction_sent" } });
    expect(audit).toMatchObject({ ticketId: tk.id, entityId: r.messageId, actorId: u.po.id });
    expect((await listChangedSinceReply(t.db, u.po)).some((i) => i.reference === ticketRef)).toBe(false);
  });

  it("a second correction for the same ticket is refused (nothing changed any more)", async () => {
    await expect(sendCorrection(t.db, { user: u.po, reference: ticketRef, body: "Nog eens" })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});

describe("Geen correctie nodig", () => {
  it("marks the changed sources handled without a message (audited); another desk's agent cannot", async () => {
    expect((await listChangedSinceReply(t.db, u.po)).some((i) => i.reference === ruleTicketRef)).toBe(true);
    await expect(dismissChanged(t.db, { user: u.ipo, reference: ruleTicketRef })).rejects.toBeInstanceOf(NotFoundError);
    const messages = await t.db.message.count();
    const r = await dismissChanged(t.db, { user: u.po, reference: ruleTicketRef });
    expect(r.handled).toBeGreaterThan(0);
    expect(await t.db.message.count()).toBe(messages);
    expect(await t.db.auditEvent.count({ where: { action: "ticket.correction_skipped" } })).toBe(1);
    expect((await listChangedSinceReply(t.db, u.po)).some((i) => i.reference === ruleTicketRef)).toBe(false);
    expect(await countChangedSinceReply(t.db, u.po)).toBe((await listChangedSinceReply(t.db, u.po)).length);
    await expect(dismissChanged(t.db, { user: u.po, reference: ruleTicketRef })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("macros that link articles", () => {
  it("show the linked articles published again after the macro was last edited", async () => {
    const old = await t.db.macro.create({
      data: {
        title: "Bruiloft",
        body: "Zie /artikelen/verlof-bruiloft en /artikelen/bestaat-niet",
        updatedAt: new Date(0),
      },
    });
    const fresh = await t.db.macro.create({
      data: {
        title: "Bruiloft nieuw",
        body: "Zie /artikelen/verlof-bruiloft",
        updatedAt: new Date(Date.now() + 60_000),
      },
    });
    const none = await t.db.macro.create({
      data: { title: "Zonder link", body: "Geen artikel", updatedAt: new Date(0) },
    });
    const r = await macroArticleChanges(t.db, [old, fresh, none]);
    expect(r[old.id]).toEqual([expect.objectContaining({ slug: "verlof-bruiloft", published: true })]);
    expect(r[fresh.id]).toEqual([]);
    expect(r[none.id]).toEqual([]);
  });
});

describe("report: replies that link an article", () => {
  it("counts the agents' replies with an article source, per desk and topic, and exports them as CSV", async () => {
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    const report = await buildReport(t.db, { user: u.po, from: day, to: day, batchSize: 2 });
    // PO: the first reply (article), the reply with an unknown link (none), the correction (article), the reply
    // about verzuim (article) and the phone answer (article). Caller messages and notes are not replies.
    expect(report.articleLinks).toMatchObject({ replies: 5, withArticle: 4, rate: 0.8 });
    expect(report.articleLinks.byDesk).toEqual([expect.objectContaining({ key: "po", replies: 5, withArticle: 4 })]);
    expect(report.articleLinks.byTopic.reduce((n, r) => n + r.replies, 0)).toBe(5);
    const csv = reportToCsv(report, "articleLinks");
    expect(csv).toContain("Helpdesk;BRON PO;5;4;80");
    expect(csv).toContain("Totaal;Alle antwoorden;5;4;80");
    // Another desk's agent sees none of them.
    const ipo = await buildReport(t.db, { user: u.ipo, from: day, to: day });
    expect(ipo.articleLinks).toMatchObject({ replies: 0, withArticle: 0, rate: null });
  });
});
