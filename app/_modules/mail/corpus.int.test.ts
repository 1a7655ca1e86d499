// The e-mail corpus (tests/fixtures/mail-corpus, written by scripts/mail-corpus.ts): 63 realistic mails sent in
// order over SMTP to the real receiver with nodemailer. Every mail must land where expected.json says (100 %
// threading), automatic mail must make 0 tickets and 0 auto-replies, masked numbers must be gone from storage.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { composeMail } from "@/tests/helpers/mail";
import { seedDesksAndStaff } from "@/tests/helpers/desk-fixtures";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { receiveMail } from "./inbound";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

type Expect = {
  outcome: string;
  ticket?: string;
  desk?: string;
  body?: string;
  notBody?: string;
  masked?: boolean;
  attachments?: number;
  refused?: number;
  order: number;
};
const dir = path.join(__dirname, "..", "..", "..", "tests", "fixtures", "mail-corpus");
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<string, Expect>;
const files = Object.keys(expected).sort();

let t: TestDb;
let rx: SmtpReceiver;
const store = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
const ticketOf = new Map<string, string>(); // case name → ticket id
const formerOf = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDb();
  await seedDesksAndStaff(t.db);
  rx = await startSmtpReceiver(() => t.db, {
    port: 0,
    storage: localFolderStorage(store),
    sqliteUrl: () => (t.kind === "sqlite" ? t.url : undefined),
  });
  // A closed ticket for the "reply to a closed ticket" case.
  const seed = await receiveMail(
    t.db,
    await composeMail({
      from: "s.vos@obs-meander.test",
      subject: "Oude vraag",
      text: "Een vraag die al gesloten is.",
      messageId: "<seed.closed@client.test>",
    }),
    { kick: false, storage: localFolderStorage(store), sqliteUrl: t.kind === "sqlite" ? t.url : undefined },
  );
  await t.db.ticket.update({ where: { id: seed.ticketId! }, data: { status: "closed", closedAt: new Date() } });
  ticketOf.set("po-closed-seed", seed.ticketId!);
});
afterAll(async () => {
  await rx.close();
  await t.drop();
  fs.rmSync(store, { recursive: true, force: true });
});

async function fill(raw: string): Promise<string> {
  const names = [
    ...new Set([...raw.matchAll(/\{\{(ref|lref|mid|former):([\w-]+)\}\}/g)].map((m) => `${m[1]}:${m[2]}`)),
  ];
  for (const key of names) {
    const [kind, name] = key.split(":") as [string, string];
    const id = ticketOf.get(name);
    if (!id) throw new Error(`corpus: ${name} has no ticket yet`);
    const tk = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    let value = tk.reference;
    if (kind === "lref") value = tk.reference.toLowerCase().replace(/-/g, " ");
    if (kind === "former") value = formerOf.get(name)!;
    if (kind === "mid")
      value = `<${(await t.db.mailOutbox.findFirstOrThrow({ where: { ticketId: id }, orderBy: { createdAt: "asc" } })).id}@helpdesk.invalid>`;
    raw = raw.split(`{{${key}}}`).join(value);
  }
  return raw;
}

/** Steps an agent takes between mails: a transfer, a merge and a resolve, as the corpus' later mails expect. */
async function agentSteps(name: string) {
  if (name === "ipo-english-new") {
    // po-attachment-png is transferred: its caller keeps the old reference.
    const id = ticketOf.get("po-attachment-png")!;
    const tk = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    formerOf.set("po-attachment-png", tk.reference);
    await t.db.ticketFormerReference.create({ data: { reference: tk.reference, ticketId: id } });
    await t.db.ticket.update({
      where: { id },
      data: { reference: "IPO-2026-900001", deskId: "vo-mbo", number: 900001 },
    });
    await t.db.ticket.update({
      where: { id: ticketOf.get("po-forward")! },
      data: { mergedIntoId: ticketOf.get("po-forward-gmail")!, status: "closed" },
    });
    await t.db.ticket.update({
      where: { id: ticketOf.get("ipo-html-outlook")! },
      data: { status: "resolved", resolvedAt: new Date() },
    });
  }
}

