// IMAP polling against a real dovecot (a throwaway instance per run, tests/helpers/dovecot.ts): mail in the inbox
// becomes tickets, is moved to the processed folder only after its commit, a second copy of a mail changes
// nothing, one instance holds a mailbox at a time (database lease), and the long-running poller picks up new mail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { dovecotMissing, startDovecot, type Dovecot } from "@/tests/helpers/dovecot";
import { composeMail, testMessageId } from "@/tests/helpers/mail";
import { seedDesksAndStaff } from "@/tests/helpers/desk-fixtures";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { acquireLease, parseImapUrl, pollMailboxOnce, startImapPoller } from "./imap-poller";

const missing = dovecotMissing();
if (missing) console.warn(`IMAP tests skipped: ${missing}`);

describe.skipIf(!!missing)("IMAP polling (dovecot)", () => {
  let t: TestDb;
  let dv: Dovecot;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imap-"));
  const storage = localFolderStorage(dir);

  beforeAll(async () => {
    t = await createTestDb();
    await seedDesksAndStaff(t.db);
    dv = await startDovecot();
  });
  afterAll(async () => {
    await dv?.stop();
    await t?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes in the inbox and moves each mail to the processed folder; a second copy is one message", async () => {
    const id = testMessageId();
    const q = await composeMail({
      from: "Sanne <sanne@school.test>",
      to: "po@helpdesk.test",
      subject: "Vraag over verlof",
      text: "Mag een leerling twee dagen extra verlof krijgen?",
      messageId: id,
    });
    await dv.append(q);
    await dv.append(
      await composeMail({
        from: "sanne@school.test",
        subject: "Automatisch antwoord: afwezig",
        text: "Ik ben er niet.",
        headers: { "Auto-Submitted": "auto-replied" },
        messageId: testMessageId(),
      }),
    );
    const r = await pollMailboxOnce(t.db, { deskId: "po", url: dv.url() }, { storage });
    expect(r).toEqual({ leased: true, taken: 2, failed: 0 });
    expect(await dv.list("INBOX")).toBe(0);
    expect(await dv.list("Verwerkt")).toBe(2);
    const tickets = await t.db.ticket.findMany({ where: { requester: { email: "sanne@school.test" } } });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ channel: "email", deskId: "po" });

    await dv.append(q); // delivered again
    expect((await pollMailboxOnce(t.db, { deskId: "po", url: dv.url() }, { storage })).taken).toBe(1);
    expect(await t.db.ticket.count({ where: { requester: { email: "sanne@school.test" } } })).toBe(1);
    expect(await t.db.message.count({ where: { ticketId: tickets[0]!.id } })).toBe(1);
  });

  it("one consumer per mailbox: a second instance does not get the lease while the first holds it", async () => {
    const key = parseImapUrl(dv.url()).key;
    expect(await acquireLease(t.db, key, "instance-a", 60_000)).toBe(true);
    expect(await acquireLease(t.db, key, "instance-b", 60_000)).toBe(false);
    expect((await pollMailboxOnce(t.db, { deskId: "po", url: dv.url() }, { holder: "instance-b" })).leased).toBe(false);
    // After the lease runs out the other instance takes over.
    expect(await acquireLease(t.db, key, "instance-b", 60_000, new Date(Date.now() + 61_000))).toBe(true);
    await t.db.mailboxLease.deleteMany({});
  });

  it("the long-running poller picks up new mail as it arrives (IDLE)", async () => {
    const poller = startImapPoller(() => t.db, { deskId: "po", url: dv.url() }, { intervalMs: 10_000, storage });
    try {
      await new Promise((r) => setTimeout(r, 500));
      await dv.append(
        await composeMail({
          from: "idle@school.test",
          subject: "Nieuwe vraag",
          text: "Komt deze snel binnen?",
          messageId: testMessageId(),
        }),
      );
      let n = 0;
      for (let i = 0; i < 80 && n === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        n = await t.db.ticket.count({ where: { requester: { email: "idle@school.test" } } });
      }
      expect(n).toBe(1);
    } finally {
      await poller.stop();
    }
  });
});
