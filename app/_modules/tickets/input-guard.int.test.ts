// Issue 11, items 4 and 9 and reply attachments: bad text is stored cleanly, and the BSN rule holds for every caller
// field, every text-like attachment (txt, csv, PDF text layer), agent notes sent as editor JSON, and files on replies.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { makePdf } from "@/tests/helpers/pdf";
import type { SessionUser } from "@/app/_core/session";
import { seedContent } from "@/app/_modules/content/seed";
import { PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { attachmentForAgent, attachmentForCaller } from "./attachments";
import { replyToTicket } from "./desk/reply";
import { PHONE_MESSAGE } from "./schema";
import { addCallerReply, getCallerView } from "./caller-service";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
const BSN = "123456782";
const ONDERWIJSNUMMER = "100000004";
let t: TestDb;
let uploads: string;
let POST: (req: Request) => Promise<Response>;
let agent: SessionUser;

const base = {
  callerType: "po-school",
  organisation: "Basisschool De Regenboog",
  topic: "verzuim-melden",
  question: "Hoe meld ik ongeoorloofd verzuim van een leerling bij DUO?",
  name: "Jan Jansen",
  email: "jan@regenboog.test",
};
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");
// Each post waits for the mail it queued: the SQLite fast path of intake (a second, synchronous connection) must
// not meet a write transaction of the outbox on the Prisma connection (see the report on issue 11).
async function post(body: unknown): Promise<Response> {
  const res = await POST(
    new Request("http://127.0.0.1/api/v1/tickets", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  return res;
}
const files = () =>
  fs.existsSync(uploads)
    ? fs.readdirSync(uploads, { recursive: true }).filter((f) => /[0-9a-f-]{36}$/.test(String(f))).length
    : 0;

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), "guard-"));
  process.env.UPLOAD_DIR = uploads;
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "off";
  await seedContent(t.db, { contentDir: CONTENT, demoUsers: false });
  const u = await t.db.user.create({
    data: {
      email: "agent@helpdesk.test",
      name: "Agent",
      passwordHash: "x",
      role: "agent",
      desks: { create: [{ deskId: "po" }] },
    },
  });
  agent = { id: u.id, email: u.email, name: u.name, role: "agent", desks: ["po"] };
  POST = (await import("@/app/api/v1/tickets/route")).POST as never;
});
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

async function refused(body: unknown, path: string, message: string | RegExp) {
  const before = await t.db.ticket.count();
  const filesBefore = files();
  const res = await post(body);
  expect(res.status).toBe(400);
  const json = (await res.json()) as { issues: { path: string; message: string }[] };
  expect(json.issues.find((i) => i.path === path)?.message).toMatch(message);
  expect(await t.db.ticket.count()).toBe(before);
  expect(files()).toBe(filesBefore);
}

describe(`bad text (${process.env.TEST_DB ?? "sqlite"})`, () => {
  it("stores a question with NUL, control characters and a lone surrogate cleanly, never a 500", async () => {
    const res = await post({
      ...base,
      question: "Hoe meld ik\u0000 verzuim\u0007 van een leerling\uD800 bij DUO?",
      name: "Jan\u0000 Jansen",
    });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    const ticket = await t.db.ticket.findUniqueOrThrow({
      where: { reference },
      include: { messages: true, requester: true },
    });
    expect(ticket.messages[0]!.body).toBe("Hoe meld ik verzuim van een leerling\uFFFD bij DUO?");
    expect(ticket.requester.name).toBe("Jan Jansen");
  });
});

describe(`the number guard on every caller field (${process.env.TEST_DB ?? "sqlite"})`, () => {
  it.each([
    ["phone", { phone: "111222333" }, PERSONAL_NUMBER_MESSAGE],
    ["phone", { phone: "12345" }, PHONE_MESSAGE],
    ["phone", { phone: "0612" }, PHONE_MESSAGE],
    ["email", { email: "111222333@example.org" }, PERSONAL_NUMBER_MESSAGE],
    ["email", { email: `jan.${BSN}@school.nl` }, PERSONAL_NUMBER_MESSAGE],
    ["name", { name: `Jan ${BSN}` }, PERSONAL_NUMBER_MESSAGE],
    ["organisation", { organisation: `School ${ONDERWIJSNUMMER}` }, PERSONAL_NUMBER_MESSAGE],
  ])("refuses %s %j", async (field, over, message) => {
    await refused({ ...base, ...over }, field, message);
  });

  it("stores a phone number normalised (E.164, Dutch by default)", async () => {
    for (const [typed, stored] of [
      ["06 12345678", "+31612345678"],
      ["050-599 77 66", "+31505997766"],
      ["+32 2 123 45 67", "+3221234567"],
    ]) {
      const res = await post({ ...base, phone: typed });
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      expect(
        (await t.db.ticket.findUniqueOrThrow({ where: { reference }, include: { requester: true } })).requester.phone,
      ).toBe(stored);
    }
  });
});

