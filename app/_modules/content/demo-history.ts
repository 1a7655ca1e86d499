// A few months of invented history for the demo data: some 350 tickets on both desks over about 17 weeks, from
// every channel (web, api, phone, email), by the demo organisations and about their schools, with replies, notes,
// waits for the caller, transfers, tags, SLA hits and misses, phone contacts and callbacks, plus the searches,
// article feedback and question-analysis runs of those weeks. Deterministic: one seeded PRNG, times relative to
// `now`. Written in one transaction: prepared statements on SQLite, createMany on PostgreSQL (it runs on first start
// and must stay fast).
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { newId } from "@/app/_core/ids";
import { sqliteInsertAll } from "@/app/_core/sqlite-direct";
import type { DeskId } from "@/app/_core/session";
import type { Channel } from "@/app/_modules/tickets/channel";
import {
  DAY,
  HISTORY_DAYS,
  HOUR,
  MIN,
  amsterdamOffset,
  createHistoryContext,
  loadHistoryInputs,
  pick,
  weighted,
  type HistoryContext,
} from "./demo-history-context";
import type { Arrival } from "./demo-history-plan";
import { FEEDBACK_COMMENTS, OUT_OF_SCOPE, QUERIES, ZERO_QUERIES } from "./demo-history-texts";
import { addHistoryTicket } from "./demo-history-ticket";

export { HISTORY_DAYS, prng } from "./demo-history-context";

export type HistoryCounts = { tickets: number; searches: number; feedback: number; runs: number; contacts: number };

/** The moments questions came in, oldest first: a few per working day, now and then one in the weekend. */
function planArrivals(ctx: HistoryContext): Arrival[] {
  const { rng, day0, latest } = ctx;
  const arrivals: Arrival[] = [];
  for (let d = HISTORY_DAYS; d >= 0; d--) {
    const dayStart = day0 - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const n = weekend ? (rng() < 0.3 ? 1 : 0) : 2 + Math.floor(rng() * 5);
    const offset = amsterdamOffset(new Date(dayStart + 12 * HOUR));
    for (let i = 0; i < n; i++) {
      const channel: Channel = weekend
        ? rng() < 0.6
          ? "web"
          : "email"
        : weighted(rng, [
            ["web", 50],
            ["email", 20],
            ["phone", 20],
            ["api", 10],
          ]);
      // Local clock: the phone line is open 09:00–13:00, the rest comes in between 07:30 and 21:30.
      const localMin =
        channel === "phone" ? 9 * 60 + Math.floor(rng() * 235) : 7 * 60 + 30 + Math.floor(rng() * 14 * 60);
      const at = dayStart + localMin * MIN - offset;
      if (at <= latest) arrivals.push({ at, channel });
    }
  }
  arrivals.sort((a, b) => a.at - b.at);
  return arrivals;
}

/** Calls that needed no ticket: out of scope (studiefinanciering, a parent for the wrong desk). */
function outOfScopeCalls(ctx: HistoryContext): void {
  const { rng, day0, agentsOf, contacts } = ctx;
  for (let i = 0; i < 40; i++) {
    const d = 1 + Math.floor(rng() * HISTORY_DAYS);
    const dayStart = day0 - d * DAY;
    const wd = new Date(dayStart).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const startedAt = new Date(
      dayStart + (9 * 60 + Math.floor(rng() * 230)) * MIN - amsterdamOffset(new Date(dayStart + 12 * HOUR)),
    );
    const deskId: DeskId = rng() < 0.5 ? "po" : "vo-mbo";
    const team = agentsOf(deskId);
    contacts.push({
      id: newId(),
      deskId,
      channel: "phone",
      outcome: "out_of_scope",
      agentId: team.length ? pick(rng, team).id : null,
      summary: pick(rng, OUT_OF_SCOPE),
      articleSlugs: "[]",
      startedAt,
      endedAt: new Date(startedAt.getTime() + (2 + Math.floor(rng() * 4)) * MIN),
      createdAt: startedAt,
    });
  }
}

/** Searches, feedback and question-analysis runs of the same weeks. */
function searchesFeedbackRuns(ctx: HistoryContext): void {
  const { rng, day0, articles, searches, runs, feedback } = ctx;
  const slugs = new Set(articles.map((a) => a.slug));
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const dayStart = day0 - d * DAY;
    const wd = new Date(dayStart).getUTCDay();
    const weekend = wd === 0 || wd === 6;
    const n = weekend ? Math.floor(rng() * 3) : 4 + Math.floor(rng() * 6);
    for (let i = 0; i < n; i++) {
      const createdAt = new Date(dayStart + (7 + rng() * 14) * HOUR);
      if (rng() < 0.2) {
        const q = pick(rng, ZERO_QUERIES);
        searches.push({ id: newId(), query: q, normalized: q, resultCount: 0, source: "portal", createdAt });
      } else {
        const [q, clicked] = pick(rng, QUERIES);
        const slugClicked = clicked && slugs.has(clicked) && rng() < 0.6 ? clicked : null;
        searches.push({
          id: newId(),
          query: q,
          normalized: q,
          resultCount: 1 + Math.floor(rng() * 8),
          clickedSlug: slugClicked,
          source: rng() < 0.85 ? "portal" : "wizard",
          createdAt,
        });
      }
    }
    for (let i = 0, m = weekend ? 1 : 2 + Math.floor(rng() * 4); i < m; i++) {
      const createdAt = new Date(dayStart + (7 + rng() * 14) * HOUR);
      const shown = Math.floor(rng() * 4);
      const outcome =
        shown === 0
          ? "submitted"
          : weighted(rng, [
              ["answered", 4],
              ["submitted", 4],
              ["abandoned", 2],
            ] as const);
      runs.push({
        id: `demo-history-run-${HISTORY_DAYS - d}-${i}`,
        suggestionsShown: shown,
        articlesOpened: shown ? Math.floor(rng() * (shown + 1)) : 0,
        outcome,
        createdAt,
        updatedAt: new Date(createdAt.getTime() + 4 * MIN),
      });
    }
    if (articles.length && rng() < 0.8) {
      const helpful = rng() < 0.72;
      feedback.push({
        id: newId(),
        articleId: pick(rng, articles).id,
        helpful,
        comment: rng() < 0.25 ? pick(rng, FEEDBACK_COMMENTS) : null,
        createdAt: new Date(dayStart + (8 + rng() * 12) * HOUR),
      });
    }
  }
}

