import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { makePdf } from "@/tests/helpers/pdf";
import { createTicket } from "./create-ticket";
import { addCallerReply, closeByCaller, getCallerView } from "./caller-service";
import { hashToken } from "./follow-up-link";
import type { IntakeInput } from "./schema";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
let t: TestDb;
let intake: typeof import("./intake");

const base: IntakeInput = {
  callerType: "vo-school",
  organisation: "Stellingwerf College",
  topic: "verzuim-melden",
  question: "Hoe meld ik een leerling die 20 uur heeft gespijbeld?",
  name: "Jan Jansen",
  email: "jan@school.test",
};

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "on";
  await seedContent(t.db, { contentDir: CONTENT, demoUsers: false });
  intake = await import("./intake");
});
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

describe("ticket references", () => {
  it("are unique per desk and year under concurrency, in the PO-/IPO- format", async () => {
    const n = 40;
    const made = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        createTicket(t.db, {
          input: { ...base, question: `Vraag nummer ${i} over verzuim melden` },
          deskId: i % 2 ? "po" : "vo-mbo",
        }),
      ),
    );
    const refs = made.map((m) => m.reference);
    expect(new Set(refs).size).toBe(n);
    for (const r of refs) expect(r).toMatch(/^(PO|IPO)-\d{4}-\d{6}$/);
    const po = refs
      .filter((r) => r.startsWith("PO-"))
      .map((r) => Number(r.slice(-6)))
      .sort((a, b) => a - b);
    expect(po).toEqual(Array.from({ length: n / 2 }, (_, i) => i + 1));
  });

  it("stores the follow-up token only hashed, with SLA due times, an audit event and a queued mail", async () => {
    const c = await createTicket(t.db, { input: base, deskId: "vo-mbo" });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { reference: c.reference } });
    expect(row.followUpTokenHash).toBe(hashToken(c.followUpToken));
    expect(JSON.stringify(row)).not.toContain(c.followUpToken);
    expect(row.firstResponseDueAt!.getTime()).toBeGreaterThan(row.createdAt.getTime());
    expect(row.resolutionDueAt!.getTime()).toBeGreaterThan(row.firstResponseDueAt!.getTime());
    expect(await t.db.auditEvent.count({ where: { ticketId: row.id, action: "ticket.created" } })).toBe(1);
    const mail = await t.db.mailOutbox.findFirstOrThrow({ where: { ticketId: row.id } });
    expect(mail.text).toContain(c.followUpUrl);
    expect(mail.to).toBe("jan@school.test");
  });
});

describe("attachments", () => {
  it("stores files by content type and refuses lies", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "up-"));
    const storage = localFolderStorage(dir);
    const pdf = makePdf(["Brief van de school"]);
    const c = await createTicket(t.db, {
      input: base,
      deskId: "vo-mbo",
      storage,
      attachments: [{ name: "brief.pdf", bytes: pdf }],
    });
    const att = await t.db.attachment.findFirstOrThrow({ where: { ticket: { reference: c.reference } } });
    expect(att.mimeType).toBe("application/pdf");
    expect(fs.readFileSync(path.join(dir, att.storageKey)).equals(Buffer.from(pdf))).toBe(true);
    const before = await t.db.ticket.count();
    await expect(
      createTicket(t.db, { input: base, deskId: "vo-mbo", storage, attachments: [{ name: "foto.png", bytes: pdf }] }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await t.db.ticket.count()).toBe(before);
  });
});

describe("the caller's follow-up", () => {
  it("shows the public conversation, takes replies that reopen a resolved ticket, and closes", async () => {
    const c = await createTicket(t.db, { input: base, deskId: "vo-mbo" });
    const id = (await t.db.ticket.findUniqueOrThrow({ where: { reference: c.reference } })).id;
    await t.db.message.create({ data: { ticketId: id, kind: "note", body: "Interne notitie: niet voor de beller" } });
    const view = await getCallerView(t.db, c.followUpToken);
    expect(view.ticket.messages.map((m) => m.kind)).toEqual(["caller"]);

    await t.db.ticket.update({ where: { id }, data: { status: "resolved", resolvedAt: new Date() } });
    const r = await addCallerReply(t.db, c.followUpToken, "Het is nog niet opgelost.");
    expect(r.reopened).toBe(true);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("open");

    await closeByCaller(t.db, c.followUpToken);
    const closed = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(closed.status).toBe("closed");
    expect(closed.followUpExpiresAt).not.toBeNull();
    await expect(addCallerReply(t.db, c.followUpToken, "Nog een vraag")).rejects.toMatchObject({ status: 400 });
  });

  it("is a 404 for a wrong or expired token", async () => {
    await expect(getCallerView(t.db, "x".repeat(43))).rejects.toMatchObject({ status: 404 });
    await expect(getCallerView(t.db, "../../etc")).rejects.toMatchObject({ status: 404 });
    const c = await createTicket(t.db, { input: base, deskId: "po" });
    await t.db.ticket.update({
      where: { reference: c.reference },
      data: { followUpExpiresAt: new Date(Date.now() - 1000) },
    });
    await expect(getCallerView(t.db, c.followUpToken)).rejects.toMatchObject({ status: 404 });
  });
});

