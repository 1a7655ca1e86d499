// Queue views, filters, counts and keyset paging against a real database.
import { CHANNELS, type Channel } from "./channel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { riskThreshold } from "./desk-sla";
import { QUEUE_SORTS, QUEUE_VIEWS, type QueueFilters, type QueueSort, type QueueView } from "./desk-schema";
import { insertTicket, seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { listQueue, sortSpec } from "./queue";

let t: TestDb;
let staff: Staff;
const T0 = new Date("2026-03-02T08:00:00Z"); // Monday 09:00 in Amsterdam
const NOW = new Date("2026-03-02T10:00:00Z"); // Monday 11:00
const HOURS = { days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" };
const min = (n: number) => n * 60_000;

type Seeded = {
  id: string;
  deskId: DeskId;
  status: string;
  topic: string | null;
  sector: string | null;
  callerType: string;
  assigneeId: string | null;
  channel: Channel;
  createdAt: Date;
  updatedAt: Date;
  resolutionDueAt: Date | null;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  tags: string[];
};
const seeded: Seeded[] = [];
const STATUSES = ["new", "open", "waiting", "resolved", "closed", "open", "new"];
const TOPICS = ["verzuim-melden", "bron-registratie", null];

beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
  const spoed = await t.db.tag.create({ data: { name: "spoed" } });
  for (let i = 0; i < 90; i++) {
    const deskId: DeskId = i % 3 === 0 ? "vo-mbo" : "po";
    const s: Omit<Seeded, "id"> = {
      deskId,
      status: STATUSES[i % STATUSES.length]!,
      topic: TOPICS[i % 3]!,
      sector: i % 4 === 0 ? "po" : i % 4 === 1 ? "vo" : null,
      callerType: i % 2 ? "po-school" : "municipality",
      channel: CHANNELS[i % CHANNELS.length]!,
      assigneeId: i % 5 === 0 ? staff.po.id : i % 5 === 1 ? staff.both.id : null,
      // Many ties on purpose: the id must break them, or pages would skip or repeat tickets.
      createdAt: new Date(T0.getTime() - min(Math.floor(i / 3))),
      updatedAt: new Date(T0.getTime() + min(i % 4)),
      resolutionDueAt: i % 11 === 0 ? null : new Date(T0.getTime() + min(30 * (i % 7))),
      firstResponseDueAt: new Date(T0.getTime() + min(45 * (i % 5))),
      firstRespondedAt: i % 2 === 0 ? T0 : null,
      tags: i % 4 === 3 ? ["spoed"] : [],
    };
    const row = await insertTicket(t.db, s);
    if (s.tags.length) await t.db.ticketTag.create({ data: { ticketId: row.id, tagId: spoed.id } });
    seeded.push({ ...s, id: row.id });
  }
  // A merged ticket never shows in a queue.
  await insertTicket(t.db, { deskId: "po", status: "closed", mergedIntoId: seeded[1]!.id });
});
afterAll(async () => {
  await t?.drop();
});

const threshold = riskThreshold(NOW, HOURS);
const inView = (v: QueueView, userId: string) => (s: Seeded) => {
  switch (v) {
    case "nieuw":
      return s.status === "new";
    case "open":
      return s.status === "open";
    case "wacht":
      return s.status === "waiting";
    case "mijn":
      return s.assigneeId === userId && ["new", "open", "waiting"].includes(s.status);
    case "opgelost":
      return ["resolved", "closed"].includes(s.status);
    case "sla-risico":
      return (
        ["new", "open"].includes(s.status) &&
        ((s.resolutionDueAt !== null && s.resolutionDueAt < threshold) ||
          (s.firstRespondedAt === null && s.firstResponseDueAt !== null && s.firstResponseDueAt < threshold))
      );
  }
};
const matches = (f: QueueFilters, userId: string) => (s: Seeded) =>
  (!f.status || f.status.includes(s.status as never)) &&
  (!f.topic || s.topic === f.topic) &&
  (!f.sector || s.sector === f.sector) &&
  (!f.callerType || s.callerType === f.callerType) &&
  (!f.channel || s.channel === f.channel) &&
  (!f.tag || s.tags.includes(f.tag)) &&
  (!f.assignee || s.assigneeId === (f.assignee === "none" ? null : f.assignee === "me" ? userId : f.assignee));