/** Writes the collected rows (and the ticket counters) in one transaction. */
async function writeHistory(db: Db, ctx: HistoryContext, opts: { sqliteUrl?: string }): Promise<HistoryCounts> {
  const { now, next, requesters, tickets, messages, formers, ticketTags, audits, mails, contacts, callbacks } = ctx;
  const { inbound, searches, runs, feedback } = ctx;
  const tagNames = [...new Set(ticketTags.map((t) => t.tag))].sort();
  const existingTags = await db.tag.findMany({ where: { name: { in: tagNames } }, select: { id: true, name: true } });
  const tagIds = new Map(existingTags.map((t) => [t.name, t.id]));
  const newTags = tagNames.filter((n) => !tagIds.has(n)).map((name) => ({ id: newId(), name, createdAt: now }));
  for (const t of newTags) tagIds.set(t.name, t.id);

  const tables = [
    { table: "Requester", rows: requesters },
    { table: "Ticket", rows: tickets },
    { table: "Message", rows: messages },
    { table: "TicketFormerReference", rows: formers },
    { table: "Tag", rows: newTags },
    { table: "TicketTag", rows: ticketTags.map((t) => ({ ticketId: t.ticketId, tagId: tagIds.get(t.tag)! })) },
    { table: "AuditEvent", rows: audits },
    { table: "MailOutbox", rows: mails },
    { table: "Contact", rows: contacts },
    { table: "Callback", rows: callbacks },
    { table: "InboundMail", rows: inbound },
    { table: "SearchLog", rows: searches },
    { table: "DeflectionRun", rows: runs },
    { table: "ArticleFeedback", rows: feedback },
  ];
  const counterRows = [...next].map(([k, value]) => {
    const [deskId, year] = k.split(":") as [string, string];
    return { deskId, year: Number(year), value };
  });
  if (opts.sqliteUrl) {
    // The embedded default: prepared statements in one transaction (Prisma's createMany costs ms per row here).
    sqliteInsertAll(opts.sqliteUrl, tables, (conn) => {
      const st = conn.prepare(
        'INSERT INTO "TicketCounter" ("deskId", "year", "value") VALUES (?, ?, ?) ON CONFLICT ("deskId", "year") DO UPDATE SET "value" = excluded."value"',
      );
      for (const c of counterRows) st.run(c.deskId, c.year, c.value);
    });
  } else {
    // PostgreSQL (tests): createMany in one transaction, with room for a slow machine.
    await db.$transaction(
      async (tx) => {
        await tx.requester.createMany({ data: requesters });
        await tx.ticket.createMany({ data: tickets });
        await tx.message.createMany({ data: messages });
        await tx.ticketFormerReference.createMany({ data: formers });
        await tx.tag.createMany({ data: newTags });
        await tx.ticketTag.createMany({ data: tables[5]!.rows as Prisma.TicketTagCreateManyInput[] });
        await tx.auditEvent.createMany({ data: audits });
        await tx.mailOutbox.createMany({ data: mails });
        await tx.contact.createMany({ data: contacts });
        await tx.callback.createMany({ data: callbacks });
        await tx.inboundMail.createMany({ data: inbound });
        await tx.searchLog.createMany({ data: searches });
        await tx.deflectionRun.createMany({ data: runs });
        await tx.articleFeedback.createMany({ data: feedback });
        for (const c of counterRows)
          await tx.ticketCounter.upsert({
            where: { deskId_year: { deskId: c.deskId, year: c.year } },
            create: c,
            update: { value: c.value },
          });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
  return {
    tickets: tickets.length,
    searches: searches.length,
    feedback: feedback.length,
    runs: runs.length,
    contacts: contacts.length,
  };
}

/** Writes the demo history before `now` (tickets end at least an hour before it). Returns what it made. */
export async function seedDemoHistory(
  db: Db,
  now: Date,
  opts: { sqliteUrl?: string; seed?: number } = {},
): Promise<HistoryCounts> {
  const inputs = await loadHistoryInputs(db);
  if (!inputs) return { tickets: 0, searches: 0, feedback: 0, runs: 0, contacts: 0 };
  const ctx = createHistoryContext(inputs, now, opts.seed ?? 2026);
  for (const arrival of planArrivals(ctx)) addHistoryTicket(ctx, arrival);
  outOfScopeCalls(ctx);
  searchesFeedbackRuns(ctx);
  return writeHistory(db, ctx, opts);
}
