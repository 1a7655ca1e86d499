// PostgreSQL only: the partial indexes of migration pg_queue_count_indexes serve the statements the queue really
// sends. A partial index is used only when the planner can prove the statement implies the index's predicate, so
// this runs listQueue on a client that logs its SQL and EXPLAINs the SLA-risico count and the counts with a tag
// filter with their own parameters. Sequential and bitmap scans are switched off for the EXPLAIN: the test data is
// small, and the question is whether the index CAN answer the statement, not whether it wins at this size.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/app/_core/db";
import { PrismaClient as PgPrismaClient } from "@/app/_generated/prisma-pg/client";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { clearQueueCounts, listQueue } from "./queue";

/** A client on the test database that emits every statement it sends. */
const loggingClient = (url: string) =>
  new PgPrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 2 }),
    log: [{ emit: "event", level: "query" }],
  });

describe.runIf(process.env.TEST_DB === "postgres")("queue count indexes on PostgreSQL", () => {
  let t: TestDb;
  let staff: Staff;
  let logging: ReturnType<typeof loggingClient>;
  let raw: pg.Client;
  const sent: { query: string; params: string }[] = [];

  beforeAll(async () => {
    t = await createTestDb("postgres");
    staff = await seedDesksAndStaff(t.db);
    logging = loggingClient(t.url);
    logging.$on("query", (e) => sent.push({ query: e.query, params: e.params }));
    raw = new pg.Client({ connectionString: t.url });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.end();
    await logging?.$disconnect();
    await t?.drop();
  });

  /** The index names in the plan of a statement the queue sent, with sequential and bitmap scans off. */
  async function indexesOf(statement: { query: string; params: string }): Promise<string[]> {
    await raw.query("SET enable_seqscan = off");
    await raw.query("SET enable_bitmapscan = off");
    const res = await raw.query(`EXPLAIN (FORMAT JSON) ${statement.query}`, JSON.parse(statement.params) as unknown[]);
    const names: string[] = [];
    const walk = (n: { "Index Name"?: string; Plans?: unknown[] }) => {
      if (n["Index Name"]) names.push(n["Index Name"]);
      for (const p of n.Plans ?? []) walk(p as typeof n);
    };
    walk((res.rows[0] as { "QUERY PLAN": [{ Plan: { Plans?: unknown[] } }] })["QUERY PLAN"][0].Plan);
    return names;
  }

  it("the SLA-risico count is answered from the partial index of new and open tickets", async () => {
    sent.length = 0;
    clearQueueCounts();
    await listQueue(logging as unknown as Db, { user: staff.ipo, view: "nieuw", withCounts: true });
    const count = sent.find((s) => /count/i.test(s.query) && s.query.includes(`"firstResponseDueAt" <`));
    expect(count, "the SLA-risico count statement").toBeDefined();
    expect(await indexesOf(count!)).toContain("Ticket_sla_risk_idx");
  });

  it("the counts with a tag filter read the desk's live tickets from the (deskId, status, id) index", async () => {
    sent.length = 0;
    clearQueueCounts();
    await listQueue(logging as unknown as Db, {
      user: staff.ipo,
      view: "open",
      filters: { tag: "spoed" },
      withCounts: true,
    });
    const grouped = sent.find((s) => /GROUP BY/i.test(s.query) && s.query.includes(`"TicketTag"`));
    expect(grouped, "the counts per status with the tag filter").toBeDefined();
    expect(await indexesOf(grouped!)).toContain("Ticket_desk_live_status_id_idx");
  });
});
