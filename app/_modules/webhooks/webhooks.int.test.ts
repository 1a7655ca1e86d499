// Webhooks against a real database (SQLite; PostgreSQL with npm run test:pg) and a real HTTP receiver on
// 127.0.0.1: events queued where they happen, signed deliveries verified by the receiver, retries with backoff
// (a receiver that fails twice, then succeeds), no redirects, timeouts, and a delivery claimed by a killed worker
// process picked up by a new worker once its lease has run out.
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { logContact } from "@/app/_modules/contact/service";
import { assignTicket } from "@/app/_modules/tickets/desk/assign";
import { changeStatus } from "@/app/_modules/tickets/desk/status";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { transferTicket } from "@/app/_modules/tickets/desk/transfer";
import { mergeTicket } from "@/app/_modules/tickets/desk/merge";
import { newTicket, seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { createTicket } from "@/app/_modules/tickets/create-ticket";
import { intake } from "@/tests/helpers/desk-fixtures";
import { composeMail, testMessageId } from "@/tests/helpers/mail";
import { receiveMail } from "@/app/_modules/mail/inbound";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import os from "node:os";
import { webhookPayloadSchemas } from "./schema";
import { createWebhook, deleteWebhook, listDeliveries, pingWebhook, setWebhookEnabled } from "./service";
import { verifySignature } from "./signature";
import { deliverDueWebhooks, RESPONSE_EXCERPT_BYTES, WEBHOOK_LEASE_MS } from "./worker";

const root = path.resolve(__dirname, "../../..");
let t: TestDb;
let staff: Staff;
const SECRET = "geheim-van-de-ontvanger-123";

type Received = { headers: http.IncomingHttpHeaders; body: string; verified: boolean };
type Receiver = {
  url: string;
  received: Received[];
  close(): Promise<void>;
  onRequest?: (req: http.IncomingMessage, res: http.ServerResponse, n: number) => boolean;
};

/** A real receiver on 127.0.0.1 (random port) that verifies every signature as a real receiver would. */
async function receiver(
  answer: (n: number, res: http.ServerResponse, req: http.IncomingMessage) => void,
): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const verified = verifySignature(SECRET, req.headers["x-portal-signature"] as string, body).ok;
      received.push({ headers: req.headers, body, verified });
      if (!verified) {
        res.writeHead(401).end("bad signature");
        return;
      }
      answer(received.length, res, req);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const admin = () => staff.admin.id;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  for (const w of await t.db.webhook.findMany()) await deleteWebhook(t.db, w.id, admin());
});

beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
});
afterAll(() => t.drop());

async function hook(url: string, events: string[], secret = SECRET) {
  return createWebhook(t.db, { url, secret, events: events as never }, admin());
}

