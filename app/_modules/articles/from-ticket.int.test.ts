// "Maak artikelconcept" (issue #19) on a real database (SQLite by default, PostgreSQL with TEST_DB=postgres): a
// resolved ticket becomes a draft without personal details, linked to the ticket; a second ticket joins it; the
// editors' four-eyes workflow publishes it with the links kept; bad requests store nothing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { changeStatus } from "@/app/_modules/tickets/desk/status";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { newTicket } from "@/tests/helpers/desk-fixtures";
import {
  articleTickets,
  createDraftFromTicket,
  linkTicketToArticle,
  NOT_RESOLVED,
  ticketArticles,
} from "./from-ticket";
import { answeredWithoutArticle, median, questionKey, timeToArticle } from "./answered-gaps";
import { parseSnapshot } from "./snapshot";
import { approveArticle, FourEyesError, submitForReview } from "./workflow";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
let t: TestDb;
const u = {} as Record<"po" | "ipo" | "a" | "b", SessionUser>;

async function staff(key: keyof typeof u, role: "agent" | "editor", desks: ("po" | "vo-mbo")[]) {
  const r = await t.db.user.create({
    data: {
      email: `${key}@test.nl`,
      name: key === "po" ? "Priya Bakker" : `Medewerker ${key}`,
      role,
      passwordHash: "x",
      desks: { create: desks.map((deskId) => ({ deskId })) },
    },
  });
  u[key] = { id: r.id, email: r.email, name: r.name, role, desks };
}

const QUESTION =
  "Beste helpdesk,\n\nIk ben Fatima el Amrani van De Regenboog. Leerling met BSN 111222333 is al drie weken afwezig. " +
  "Moet ik dat melden? Bel me op 06-12345678 of mail fatima@regenboog.test.\n\nMet vriendelijke groet,\nFatima el Amrani";
const ANSWER =
  "Beste Fatima,\n\nJa. Meld ongeoorloofd verzuim van 16 uur in 4 weken binnen 5 schooldagen bij DUO via het verzuimregister. " +
  "De leerplichtambtenaar neemt het daarna op.\n\nBel ons gerust op 050-5997766.\n\nMet vriendelijke groet,\nPriya Bakker";

async function resolvedTicket(over: Record<string, string> = {}, answer = ANSWER) {
  const tk = await newTicket(t.db, "po", {
    question: QUESTION,
    name: "Fatima el Amrani",
    email: "fatima@regenboog.test",
    ...over,
  });
  await replyToTicket(t.db, {
    user: u.po,
    reference: tk.reference,
    kind: "reply",
    bodyJson: {
      type: "doc",
      content: answer.split("\n\n").map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
    },
    statusAfter: "resolved",
  });
  return tk.reference;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedContent(t.db, { contentDir: CONTENT, demoUsers: false });
  await staff("po", "agent", ["po"]);
  await staff("ipo", "agent", ["vo-mbo"]);
  await staff("a", "editor", []);
  await staff("b", "editor", []);
});
afterAll(async () => {
  await t?.drop();
});

