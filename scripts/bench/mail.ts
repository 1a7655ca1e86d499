// E-mail channel benchmark: 2,000 mails over SMTP at 20 concurrent connections (nodemailer) to the embedded receiver,
// running in its own process (scripts/bench/mail-receiver.ts: the background work of a server process, against a
// real SQLite file or PostgreSQL database). In the middle of the run the receiver is killed with SIGKILL and started
// again; the senders behave like a real MTA: a connection error, a timeout or a 4xx answer is retried (with a short
// backoff) until the mail is acknowledged, so a mail refused or unacknowledged during the kill is delivered later.
//   npx tsx --conditions=react-server scripts/bench/mail.ts [--db sqlite|postgres|both] [--n 2000] [--concurrency 20] [--no-kill]
// Reports: mails/s (also over the time the receiver was up); CPU per mail of the receiver and of the bench itself
// (from /proc and process.cpuUsage, so a loaded machine can be told from a slow receiver); p50/p95 time to commit (send start → the InboundMail row visible to a reader polling the
// database every 20 ms) and time to the 250 answer; retries; lost (a mail without its row, ticket or body) and
// duplicates (by Message-ID and by body marker) — both must be 0. The mix: Outlook-style replies with quoted history,
// HTML-only mails, a BSN in the text and a small CSV attachment, so parsing, stripping, the BSN scan and attachment
// checks are all on the measured path.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { createDb, type Db } from "@/app/_core/db";
import { benchDatabases, loadBenchArgs, bin, createPgDatabase, freePort, groupCpuMs, root } from "../lib/server";

const args = loadBenchArgs({ n: 2000, concurrency: 20 });
const N = args.n;
const C = args.concurrency;

// ---------------------------------------------------------------------------------------------
// The receiver process

function receiverEnv(databaseUrl: string, work: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    APP_URL: "http://127.0.0.1:3000",
    MAIL_DIR: path.join(work, "mail"),
    UPLOAD_DIR: path.join(work, "uploads"),
    INBOUND_SMTP: "on",
    INBOUND_SMTP_HOST: "127.0.0.1",
    INBOUND_SMTP_PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once("data", () => done(true)); // the SMTP greeting
    s.once("error", () => done(false));
  });
}

type Receiver = { proc: ChildProcess; kill(): void; startedInMs: number };

/** Starts the receiver in its own process and waits until it greets on the SMTP port (60 s at most). */
async function startReceiver(env: NodeJS.ProcessEnv, port: number, logFile: string): Promise<Receiver> {
  const t0 = performance.now();
  const log = fs.openSync(logFile, "a");
  const proc = spawn(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/bench/mail-receiver.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  fs.closeSync(log);
  const kill = () => {
    try {
      process.kill(-proc.pid!, "SIGKILL");
    } catch {}
  };
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) break;
    if (await canConnect(port)) return { proc, kill, startedInMs: performance.now() - t0 };
    await new Promise((r) => setTimeout(r, 100));
  }
  kill();
  throw new Error(`the receiver did not come up on port ${port}; see ${logFile}`);
}

// ---------------------------------------------------------------------------------------------
// The mails

const marker = (run: string, i: number) => `BM-${run}-${i}-END`;
const messageIdOf = (run: string, i: number) => `bench-${run}-${i}@bench.test`;

function mail(run: string, i: number): nodemailer.SendMailOptions {
  const base: nodemailer.SendMailOptions = {
    from: `Afzender ${i % 300} <afzender${i % 300}@school${i % 40}.test>`,
    to: i % 2 ? "ipo@helpdesk.test" : "po@helpdesk.test",
    subject: `Vraag over verzuim ${i}`,
    messageId: `<${messageIdOf(run, i)}>`,
  };
  const question = `Goedemiddag,\n\nHoe melden wij ongeoorloofd verzuim van een leerling uit groep 7? Kenmerk ${marker(run, i)}.\n\nMet vriendelijke groet,\nAfzender ${i % 300}`;
  switch (i % 10) {
    case 1: // Outlook reply style with quoted history
      return {
        ...base,
        text: `${question}\n\nVan: Leerplicht <leerplicht@gemeente.test>\nVerzonden: maandag 7 december 2026 10:12\nAan: Afzender\nOnderwerp: Verzuim\n\nEerder bericht met veel tekst.\n`,
      };
    case 2: // HTML only
      return {
        ...base,
        html: `<html><body><p>Goedemiddag,</p><p>Hoe melden wij <b>ongeoorloofd verzuim</b>? Kenmerk ${marker(run, i)}.</p><table><tr><td>Groep</td><td>7</td></tr></table><p>Groet</p></body></html>`,
      };
    case 3: // a BSN in the text (masked, the ticket flagged)
      return { ...base, text: `${question}\nHet BSN van de leerling is 111222333.` };
    case 4: // a small CSV attachment (sniffed and scanned for numbers)
      return {
        ...base,
        text: question,
        attachments: [{ filename: "overzicht.csv", content: `datum;uren\n2026-12-01;3\n2026-12-02;2\n` }],
      };
    default:
      return { ...base, text: question };
  }
}