describe("webhook delivery", () => {
  it("ticket.created on every path (Prisma and SQLite fast path), signed, verified by the receiver, logged as delivered", async () => {
    const r = await receiver((_n, res) => res.writeHead(200, { "content-type": "text/plain" }).end("ok, ontvangen"));
    cleanups.push(r.close);
    const w = await hook(r.url, ["ticket.created"]);
    const a = await newTicket(t.db, "po");
    const fast =
      t.kind === "sqlite"
        ? await createTicket(t.db, { input: intake(), deskId: "vo-mbo", channel: "api", sqliteUrl: t.url })
        : await newTicket(t.db, "vo-mbo");
    const res = await deliverDueWebhooks(t.db, { now: new Date(Date.now() + 1000) });
    expect(res).toMatchObject({ claimed: 2, delivered: 2, failed: 0 });
    expect(r.received.every((x) => x.verified)).toBe(true);
    const bodies = r.received.map((x) => webhookPayloadSchemas["ticket.created"].parse(JSON.parse(x.body)));
    expect(bodies.map((b) => b.data.reference).sort()).toEqual([a.reference, fast.reference].sort());
    expect(bodies[0]!.data.changes).toEqual(["created"]);
    expect(r.received[0]!.headers["x-portal-event"]).toBe("ticket.created");
    expect(r.received[0]!.headers["content-type"]).toBe("application/json");
    const log = await listDeliveries(t.db);
    expect(
      log.filter((d) => d.webhookId === w.id).map((d) => [d.status, d.responseStatus, d.attempts, d.responseExcerpt]),
    ).toEqual([
      ["delivered", 200, 1, "ok, ontvangen"],
      ["delivered", 200, 1, "ok, ontvangen"],
    ]);
    expect(r.received.map((x) => x.headers["x-portal-delivery"]).sort()).toEqual(log.map((d) => d.id).sort());
    // Nothing left to deliver: a second run sends nothing twice.
    expect(await deliverDueWebhooks(t.db, { now: new Date(Date.now() + 60_000) })).toMatchObject({ claimed: 0 });
    expect(r.received).toHaveLength(2);
  });

  it("a receiver that fails twice then succeeds: retried with backoff (30 s, then 60 s), each attempt logged", async () => {
    const r = await receiver((n, res) => (n <= 2 ? res.writeHead(503).end("even niet") : res.writeHead(204).end()));
    cleanups.push(r.close);
    await hook(r.url, ["ticket.resolved"]);
    const tk = await newTicket(t.db, "po");
    await changeStatus(t.db, { user: staff.po, reference: tk.reference, status: "resolved" });
    const row = () => t.db.webhookDelivery.findFirstOrThrow();
    const t0 = Date.now();
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0) })).toMatchObject({ claimed: 1, failed: 1 });
    let d = await row();
    expect(d).toMatchObject({
      status: "retry",
      attempts: 1,
      responseStatus: 503,
      lastError: "HTTP 503",
      responseExcerpt: "even niet",
    });
    expect(d.nextAttemptAt.getTime() - t0).toBeGreaterThanOrEqual(30_000);
    expect(d.nextAttemptAt.getTime() - t0).toBeLessThan(40_000);
    // Not due yet: nothing is sent.
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0 + 20_000) })).toMatchObject({ claimed: 0 });
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0 + 31_000) })).toMatchObject({ claimed: 1, failed: 1 });
    d = await row();
    expect(d).toMatchObject({ status: "retry", attempts: 2 });
    expect(d.nextAttemptAt.getTime() - (t0 + 31_000)).toBeGreaterThanOrEqual(60_000);
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0 + 31_000 + 30_000) })).toMatchObject({ claimed: 0 });
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0 + 31_000 + 61_000) })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    d = await row();
    expect(d).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 204, lastError: null });
    expect(r.received).toHaveLength(3);
    expect(r.received.every((x) => x.verified)).toBe(true);
    // The same event id and body on every retry, so a receiver can deduplicate.
    expect(new Set(r.received.map((x) => x.body)).size).toBe(1);
    expect(webhookPayloadSchemas["ticket.resolved"].parse(JSON.parse(r.received[0]!.body)).data).toMatchObject({
      reference: tk.reference,
      status: "resolved",
      changes: ["status"],
    });
  });

  it("survives a restart: a worker process killed mid-request leaves a claim that a new worker takes after the lease", async () => {
    let holding: http.ServerResponse | null = null;
    let gotFirst: () => void = () => {};
    const first = new Promise<void>((resolve) => (gotFirst = resolve));
    const r = await receiver((n, res) => {
      if (n === 1) {
        holding = res; // never answered: the worker process is killed while it waits
        gotFirst();
      } else res.writeHead(200).end("ok");
    });
    cleanups.push(async () => {
      holding?.destroy();
      await r.close();
    });
    await hook(r.url, ["ticket.created"]);
    const tk = await newTicket(t.db, "po");
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "tests/helpers/webhook-worker.ts"],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_c, s) => resolve(s)));
    await first;
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const claimed = await t.db.webhookDelivery.findFirstOrThrow();
    expect(claimed.status).toMatch(/^sending:/);
    expect(claimed.attempts).toBe(0);
    // A new worker within the lease leaves it alone; after the lease it delivers.
    expect(await deliverDueWebhooks(t.db, { now: new Date(Date.now() + 10_000) })).toMatchObject({ claimed: 0 });
    expect(await deliverDueWebhooks(t.db, { now: new Date(Date.now() + WEBHOOK_LEASE_MS + 1000) })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: claimed.id } })).toMatchObject({
      status: "delivered",
      attempts: 1,
    });
    expect(r.received).toHaveLength(2);
    expect(JSON.parse(r.received[1]!.body).data.reference).toBe(tk.reference);
    expect(r.received[0]!.body).toBe(r.received[1]!.body);
    // A child process with tsx and Prisma starts in seconds on a quiet machine, in tens of seconds on a loaded one.
  }, 90_000);

  it("redirects are not followed, slow receivers time out, long answers are cut, a wrong secret is refused by the receiver", async () => {
    let redirectedTo = 0;
    const target = await receiver((_n, res) => {
      redirectedTo++;
      res.writeHead(200).end();
    });
    const r = await receiver((n, res) => {
      if (n === 1) res.writeHead(302, { location: target.url }).end();
      else if (n === 2) setTimeout(() => res.writeHead(200).end("te laat"), 2_000);
      else res.writeHead(500).end("x".repeat(10_000));
    });
    cleanups.push(r.close, target.close);
    await hook(r.url, ["ticket.created"]);
    await newTicket(t.db, "po");
    const now = Date.now(); // after the event was queued (it is due from its creation)
    await deliverDueWebhooks(t.db, { now: new Date(now) });
    let d = await t.db.webhookDelivery.findFirstOrThrow();
    expect(d).toMatchObject({ status: "retry", responseStatus: 302 });
    expect(d.lastError).toMatch(/^Doorverwijzing \(HTTP 302\) niet gevolgd naar http:\/\/127\.0\.0\.1/);
    expect(redirectedTo).toBe(0);
    await deliverDueWebhooks(t.db, { now: new Date(now + 31_000), timeoutMs: 300 });
    d = await t.db.webhookDelivery.findFirstOrThrow();
    expect(d).toMatchObject({
      status: "retry",
      attempts: 2,
      responseStatus: null,
      lastError: "Geen antwoord binnen 0.3 s",
    });
    await deliverDueWebhooks(t.db, { now: new Date(now + 31_000 + 61_000) });
    d = await t.db.webhookDelivery.findFirstOrThrow();
    expect(d).toMatchObject({ status: "retry", attempts: 3, responseStatus: 500 });
    expect(Buffer.byteLength(d.responseExcerpt!)).toBe(RESPONSE_EXCERPT_BYTES);

    // Another webhook with another secret: the receiver cannot verify it and answers 401.
    await t.db.webhookDelivery.deleteMany();
    const other = await hook(r.url, ["ticket.created"], "een-heel-ander-geheim-456");
    await setWebhookEnabled(
      t.db,
      (await t.db.webhook.findFirstOrThrow({ where: { id: { not: other.id } } })).id,
      false,
      admin(),
    );
    await newTicket(t.db, "po");
    await deliverDueWebhooks(t.db, { now: new Date(Date.now() + 1000) });
    expect(r.received.at(-1)!.verified).toBe(false);
    expect((await t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: other.id } })).responseStatus).toBe(401);
  }, 20_000);

  it("events from where they happen: reply, assignment, contact logged (with the phone ticket's created/resolved); none for unsubscribed or disabled hooks", async () => {
    const r = await receiver((_n, res) => res.writeHead(200).end());
    cleanups.push(r.close);
    const all = await hook(r.url, ["ticket.created", "ticket.updated", "ticket.resolved", "contact.logged"]);
    const tk = await newTicket(t.db, "po");
    await replyToTicket(t.db, {
      user: staff.po,
      reference: tk.reference,
      kind: "reply",
      body: "Dit is ons antwoord op uw vraag.",
    });
    await replyToTicket(t.db, {
      user: staff.po,
      reference: tk.reference,
      kind: "note",
      body: "Interne notitie, geen gebeurtenis.",
    });
    await assignTicket(t.db, { user: staff.po, reference: tk.reference, assigneeId: staff.po.id });
    const now = new Date();
    const c = await logContact(
      t.db,
      staff.po,
      {
        startedAt: new Date(now.getTime() - 120_000),
        deskId: "po",
        outcome: "answered",
        summary: "Vraag over verzuim melden",
        answer: "Via het verzuimregister.",
        caller: {
          name: "Els de Vries",
          email: "els@klimop.test",
          phone: "06 12345678",
          organisation: "Basisschool De Klimop",
          callerType: "po-school",
          sector: "po",
        },
      },
      now,
    );
    const events = (await t.db.webhookDelivery.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(
      (d) => [d.event, JSON.parse(d.body).data.changes ?? JSON.parse(d.body).data.outcome],
    );
    expect(events).toEqual([
      ["ticket.created", ["created"]],
      ["ticket.updated", ["reply", "status"]],
      ["ticket.updated", ["assignment"]],
      ["ticket.created", ["created"]],
      ["ticket.resolved", ["created"]],
      ["contact.logged", "answered"],
    ]);
    const contactBody = webhookPayloadSchemas["contact.logged"].parse(
      JSON.parse((await t.db.webhookDelivery.findFirstOrThrow({ where: { event: "contact.logged" } })).body),
    );
    expect(contactBody.data).toMatchObject({
      contactId: c.contactId,
      reference: c.reference,
      outcome: "answered",
      desk: "po",
    });

    await setWebhookEnabled(t.db, all.id, false, admin());
    await newTicket(t.db, "po");
    expect(await t.db.webhookDelivery.count()).toBe(6);
    // Queued deliveries of a disabled hook wait; enabling sends them.
    expect(await deliverDueWebhooks(t.db, { now: new Date(Date.now() + 1000) })).toMatchObject({ claimed: 0 });
    await setWebhookEnabled(t.db, all.id, true, admin());
    expect(await deliverDueWebhooks(t.db, { now: new Date(Date.now() + 1000) })).toMatchObject({
      claimed: 6,
      delivered: 6,
    });
    expect(r.received.every((x) => x.verified)).toBe(true);
  });
});

