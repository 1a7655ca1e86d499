// Parity of the ticket writers: the same ticket through the Prisma path and through the SQLite prepared-statement
// path (sqlite-intake.ts), each on its own real SQLite file with the same ids, clock and webhook, must leave the same
// rows — every column of every table a new ticket writes, read back raw (as stored, not as Prisma maps it). A column
// one writer sets and the other leaves to its default makes this fail. With TEST_DB=postgres the same holds for the
// Prisma path and the one-statement pg path (pg-intake.ts) on two real PostgreSQL databases.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";
import type { FileStorage } from "@/app/_modules/storage/storage";
import { clearWebhookCache } from "@/app/_modules/webhooks/service";
import { makePdf } from "@/tests/helpers/pdf";
import { createTicket } from "./create-ticket";
import { pgPoolOf, sqlitePath } from "@/app/_core/db";
import pg from "pg";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");
const TABLES = [
  "Requester",
  "Ticket",
  "Message",
  "Attachment",
  "AuditEvent",
  "MailOutbox",
  "WebhookDelivery",
  "TicketCounter",
] as const;

let prismaDb: TestDb;
let fastDb: TestDb;
let dir: string;

/** A real folder storage whose keys follow from the content, so both runs store the same keys. */
function contentKeyedStorage(root: string): FileStorage {
  return {
    async put(bytes) {
      const key = createHash("sha256").update(bytes).digest("hex");
      fs.writeFileSync(path.join(root, key), bytes);
      return key;
    },
    get: async (key) => fs.readFileSync(path.join(root, key)),
    remove: async (key) => fs.rmSync(path.join(root, key), { force: true }),
  };
}

async function prepare(t: TestDb) {
  await seedContent(t.db, { contentDir: CONTENT, demoUsers: false });
  await t.db.organisation.create({
    data: { id: "org-school", kind: "school", sector: "vo", name: "Stellingwerf College", searchText: "stellingwerf" },
  });
  await t.db.organisation.create({
    data: { id: "org-other", kind: "school", sector: "vo", name: "Andere School", searchText: "andere school" },
  });
  await t.db.webhook.create({
    data: {
      id: "hook-1",
      url: "https://example.test/hook",
      secret: "0123456789abcdef0123",
      events: JSON.stringify(["ticket.created", "ticket.resolved"]),
    },
  });
}

/** The same ticket, with ids counted from 1 and a fixed clock. */
function sameTicket(t: TestDb, opts: { sqliteUrl?: string; pgPool?: pg.Pool; storage: FileStorage }) {
  let n = 0;
  clearWebhookCache();
  return createTicket(t.db, {
    input: {
      callerType: "vo-school",
      organisation: "Stellingwerf College",
      topic: "verzuim-melden",
      question: "Hoe meld ik een leerling die 20 uur heeft gespijbeld? Het gaat om klas 3.",
      name: "Jan Jansen",
      email: "jan@school.test",
      phone: "0612345678",
      schoolCode: "12AB",
      sector: "vo",
    },
    deskId: "vo-mbo",
    channel: "api",
    triage: { desk: "vo-mbo", topic: "verzuim-melden", reasons: ["Een school voor vo"], protocolHints: ["truancy-3"] },
    attachments: [{ name: "brief.pdf", bytes: makePdf(["Brief van de school"]) }],
    storage: opts.storage,
    organisation: { id: "org-school", matchedBy: "school-code" },
    schoolId: "org-other",
    now: new Date("2026-03-04T10:15:30.123Z"),
    makeId: () => `c-parity-${String(++n).padStart(4, "0")}`,
    sqliteUrl: opts.sqliteUrl,
    pgPool: opts.pgPool,
  });
}

