// Queue speed at 100,000 tickets (opt-in: QUEUE_PERF=1; add TEST_DB=postgres for PostgreSQL). Prints timings and
// fails when a first page with counts, or a page deep in a walk, takes longer than the budget.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { QUEUE_VIEWS, type QueueSort, type QueueView } from "./desk-schema";
import { seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { listQueue } from "./queue";

const N = Number(process.env.QUEUE_PERF_N ?? 100_000);
const BUDGET_MS = Number(process.env.QUEUE_PERF_BUDGET_MS ?? 250);

describe.runIf(process.env.QUEUE_PERF)(`queue at ${N} tickets`, () => {
  let t: TestDb;
  let staff: Staff;
  const now = new Date("2026-06-01T09:00:00Z");

  beforeAll(async () => {
    t = await createTestDb();
    staff = await seedDesksAndStaff(t.db);
    const tag = await t.db.tag.create({ data: { name: "spoed" } });
    const agents = [staff.po.id, staff.both.id, staff.ipo.id, null, null];
    const started = Date.now();
    for (let b = 0; b < N; b += 5000) {
      const n = Math.min(5000, N - b);
      const reqs = Array.from({ length: n }, (_, k) => ({
        id: `r${b + k}`,
        name: "Beller",
        email: `b${(b + k) % 20000}@school.test`,
        callerType: "po-school",
        organisation: "School",
      }));
      await t.db.requester.createMany({ data: reqs });
      const tickets = reqs.map((r, k) => {
        const i = b + k;
        const deskId = i % 3 === 0 ? "vo-mbo" : "po";
        const roll = (i * 7919) % 100;
        const status =
          roll < 85 ? "closed" : roll < 90 ? "resolved" : roll < 94 ? "open" : roll < 97 ? "new" : "waiting";
        const createdAt = new Date(now.getTime() - (N - i) * 300_000);
        return {
          id: `t${String(i).padStart(7, "0")}`,
          reference: `${deskId === "po" ? "PO" : "IPO"}-2026-${String(i).padStart(6, "0")}`,
          deskId,
          year: 2026,
          number: i,
          status,
          subject: `Vraag ${i}`,
          topic: i % 4 ? "verzuim-melden" : "bron-registratie",
          callerType: "po-school",
          requesterId: r.id,
          assigneeId: agents[i % 5] ?? null,
          followUpTokenHash: randomBytes(16).toString("hex"),
          createdAt,
          updatedAt: new Date(createdAt.getTime() + (i % 97) * 60_000),
          firstResponseDueAt: new Date(createdAt.getTime() + 86_400_000),
          resolutionDueAt: new Date(createdAt.getTime() + 5 * 86_400_000 + (i % 13) * 60_000),
        };
      });
      await t.db.ticket.createMany({ data: tickets });
      await t.db.ticketTag.createMany({
        data: tickets.filter((_, k) => k % 10 === 0).map((x) => ({ ticketId: x.id, tagId: tag.id })),
      });
    }
    await t.db.$executeRawUnsafe("ANALYZE");
    console.log(`seeded ${N} tickets in ${Date.now() - started} ms (${t.kind})`);
  }, 600_000);
  afterAll(async () => {
    await t?.drop();
  });

  async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
    await fn(); // warm up
    const runs: number[] = [];
    let result!: T;
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      result = await fn();
      runs.push(performance.now() - s);
    }
    runs.sort((a, b) => a - b);
    return { ms: Math.round(runs[2]! * 10) / 10, result };
  }

  it("first page with counts per view, and a page deep in a walk, stay within budget", async () => {
    const lines: string[] = [];
    const sorts: QueueSort[] = ["sla", "created", "updated"];
    for (const view of QUEUE_VIEWS as readonly QueueView[]) {
      for (const sort of sorts) {
        const { ms, result } = await time(() =>
          listQueue(t.db, { user: staff.admin, desk: "po", view, sort, limit: 25, now, withCounts: sort === "sla" }),
        );
        lines.push(
          `${view.padEnd(11)} ${sort.padEnd(8)} ${sort === "sla" ? "+counts" : "       "} ${String(ms).padStart(7)} ms  (${result.items.length} items${result.counts ? `, ${result.counts[view]} in view` : ""})`,
        );
        expect(ms).toBeLessThan(BUDGET_MS);
      }
    }
    const filtered = await time(() =>
      listQueue(t.db, {
        user: staff.admin,
        view: "opgelost",
        filters: { tag: "spoed", topic: "bron-registratie" },
        limit: 25,
        now,
      }),
    );
    lines.push(`opgelost + tag + topic, both desks, +counts ${filtered.ms} ms`);
    expect(filtered.ms).toBeLessThan(BUDGET_MS);

    // Walk 200 pages into "Opgelost" by updated time, then time the next page.
    let cursor: string | null = null;
    for (let p = 0; p < 200; p++) {
      const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(t.db, {
        user: staff.admin,
        desk: "po",
        view: "opgelost",
        sort: "updated",
        cursor,
        limit: 25,
        withCounts: false,
        now,
      });
      cursor = page.nextCursor;
    }
    const deep = await time(() =>
      listQueue(t.db, {
        user: staff.admin,
        desk: "po",
        view: "opgelost",
        sort: "updated",
        cursor,
        limit: 25,
        withCounts: false,
        now,
      }),
    );
    lines.push(`opgelost updated, page 201 ${deep.ms} ms`);
    expect(deep.ms).toBeLessThan(BUDGET_MS);
    console.log(lines.join("\n"));
  }, 600_000);
});