describe("mail corpus over SMTP", () => {
  it(`threads all ${files.length} mails as expected; automatic mail makes no ticket and no reply`, async () => {
    const smtp = nodemailer.createTransport({ host: "127.0.0.1", port: rx.port, secure: false, ignoreTLS: true });
    const wrong: string[] = [];
    let automaticTickets = 0;
    let automaticReplies = 0;
    for (const file of files) {
      const e = expected[file]!;
      const name = file.replace(/^\d+-|\.eml$/g, "");
      const raw = await fill(fs.readFileSync(path.join(dir, file), "utf8"));
      const to = /^to:.*?(ipo@helpdesk\.test|po@helpdesk\.test)/im.exec(raw)?.[1] ?? "po@helpdesk.test";
      const [ticketsBefore, outboxBefore] = [await t.db.ticket.count(), await t.db.mailOutbox.count()];
      const info = await smtp.sendMail({ envelope: { from: "sender@client.test", to: [to] }, raw });
      if (!/^250 /.test(info.response)) wrong.push(`${file}: ${info.response}`);
      const row = await t.db.inboundMail.findUniqueOrThrow({
        where: { messageId: /^message-id:\s*<([^>]+)>/im.exec(raw)![1]! },
      });
      const problems: string[] = [];
      if (row.outcome !== e.outcome) problems.push(`outcome ${row.outcome}, expected ${e.outcome}`);
      if (e.outcome === "ticket" && row.ticketId) ticketOf.set(name, row.ticketId);
      if (e.ticket && row.ticketId !== ticketOf.get(e.ticket))
        problems.push(`ticket ${row.ticketId}, expected that of ${e.ticket}`);
      if (["automatic", "dropped", "bounce"].includes(e.outcome)) {
        automaticTickets += (await t.db.ticket.count()) - ticketsBefore;
        automaticReplies += (await t.db.mailOutbox.count()) - outboxBefore;
      }
      if (row.ticketId && ["ticket", "reply", "other-sender"].includes(e.outcome)) {
        const tk = await t.db.ticket.findUniqueOrThrow({ where: { id: row.ticketId } });
        const msg = await t.db.message.findFirstOrThrow({
          where: { ticketId: row.ticketId, kind: "caller" },
          orderBy: [{ createdAt: "desc" }],
          include: { attachments: true },
        });
        if (e.desk && tk.deskId !== e.desk) problems.push(`desk ${tk.deskId}, expected ${e.desk}`);
        if (tk.channel !== "email" && e.outcome === "ticket") problems.push(`channel ${tk.channel}`);
        if (e.body && !msg.body.includes(e.body)) problems.push(`body lacks "${e.body}": ${JSON.stringify(msg.body)}`);
        if (e.notBody && msg.body.includes(e.notBody))
          problems.push(`body has "${e.notBody}": ${JSON.stringify(msg.body)}`);
        if (e.masked && !tk.personalNumberRemoved) problems.push("ticket not flagged for a masked number");
        if (e.attachments != null && msg.attachments.length !== e.attachments)
          problems.push(`${msg.attachments.length} attachments, expected ${e.attachments}`);
        if (e.refused != null && JSON.parse(msg.refusedAttachments ?? "[]").length !== e.refused)
          problems.push(`refused ${msg.refusedAttachments}, expected ${e.refused}`);
        if ((e.outcome === "other-sender") !== msg.otherSender) problems.push(`otherSender ${msg.otherSender}`);
      }
      if (e.outcome === "bounce") {
        const tk = await t.db.ticket.findUniqueOrThrow({
          where: { id: ticketOf.get(e.ticket!)! },
          include: { requester: true },
        });
        if (!tk.requester.emailBouncedAt) problems.push("address not marked as not working");
      }
      if (problems.length) wrong.push(`${file}: ${problems.join("; ")}`);
      await agentSteps(name);
    }
    smtp.close();
    // Numbers that were masked are stored nowhere.
    const everything = JSON.stringify(await t.db.message.findMany()) + JSON.stringify(await t.db.ticket.findMany());
    expect(everything).not.toMatch(/123456782|1000\.00\.009/);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticketOf.get("ipo-html-outlook")! } })).status).toBe(
      "open",
    );
    expect(wrong).toEqual([]);
    expect(automaticTickets).toBe(0);
    expect(automaticReplies).toBe(0);
    expect(files.length).toBeGreaterThanOrEqual(60);
  }, 120_000);
});