describe(`text-like attachments (${process.env.TEST_DB ?? "sqlite"})`, () => {
  it.each([
    ["a CSV with a BSN", "leerlingen.csv", `naam,nummer\nPiet,${BSN},groep 7`],
    ["a CSV with an onderwijsnummer next to another cell", "lijst.csv", `Piet;${ONDERWIJSNUMMER};12`],
    ["a text file with a grouped BSN", "notitie.txt", "Het gaat om 1234 56 782, zie brief."],
    ["a PDF whose text layer holds a BSN", "brief.pdf", makePdf(["Geachte heer,", `Burgerservicenummer: ${BSN}`])],
  ])("refuses %s with the BSN message and stores nothing", async (_what, name, content) => {
    await refused(
      { ...base, attachments: [{ name, contentBase64: b64(content) }] },
      "attachments.0",
      PERSONAL_NUMBER_MESSAGE,
    );
  });

  it("refuses a PDF it cannot read, and stores a clean CSV and PDF", async () => {
    await refused(
      { ...base, attachments: [{ name: "kapot.pdf", contentBase64: b64("%PDF-1.7\nniets") }] },
      "attachments.0",
      /niet lezen/,
    );
    const res = await post({
      ...base,
      attachments: [
        { name: "uren.csv", contentBase64: b64("datum,uren\n2026-03-02,4\n2026-03-03,16") },
        {
          name: "brief.pdf",
          contentBase64: b64(makePdf(["Leerling in groep 7, 16 uur verzuim, telefoon 050 599 77 66"])),
        },
      ],
    });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    expect(await t.db.attachment.count({ where: { ticket: { reference } } })).toBe(2);
  });
});

describe(`agent notes and replies from editor JSON (${process.env.TEST_DB ?? "sqlite"})`, () => {
  const doc = (text: string, href?: string) => ({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text, ...(href ? { marks: [{ type: "link", attrs: { href } }] } : {}) }],
      },
    ],
  });
  let reference: string;
  beforeAll(async () => {
    const res = await post(base);
    reference = ((await res.json()) as { reference: string }).reference;
  });

  it("refuses a clean body with a BSN in bodyJson (text or link), and stores nothing", async () => {
    const before = await t.db.message.count();
    for (const bodyJson of [
      doc(`Leerling ${BSN}`),
      doc("zie dossier", `https://example.org/${BSN}`),
      JSON.stringify(doc(`BSN ${BSN}`)),
    ]) {
      const e = await replyToTicket(t.db, {
        user: agent,
        reference,
        kind: "note",
        body: "Schone tekst",
        bodyJson,
      }).catch((x) => x);
      expect(e.issues).toEqual([{ path: "body", message: PERSONAL_NUMBER_MESSAGE }]);
    }
    expect(await t.db.message.count()).toBe(before);
  });

  it("stores the text derived from the JSON, not the text the client sent", async () => {
    const r = await replyToTicket(t.db, {
      user: agent,
      reference,
      kind: "note",
      body: "iets heel anders",
      bodyJson: doc("Gebeld met de school."),
    });
    const m = await t.db.message.findUniqueOrThrow({ where: { id: r.messageId } });
    expect(m.body).toBe("Gebeld met de school.");
    expect(JSON.parse(m.bodyJson!)).toEqual(doc("Gebeld met de school."));
  });

  it("refuses JSON outside the editor schema", async () => {
    const e = await replyToTicket(t.db, {
      user: agent,
      reference,
      kind: "note",
      bodyJson: { type: "doc", content: [{ type: "script", text: "x" }] },
    }).catch((x) => x);
    expect(e.issues[0].path).toBe("bodyJson");
  });
});

