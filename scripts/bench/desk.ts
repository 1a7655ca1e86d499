// Agent-workspace benchmark: 100,000 tickets with messages in a fresh database, `next start` on it, and
//   - the queue page (/desk with the counts per view) for six views, and a ticket page, rendered on the server:
//     p50/p95/max per view over sequential requests as an agent logged in through the real Auth.js credentials flow;
//   - on PostgreSQL, EXPLAIN ANALYZE of every statement listQueue sends for each view (desk-plans.ts): the slowest
//     statements' execution time and scans are kept in the output;
//   - a public reply through replyToTicket directly: stored (reply, outbox row, audit in one transaction), and
//     stored + delivered (the outbox delivers it to its .eml file in MAIL_DIR, as the server's worker does);
//   - a phone contact logged (a Beantwoord call: ticket, phone message, contact row) through logContact directly;
//   - GET /api/v1/tickets/{reference} over HTTP with an API token (scope tickets:read);
//   - the organisation page (/desk/organisaties/[id]) of a school with --org-tickets tickets (default 5,000) on the
//     agent's desk, and on PostgreSQL EXPLAIN ANALYZE of the statements its loader sends.
// --only organisation times just the organisation page (with a small --n that still holds the 5,000 tickets).
// Each figure carries the 1-minute load average before and after it: the machine is shared.
//   npx tsx --conditions=react-server scripts/bench/desk.ts [--db sqlite|postgres|both] [--n 100000] [--requests 200]
//     [--org-tickets 5000] [--only organisation]
// Needs a build (`npx next build`; set NEXT_DIST_DIR when the build lives elsewhere). Prints one JSON line per database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/app/_core/db";
import type { DeskId, SessionUser } from "@/app/_core/session";
import { DEMO_PASSWORD } from "@/app/_modules/content/demo-users";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { createApiToken } from "@/app/_modules/apitokens/service";
import { logContact } from "@/app/_modules/contact/service";
import { deliverPendingMail } from "@/app/_modules/mail/outbox";
import { createEmlFolderTransport } from "@/app/_modules/mail/transport";
import { organisationPage } from "@/app/_modules/organisations/service";
import { explainCalls, explainQueue, QUEUE_CASES } from "./desk-plans";
import { BENCH_ORGANISATION, seedTickets } from "./desk-seed";

import { benchDatabases, bin, createPgDatabase, freePort, root, startNext, type RunningServer } from "../lib/server";
const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    n: { type: "string", default: "100000" },
    requests: { type: "string", default: "200" },
    // Reuse a database seeded by an earlier run (migrations are applied; seeding is skipped when it already holds
    // the tickets): back-to-back before/after runs on the same data without reseeding 100,000 tickets.
    "database-url": { type: "string" },
    "org-tickets": { type: "string", default: "5000" },
    only: { type: "string" },
  },
});
const N = Number(args.n);
const ORG_TICKETS = Number(args["org-tickets"]);
if (args.only && args.only !== "organisation") throw new Error("--only takes: organisation");
// The organisation's tickets are the IPO's (every other ticket): N must hold them.
if (ORG_TICKETS * 2 > N) throw new Error(`--n ${N} cannot hold --org-tickets ${ORG_TICKETS} (needs at least twice)`);
const REQUESTS = Number(args.requests);
const PG_ADMIN = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function serverEnv(databaseUrl: string, work: string, base: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    AUTH_TRUST_HOST: "true",
    APP_URL: base,
    MAIL_DIR: path.join(work, "mail"),
    UPLOAD_DIR: path.join(work, "uploads"),
    RATE_LIMITS: "off",
    SEED_DEMO: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0).toFixed(1);
};
const load1 = () => +os.loadavg()[0]!.toFixed(1);
const stats = (xs: number[], load?: [number, number]) => ({
  n: xs.length,
  p50ms: pct(xs, 0.5),
  p95ms: pct(xs, 0.95),
  maxms: pct(xs, 1),
  ...(load ? { load1m: load } : {}),
});
/** Runs `fn` and returns its result with the 1-minute load average before and after. */
async function withLoad<T>(fn: () => Promise<T>): Promise<{ value: T; load: [number, number] }> {
  const before = load1();
  const value = await fn();
  return { value, load: [before, load1()] };
}