// ---------------------------------------------------------------------------------------------
// Sending like an MTA

type Sent = { i: number; startedAt: number; ackAt: number; attempts: number };

/** True when the error is worth retrying (a connection problem, a timeout or a 4xx answer), as an MTA would. */
function retryable(e: unknown): boolean {
  const code = (e as { responseCode?: number }).responseCode;
  if (typeof code === "number") return code >= 400 && code < 500;
  return true;
}

const transportFor = (port: number) =>
  nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    connectionTimeout: 3000,
    greetingTimeout: 3000,
    socketTimeout: 15_000,
  });

/**
 * Sends n mails over `concurrency` connections; `onAck` sees the running count (used to kill the receiver).
 * `unseen` gets each mail's Message-ID with the wall-clock time its sending started (the commit watcher's window).
 */
async function send(run: string, port: number, unseen: Map<string, number>, onAck?: (count: number) => void) {
  const sent: Sent[] = [];
  const failed: { i: number; error: string }[] = [];
  let next = 0;
  let acked = 0;
  let retries = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      let transport = transportFor(port);
      for (;;) {
        const i = next++;
        if (i >= N) break;
        const startedAt = performance.now();
        unseen.set(messageIdOf(run, i), Date.now());
        for (let attempt = 1; ; attempt++) {
          try {
            // nodemailer's own timeouts cover connect, greeting and an idle socket; this caps one whole attempt.
            await Promise.race([
              transport.sendMail(mail(run, i)),
              new Promise((_, reject) => setTimeout(() => reject(new Error("attempt timed out")), 30_000).unref()),
            ]);
            sent.push({ i, startedAt, ackAt: performance.now(), attempts: attempt });
            onAck?.(++acked);
            break;
          } catch (e) {
            if (!retryable(e) || attempt >= 50) {
              failed.push({ i, error: (e as Error).message });
              break;
            }
            retries++;
            transport.close(); // a broken pool connection is not reused
            transport = transportFor(port);
            await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** Math.min(attempt, 5))));
          }
        }
      }
      transport.close();
    }),
  );
  return { sent, failed, retries, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Watching the database and checking the result

/**
 * Polls the database every 20 ms and records when each of the run's InboundMail rows first became visible. A row's
 * createdAt is taken when its mail arrives, after its sending started: each poll asks only for rows created since
 * the oldest mail not seen yet started (less 2 s), so a poll reads about one commit latency's worth of rows
 * instead of the whole run's (which cost the benchmark's own process more CPU than the mails it measured).
 */
function watchCommits(db: Db, run: string) {
  const seenAt = new Map<string, number>();
  const unseen = new Map<string, number>();
  const prefix = `bench-${run}-`;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      let oldest = Date.now();
      for (const t of unseen.values()) if (t < oldest) oldest = t;
      const rows = await db.inboundMail
        .findMany({
          where: { messageId: { startsWith: prefix }, createdAt: { gte: new Date(oldest - 2000) } },
          select: { messageId: true },
        })
        .catch(() => []);
      const now = performance.now();
      for (const r of rows) {
        if (!seenAt.has(r.messageId)) seenAt.set(r.messageId, now);
        unseen.delete(r.messageId);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    seenAt,
    unseen,
    async stop() {
      stop = true;
      await loop;
    },
  };
}

async function verify(db: Db, run: string) {
  const prefix = `bench-${run}-`;
  const rows = await db.inboundMail.findMany({
    where: { messageId: { startsWith: prefix } },
    select: { messageId: true, outcome: true, ticketId: true },
  });
  const markerRe = new RegExp(`BM-${run}-(\\d+)-END`, "g");
  const messages = await db.message.findMany({
    where: { kind: "caller", body: { contains: `BM-${run}-` } },
    select: { body: true, ticketId: true },
  });
  const bodyCount = new Map<number, number>();
  for (const m of messages)
    for (const x of m.body.matchAll(markerRe)) bodyCount.set(Number(x[1]), (bodyCount.get(Number(x[1])) ?? 0) + 1);
  const ids = new Set(rows.map((r) => r.messageId));
  let lostById = 0;
  let lostByBody = 0;
  for (let i = 0; i < N; i++) {
    if (!ids.has(messageIdOf(run, i))) lostById++;
    if (!bodyCount.has(i)) lostByBody++;
  }
  const tickets = new Set(messages.map((m) => m.ticketId));
  return {
    inboundRows: rows.length,
    tickets: tickets.size,
    lostByMessageId: lostById,
    lostByBody,
    duplicatesByMessageId: rows.length - ids.size,
    duplicatesByBody: [...bodyCount.values()].filter((c) => c > 1).length,
    notTickets: rows.filter((r) => r.outcome !== "ticket").length,
    bsnStored: await db.message.count({ where: { body: { contains: "111222333" } } }),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0).toFixed(1);
};

// ---------------------------------------------------------------------------------------------

async function benchOne(kind: "sqlite" | "postgres") {
  const work = path.join(root, "tmp", `bench-mail-${kind}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  let databaseUrl = `file:${path.join(work, "portal.db")}`;
  let dropPg: (() => Promise<void>) | null = null;
  if (kind === "postgres") {
    const created = await createPgDatabase("bench_mail");
    // The documented default pool (db.ts PG_POOL_DEFAULT) unless --pool asks for another.
    databaseUrl = args.pool ? `${created.url}?connection_limit=${args.pool}` : created.url;
    dropPg = created.drop;
  }
  const port = await freePort();
  const env = receiverEnv(databaseUrl, work, port);
  const prep = spawnSync(path.join(bin, "tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (prep.status !== 0) throw new Error("prepare-db failed");
  const logFile = path.join(work, "receiver.log");
  let rx = await startReceiver(env, port, logFile);
  const db = createDb(databaseUrl);
  const run = `${kind}${Date.now().toString(36)}`;
  const load = os.loadavg();

  const killAt = args.noKill ? -1 : Math.floor(N * 0.4);
  let restart: Promise<void> | undefined;
  let downMs = 0;
  // CPU of the receivers while they take mail (start-up excluded: counted from their first greeting).
  let receiverCpuMs = 0;
  let receiverCpuBase = groupCpuMs(rx.proc.pid!);
  const benchCpu = process.cpuUsage();
  const watch = watchCommits(db, run);
  const r = await send(run, port, watch.unseen, (count) => {
    if (count !== killAt) return;
    const killedAt = performance.now();
    receiverCpuMs += groupCpuMs(rx.proc.pid!) - receiverCpuBase;
    rx.kill();
    // Restart at once, as a supervisor would; the senders retry meanwhile.
    restart = startReceiver(env, port, logFile).then((next) => {
      rx = next;
      receiverCpuBase = groupCpuMs(next.proc.pid!);
      downMs = performance.now() - killedAt;
    });
  });
  await restart;
  // Every acknowledged mail must be visible already (250 comes after the commit); give the poller a last round.
  await new Promise((res) => setTimeout(res, 200));
  await watch.stop();
  const v = await verify(db, run);
  const commitMs = r.sent.map((s) => (watch.seenAt.get(messageIdOf(run, s.i)) ?? s.ackAt) - s.startedAt);
  const ackMs = r.sent.map((s) => s.ackAt - s.startedAt);
  receiverCpuMs += groupCpuMs(rx.proc.pid!) - receiverCpuBase;
  const benchCpuUsed = process.cpuUsage(benchCpu);
  rx.kill();
  await db.$disconnect();
  await dropPg?.();
  return {
    db: kind,
    mails: N,
    concurrency: C,
    acknowledged: r.sent.length,
    refused: r.failed.length,
    refusedSample: r.failed.slice(0, 3),
    seconds: +r.seconds.toFixed(2),
    mailsPerSecond: +(r.sent.length / r.seconds).toFixed(1),
    commitP50ms: pct(commitMs, 0.5),
    commitP95ms: pct(commitMs, 0.95),
    ackP50ms: pct(ackMs, 0.5),
    ackP95ms: pct(ackMs, 0.95),
    retries: r.retries,
    retriedMails: r.sent.filter((s) => s.attempts > 1).length,
    killedAfter: killAt > 0 ? killAt : null,
    receiverDownMs: killAt > 0 ? Math.round(downMs) : null,
    /** Mails/s over the time the receiver was up (the run less its restart). */
    mailsPerSecondWhileUp: +(r.sent.length / (r.seconds - downMs / 1000)).toFixed(1),
    /** CPU per mail of the receiver (its outbox worker included) and of this process (senders and watcher). */
    receiverCpuMsPerMail: +(receiverCpuMs / N).toFixed(2),
    benchCpuMsPerMail: +((benchCpuUsed.user + benchCpuUsed.system) / 1000 / N).toFixed(2),
    ...v,
    loadAvgAtStart: load.map((x) => +x.toFixed(2)),
    loadAvgAtEnd: os.loadavg().map((x) => +x.toFixed(2)),
    cpus: os.cpus().length,
  };
}

benchDatabases(args.db, benchOne).catch((e) => {
  console.error(e);
  process.exit(1);
});