describe(`attachments on replies (${process.env.TEST_DB ?? "sqlite"})`, () => {
  let reference: string;
  let token: string;
  beforeAll(async () => {
    const res = await post(base);
    const json = (await res.json()) as { reference: string; followUpUrl: string };
    reference = json.reference;
    token = json.followUpUrl.split("/mijn-vraag/")[1]!;
  });
  const storage = () => localFolderStorage(uploads);
  const enc = (s: string) => new TextEncoder().encode(s);

  it("takes a caller's files on a follow-up reply, shows them, and serves them to caller and agent", async () => {
    const r = await addCallerReply(t.db, token, "Hierbij de lijst met uren.", new Date(), {
      attachments: [
        { name: "uren.csv", bytes: enc("datum,uren\n2026-03-02,4") },
        { name: "brief.pdf", bytes: makePdf(["Brief van de school"]) },
      ],
      storage: storage(),
    });
    expect(r.attachments).toBe(2);
    const view = await getCallerView(t.db, token);
    const reply = view.ticket.messages.find((m) => m.body === "Hierbij de lijst met uren.")!;
    expect(reply.attachments.map((a) => a.fileName).sort()).toEqual(["brief.pdf", "uren.csv"]);
    const id = reply.attachments.find((a) => a.fileName === "uren.csv")!.id;
    expect((await attachmentForCaller(t.db, { token, id })).mimeType).toMatch(/text\/csv/);
    expect((await attachmentForAgent(t.db, { user: agent, reference, id })).fileName).toBe("uren.csv");
  });

  it("refuses a caller's file with a BSN, a wrong type or too many files, and stores neither message nor file", async () => {
    const messages = await t.db.message.count();
    const before = files();
    for (const attachments of [
      [{ name: "lijst.csv", bytes: enc(`Piet,${BSN}`) }],
      [{ name: "virus.pdf", bytes: enc("MZ\x90\x00") }],
      [1, 2, 3, 4].map((i) => ({ name: `f${i}.txt`, bytes: enc("x") })),
    ]) {
      const e = await addCallerReply(t.db, token, "Hierbij de lijst.", new Date(), {
        attachments,
        storage: storage(),
      }).catch((x) => x);
      expect(e.status).toBe(400);
    }
    expect(await t.db.message.count()).toBe(messages);
    expect(files()).toBe(before);
  });

  it("takes an agent's files on a reply (the caller can download them) but keeps a note's files from the caller", async () => {
    const reply = await replyToTicket(t.db, {
      user: agent,
      reference,
      kind: "reply",
      body: "Zie het formulier in de bijlage.",
      attachments: [{ name: "formulier.pdf", bytes: makePdf(["Formulier verlof"]) }],
      storage: storage(),
    });
    const note = await replyToTicket(t.db, {
      user: agent,
      reference,
      kind: "note",
      body: "Interne lijst.",
      attachments: [{ name: "intern.txt", bytes: enc("alleen voor ons") }],
      storage: storage(),
    });
    const replyFile = await t.db.attachment.findFirstOrThrow({ where: { messageId: reply.messageId } });
    const noteFile = await t.db.attachment.findFirstOrThrow({ where: { messageId: note.messageId } });
    expect((await attachmentForCaller(t.db, { token, id: replyFile.id })).fileName).toBe("formulier.pdf");
    await expect(attachmentForCaller(t.db, { token, id: noteFile.id })).rejects.toMatchObject({ status: 404 });
    const view = await getCallerView(t.db, token);
    expect(view.ticket.messages.flatMap((m) => m.attachments.map((a) => a.fileName))).toContain("formulier.pdf");
    expect(view.ticket.messages.flatMap((m) => m.attachments.map((a) => a.fileName))).not.toContain("intern.txt");

    const e = await replyToTicket(t.db, {
      user: agent,
      reference,
      kind: "reply",
      body: "Lijst",
      attachments: [{ name: "lijst.txt", bytes: enc(`BSN ${BSN}`) }],
      storage: storage(),
    }).catch((x) => x);
    expect(e.issues).toEqual([{ path: "attachments.0", message: `In lijst.txt: ${PERSONAL_NUMBER_MESSAGE}` }]);
  });
});
