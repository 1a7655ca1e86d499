// The ticket_former_reference migration on a database that holds tickets transferred before it: such a ticket kept
// its old desk's reference and number on the new desk. The migration gives it the new desk's next number, keeps the
// old reference as a former reference and raises the counter, so the next intake on that desk cannot collide.
// Runs the real migration files on SQLite (default) or PostgreSQL (TEST_DB=postgres).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PG_ADMIN_URL } from "@/tests/helpers/db";

const root = path.resolve(__dirname, "../../..");
const NAME = "ticket_former_reference";

function split(dir: string): { before: string[]; it: string } {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const i = names.findIndex((n) => n.endsWith(NAME));
  const read = (n: string) => fs.readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  return { before: names.slice(0, i).map(read), it: read(names[i]!) };
}

const HOURS = JSON.stringify({ days: [1, 2, 3, 4, 5], open: "09:00", close: "17:00" });
const at = (n: number) => `2026-03-0${n}T09:00:00.000+00:00`;
// Desks, a requester, and on vo-mbo: IPO 1 and 2, plus PO 3 transferred from po (kept number 3 on vo-mbo);
// on po: PO 1 and 2 and IPO 5 transferred from vo-mbo (kept number 5 on po). Counters: po 3, vo-mbo 5 (IPO 3-4 failed).
const seed: [string, unknown[]][] = [
  [
    `INSERT INTO "Desk" ("id","name","shortName","referencePrefix","serves","phone","phoneHref","hours","updatedAt") VALUES ('po','Helpdesk BRON PO','BRON PO','PO','po','1','1',$1,$2)`,
    [HOURS, at(1)],
  ],
  [
    `INSERT INTO "Desk" ("id","name","shortName","referencePrefix","serves","phone","phoneHref","hours","updatedAt") VALUES ('vo-mbo','Informatiepunt Onderwijs','IPO','IPO','vo','1','1',$1,$2)`,
    [HOURS, at(1)],
  ],
  [
    `INSERT INTO "Requester" ("id","name","email","callerType","organisation","createdAt") VALUES ('r','Jan','jan@school.test','po-school','School',$1)`,
    [at(1)],
  ],
  [`INSERT INTO "TicketCounter" ("deskId","year","value") VALUES ('po',2026,3), ('vo-mbo',2026,5)`, []],
];
const tickets: [string, string, number, string, number][] = [
  ["a", "po", 1, "PO-2026-000001", 1],
  ["b", "po", 2, "PO-2026-000002", 2],
  ["c", "vo-mbo", 3, "PO-2026-000003", 3],
  ["d", "vo-mbo", 1, "IPO-2026-000001", 1],
  ["e", "vo-mbo", 2, "IPO-2026-000002", 2],
  ["f", "po", 5, "IPO-2026-000005", 4],
];
for (const [id, desk, number, ref, day] of tickets) {
  seed.push([
    `INSERT INTO "Ticket" ("id","reference","deskId","year","number","subject","callerType","requesterId","followUpTokenHash","createdAt","updatedAt") VALUES ($1,$2,$3,2026,$4,'Vraag','po-school','r',$5,$6,$7)`,
    [id, ref, desk, number, `hash-${id}`, at(day), at(day + 1)],
  ]);
}

type Row = { id: string; reference: string; deskId: string; number: number };
async function run(kind: "sqlite" | "postgres"): Promise<{
  tickets: Row[];
  former: { reference: string; ticketId: string }[];
  counters: { deskId: string; value: number }[];
}> {
  const q = (sql: string) =>
    ({
      tickets: `SELECT "id","reference","deskId","number" FROM "Ticket" ORDER BY "id"`,
      former: `SELECT "reference","ticketId" FROM "TicketFormerReference" ORDER BY "reference"`,
      counters: `SELECT "deskId","value" FROM "TicketCounter" ORDER BY "deskId"`,
    })[sql as "tickets"];
  if (kind === "sqlite") {
    const { before, it: mig } = split(path.join(root, "prisma", "migrations"));
    const dir = path.join(root, "tmp", "test-dbs");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `mig-${randomBytes(4).toString("hex")}.db`);
    const db = new Database(file);
    try {
      for (const sql of before) db.exec(sql);
      for (const [sql, args] of seed) db.prepare(sql.replace(/\$\d+/g, "?")).run(...(args as unknown[]));
      db.exec(mig);
      return {
        tickets: db.prepare(q("tickets")).all() as Row[],
        former: db.prepare(q("former")).all() as never,
        counters: db.prepare(q("counters")).all() as never,
      };
    } finally {
      db.close();
      fs.rmSync(file, { force: true });
    }
  }
  const { before, it: mig } = split(path.join(root, "prisma", "postgres", "migrations"));
  const name = `portal_mig_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    for (const sql of before) await c.query(sql);
    for (const [sql, args] of seed) await c.query(sql, args as unknown[]);
    await c.query(mig);
    return {
      tickets: (await c.query(q("tickets"))).rows,
      former: (await c.query(q("former"))).rows,
      counters: (await c.query(q("counters"))).rows,
    };
  } finally {
    await c.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe(`migration ${NAME}`, () => {
  it("renumbers tickets transferred before it, keeps their old reference and raises the counters", async () => {
    const r = await run(process.env.TEST_DB === "postgres" ? "postgres" : "sqlite");
    expect(r.tickets).toEqual([
      { id: "a", reference: "PO-2026-000001", deskId: "po", number: 1 },
      { id: "b", reference: "PO-2026-000002", deskId: "po", number: 2 },
      { id: "c", reference: "IPO-2026-000006", deskId: "vo-mbo", number: 6 },
      { id: "d", reference: "IPO-2026-000001", deskId: "vo-mbo", number: 1 },
      { id: "e", reference: "IPO-2026-000002", deskId: "vo-mbo", number: 2 },
      { id: "f", reference: "PO-2026-000006", deskId: "po", number: 6 },
    ]);
    expect(r.former).toEqual([
      { reference: "IPO-2026-000005", ticketId: "f" },
      { reference: "PO-2026-000003", ticketId: "c" },
    ]);
    expect(r.counters).toEqual([
      { deskId: "po", value: 6 },
      { deskId: "vo-mbo", value: 6 },
    ]);
  });
});
