// Agent-workspace benchmark: 100,000 tickets with messages in a fresh database, `next start` on it, and
//   - the queue page (/desk, counts per view included) and a ticket page, rendered on the server: p50/p95 over
//     sequential requests as an agent logged in through the real Auth.js credentials flow;
//   - a public reply stored and mailed (outbox row written in the same transaction) through replyToTicket directly;
//   - a phone contact logged (a Beantwoord call: ticket, phone message, contact row) through logContact directly;
//   - GET /api/v1/tickets/{reference} over HTTP with an API token (scope tickets:read).
//   npx tsx scripts/bench/desk.ts [--db sqlite|postgres|both] [--n 100000] [--requests 200]
// Needs a build (`npx next build`; set NEXT_DIST_DIR when the build lives elsewhere). Prints one JSON line per database.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "@/app/_core/db";
import type { DeskId, SessionUser } from "@/app/_core/session";
import { DEMO_PASSWORD } from "@/app/_modules/content/demo-users";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { createApiToken } from "@/app/_modules/apitokens/service";
import { logContact } from "@/app/_modules/contact/service";

import { benchDatabases, bin, createPgDatabase, freePort, root, startNext, type RunningServer } from "../lib/server";
const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    n: { type: "string", default: "100000" },
    requests: { type: "string", default: "200" },
  },
});
const N = Number(args.n);
const REQUESTS = Number(args.requests);
const CHUNK = 5_000;
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
const stats = (xs: number[]) => ({ n: xs.length, p50ms: pct(xs, 0.5), p95ms: pct(xs, 0.95), maxms: pct(xs, 1) });

