// Limits on public writes, on a real database: caller replies, wizard funnel events, and the search log
// (settled searches only, a bounded number per visitor) as the content-gap report sees it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";

let t: TestDb;
let limits: typeof import("./public-writes");
let tickets: typeof import("@/app/_modules/tickets/create-ticket") &
  typeof import("@/app/_modules/tickets/caller-service") &
  typeof import("@/app/_modules/tickets/follow-up-link");
let search: typeof import("@/app/_modules/search/service");
let gaps: typeof import("@/app/_modules/articles/gaps");

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "on";
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "..", "..", "..", "content"), demoUsers: false });
  limits = await import("./public-writes");
  tickets = {
    ...(await import("@/app/_modules/tickets/create-ticket")),
    ...(await import("@/app/_modules/tickets/caller-service")),
    ...(await import("@/app/_modules/tickets/follow-up-link")),
  };
  search = await import("@/app/_modules/search/service");
  gaps = await import("@/app/_modules/articles/gaps");
});
afterAll(async () => {
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t.drop();
});

describe("caller replies", () => {
  it("stop at the per-question limit with a clear message, storing nothing more; other questions are not affected", async () => {
    const input = {
      callerType: "vo-school",
      organisation: "School",
      topic: "verzuim-melden",
      question: "Hoe meld ik verzuim van een leerling?",
      name: "Jan",
      email: "jan@school.test",
    } as const;
    const a = await tickets.createTicket(t.db, { input, deskId: "vo-mbo" });
    const b = await tickets.createTicket(t.db, { input, deskId: "vo-mbo" });
    const reply = async (token: string, ip: string) => {
      await limits.limitCallerReply(t.db, { ticketKey: tickets.hashToken(token), ip });
      return tickets.addCallerReply(t.db, token, "Nog een aanvulling.");
    };
    // Rotating addresses does not help: the question itself has a limit.
    for (let i = 0; i < limits.CALLER_REPLY_LIMITS.perTicket; i++) await reply(a.followUpToken, `10.0.0.${i}`);
    const count = () => t.db.message.count({ where: { ticketId: a.id, kind: "caller" } });
    const before = await count();
    await expect(reply(a.followUpToken, "10.0.9.9")).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/veel reacties gestuurd\. Wacht \d+ minuten/),
    });
    expect(await count()).toBe(before);
    await expect(reply(b.followUpToken, "10.0.9.9")).resolves.toBeDefined();
  });

  it("stop at the per-address limit across questions", async () => {
    await t.db.rateLimitHit.deleteMany();
    const err = await (async () => {
      for (let i = 0; i <= limits.CALLER_REPLY_LIMITS.perAddress; i++)
        await limits.limitCallerReply(t.db, { ticketKey: `ticket-${i}`, ip: "10.1.1.1" });
    })().catch((e) => e);
    expect(err).toMatchObject({ status: 429 });
  });
});

describe("wizard funnel events", () => {
  it("stop at the per-address limit", async () => {
    for (let i = 0; i < limits.DEFLECTION_LIMIT.perAddress; i++) await limits.limitDeflection(t.db, { ip: "10.2.2.2" });
    await expect(limits.limitDeflection(t.db, { ip: "10.2.2.2" })).rejects.toMatchObject({
      status: 429,
      headers: { "Retry-After": expect.any(String) },
    });
    await expect(limits.limitDeflection(t.db, { ip: "10.2.2.3" })).resolves.toBeUndefined();
  });
});

describe("the search log", () => {
  it("keeps typeahead fragments out of the content-gap report and logs the submitted search once", async () => {
    await t.db.searchLog.deleteMany();
    const visitor = "10.3.3.3";
    for (const q of ["te", "te la", "te laa", "te laat", "te laat melden"])
      search.logSearch({ query: q, resultCount: 0, source: "autocomplete", visitor });
    search.logSearch({ query: "te laat melden", resultCount: 0, source: "portal", visitor });
    await search.flushSearchLog();
    const rows = await t.db.searchLog.findMany({ select: { query: true, source: true } });
    expect(rows).toEqual([{ query: "te laat melden", source: "portal" }]);
    const report = await gaps.searchesWithoutResults(t.db);
    expect(report.map((r) => r.query)).toEqual(["te laat melden"]);
  });

  it("logs a clicked suggestion at once, with its click", async () => {
    await t.db.searchLog.deleteMany();
    const id = search.logSearch({
      query: "vakantieverlof",
      resultCount: 3,
      source: "autocomplete",
      visitor: "10.4.4.4",
    })!;
    await search.logSearchClick(id, "vakantieverlof");
    expect(await t.db.searchLog.findMany({ select: { query: true, clickedSlug: true } })).toEqual([
      { query: "vakantieverlof", clickedSlug: "vakantieverlof" },
    ]);
  });

  it("logs at most the per-visitor limit, counted in the database; the searches themselves are not refused", async () => {
    await t.db.searchLog.deleteMany();
    const n = limits.SEARCH_LOG_LIMIT.perAddress + 15;
    for (let i = 0; i < n; i++) {
      search.logSearch({ query: `onderwerp ${i}`, resultCount: 0, source: "portal", visitor: "10.5.5.5" });
      if (i % 10 === 9) await search.flushSearchLog(); // several batches
    }
    search.logSearch({ query: "een ander", resultCount: 0, source: "portal", visitor: "10.5.5.6" });
    await search.flushSearchLog();
    expect(await t.db.searchLog.count({ where: { query: { startsWith: "onderwerp" } } })).toBe(
      limits.SEARCH_LOG_LIMIT.perAddress,
    );
    expect(await t.db.searchLog.count({ where: { query: "een ander" } })).toBe(1);
  });
});