describe("transfer, merge and internal notes", () => {
  const rows = async () =>
    (await t.db.webhookDelivery.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((d) => ({
      event: d.event,
      body: JSON.parse(d.body) as { type: string; data: Record<string, unknown> },
    }));

  it("queue ticket.transferred, ticket.merged and ticket.note_added (and ticket.updated for transfer and merge) in the change's transaction", async () => {
    await hook("https://ontvanger.example/hook", [
      "ticket.updated",
      "ticket.transferred",
      "ticket.merged",
      "ticket.note_added",
    ]);
    const email = `wh-${Date.now()}@klimop.test`;
    const a = await newTicket(t.db, "po", { email });
    const b = await newTicket(t.db, "po", { email });
    await t.db.webhookDelivery.deleteMany();

    await replyToTicket(t.db, { user: staff.po, reference: a.reference, kind: "note", body: "Even navragen bij DUO." });
    let got = await rows();
    expect(got.map((r) => r.event)).toEqual(["ticket.note_added"]);
    const note = webhookPayloadSchemas["ticket.note_added"].parse(got[0]!.body);
    expect(note.data).toMatchObject({ reference: a.reference, changes: ["note"] });
    expect(got[0]!.body.data).not.toHaveProperty("body");
    expect(JSON.stringify(got[0]!.body)).not.toContain("navragen");

    await t.db.webhookDelivery.deleteMany();
    const moved = await transferTicket(t.db, {
      user: staff.both,
      reference: a.reference,
      toDesk: "vo-mbo",
      reason: "Uw vraag gaat over het vo.",
    });
    got = await rows();
    expect(got.map((r) => r.event)).toEqual(["ticket.updated", "ticket.transferred"]);
    const transferred = webhookPayloadSchemas["ticket.transferred"].parse(got[1]!.body);
    expect(transferred.data).toMatchObject({
      reference: moved.reference,
      desk: "vo-mbo",
      formerReference: a.reference,
      fromDesk: "po",
      changes: ["transfer"],
    });
    expect(webhookPayloadSchemas["ticket.updated"].parse(got[0]!.body).data).toMatchObject({
      reference: moved.reference,
      changes: ["transfer"],
    });

    await t.db.webhookDelivery.deleteMany();
    await mergeTicket(t.db, { user: staff.both, reference: b.reference, intoReference: moved.reference });
    got = await rows();
    expect(got.map((r) => [r.event, r.body.data.reference])).toEqual([
      ["ticket.updated", b.reference],
      ["ticket.merged", b.reference],
      ["ticket.updated", moved.reference],
    ]);
    expect(webhookPayloadSchemas["ticket.merged"].parse(got[1]!.body).data).toMatchObject({
      status: "closed",
      mergedInto: moved.reference,
      changes: ["merge"],
    });
  });

  it("a note is not a ticket.updated change, and a refused transfer or merge queues nothing", async () => {
    await hook("https://ontvanger.example/hook", ["ticket.updated", "ticket.transferred", "ticket.merged"]);
    const a = await newTicket(t.db, "po");
    const other = await newTicket(t.db, "po", { email: `ander-${Date.now()}@klimop.test` });
    await t.db.webhookDelivery.deleteMany();
    await replyToTicket(t.db, { user: staff.po, reference: a.reference, kind: "note", body: "Alleen intern." });
    await expect(
      transferTicket(t.db, { user: staff.both, reference: a.reference, toDesk: "po", reason: "Verkeerde desk." }),
    ).rejects.toThrow(/al bij deze helpdesk/);
    await expect(
      mergeTicket(t.db, { user: staff.po, reference: a.reference, intoReference: other.reference }),
    ).rejects.toThrow(/Samenvoegen kan niet/);
    expect(await t.db.webhookDelivery.count()).toBe(0);
  });
});

describe("the e-mail channel", () => {
  it("a mail that becomes a ticket queues ticket.created with channel email", async () => {
    await hook("https://ontvanger.example/hook", ["ticket.created", "ticket.updated"]);
    const storage = localFolderStorage(path.join(os.tmpdir(), `wh-mail-${Date.now()}`));
    const r = await receiveMail(
      t.db,
      await composeMail({
        from: "els@klimop.test",
        subject: "Verzuim melden",
        text: "Hoe meld ik verzuim van een leerling?",
        messageId: testMessageId(),
      }),
      {
        storage,
        kick: false,
        recipients: ["po@helpdesk.test"],
      },
    );
    const d = await t.db.webhookDelivery.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(d.map((x) => x.event)).toEqual(["ticket.created"]);
    expect(JSON.parse(d[0]!.body).data).toMatchObject({
      reference: (r as { reference: string }).reference,
      channel: "email",
      changes: ["created"],
    });
  });
});

describe("webhook administration", () => {
  it("register (bad input stores nothing), ping, disable, enable, delete — every change audited", async () => {
    const before = await t.db.webhook.count();
    await expect(
      createWebhook(t.db, { url: "ftp://example.org/x", events: ["ticket.created"] }, admin()),
    ).rejects.toMatchObject({ status: 400, issues: [{ path: "url" }] });
    await expect(
      createWebhook(t.db, { url: "niet een adres", events: ["ticket.created"] }, admin()),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      createWebhook(t.db, { url: "https://user:pw@example.org/x", events: ["ticket.created"] }, admin()),
    ).rejects.toMatchObject({ status: 400 });
    await expect(createWebhook(t.db, { url: "https://example.org/x", events: [] }, admin())).rejects.toMatchObject({
      status: 400,
      issues: [{ path: "events" }],
    });
    await expect(
      createWebhook(t.db, { url: "https://example.org/x", events: ["ticket.deleted" as never] }, admin()),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      createWebhook(t.db, { url: "https://example.org/x", secret: "kort", events: ["ticket.created"] }, admin()),
    ).rejects.toMatchObject({ status: 400, issues: [{ path: "secret" }] });
    expect(await t.db.webhook.count()).toBe(before);

    const r = await receiver((_n, res) => res.writeHead(200).end("pong"));
    cleanups.push(r.close);
    const w = await createWebhook(t.db, { url: r.url, secret: "", events: ["contact.logged"] }, admin());
    expect(w.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(
      JSON.stringify(await t.db.auditEvent.findFirstOrThrow({ where: { action: "webhook.created", entityId: w.id } })),
    ).not.toContain(w.secret);
    await pingWebhook(t.db, w.id, admin());
    await deliverDueWebhooks(t.db, { now: new Date(Date.now() + 1000) });
    expect(
      verifySignature(w.secret, r.received[0]!.headers["x-portal-signature"] as string, r.received[0]!.body).ok,
    ).toBe(true);
    expect(JSON.parse(r.received[0]!.body).type).toBe("webhook.ping");
    await setWebhookEnabled(t.db, w.id, false, admin());
    await expect(pingWebhook(t.db, w.id, admin())).rejects.toMatchObject({ status: 400 });
    await setWebhookEnabled(t.db, w.id, true, admin());
    await deleteWebhook(t.db, w.id, admin());
    expect(await t.db.webhookDelivery.count({ where: { webhookId: w.id } })).toBe(0);
    await expect(deleteWebhook(t.db, w.id, admin())).rejects.toMatchObject({ status: 404 });
    const audit = await t.db.auditEvent.findMany({
      where: { entityType: "webhook", entityId: w.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["webhook.created", admin()],
      ["webhook.pinged", admin()],
      ["webhook.disabled", admin()],
      ["webhook.enabled", admin()],
      ["webhook.deleted", admin()],
    ]);
  });
});
