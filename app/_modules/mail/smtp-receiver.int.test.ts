// The embedded SMTP receiver, with real mail sent by nodemailer over SMTP: desk addresses only (RCPT refusal),
// the size limit at the protocol level, 250 only after the commit (451 and nothing stored when the commit fails).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { testMessageId } from "@/tests/helpers/mail";
import { createDb } from "@/app/_core/db";
import { seedDesksAndStaff } from "@/tests/helpers/desk-fixtures";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

let t: TestDb;
let rx: SmtpReceiver;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smtp-rx-"));
let useDb: () => ReturnType<typeof createDb>;
let currentUrl: () => string;

beforeAll(async () => {
  t = await createTestDb();
  await seedDesksAndStaff(t.db);
  useDb = () => t.db;
  currentUrl = () => t.url;
  rx = await startSmtpReceiver(() => useDb(), {
    port: 0,
    storage: localFolderStorage(dir),
    maxBytes: 200_000,
    sqliteUrl: () => (t.kind === "sqlite" ? currentUrl() : undefined),
  });
});
afterAll(async () => {
  await rx.close();
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const smtp = () => nodemailer.createTransport({ host: "127.0.0.1", port: rx.port, secure: false, ignoreTLS: true });

describe("SMTP receiver", () => {
  it("takes a mail for a desk address and answers 250 with the reference after the commit", async () => {
    const messageId = testMessageId();
    const info = await smtp().sendMail({
      from: "Jan <jan@school.test>",
      to: "po@helpdesk.test",
      subject: "Verzuim melden",
      text: "Hoe meld ik verzuim van een leerling?",
      messageId,
    });
    expect(info.response).toMatch(/^250 .*PO-\d{4}-\d{6}/);
    const row = await t.db.inboundMail.findUniqueOrThrow({ where: { messageId: messageId.replace(/^<|>$/g, "") } });
    const tk = await t.db.ticket.findUniqueOrThrow({ where: { id: row.ticketId! } });
    expect(tk).toMatchObject({ channel: "email", deskId: "po" });
  });

  it("refuses other recipients at RCPT time", async () => {
    await expect(
      smtp().sendMail({ from: "jan@school.test", to: "iemand@helpdesk.test", subject: "x", text: "x" }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it("refuses a mail above the size limit at the protocol level", async () => {
    const err = await smtp()
      .sendMail({ from: "jan@school.test", to: "po@helpdesk.test", subject: "groot", text: "x".repeat(300_000) })
      .catch((e) => e);
    expect(err.responseCode).toBe(552);
  });

  it("answers 451 and stores nothing when the commit fails, so the sender tries again", async () => {
    const messageId = testMessageId();
    useDb = () => createDb("file:/nonexistent/dir/db.sqlite");
    currentUrl = () => "file:/nonexistent/dir/db.sqlite";
    const err = await smtp()
      .sendMail({ from: "jan@school.test", to: "po@helpdesk.test", subject: "later", text: "x", messageId })
      .catch((e) => e);
    useDb = () => t.db;
    currentUrl = () => t.url;
    expect(err.responseCode).toBe(451);
    expect(await t.db.inboundMail.count({ where: { messageId: messageId.replace(/^<|>$/g, "") } })).toBe(0);
    // The retry succeeds and a second retry is the same message.
    const a = await smtp().sendMail({
      from: "jan@school.test",
      to: "po@helpdesk.test",
      subject: "later",
      text: "x",
      messageId,
    });
    const b = await smtp().sendMail({
      from: "jan@school.test",
      to: "po@helpdesk.test",
      subject: "later",
      text: "x",
      messageId,
    });
    expect(a.response.split(" ").at(-1)).toBe(b.response.split(" ").at(-1));
    expect(await t.db.ticket.count({ where: { subject: "later" } })).toBe(1);
  });
});
