// The SQLite write path of the e-mail channel (inbound-sqlite.ts): group commit with one savepoint per mail, no
// event-loop block while another transaction holds the database, and many mails at once — one of them delivered
// twice at the same moment — written once each, with consecutive reference numbers. SQLite only (PostgreSQL always
// writes through Prisma).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { composeMail, testMessageId } from "@/tests/helpers/mail";
import { seedDesksAndStaff } from "@/tests/helpers/desk-fixtures";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { referenceYear } from "@/app/_modules/tickets/reference";
import { receiveMail } from "./inbound";
import { mailWriter } from "./inbound-sqlite";

let t: TestDb;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inbound-sqlite-"));
const storage = localFolderStorage(dir);
const sqlite = process.env.TEST_DB !== "postgres";

beforeAll(async () => {
  t = await createTestDb();
  await seedDesksAndStaff(t.db);
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!sqlite)("the SQLite mail writer", () => {
  it("commits the mails of one turn in one transaction; a failing mail rolls back alone", async () => {
    const w = mailWriter(t.url);
    const insert = w.conn.prepare(
      `INSERT INTO "InboundMail" ("messageId", "fromAddress", "outcome", "createdAt") VALUES (?, 'a@b.test', 'dropped', '2026-03-03T09:00:00.000+00:00')`,
    );
    const before = { ...w.stats };
    const results = await Promise.allSettled([
      w.write(() => insert.run("group-1")),
      w.write(() => {
        insert.run("group-2");
        throw new Error("this mail fails");
      }),
      w.write(() => insert.run("group-3")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(w.stats.groups - before.groups).toBe(1);
    const ids = await t.db.inboundMail.findMany({
      where: { messageId: { startsWith: "group-" } },
      select: { messageId: true },
      orderBy: { messageId: "asc" },
    });
    expect(ids.map((r) => r.messageId)).toEqual(["group-1", "group-3"]);
  });

  it("waits without blocking while another transaction holds the database, then commits", async () => {
    const w = mailWriter(t.url);
    let written = false;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // A Prisma transaction of another part of the process holds the write lock across an await.
    const other = t.db.$transaction(async (tx) => {
      await tx.inboundMail.create({
        data: { messageId: "held-1", fromAddress: "a@b.test", outcome: "dropped", createdAt: new Date() },
      });
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    const busyBefore = w.stats.busyRetries;
    const write = w
      .write(() =>
        w.conn
          .prepare(
            `INSERT INTO "InboundMail" ("messageId", "fromAddress", "outcome", "createdAt") VALUES ('held-2', 'a@b.test', 'dropped', '2026-03-03T09:00:00.000+00:00')`,
          )
          .run(),
      )
      .then(() => (written = true));
    // The event loop runs on (a timer fires) while the writer waits for the lock.
    await new Promise((r) => setTimeout(r, 60));
    expect(written).toBe(false);
    expect(w.stats.busyRetries).toBeGreaterThan(busyBefore);
    release();
    await other;
    await write;
    expect(await t.db.inboundMail.count({ where: { messageId: { in: ["held-1", "held-2"] } } })).toBe(2);
  });

  it("takes 40 mails at once, one of them twice at the same moment: one ticket each, numbers without gaps", async () => {
    const mails = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        composeMail({
          from: `Afzender ${i} <afzender${i}@school.test>`,
          to: "po@helpdesk.test",
          subject: `Vraag ${i} over verzuim`,
          text: `Hoe melden wij verzuim? Vraag nummer ${i}.`,
          messageId: testMessageId(),
        }),
      ),
    );
    const opts = { storage, kick: false, sqliteUrl: t.url, recipients: ["po@helpdesk.test"] };
    const before = await t.db.ticketCounter.findUnique({
      where: { deskId_year: { deskId: "po", year: referenceYear(new Date()) } },
    });
    const results = await Promise.all([...mails, mails[7]!].map((raw) => receiveMail(t.db, raw, opts)));
    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    const created = results.filter((r) => !r.duplicate);
    expect(created.every((r) => r.outcome === "ticket")).toBe(true);
    expect(new Set(created.map((r) => r.reference)).size).toBe(40);
    const dup = results.find((r) => r.duplicate)!;
    expect(created.find((r) => r.messageId === dup.messageId)?.reference).toBe(dup.reference);
    const numbers = (
      await t.db.ticket.findMany({
        where: { reference: { in: created.map((r) => r.reference!) } },
        select: { number: true },
      })
    )
      .map((x) => x.number)
      .sort((a, b) => a - b);
    const first = (before?.value ?? 0) + 1;
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => first + i));
    expect(await t.db.message.count({ where: { body: { contains: "Vraag nummer 7." } } })).toBe(1);
  });
});