/** Writes N tickets (both desks, realistic status mix) with 2–3 messages each and some tags, in bulk. */
async function seedTickets(db: Db, agentId: string): Promise<{ ms: number; messages: number }> {
  const started = performance.now();
  const tags = await Promise.all(
    ["spoed", "bron-registratie", "verlof", "thuiszitter"].map((name) =>
      db.tag.upsert({ where: { name }, create: { name }, update: {} }),
    ),
  );
  const now = Date.now();
  const topics = ["verzuim-melden", "soorten-verzuim", "ziekteverzuim", "verlof", "te-laat-en-spijbelen"];
  const callerTypes = ["po-school", "vo-school", "mbo-institution", "municipality", "software-vendor"];
  let messages = 0;
  for (let b = 0; b < N; b += CHUNK) {
    const n = Math.min(CHUNK, N - b);
    const requesters = Array.from({ length: n }, (_, k) => {
      const i = b + k;
      return {
        id: `br${i}`,
        name: `Beller ${i}`,
        email: `beller${i % 30_000}@school.test`,
        callerType: callerTypes[i % 5]!,
        organisation: `School ${i % 997}`,
      };
    });
    await db.requester.createMany({ data: requesters });
    const tickets = requesters.map((r, k) => {
      const i = b + k;
      const deskId: DeskId = i % 2 === 0 ? "vo-mbo" : "po";
      const roll = (i * 7919) % 100;
      const status = roll < 80 ? "closed" : roll < 86 ? "resolved" : roll < 92 ? "open" : roll < 96 ? "new" : "waiting";
      const createdAt = new Date(now - (N - i) * 240_000);
      const done = status === "closed" || status === "resolved";
      return {
        id: `bt${String(i).padStart(7, "0")}`,
        reference: `${deskId === "po" ? "PO" : "IPO"}-2024-${String(i).padStart(6, "0")}`,
        deskId,
        year: 2024,
        number: i,
        status,
        subject: `Vraag ${i} over ${topics[i % 5]} bij ${r.organisation}`,
        topic: topics[i % 5]!,
        sector: deskId === "po" ? "po" : i % 3 ? "vo" : "mbo",
        callerType: r.callerType,
        requesterId: r.id,
        assigneeId: status === "new" ? null : i % 4 === 0 ? agentId : null,
        followUpTokenHash: randomBytes(16).toString("hex"),
        createdAt,
        updatedAt: new Date(createdAt.getTime() + (i % 97) * 60_000),
        firstResponseDueAt: new Date(createdAt.getTime() + 86_400_000),
        resolutionDueAt: new Date(createdAt.getTime() + 5 * 86_400_000 + (i % 13) * 60_000),
        firstRespondedAt: status === "new" ? null : new Date(createdAt.getTime() + 3_600_000),
        resolvedAt: done ? new Date(createdAt.getTime() + 2 * 86_400_000) : null,
        closedAt: status === "closed" ? new Date(createdAt.getTime() + 3 * 86_400_000) : null,
        slaPausedAt: status === "waiting" ? new Date(createdAt.getTime() + 7_200_000) : null,
      };
    });
    await db.ticket.createMany({ data: tickets });
    const msgs = tickets.flatMap((t, k) => {
      const i = b + k;
      const out = [
        {
          ticketId: t.id,
          kind: "caller",
          body: `Goedemorgen, ${t.subject}. Een leerling is al ${i % 20} keer afwezig geweest zonder bericht. Wat moeten wij doen en moeten wij dit melden bij DUO?`,
          createdAt: t.createdAt,
        },
      ];
      if (t.status !== "new") {
        out.push({
          ticketId: t.id,
          kind: "reply",
          body: `Beste ${requesters[k]!.name},\n\nDank voor uw vraag. U meldt dit verzuim binnen 5 schooldagen via het verzuimregister.\n\nMet vriendelijke groet,\nde helpdesk`,
          createdAt: t.firstRespondedAt!,
        });
      }
      if (i % 3 === 0)
        out.push({
          ticketId: t.id,
          kind: "note",
          body: "Interne notitie: protocol nagekeken.",
          createdAt: new Date(t.createdAt.getTime() + 1_800_000),
        });
      return out;
    });
    messages += msgs.length;
    await db.message.createMany({ data: msgs });
    await db.ticketTag.createMany({
      data: tickets.filter((_, k) => k % 8 === 0).map((t, k) => ({ ticketId: t.id, tagId: tags[k % tags.length]!.id })),
    });
  }
  await db.$executeRawUnsafe("ANALYZE");
  return { ms: Math.round(performance.now() - started), messages };
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
  if (kind === "postgres") {
    const created = await createPgDatabase("bench_desk", PG_ADMIN);
    const u = new URL(created.url);
    u.searchParams.set("connection_limit", "10");
    databaseUrl = u.toString();
    dropPg = created.drop;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = serverEnv(databaseUrl, work, base);
  const prep = spawnSync(path.join(bin, "tsx"), ["scripts/prepare-db.ts"], { cwd: root, env, stdio: "inherit" });
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
    const seeded = await seedTickets(db, agent.id);

    server = await startNext({ port, env, timeoutMs: 120_000 });
    const cookie = await loginCookie(base, agent.email);

    // Queue: the default view and the other views with their counts, plus a sort and a filter.
    const queuePaths = [
      "/desk",
      "/desk?view=open",
      "/desk?view=mijn",
      "/desk?view=sla-risico",
      "/desk?view=opgelost&sort=updated",
      "/desk?view=open&tag=spoed",
    ];
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
    const queue = await timeGets(
      base,
      cookie,
      Array.from({ length: REQUESTS }, (_, i) => queuePaths[i % queuePaths.length]!),
      "Werkbak",
    );
    const queueDefault = await timeGets(
      base,
      cookie,
      Array.from({ length: Math.min(50, REQUESTS) }, () => "/desk"),
      "Werkbak",
    );
    const ticketView = await timeGets(
      base,
      cookie,
      ipo.map((t) => `/desk/tickets/${t.reference}`),
      "Gesprek",
    );

    // Reply stored + outbox row, through the service (the server is idle meanwhile).
    const open = await db.ticket.findMany({
      where: { deskId: "vo-mbo", status: { in: ["new", "open"] } },
      select: { reference: true },
      take: REQUESTS,
      orderBy: { id: "desc" },
    });
    const outboxBefore = await db.mailOutbox.count();
    const replies: number[] = [];
    for (const t of open) {
      const t0 = performance.now();
      await replyToTicket(db, {
        user: agent,
        reference: t.reference,
        kind: "reply",
        body: "Beste beller,\n\nU meldt dit verzuim binnen 5 schooldagen.\n\nMet vriendelijke groet,",
      });
      replies.push(performance.now() - t0);
    }
    const outboxAdded = (await db.mailOutbox.count()) - outboxBefore;

    // A phone contact logged as Beantwoord (new ticket with channel phone, phone message, answer, contact row).
    const contacts: number[] = [];
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
    for (const [i, ref] of [...apiRefs.slice(0, 5), ...apiRefs].entries()) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/tickets/${ref}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { reference?: string };
      if (i >= 5) apiTimes.push(performance.now() - t0);
      if (res.status !== 200 || body.reference !== ref) throw new Error(`GET /api/v1/tickets/${ref}: ${res.status}`);
    }

    return {
      db: kind,
      tickets: N,
      messages: seeded.messages,
      seedMs: seeded.ms,
      queuePage: { ...stats(queue), views: queuePaths },
      queueDefaultView: stats(queueDefault),
      ticketPage: stats(ticketView),
      replyStoredAndQueued: { ...stats(replies), outboxRows: outboxAdded },
      contactLogged: stats(contacts),
      apiTicketByReference: stats(apiTimes),
      note: "HTTP times are full responses from next start on localhost, sequential (one request at a time), logged in as agent.vo",
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