function rawRows(t: TestDb) {
  const conn = new Database(sqlitePath(t.url), { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [table, conn.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
    ) as Record<(typeof TABLES)[number], Record<string, unknown>[]>;
  } finally {
    conn.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parity-"));
  [prismaDb, fastDb] = await Promise.all([createTestDb("sqlite"), createTestDb("sqlite")]);
  await prepare(prismaDb);
  await prepare(fastDb);
});
afterAll(async () => {
  await prismaDb?.drop();
  await fastDb?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a new ticket's rows", () => {
  it("are the same, column for column, through Prisma and through the SQLite prepared statements", async () => {
    // Only the rows the ticket writes: the seed's own rows are left out of the comparison.
    const before = { prisma: rawRows(prismaDb), fast: rawRows(fastDb) };
    expect(before.prisma).toEqual(before.fast);
    const a = await sameTicket(prismaDb, { storage: contentKeyedStorage(dir) });
    const b = await sameTicket(fastDb, { storage: contentKeyedStorage(dir), sqliteUrl: fastDb.url });
    expect(b).toEqual(a);

    const after = { prisma: rawRows(prismaDb), fast: rawRows(fastDb) };
    for (const table of TABLES) {
      const made = after.prisma[table].slice(before.prisma[table].length);
      const fastMade = after.fast[table].slice(before.fast[table].length);
      // Each table got rows (TicketCounter: its one row changed), and each row has every column of the table.
      if (table === "TicketCounter") expect(after.prisma[table]).not.toEqual(before.prisma[table]);
      else expect(made.length, table).toBeGreaterThan(0);
      const conn = new Database(sqlitePath(prismaDb.url), { readonly: true });
      const columns = (conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
      conn.close();
      for (const row of made) expect(Object.keys(row).sort(), table).toEqual([...columns].sort());
      expect(fastMade, table).toEqual(made);
    }
    expect(after.fast).toEqual(after.prisma);

    // The rows carry what the ticket is: spot checks that the comparison is not between two empty shapes.
    const ticket = after.prisma.Ticket.at(-1)!;
    expect(ticket).toMatchObject({
      reference: a.reference,
      channel: "api",
      status: "new",
      createdAt: "2026-03-04T10:15:30.123+00:00",
      updatedAt: "2026-03-04T10:15:30.123+00:00",
      organisationId: "org-school",
      schoolId: "org-other",
      personalNumberRemoved: 0,
    });
    expect(after.prisma.Requester.at(-1)).toMatchObject({ organisationMatchedBy: "school-code", phone: "0612345678" });
    expect(after.prisma.Attachment.at(-1)).toMatchObject({ fileName: "brief.pdf", mimeType: "application/pdf" });
    expect(after.prisma.WebhookDelivery.at(-1)).toMatchObject({ webhookId: "hook-1", event: "ticket.created" });
    expect(String(after.prisma.MailOutbox.at(-1)!.text)).toContain(a.followUpUrl);
  });
});

/** Every row of the tables on PostgreSQL as PostgreSQL renders it (to_jsonb: timestamps as stored, no client parsing). */
async function pgRawRows(t: TestDb) {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const table of TABLES) {
      const order = table === "TicketCounter" ? `"deskId", "year"` : `"id"`;
      const r = await c.query(`SELECT to_jsonb(x) AS row FROM "${table}" x ORDER BY ${order}`);
      out[table] = r.rows.map((row: { row: Record<string, unknown> }) => row.row);
    }
    const cols = await c.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [TABLES],
    );
    const columns = new Map<string, string[]>();
    for (const r of cols.rows as { table_name: string; column_name: string }[])
      columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
    return { rows: out as Record<(typeof TABLES)[number], Record<string, unknown>[]>, columns };
  } finally {
    await c.end();
  }
}