/** Logs in through Auth.js's credentials endpoint (CSRF token + form post) and returns the Cookie header. */
async function loginCookie(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${base}/desk` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`login failed (${res.status})`);
  return cookie();
}

async function timeGets(base: string, cookie: string, paths: string[], mustContain: string): Promise<number[]> {
  const times: number[] = [];
  for (const p of paths) {
    const t0 = performance.now();
    const res = await fetch(base + p, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200 || !html.includes(mustContain)) throw new Error(`GET ${p}: ${res.status}`);
  }
  return times;
}

async function benchOne(kind: "sqlite" | "postgres") {
  const work = path.join(root, "tmp", `bench-desk-${kind}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  let databaseUrl = `file:${path.join(work, "portal.db")}`;
  let dropPg: (() => Promise<void>) | null = null;
  const reuse = args["database-url"];
  if (reuse) {
    if ((kind === "postgres") !== /^postgres(ql)?:\/\//.test(reuse))
      throw new Error(`--database-url ${reuse} is not a ${kind} database`);
    databaseUrl = reuse;
  } else if (kind === "postgres") {
    const created = await createPgDatabase("bench_desk", PG_ADMIN);
    const u = new URL(created.url);
    databaseUrl = u.toString();
    dropPg = created.drop;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = serverEnv(databaseUrl, work, base);
  const prep = spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (prep.status !== 0) throw new Error("prepare-db failed");

  const db = createDb(databaseUrl);
  let server: RunningServer | null = null;
  try {
    const agentRow = await db.user.findUniqueOrThrow({
      where: { email: "agent.vo@helpdesk.test" },
      include: { desks: true },
    });
    const agent: SessionUser = {
      id: agentRow.id,
      email: agentRow.email,
      name: agentRow.name,
      role: "agent",
      desks: agentRow.desks.map((d) => d.deskId as DeskId),
    };
    const already = reuse ? await db.ticket.count() : 0;
    const seeded =
      already >= N
        ? {
            ms: 0,
            messages: await db.message.count(),
            reused: already,
            organisationId: (await db.organisation.findFirstOrThrow({ where: { code: BENCH_ORGANISATION.code } })).id,
          }
        : await seedTickets(db, N, agent.id, kind, ORG_TICKETS);
    // The bench process calls services directly (reply, contact): give them the server's settings (MAIL_DIR, APP_URL).
    for (const k of ["DATABASE_URL", "APP_URL", "MAIL_DIR", "UPLOAD_DIR", "AUTH_SECRET", "RATE_LIMITS"] as const)
      process.env[k] = env[k];
    const orgId = seeded.organisationId;
    const orgTicketCount = await db.ticket.count({ where: { organisationId: orgId } });
    const orgPlans =
      kind === "postgres"
        ? await explainCalls(databaseUrl, [
            {
              label: `/desk/organisaties/${orgId}`,
              run: (d) => organisationPage(d, { id: orgId, user: agent }),
            },
          ])
        : null;
    const plans = kind === "postgres" && !args.only ? await explainQueue(databaseUrl, agent) : null;

    server = await startNext({ port, env, timeoutMs: 120_000 });
    const cookie = await loginCookie(base, agent.email);

    // The organisation page of the school with ORG_TICKETS tickets (all on the agent's desk).
    const orgPath = `/desk/organisaties/${orgId}`;
    await timeGets(
      base,
      cookie,
      Array.from({ length: 5 }, () => orgPath),
      BENCH_ORGANISATION.name,
    ); // warm up
    const orgRun = await withLoad(() =>
      timeGets(
        base,
        cookie,
        Array.from({ length: REQUESTS }, () => orgPath),
        BENCH_ORGANISATION.name,
      ),
    );
    const organisationPageFigures = {
      ...stats(orgRun.value, orgRun.load),
      tickets: orgTicketCount,
      ...(orgPlans ? { plans: orgPlans } : {}),
    };
    if (args.only === "organisation")
      return {
        db: kind,
        tickets: N,
        seedMs: seeded.ms,
        cores: os.cpus().length,
        organisationPage: organisationPageFigures,
        note: "HTTP times are full responses from next start on localhost, sequential, logged in as agent.vo; load1m = 1-minute load average before/after",
      };

    // Queue: six views with their counts (the default view, the other views, a sort and a tag filter).
    const queuePaths = QUEUE_CASES.map((c) => c.label);
    const ipo = await db.ticket.findMany({
      where: { deskId: "vo-mbo" },
      select: { reference: true },
      orderBy: { id: "asc" },
      skip: 1000,
      take: REQUESTS,
    });
    await timeGets(base, cookie, queuePaths, "Werkbak"); // warm up (compile caches, connections)
    await timeGets(
      base,
      cookie,
      ipo.slice(0, 5).map((t) => `/desk/tickets/${t.reference}`),
      "Gesprek",
    );
    const rounds = Math.max(1, Math.round(REQUESTS / queuePaths.length));
    const queueRun = await withLoad(() =>
      timeGets(
        base,
        cookie,
        Array.from({ length: rounds * queuePaths.length }, (_, i) => queuePaths[i % queuePaths.length]!),
        "Werkbak",
      ),
    );
    const perView = Object.fromEntries(
      queuePaths.map((p, v) => [p, stats(queueRun.value.filter((_, i) => i % queuePaths.length === v))]),
    );
    const ticketView = await withLoad(() =>
      timeGets(
        base,
        cookie,
        ipo.map((t) => `/desk/tickets/${t.reference}`),
        "Gesprek",
      ),
    );

    // A public reply through the service (the server is idle meanwhile): stored (reply + outbox row + audit in one
    // transaction), then delivered by the outbox to its .eml file, as the server's worker would after the commit.
    const open = await db.ticket.findMany({
      where: { deskId: "vo-mbo", status: { in: ["new", "open"] } },
      select: { id: true, reference: true },
      take: REQUESTS,
      orderBy: { id: "desc" },
    });
    const mailDir = path.join(work, "mail");
    const transport = createEmlFolderTransport(mailDir);
    const stored: number[] = [];
    const mailed: number[] = [];
    let emlFiles = 0;
    let deliveredByServer = 0;
    const replyLoad = load1();
    for (const t of open) {
      const t0 = performance.now();
      await replyToTicket(db, {
        user: agent,
        reference: t.reference,
        kind: "reply",
        body: "Beste beller,\n\nU meldt dit verzuim binnen 5 schooldagen.\n\nMet vriendelijke groet,",
      });
      stored.push(performance.now() - t0);
      const r = await deliverPendingMail(db, transport);
      // Not timed: which file belongs to this reply. If the server's periodic worker claimed the row first, wait
      // for its file and count the wait.
      const pause = performance.now();
      const row = await db.mailOutbox.findFirstOrThrow({
        where: { ticketId: t.id },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      const file = path.join(mailDir, `${row.id}.eml`);
      const lookupMs = performance.now() - pause;
      if (r.sent === 0) deliveredByServer++;
      const until = Date.now() + 120_000;
      while (!fs.existsSync(file)) {
        if (Date.now() > until) throw new Error(`reply mail ${row.id} never reached ${mailDir}`);
        await new Promise((res) => setTimeout(res, 20));
      }
      emlFiles++;
      mailed.push(performance.now() - t0 - lookupMs);
    }

    // A phone contact logged as Beantwoord (new ticket with channel phone, phone message, answer, contact row).
    const contacts: number[] = [];
    const contactLoad = load1();
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      await logContact(db, agent, {
        startedAt: new Date(Date.now() - 180_000),
        deskId: "vo-mbo",
        outcome: "answered",
        summary: `Vraag over verzuim melden ${i}`,
        answer: "U meldt dit binnen 5 schooldagen in het verzuimregister.",
        caller: {
          name: `Beller ${i}`,
          email: `beller${i}@school.test`,
          phone: "06 12345678",
          organisation: "Stellingwerf College",
          callerType: "vo-school",
          sector: "vo",
        },
      });
      contacts.push(performance.now() - t0);
    }

    // GET /api/v1/tickets/{reference} with a token, over HTTP.
    const { token } = await createApiToken(
      db,
      { name: "bench", desks: ["po", "vo-mbo"], scopes: ["tickets:read"] },
      null,
    );
    const apiTimes: number[] = [];
    const apiRefs = ipo.map((t) => t.reference);
    const apiLoad = load1();
    for (const [i, ref] of [...apiRefs.slice(0, 5), ...apiRefs].entries()) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/tickets/${ref}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { reference?: string };
      if (i >= 5) apiTimes.push(performance.now() - t0);
      if (res.status !== 200 || body.reference !== ref) throw new Error(`GET /api/v1/tickets/${ref}: ${res.status}`);
    }
    const views = Object.values(perView);

    return {
      db: kind,
      tickets: N,
      messages: seeded.messages,
      seedMs: seeded.ms,
      cores: os.cpus().length,
      queuePage: {
        ...stats(queueRun.value, queueRun.load),
        worstViewP95ms: Math.max(...views.map((v) => v.p95ms)),
        perView,
      },
      ticketPage: stats(ticketView.value, ticketView.load),
      replyStored: stats(stored, [replyLoad, replyLoad]),
      replyStoredAndMailed: { ...stats(mailed, [replyLoad, load1()]), emlFiles, deliveredByServer },
      contactLogged: stats(contacts, [contactLoad, load1()]),
      apiTicketByReference: stats(apiTimes, [apiLoad, load1()]),
      ...(plans ? { queuePlans: plans } : {}),
      organisationPage: organisationPageFigures,
      note: "HTTP times are full responses from next start on localhost, sequential (one request at a time), logged in as agent.vo; load1m = 1-minute load average before/after",
    };
  } finally {
    server?.stop();
    await db.$disconnect();
    await dropPg?.();
  }
}

benchDatabases(args.db, benchOne).catch((e) => {
  console.error(e);
  process.exit(1);
});