describe("submitQuestion", () => {
  it("routes by the triage engine and refuses parents and undecidable questions", async () => {
    const po = await intake.submitQuestion({
      input: {
        ...base,
        callerType: "school-board",
        question: "Op een van onze basisscholen lukt het melden van verzuim niet",
      },
      ip: "10.0.0.1",
      channel: "web",
    });
    expect(po.deskId).toBe("po");
    await expect(
      intake.submitQuestion({ input: { ...base, callerType: "parent-or-student" }, ip: "10.0.0.1", channel: "web" }),
    ).rejects.toMatchObject({ status: 400, issues: [{ path: "callerType" }] });
    await expect(
      intake.submitQuestion({
        input: { ...base, callerType: "other", question: "Wie kan mij helpen met een vraag?" },
        ip: "10.0.0.1",
        channel: "web",
      }),
    ).rejects.toMatchObject({ status: 400, issues: [{ path: "sector" }] });
    await expect(
      intake.submitQuestion({ input: { ...base, topic: "bestaat-niet" }, ip: "10.0.0.1", channel: "web" }),
    ).rejects.toMatchObject({ status: 400, issues: [{ path: "topic" }] });
  });

  it("gives each ticket a sector: the caller's choice, else from the caller type, the desk and the text", async () => {
    const cases: [Partial<IntakeInput>, string][] = [
      [{ callerType: "po-school", organisation: "Basisschool De Regenboog" }, "po"],
      [{ callerType: "vo-school" }, "vo"],
      [{ callerType: "mbo-institution", organisation: "ROC Friesland College" }, "mbo"],
      [{ callerType: "school-board", question: "Op een van onze basisscholen lukt het melden van verzuim niet" }, "po"],
      [
        {
          callerType: "municipality",
          question: "Een havo-leerling uit onze gemeente spijbelt al weken, wat moet de school doen?",
        },
        "vo",
      ],
      [{ callerType: "school-board", sector: "mbo", question: "Hoe melden onze scholen verzuim?" }, "mbo"],
    ];
    for (const [i, [over, sector]] of cases.entries()) {
      const c = await intake.submitQuestion({
        input: { ...base, ...over } as IntakeInput,
        ip: `10.1.2.${i}`,
        channel: "web",
      });
      expect([over.callerType, (await t.db.ticket.findUniqueOrThrow({ where: { id: c.id } })).sector]).toEqual([
        over.callerType,
        sector,
      ]);
    }
  });

  it("limits one address to 5 tickets per 10 minutes, with a Dutch message", async () => {
    for (let i = 0; i < 5; i++) await intake.submitQuestion({ input: base, ip: "10.9.9.9", channel: "api" });
    const err = await intake.submitQuestion({ input: base, ip: "10.9.9.9", channel: "api" }).catch((e) => e);
    expect(err.status).toBe(429);
    expect(err.message).toMatch(/Wacht \d+ minuten/);
    expect((await intake.submitQuestion({ input: base, ip: "10.9.9.10", channel: "api" })).reference).toMatch(/^IPO-/);
  });

  it("records the wizard funnel: a submitted run stays submitted", async () => {
    await intake.recordDeflection("run-abcdefgh", "started");
    await intake.recordDeflection("run-abcdefgh", "suggestions_shown");
    await intake.recordDeflection("run-abcdefgh", "article_opened");
    await intake.submitQuestion({ input: base, ip: "10.1.1.1", channel: "web", runId: "run-abcdefgh" });
    await intake.recordDeflection("run-abcdefgh", "abandoned");
    expect(await t.db.deflectionRun.findUniqueOrThrow({ where: { id: "run-abcdefgh" } })).toMatchObject({
      suggestionsShown: 1,
      articlesOpened: 1,
      outcome: "submitted",
    });
  });
});

describe("submitQuestion (prepared statements on SQLite, Prisma on PostgreSQL)", () => {
  it("writes rows Prisma reads back exactly, unique under concurrency", async () => {
    const made = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        intake.submitQuestion({
          input: { ...base, question: `Snelle vraag ${i} over spijbelen` },
          ip: `10.7.0.${i}`,
          channel: "api",
        }),
      ),
    );
    expect(new Set(made.map((m) => m.reference)).size).toBe(30);
    const view = await getCallerView(t.db, made[0]!.followUpToken);
    expect(view.ticket.reference).toBe(made[0]!.reference);
    expect(view.ticket.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(view.ticket.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(view.ticket.firstResponseDueAt!.getTime()).toBeGreaterThan(view.ticket.createdAt.getTime());
    expect(view.ticket.messages[0]!.body).toMatch(/^Snelle vraag \d+ over spijbelen$/);
    const row = await t.db.ticket.findUniqueOrThrow({
      where: { reference: made[0]!.reference },
      include: { requester: true },
    });
    expect(row.requester.email).toBe("jan@school.test");
    expect(await t.db.auditEvent.count({ where: { ticketId: row.id, action: "ticket.created" } })).toBe(1);
    expect(await t.db.mailOutbox.count({ where: { ticketId: row.id } })).toBe(1);
  });
});
