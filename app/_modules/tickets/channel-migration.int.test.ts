// The migration that introduced Ticket.channel keeps what the old "source" column said for existing rows.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PG_ADMIN_URL } from "@/tests/helpers/db";

const root = path.resolve(__dirname, "..", "..", "..");
const MIGRATION = "ticket_channel_api_tokens";
const kind = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";

function split(dir: string): { before: string[]; mine: string; after: string[] } {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const i = names.findIndex((n) => n.endsWith(`_${MIGRATION}`));
  const read = (n: string) => fs.readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  return { before: names.slice(0, i).map(read), mine: read(names[i]!), after: names.slice(i + 1).map(read) };
}

const seed = [
  `INSERT INTO "Desk" ("id","name","shortName","referencePrefix","serves","phone","phoneHref","hours","updatedAt") VALUES ('po','PO','PO','PO','x','1','+311','{}',CURRENT_TIMESTAMP)`,
  `INSERT INTO "Requester" ("id","name","email","callerType","organisation") VALUES ('r1','A','a@b.nl','po-school','School')`,
];
const ticket = (id: string, n: number, source: string) =>
  `INSERT INTO "Ticket" ("id","reference","deskId","year","number","subject","callerType","requesterId","followUpTokenHash","source","updatedAt") VALUES ('${id}','PO-2026-00000${n}','po',2026,${n},'Vraag','po-school','r1','h${n}','${source}',CURRENT_TIMESTAMP)`;

let cleanup: () => Promise<void> = async () => {};
afterAll(() => cleanup());

describe(`migration ${MIGRATION} (${kind})`, () => {
  it("marks existing web and api tickets with their channel and defaults new rows to web", async () => {
    const id = randomBytes(6).toString("hex");
    if (kind === "sqlite") {
      const { before, mine } = split(path.join(root, "prisma", "migrations"));
      const file = path.join(root, "tmp", "test-dbs", `mig-${id}.db`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      cleanup = async () => fs.rmSync(file, { force: true });
      const d = new Database(file);
      for (const s of before) d.exec(s);
      for (const s of [...seed, ticket("t1", 1, "web"), ticket("t2", 2, "api")]) d.exec(s);
      d.exec(mine);
      const rows = d.prepare(`SELECT "id", "channel" FROM "Ticket" ORDER BY "id"`).all();
      expect(rows).toEqual([
        { id: "t1", channel: "web" },
        { id: "t2", channel: "api" },
      ]);
      const cols = (d.prepare(`PRAGMA table_info("Ticket")`).all() as { name: string }[]).map((c) => c.name);
      expect(cols).not.toContain("source");
      d.close();
      return;
    }
    const { before, mine } = split(path.join(root, "prisma", "postgres", "migrations"));
    const name = `portal_mig_${id}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanup = async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try {
      for (const s of before) await c.query(s);
      for (const s of [...seed, ticket("t1", 1, "web"), ticket("t2", 2, "api")]) await c.query(s);
      await c.query(mine);
      const rows = await c.query(`SELECT "id", "channel" FROM "Ticket" ORDER BY "id"`);
      expect(rows.rows).toEqual([
        { id: "t1", channel: "web" },
        { id: "t2", channel: "api" },
      ]);
      const cols = await c.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Ticket'`);
      expect(cols.rows.map((r) => r.column_name)).not.toContain("source");
    } finally {
      await c.end();
    }
  });
});