async function walk(opts: Parameters<typeof listQueue>[1], limit = 7) {
  const ids: string[] = [];
  const rows: Awaited<ReturnType<typeof listQueue>>["items"] = [];
  let cursor: string | null = opts.cursor ?? null;
  let pages = 0;
  do {
    const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(t.db, {
      ...opts,
      cursor,
      limit,
      withCounts: pages === 0,
      now: NOW,
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    rows.push(...page.items);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    if (++pages > 100) throw new Error("cursor walk does not end");
  } while (cursor);
  return { ids, rows };
}

/** Sort values are in order (nulls last); ties are left to the database's id order. */
function expectOrdered(
  rows: { resolutionDueAt: Date | null; createdAt: Date; updatedAt: Date }[],
  sort: QueueSort,
  direction?: "asc" | "desc",
) {
  const spec = sortSpec(sort, direction);
  const values = rows.map((r) => r[spec.field]);
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1]!;
    const b = values[i];
    if (a === null) expect(b, `null before a value at ${i}`).toBeNull();
    else if (b !== null && b !== undefined) {
      if (spec.direction === "asc") expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
      else expect(b.getTime()).toBeLessThanOrEqual(a.getTime());
    }
  }
}

describe("listQueue", () => {
  for (const view of QUEUE_VIEWS) {
    for (const sort of QUEUE_SORTS) {
      for (const direction of [undefined, "desc"] as const) {
        it(`${view}, sorted by ${sort}${direction ? ` ${direction}` : ""}: a cursor walk returns every ticket once, in order`, async () => {
          const user = staff.admin;
          const expected = seeded.filter(inView(view, user.id));
          const { ids, rows } = await walk({ user, view, sort, direction });
          expect(new Set(ids).size).toBe(ids.length);
          expect(new Set(ids)).toEqual(new Set(expected.map((s) => s.id)));
          expectOrdered(rows, sort, direction);
        });
      }
    }
  }

  it("the expected views are not empty (the walk test would prove little otherwise)", () => {
    for (const v of QUEUE_VIEWS) expect(seeded.filter(inView(v, staff.po.id)).length, v).toBeGreaterThan(2);
  });

  it("counts per view follow the desk and the filters (except status)", async () => {
    const cases: { desk?: DeskId; filters: QueueFilters }[] = [
      { filters: {} },
      { desk: "po", filters: {} },
      { desk: "vo-mbo", filters: { topic: "verzuim-melden" } },
      { filters: { tag: "spoed", callerType: "po-school" } },
      { desk: "po", filters: { sector: "vo", status: ["open"] } },
    ];
    for (const c of cases) {
      const r = await listQueue(t.db, {
        user: staff.admin,
        desk: c.desk,
        view: "open",
        filters: c.filters,
        now: NOW,
        limit: 100,
      });
      const pool = seeded.filter(
        (s) => (!c.desk || s.deskId === c.desk) && matches({ ...c.filters, status: undefined }, staff.admin.id)(s),
      );
      const expected = Object.fromEntries(QUEUE_VIEWS.map((v) => [v, pool.filter(inView(v, staff.admin.id)).length]));
      expect(r.counts, JSON.stringify(c)).toEqual(expected);
      expect(r.items.length).toBe(
        pool.filter(inView("open", staff.admin.id)).filter(matches(c.filters, staff.admin.id)).length,
      );
    }
  });

  const filterCases: [QueueView, QueueFilters][] = [
    ["open", { topic: "bron-registratie" }],
    ["nieuw", { sector: "po" }],
    ["opgelost", { status: ["closed"] }],
    ["opgelost", { callerType: "municipality", status: ["resolved"] }],
    ["open", { tag: "spoed" }],
    ["open", { channel: "phone" }],
    ["opgelost", { channel: "api", status: ["resolved"] }],
    ["open", { assignee: "none" }],
    ["nieuw", { assignee: "me" }],
    ["wacht", { assignee: "" as never }],
  ];
  for (const [view, filters] of filterCases) {
    it(`filters ${view} by ${JSON.stringify(filters)}`, async () => {
      const user = staff.po;
      if (filters.assignee === "") {
        await expect(listQueue(t.db, { user, view, filters, now: NOW })).rejects.toBeInstanceOf(ValidationError);
        return;
      }
      const { ids } = await walk({ user, view, filters });
      const expected = seeded.filter(
        (s) => s.deskId === "po" && inView(view, user.id)(s) && matches(filters, user.id)(s),
      );
      expect(new Set(ids)).toEqual(new Set(expected.map((s) => s.id)));
      expect(ids.length).toBeGreaterThan(0);
    });
  }

  it("'Mijn tickets' holds the user's own open work", async () => {
    const { ids } = await walk({ user: staff.both, view: "mijn" });
    expect(new Set(ids)).toEqual(new Set(seeded.filter(inView("mijn", staff.both.id)).map((s) => s.id)));
  });

  it("scopes by desk: agents see their desks, admins both, editors nothing", async () => {
    const all = async (user: Staff[keyof Staff], desk?: DeskId) =>
      (await walk({ user, view: "opgelost", desk })).ids.length;
    const count = (d?: DeskId) => seeded.filter((s) => (!d || s.deskId === d) && inView("opgelost", "")(s)).length;
    expect(await all(staff.po)).toBe(count("po"));
    expect(await all(staff.ipo)).toBe(count("vo-mbo"));
    expect(await all(staff.po, "vo-mbo")).toBe(0);
    expect(await all(staff.both)).toBe(count());
    expect(await all(staff.both, "vo-mbo")).toBe(count("vo-mbo"));
    expect(await all(staff.admin)).toBe(count());
    expect(await all(staff.editor)).toBe(0);
    const editor = await listQueue(t.db, { user: staff.editor, view: "open", now: NOW });
    expect(Object.values(editor.counts!).every((n) => n === 0)).toBe(true);
  });

  it("items carry tags, assignee and SLA badges", async () => {
    const r = await listQueue(t.db, { user: staff.admin, view: "sla-risico", now: NOW, limit: 100 });
    expect(r.items.length).toBeGreaterThan(0);
    expect(
      r.items.every(
        (i) => i.sla.resolution === "breached" || i.sla.resolution === "at-risk" || i.sla.firstResponse !== "ok",
      ),
    ).toBe(true);
    const tagged = await listQueue(t.db, { user: staff.admin, view: "open", filters: { tag: "spoed" }, now: NOW });
    expect(tagged.items.every((i) => i.tags.includes("spoed"))).toBe(true);
  });

  it("rejects a damaged cursor, a cursor of another sort, and bad filters with a 400", async () => {
    const first = await listQueue(t.db, { user: staff.admin, view: "opgelost", sort: "created", limit: 2, now: NOW });
    expect(first.nextCursor).toBeTruthy();
    await expect(
      listQueue(t.db, { user: staff.admin, view: "opgelost", sort: "updated", cursor: first.nextCursor }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(listQueue(t.db, { user: staff.admin, view: "opgelost", cursor: "bm9wZQ" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(listQueue(t.db, { user: staff.admin, view: "alles" as never })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(listQueue(t.db, { user: staff.admin, filters: { sector: "hbo" } as never })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(listQueue(t.db, { user: staff.admin, limit: 1000 })).rejects.toBeInstanceOf(ValidationError);
  });

  it("a ticket added mid-walk never makes the walk repeat or skip the others", async () => {
    const first = await listQueue(t.db, { user: staff.admin, view: "open", sort: "created", limit: 5, now: NOW });
    const extra = await insertTicket(t.db, {
      deskId: "po",
      status: "open",
      createdAt: new Date(T0.getTime() - min(10_000)),
    }); // sorts first
    try {
      const rest = await walk({ user: staff.admin, view: "open", sort: "created", cursor: first.nextCursor }, 5);
      const ids = [...first.items.map((i) => i.id), ...rest.ids];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).not.toContain(extra.id);
      expect(new Set(ids)).toEqual(new Set(seeded.filter(inView("open", "")).map((s) => s.id)));
    } finally {
      await t.db.ticket.delete({ where: { id: extra.id } });
    }
  });
});