describe.runIf(process.env.TEST_DB === "postgres")("a new ticket's rows on PostgreSQL", () => {
  let prismaPg: TestDb;
  let fastPg: TestDb;
  let pgDir: string;
  beforeAll(async () => {
    pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "parity-pg-"));
    [prismaPg, fastPg] = await Promise.all([createTestDb("postgres"), createTestDb("postgres")]);
    await prepare(prismaPg);
    await prepare(fastPg);
  });
  afterAll(async () => {
    await prismaPg?.drop();
    await fastPg?.drop();
    fs.rmSync(pgDir, { recursive: true, force: true });
  });

  it("are the same, column for column, through Prisma and through the one-statement pg write", async () => {
    const pool = pgPoolOf(fastPg.db);
    expect(pool).toBeInstanceOf(pg.Pool);
    expect(pgPoolOf(prismaPg.db)).toBeInstanceOf(pg.Pool);
    const before = { prisma: await pgRawRows(prismaPg), fast: await pgRawRows(fastPg) };
    const a = await sameTicket(prismaPg, { storage: contentKeyedStorage(pgDir) });
    // The statements the pg path sends, to check that they name every column (a column left to its default that
    // happens to equal Prisma's value would not show in the rows).
    const sent: string[] = [];
    const spy = { query: (q: { text: string }) => (sent.push(q.text), pool!.query(q)) } as unknown as pg.Pool;
    const b = await sameTicket(fastPg, { storage: contentKeyedStorage(pgDir), pgPool: spy });
    expect(b).toEqual(a);
    expect(sent).toHaveLength(2);
    const inserted = [...sent[1]!.matchAll(/INSERT INTO "(\w+)" \(([^)]*)\)/g)];
    expect(inserted.map((m) => m[1])).toEqual(TABLES.filter((t) => t !== "TicketCounter"));
    for (const [, table, cols] of inserted)
      expect(
        cols!
          .split(", ")
          .map((c) => c.slice(1, -1))
          .sort(),
        table,
      ).toEqual([...before.fast.columns.get(table!)!].sort());

    const after = { prisma: await pgRawRows(prismaPg), fast: await pgRawRows(fastPg) };
    for (const table of TABLES) {
      const made = after.prisma.rows[table].filter((r) => !before.prisma.rows[table].some((o) => o.id === r.id));
      if (table === "TicketCounter") expect(after.prisma.rows[table]).not.toEqual(before.prisma.rows[table]);
      else expect(made.length, table).toBeGreaterThan(0);
      const columns = after.prisma.columns.get(table)!;
      for (const row of made) expect(Object.keys(row).sort(), table).toEqual([...columns].sort());
      expect(after.fast.rows[table], table).toEqual(after.prisma.rows[table]);
    }

    const ticket = after.prisma.rows.Ticket.at(-1)!;
    expect(ticket).toMatchObject({
      reference: a.reference,
      channel: "api",
      createdAt: "2026-03-04T10:15:30.123",
      updatedAt: "2026-03-04T10:15:30.123",
      firstResponseDueAt: expect.stringMatching(/^2026-03-\d\dT/),
      personalNumberRemoved: false,
      schoolId: "org-other",
    });
    expect(after.prisma.rows.Attachment.at(-1)).toMatchObject({ fileName: "brief.pdf", size: expect.any(Number) });
    expect(after.prisma.rows.WebhookDelivery.at(-1)).toMatchObject({ webhookId: "hook-1", event: "ticket.created" });
    expect(String(after.prisma.rows.MailOutbox.at(-1)!.text)).toContain(a.followUpUrl);
  });

  it("numbers concurrent tickets without gaps or duplicates, and a refused write stores nothing", async () => {
    const pool = pgPoolOf(fastPg.db)!;
    const made = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        createTicket(fastPg.db, {
          input: {
            callerType: "po-school",
            organisation: "School",
            topic: "verzuim-melden",
            question: `Vraag ${i} over verzuim van een leerling in groep 8.`,
            name: `Beller ${i}`,
            email: `beller${i}@school.test`,
          },
          deskId: "po",
          pgPool: pool,
        }),
      ),
    );
    const numbers = made.map((t) => Number(t.reference.slice(-6))).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(30);
    expect(numbers.at(-1)! - numbers[0]!).toBe(29);
    const stored = await fastPg.db.ticket.count({ where: { reference: { in: made.map((t) => t.reference) } } });
    expect(stored).toBe(30);

    // A row the database refuses (an unknown school: foreign key) fails the whole statement: no requester, no mail.
    const requesters = await fastPg.db.requester.count();
    const mails = await fastPg.db.mailOutbox.count();
    await expect(
      createTicket(fastPg.db, {
        input: {
          callerType: "po-school",
          organisation: "School",
          topic: "verzuim-melden",
          question: "Een vraag voor een school die niet bestaat.",
          name: "Beller X",
          email: "x@school.test",
        },
        deskId: "po",
        schoolId: "org-does-not-exist",
        pgPool: pool,
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await fastPg.db.requester.count()).toBe(requesters);
    expect(await fastPg.db.mailOutbox.count()).toBe(mails);
  });
});