describe("Maak artikelconcept", () => {
  it("makes a draft from a resolved ticket without personal details, links it and publishes it through four eyes", async () => {
    const ref = await resolvedTicket();
    const made = await createDraftFromTicket(t.db, { user: u.po, reference: ref });
    expect(made.created).toBe(true);

    const a = await t.db.article.findUniqueOrThrow({ where: { id: made.articleId } });
    expect(a.status).toBe("draft");
    expect(a.topic).toBe("verzuim-melden");
    expect(JSON.parse(a.audiences)).toEqual(["school-po"]);
    expect(JSON.parse(a.sectors)).toEqual(["po"]);
    const questions = JSON.parse(a.questions) as string[];
    expect(questions).toHaveLength(1);
    const everything = [a.title, a.summary, a.body, a.questions].join("\n");
    for (const personal of [
      "111222333",
      "Fatima",
      "Amrani",
      "06-12345678",
      "fatima@regenboog.test",
      "Priya",
      "Bakker",
      "5997766",
    ])
      expect(everything).not.toContain(personal);
    expect(questions[0]).toContain("[nummer verwijderd]");
    expect(questions[0]).toContain("Moet ik dat melden?");
    expect(a.body).toContain("Meld ongeoorloofd verzuim van 16 uur in 4 weken");
    expect(a.body).not.toMatch(/Beste|groet/);
    expect(a.summary).toMatch(/^Ja\. Meld|^Ja\./);

    // The agent wrote revision 1; it is in the editors' workflow like any draft.
    const rev = await t.db.articleRevision.findFirstOrThrow({ where: { articleId: a.id } });
    expect(rev).toMatchObject({ number: 1, status: "draft", authorId: u.po.id, note: `Concept uit vraag ${ref}` });
    expect(parseSnapshot(rev.snapshot).questions).toEqual(questions);

    // Asking again gives the same draft, not a second one.
    expect(await createDraftFromTicket(t.db, { user: u.po, reference: ref })).toEqual({
      articleId: a.id,
      created: false,
    });

    // A second ticket joins the draft; the ticket page shows it, the editor screen shows both tickets.
    const second = await resolvedTicket({ question: "Vanaf hoeveel uur verzuim moet ik melden bij DUO?" });
    const page = await ticketArticles(t.db, {
      user: u.po,
      ticketId: (await ticketId(second))!,
      topic: "verzuim-melden",
    });
    expect(page.linked).toEqual([]);
    expect(page.joinable.map((j) => j.id)).toContain(a.id);
    await linkTicketToArticle(t.db, { user: u.po, reference: second, articleId: a.id });
    await linkTicketToArticle(t.db, { user: u.po, reference: second, articleId: a.id }); // twice: still one link
    expect((await articleTickets(t.db, a.id)).map((x) => x.reference)).toEqual([ref, second]);

    // Agents do not publish; an editor submits, the same editor cannot approve, a second editor can.
    await expect(approveArticle(t.db, { user: u.po, articleId: a.id })).rejects.toBeInstanceOf(NotFoundError);
    await submitForReview(t.db, { user: u.a, articleId: a.id });
    await expect(approveArticle(t.db, { user: u.a, articleId: a.id })).rejects.toBeInstanceOf(FourEyesError);
    await approveArticle(t.db, { user: u.b, articleId: a.id });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("published");
    expect((await articleTickets(t.db, a.id)).map((x) => x.reference)).toEqual([ref, second]);
    const after = await ticketArticles(t.db, { user: u.po, ticketId: (await ticketId(ref))!, topic: "verzuim-melden" });
    expect(after.linked).toMatchObject([{ id: a.id, status: "published", workingStatus: "published" }]);
    expect(await t.db.auditEvent.count({ where: { entityId: a.id, action: "article.created_from_ticket" } })).toBe(1);
  });

  it("refuses an open ticket, a ticket without a topic or answer, another desk's ticket and an editor; nothing is stored", async () => {
    const before = await t.db.article.count();
    const open = (await newTicket(t.db, "po", { question: "Een open vraag over verzuim melden." })).reference;
    await expect(createDraftFromTicket(t.db, { user: u.po, reference: open })).rejects.toThrow(NOT_RESOLVED);

    const noAnswer = (await newTicket(t.db, "po", { question: "Nog geen antwoord op deze vraag." })).reference;
    await changeStatus(t.db, { user: u.po, reference: noAnswer, status: "resolved" });
    await expect(createDraftFromTicket(t.db, { user: u.po, reference: noAnswer })).rejects.toBeInstanceOf(
      ConflictError,
    );

    const noTopic = await resolvedTicket();
    await t.db.ticket.update({ where: { reference: noTopic }, data: { topic: null } });
    await expect(createDraftFromTicket(t.db, { user: u.po, reference: noTopic })).rejects.toBeInstanceOf(
      ValidationError,
    );

    const po = await resolvedTicket();
    await expect(createDraftFromTicket(t.db, { user: u.ipo, reference: po })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createDraftFromTicket(t.db, { user: u.a, reference: po })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      linkTicketToArticle(t.db, { user: u.po, reference: po, articleId: "bestaat-niet" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.db.article.count()).toBe(before);
    expect(
      await t.db.articleTicket.count({ where: { ticket: { reference: { in: [open, noAnswer, noTopic, po] } } } }),
    ).toBe(0);
  });
});

describe("/redactie/hiaten: answered without an article, time to an article", () => {
  it("lists resolved tickets whose replies link no article, grouped by topic and similar question, until a draft is made", async () => {
    const subject = { question: "Hoe lang mag een leerling op vakantie buiten de schoolvakanties?" };
    const one = await resolvedTicket(subject);
    const two = await resolvedTicket(subject);
    const topic = (await answeredWithoutArticle(t.db, { user: u.a, days: 30 })).find(
      (x) => x.topic === "verzuim-melden",
    );
    const subj = (await t.db.ticket.findUniqueOrThrow({ where: { reference: one } })).subject;
    const q = topic?.questions.find((x) => x.key === questionKey(subj));
    expect(q?.references).toEqual(expect.arrayContaining([one, two]));
    await expect(answeredWithoutArticle(t.db, { user: u.po, days: 30 })).rejects.toBeInstanceOf(NotFoundError);

    await createDraftFromTicket(t.db, { user: u.po, reference: one });
    const after = (await answeredWithoutArticle(t.db, { user: u.a, days: 30 })).flatMap((x) => x.questions);
    expect(after.flatMap((x) => x.references)).not.toContain(one);
    expect(after.flatMap((x) => x.references)).toContain(two);
  });

  it("counts the days from a topic's first ticket to its first published article", async () => {
    const first = await t.db.articleRevision.findFirstOrThrow({
      where: { status: "published", article: { topic: "verzuim-melden" } },
      orderBy: { createdAt: "asc" },
    });
    const ref = await resolvedTicket();
    await t.db.ticket.update({
      where: { reference: ref },
      data: { createdAt: new Date(first.createdAt.getTime() - 12 * 86_400_000) },
    });
    const r = await timeToArticle(t.db, { user: u.a });
    expect(r.topics.find((x) => x.topic === "verzuim-melden")).toMatchObject({ days: 12 });
    expect(r.medianDays).toBe(median(r.topics.filter((x) => x.firstPublishedAt).map((x) => x.days)));
    expect(median([3, 1, 10, 4])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

async function ticketId(reference: string) {
  return (await t.db.ticket.findUnique({ where: { reference }, select: { id: true } }))?.id;
}
