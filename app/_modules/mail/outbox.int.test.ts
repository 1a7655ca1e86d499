// The outbox against a real database (SQLite by default, PostgreSQL with TEST_DB=postgres) and real .eml files:
// effectively-once delivery after a worker is killed in the middle of a batch, and continuous draining.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { deliverPendingMail, kickOutbox, OUTBOX_BATCH, OUTBOX_LEASE_MS, outboxIdle } from "./outbox";
import { createEmlFolderTransport } from "./transport";

const root = path.resolve(__dirname, "../../..");
let t: TestDb;
let dir: string;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});
beforeEach(async () => {
  await t.db.mailOutbox.deleteMany();
  dir = await mkdtemp(path.join(tmpdir(), "outbox-"));
  return () => rm(dir, { recursive: true, force: true });
});

async function queue(n: number, at = new Date(Date.now() - 60_000)) {
  for (let i = 0; i < n; i++) {
    await t.db.mailOutbox.create({
      data: {
        to: `beller${i}@school.test`,
        subject: `Mail ${i}`,
        text: `Tekst ${i}`,
        createdAt: new Date(at.getTime() + i),
      },
    });
  }
  return (await t.db.mailOutbox.findMany({ orderBy: { createdAt: "asc" }, select: { id: true } })).map((m) => m.id);
}

/** Runs tests/helpers/outbox-worker.ts in a child process and kills it (SIGKILL) once it says "paused". */
function runAndKillWorker(pauseAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "tests/helpers/outbox-worker.ts"],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.url, MAIL_DIR: dir, PAUSE_AFTER: String(pauseAfter) },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const lines: string[] = [];
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d: Buffer) => {
      lines.push(...d.toString().split("\n").filter(Boolean));
      if (lines.includes("paused")) child.kill("SIGKILL");
    });
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL"
        ? resolve(lines)
        : reject(new Error(`worker ended without being killed: ${lines.join("; ")} ${err}`)),
    );
  });
}

describe("outbox after a crash", () => {
  it("a worker killed mid-batch: nothing is lost, nothing written twice, the lease frees the rest within a minute", async () => {
    const ids = await queue(10);
    const lines = await runAndKillWorker(3);
    expect(lines.filter((l) => l.startsWith("written"))).toHaveLength(3);
    const files = await readdir(dir);
    expect(files.sort()).toEqual(
      ids
        .slice(0, 3)
        .map((id) => `${id}.eml`)
        .sort(),
    );
    const third = await stat(path.join(dir, `${ids[2]}.eml`));
    // Mails 1 and 2 were marked sent one by one; the 3rd was written but the worker died before marking it.
    const rows = await t.db.mailOutbox.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.slice(0, 2).map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(rows.slice(2).every((r) => r.status.startsWith("sending:"))).toBe(true);

    const transport = createEmlFolderTransport(dir);
    // While the dead worker's lease runs, nobody takes its mails.
    expect(await deliverPendingMail(t.db, transport)).toMatchObject({ claimed: 0 });
    const later = new Date(Date.now() + OUTBOX_LEASE_MS + 1_000);
    expect(OUTBOX_LEASE_MS).toBeLessThanOrEqual(60_000);
    const r = await deliverPendingMail(t.db, transport, { now: later });
    expect(r).toEqual({ claimed: 8, sent: 7, alreadySent: 1, failed: 0 });
    expect((await readdir(dir)).sort()).toEqual(ids.map((id) => `${id}.eml`).sort());
    // The 3rd mail's file was not written again.
    expect((await stat(path.join(dir, `${ids[2]}.eml`))).mtimeMs).toBe(third.mtimeMs);
    const after = await t.db.mailOutbox.findMany();
    expect(after.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
  }, 90_000);
});

describe("outbox drain", () => {
  it("one kick drains a backlog larger than a batch, with bounded concurrency", async () => {
    const n = OUTBOX_BATCH * 2 + 17;
    await queue(n);
    let inFlight = 0;
    let maxInFlight = 0;
    const eml = createEmlFolderTransport(dir);
    const transport = {
      async send(m: Parameters<typeof eml.send>[0]) {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        try {
          return await eml.send(m);
        } finally {
          inFlight--;
        }
      },
    };
    await kickOutbox(t.db, transport);
    await outboxIdle();
    expect(await t.db.mailOutbox.count({ where: { status: "sent" } })).toBe(n);
    expect((await readdir(dir)).filter((f) => f.endsWith(".eml"))).toHaveLength(n);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(8);
  });

  it("a failing mail waits for its backoff and does not block the mails behind it", async () => {
    const ids = await queue(3);
    await t.db.mailOutbox.update({ where: { id: ids[0] }, data: { to: "geen-adres" } });
    const transport = createEmlFolderTransport(dir);
    expect(await deliverPendingMail(t.db, transport)).toMatchObject({ claimed: 3, sent: 2, failed: 1 });
    const bad = await t.db.mailOutbox.findUniqueOrThrow({ where: { id: ids[0] } });
    expect([bad.status, bad.attempts]).toEqual(["retry", 1]);
    expect(bad.lastError).toBeTruthy();
    await t.db.mailOutbox.create({ data: { to: "nieuw@school.test", subject: "Nieuw", text: "Nieuw" } });
    // The retry is not due yet (2 minutes), the new mail goes at once.
    expect(await deliverPendingMail(t.db, transport, { limit: 1 })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await deliverPendingMail(t.db, transport, { now: new Date(Date.now() + 3 * 60_000) })).toMatchObject({
      claimed: 1,
      failed: 1,
    });
    expect(fs.existsSync(path.join(dir, `${ids[0]}.eml`))).toBe(false);
  });
});
