// Query plans on PostgreSQL: runs listQueue for each view (first page with the counts per view, as the /desk page
// asks for it) — or any other page's loader, such as the organisation page (explainCalls) — on a client that logs its SQL, then EXPLAIN ANALYZEs every statement with its own
// parameters and keeps the key figures: execution time, the scans (node, table, index, rows, loops) and buffers.
// Used by scripts/bench/desk.ts (its output keeps these figures) and runnable on its own against a seeded database:
//   npx tsx --conditions=react-server scripts/bench/desk-plans.ts postgresql://postgres@127.0.0.1:5432/DB [agent e-mail]
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Db } from "@/app/_core/db";
import type { DeskId, SessionUser } from "@/app/_core/session";
import { PrismaClient as PgPrismaClient } from "@/app/_generated/prisma-pg/client";
import type { QueueFilters, QueueSort, QueueView } from "@/app/_modules/tickets/desk-schema";
import { clearQueueCounts, listQueue } from "@/app/_modules/tickets/queue";

export type QueueCase = { label: string; view: QueueView; sort?: QueueSort; filters?: QueueFilters };

/** The six queue pages the benchmark times (the /desk URL each stands for is the label). */
export const QUEUE_CASES: QueueCase[] = [
  { label: "/desk", view: "nieuw" },
  { label: "/desk?view=open", view: "open" },
  { label: "/desk?view=mijn", view: "mijn" },
  { label: "/desk?view=sla-risico", view: "sla-risico" },
  { label: "/desk?view=opgelost&sort=updated", view: "opgelost", sort: "updated" },
  { label: "/desk?view=open&tag=spoed", view: "open", filters: { tag: "spoed" } },
];

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Actual Total Time"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

export type StatementPlan = {
  /** Execution time reported by EXPLAIN ANALYZE (ms). */
  execMs: number;
  planMs: number;
  /** The statement, shortened: what it reads and how it filters. */
  sql: string;
  /** Scans and sorts, depth first: "Index Scan Ticket_deskId_status_createdAt_idx rows=26 loops=1 0.1ms". */
  nodes: string[];
  sharedHit: number;
  sharedRead: number;
};

export type ViewPlans = { label: string; listQueueMs: number; statements: number; slowest: StatementPlan[] };

function walk(node: PlanNode, out: string[]): void {
  const interesting = /Scan|Sort|Aggregate|Join|Nested Loop|Limit|Bitmap|Gather|Materialize|Hash/.test(
    node["Node Type"],
  );
  if (interesting) {
    const where = [node["Relation Name"], node["Index Name"]].filter(Boolean).join(" ");
    out.push(
      `${node["Node Type"]}${where ? ` ${where}` : ""} rows=${node["Actual Rows"] ?? "?"} loops=${node["Actual Loops"] ?? "?"} ${(node["Actual Total Time"] ?? 0).toFixed(2)}ms`,
    );
  }
  for (const p of node.Plans ?? []) walk(p, out);
}

function shortSql(sql: string): string {
  const s = sql.replace(/\s+/g, " ").replace(/"public"\./g, "");
  const from = s.indexOf(" FROM ");
  return (from > 0 ? `SELECT … ${s.slice(from + 1)}` : s).slice(0, 400);
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement with its parameters. */
async function explain(client: pg.Client, sql: string, params: unknown[]): Promise<StatementPlan> {
  const res = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
  const plan = (
    res.rows[0] as { "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number; "Planning Time": number }] }
  )["QUERY PLAN"][0];
  const nodes: string[] = [];
  walk(plan.Plan, nodes);
  return {
    execMs: +plan["Execution Time"].toFixed(2),
    planMs: +plan["Planning Time"].toFixed(2),
    sql: shortSql(sql),
    nodes,
    sharedHit: plan.Plan["Shared Hit Blocks"] ?? 0,
    sharedRead: plan.Plan["Shared Read Blocks"] ?? 0,
  };
}

/** A labelled call to profile: `run` does what one page asks of the database. */
export type PlanCase = { label: string; run: (db: Db) => Promise<unknown>; reset?: () => void };

/** Runs each case once on a logging client (after a warm-up run) and EXPLAIN ANALYZEs every SELECT it sent; keeps the
 *  `keep` slowest per case. */
export async function explainCalls(url: string, cases: PlanCase[], keep = 3): Promise<ViewPlans[]> {
  const u = new URL(url);
  const adapter = new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: u.pathname.slice(1),
    max: 4,
  });
  const logging = new PgPrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const captured: { query: string; params: string }[] = [];
  logging.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  const db = logging as unknown as Db;
  const raw = new pg.Client({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    database: u.pathname.slice(1),
  });
  await raw.connect();
  try {
    const out: ViewPlans[] = [];
    for (const c of cases) {
      c.reset?.();
      await c.run(db); // warm: connections, plan caches
      c.reset?.();
      captured.length = 0;
      const t0 = performance.now();
      await c.run(db);
      const listQueueMs = +(performance.now() - t0).toFixed(1);
      const statements = [...captured];
      const plans: StatementPlan[] = [];
      for (const s of statements) {
        if (!/^\s*SELECT/i.test(s.query)) continue;
        plans.push(await explain(raw, s.query, JSON.parse(s.params) as unknown[]));
      }
      plans.sort((a, b) => b.execMs - a.execMs);
      out.push({ label: c.label, listQueueMs, statements: statements.length, slowest: plans.slice(0, keep) });
    }
    return out;
  } finally {
    resetAll(cases);
    await raw.end();
    await logging.$disconnect();
  }
}

function resetAll(cases: PlanCase[]) {
  for (const c of cases) c.reset?.();
}

/** The queue's statements for each view (first page with the counts per view, as /desk asks for them). */
export function explainQueue(
  url: string,
  user: SessionUser,
  cases: QueueCase[] = QUEUE_CASES,
  keep = 3,
): Promise<ViewPlans[]> {
  return explainCalls(
    url,
    cases.map((c) => ({
      label: c.label,
      run: (db: Db) =>
        listQueue(db, { user, view: c.view, sort: c.sort, filters: c.filters, limit: 25, withCounts: true }),
      reset: clearQueueCounts,
    })),
    keep,
  );
}

if (require.main === module) {
  const url = process.argv[2];
  const email = process.argv[3] ?? "agent.vo@helpdesk.test";
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error("usage: npx tsx --conditions=react-server scripts/bench/desk-plans.ts postgresql://… [agent e-mail]");
    process.exit(2);
  }
  (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const row = await c.query(
      `SELECT u."id", u."email", u."name", u."role", array_agg(d."deskId") AS desks FROM "User" u JOIN "DeskMembership" d ON d."userId" = u."id" WHERE u."email" = $1 GROUP BY u."id"`,
      [email],
    );
    await c.end();
    const r = row.rows[0] as { id: string; email: string; name: string; role: string; desks: DeskId[] } | undefined;
    if (!r) throw new Error(`no agent ${email}`);
    const user: SessionUser = { id: r.id, email: r.email, name: r.name, role: "agent", desks: r.desks };
    for (const v of await explainQueue(url, user)) {
      console.log(`${v.label}: listQueue ${v.listQueueMs} ms, ${v.statements} statements`);
      for (const s of v.slowest) {
        console.log(
          `  ${s.execMs} ms (plan ${s.planMs}) hit=${s.sharedHit} read=${s.sharedRead}  ${s.sql.slice(0, 220)}`,
        );
        for (const n of s.nodes) console.log(`    ${n}`);
      }
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
