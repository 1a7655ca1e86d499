// buildReport against a real database (SQLite by default, PostgreSQL with TEST_DB=postgres).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { SessionUser } from "@/app/_core/session";
import { ValidationError } from "@/app/_core/errors";
import { buildReport, csvFileName, isReportSection, REPORT_SECTIONS, reportToCsv, type Report } from "./service";

const H = 3_600_000;
const HOURS = JSON.stringify({ days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" });
const NOW = new Date("2026-03-20T12:00:00Z");
const PERIOD = { from: "2026-03-02", to: "2026-03-15" }; // ISO weeks 2026-W10 and 2026-W11 (CET, UTC+1)

const admin: SessionUser = { id: "u-admin", email: "a@example.nl", name: "Admin", role: "admin", desks: [] };
const poAgent: SessionUser = { id: "u-po", email: "po@example.nl", name: "Agent PO", role: "agent", desks: ["po"] };
const editor: SessionUser = { id: "u-ed", email: "ed@example.nl", name: "Redacteur", role: "editor", desks: [] };

let t: TestDb;
let n = 0;

type Seed = {
  desk: "po" | "vo-mbo";
  createdAt: string;
  status?: string;
  sector?: string | null;
  callerType?: string;
  topic?: string | null;
  firstResponseDueAt?: string;
  resolutionDueAt?: string;
  firstRespondedAt?: string;
  resolvedAt?: string;
  slaPausedMs?: number;
  slaPausedAt?: string;
  mergedIntoId?: string;
  tags?: string[];
  organisationId?: string;
  schoolId?: string;
  replyAt?: string;
};

async function ticket(s: Seed): Promise<string> {
  n++;
  const d = (v?: string) => (v ? new Date(v) : null);
  const row = await t.db.ticket.create({
    data: {
      reference: `T-${n}`,
      deskId: s.desk,
      year: 2026,
      number: n,
      subject: `Vraag ${n}`,
      status: s.status ?? "open",
      sector: s.sector === undefined ? "po" : s.sector,
      callerType: s.callerType ?? "po-school",
      topic: s.topic === undefined ? "verzuim-melden" : s.topic,
      requesterId: "req-1",
      followUpTokenHash: `hash-${n}`,
      createdAt: new Date(s.createdAt),
      firstResponseDueAt: d(s.firstResponseDueAt),
      resolutionDueAt: d(s.resolutionDueAt),
      firstRespondedAt: d(s.firstRespondedAt),
      resolvedAt: d(s.resolvedAt),
      closedAt: s.status === "closed" ? d(s.resolvedAt) : null,
      slaPausedMs: s.slaPausedMs ?? 0,
      slaPausedAt: d(s.slaPausedAt),
      mergedIntoId: s.mergedIntoId ?? null,
      organisationId: s.organisationId ?? null,
      schoolId: s.schoolId ?? null,
      messages: {
        create: [
          { kind: "caller", body: "Mijn vraag is…", createdAt: new Date(s.createdAt) },
          ...(s.replyAt ? [{ kind: "reply", body: "Ons antwoord", createdAt: new Date(s.replyAt) }] : []),
        ],
      },
    },
  });
  for (const name of s.tags ?? []) {
    const tag = await t.db.tag.upsert({ where: { name }, create: { name }, update: {} });
    await t.db.ticketTag.create({ data: { ticketId: row.id, tagId: tag.id } });
  }
  return row.id;
}

beforeAll(async () => {
  t = await createTestDb();
  for (const [id, shortName, prefix] of [
    ["po", "BRON PO", "PO"],
    ["vo-mbo", "IPO", "IPO"],
  ] as const) {
    await t.db.desk.create({
      data: {
        id,
        name: shortName,
        shortName,
        referencePrefix: prefix,
        serves: "scholen",
        phone: "050",
        phoneHref: "+3150",
        hours: HOURS,
      },
    });
  }
  await t.db.setting.create({
    data: {
      key: "taxonomy",
      value: JSON.stringify({
        hash: "x",
        taxonomy: {
          topics: [
            { id: "verzuim-melden", label: "Verzuim melden" },
            { id: "verlof", label: "Verlof" },
          ],
        },
      }),
    },
  });
  await t.db.requester.create({
    data: { id: "req-1", name: "Juf", email: "juf@school.nl", callerType: "po-school", organisation: "School" },
  });

  // The asking organisations and the schools concerned (a municipality asks on behalf of two schools).
  const org = async (kind: string, name: string, code: string, sector: string | null = null) =>
    (await t.db.organisation.create({ data: { kind, name, code, sector, searchText: name.toLowerCase() } })).id;
  const kompas = await org("school", "OBS Het Kompas", "31EF", "po");
  const nassau = await org("school", "Dr. Nassau College", "33EH", "vo");
  const assen = await org("gemeente", "Gemeente Assen", "GM0106");

  // T1 po, Mon 10:00 → answered 11:00 (1 h), resolved Tue 10:00 (4 h); both in time.
  const t1 = await ticket({
    desk: "po",
    createdAt: "2026-03-02T09:00:00Z",
    status: "resolved",
    firstRespondedAt: "2026-03-02T10:00:00Z",
    resolvedAt: "2026-03-03T09:00:00Z",
    firstResponseDueAt: "2026-03-03T09:00:00Z",
    resolutionDueAt: "2026-03-09T09:00:00Z",
    tags: ["verzuim"],
    organisationId: kompas,
  });
  // T2 po, Tue 12:00 → answered Thu 10:00 (6 h), late; still open past its resolution due time.
  await ticket({
    desk: "po",
    createdAt: "2026-03-03T11:00:00Z",
    topic: "verlof",
    firstRespondedAt: "2026-03-05T09:00:00Z",
    firstResponseDueAt: "2026-03-04T11:00:00Z",
    resolutionDueAt: "2026-03-10T11:00:00Z",
    tags: ["verlof", "verzuim"],
    organisationId: assen,
    schoolId: kompas,
  });
  // T3 vo-mbo, Mon 09:30, firstRespondedAt missing but a reply at 10:30 (1 h); waiting for the caller past the frozen due time.
  await ticket({
    desk: "vo-mbo",
    createdAt: "2026-03-09T08:30:00Z",
    status: "waiting",
    sector: "vo",
    callerType: "vo-school",
    replyAt: "2026-03-09T09:30:00Z",
    firstResponseDueAt: "2026-03-10T08:30:00Z",
    resolutionDueAt: "2026-03-16T08:30:00Z",
    slaPausedAt: "2026-03-09T09:30:00Z",
    organisationId: nassau,
  });
  // T4 vo-mbo, Mon 00:30 local (Sunday in UTC) → answered 09:30 (0.5 h); closed Wed 09:30 after 2 h waiting: 8.5 − 2 = 6.5 h.
  await ticket({
    desk: "vo-mbo",
    createdAt: "2026-03-01T23:30:00Z",
    status: "closed",
    sector: null,
    callerType: "municipality",
    topic: null,
    firstRespondedAt: "2026-03-02T08:30:00Z",
    resolvedAt: "2026-03-04T08:30:00Z",
    slaPausedMs: 2 * H,
    firstResponseDueAt: "2026-03-02T12:00:00Z",
    resolutionDueAt: "2026-03-09T10:00:00Z",
    organisationId: assen,
    schoolId: nassau,
  });
  // T5 vo-mbo, Fri 12:00, never answered: first response breached, resolution not yet due.
  await ticket({
    desk: "vo-mbo",
    createdAt: "2026-03-13T11:00:00Z",
    status: "new",
    sector: "mbo",
    callerType: "mbo-institution",
    firstResponseDueAt: "2026-03-16T11:00:00Z",
    resolutionDueAt: "2026-04-01T11:00:00Z",
  });
  // T6 po, closed without an answer (no first response to judge), resolved after 0.5 h.
  await ticket({
    desk: "po",
    createdAt: "2026-03-04T09:00:00Z",
    status: "closed",
    resolvedAt: "2026-03-04T09:30:00Z",
    firstResponseDueAt: "2026-03-05T09:00:00Z",
    resolutionDueAt: "2026-03-11T09:00:00Z",
    organisationId: kompas,
  });
  // Left out: merged into T1, and created just outside the period on either side (Amsterdam days).
  await ticket({
    desk: "po",
    createdAt: "2026-03-02T10:00:00Z",
    mergedIntoId: t1,
    tags: ["spam"],
    organisationId: kompas,
  });
  await ticket({
    desk: "po",
    createdAt: "2026-03-15T23:30:00Z",
    tags: ["spam"],
    organisationId: assen,
    schoolId: kompas,
  });
  await ticket({ desk: "po", createdAt: "2026-03-01T22:30:00Z" });

  const runs: [string, number, number, string, string, string?][] = [
    ["r1", 3, 1, "submitted", "2026-03-02T10:00:00Z"],
    ["r2", 2, 2, "answered", "2026-03-03T10:00:00Z"],
    ["r3", 1, 0, "abandoned", "2026-03-10T10:00:00Z"],
    ["r4", 2, 0, "open", "2026-03-11T10:00:00Z"], // left long ago → abandoned
    ["r5", 0, 0, "submitted", "2026-03-11T10:00:00Z"], // no suggestions: not part of deflection
    ["r6", 2, 1, "answered", "2026-02-20T10:00:00Z"], // outside the period
    ["r7", 1, 0, "open", "2026-03-15T10:00:00Z", "2026-03-20T11:50:00Z"], // still busy
  ];
  for (const [id, suggestionsShown, articlesOpened, outcome, createdAt, updatedAt] of runs) {
    await t.db.deflectionRun.create({
      data: {
        id,
        suggestionsShown,
        articlesOpened,
        outcome,
        createdAt: new Date(createdAt),
        updatedAt: new Date(updatedAt ?? createdAt),
      },
    });
  }

  const searches: [string, number, string][] = [
    ["verlof aanvragen", 0, "2026-03-02T10:00:00Z"],
    ["verlof aanvragen", 0, "2026-03-05T10:00:00Z"],
    ["verlof aanvragen", 0, "2026-03-12T10:00:00Z"],
    ["bsn", 0, "2026-03-03T10:00:00Z"],
    ["bsn", 0, "2026-03-04T10:00:00Z"],
    ["bsn", 0, "2026-02-01T10:00:00Z"], // outside
    ["=cmd|' /c calc'!a0", 0, "2026-03-06T10:00:00Z"],
    ["ziek", 5, "2026-03-06T10:00:00Z"],
  ];
  for (const [q, resultCount, createdAt] of searches) {
    await t.db.searchLog.create({ data: { query: q, normalized: q, resultCount, createdAt: new Date(createdAt) } });
  }
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe(`buildReport (${process.env.TEST_DB === "postgres" ? "postgres" : "sqlite"})`, () => {
  let report: Report;
  beforeAll(async () => {
    report = await buildReport(t.db, { user: admin, ...PERIOD, now: NOW });
  });

  it("covers the period in Amsterdam weeks", () => {
    expect(report.period).toEqual(PERIOD);
    expect(report.weeks.map((w) => w.key)).toEqual(["2026-W10", "2026-W11"]);
    expect(report.weeks[0]).toMatchObject({ start: "2026-03-02", label: "wk 10" });
    expect(report.desks).toEqual([
      { id: "po", label: "BRON PO" },
      { id: "vo-mbo", label: "IPO" },
    ]);
  });

  it("computes first response and resolution in business hours", () => {
    const k = report.kpis;
    expect(k.created).toBe(6);
    expect(k.answered).toBe(4);
    expect(k.firstResponse).toEqual({ count: 4, medianMs: 1 * H, p90Ms: 6 * H });
    expect(k.resolved).toBe(3);
    expect(k.resolution).toEqual({ count: 3, medianMs: 4 * H, p90Ms: 6.5 * H });
  });

  it("tallies SLA compliance (open past due is breached, paused is pending)", () => {
    expect(report.kpis.slaFirstResponse).toEqual({ met: 3, breached: 2, pending: 0, rate: 0.6 });
    expect(report.kpis.slaResolution).toEqual({ met: 3, breached: 1, pending: 2, rate: 0.75 });
  });

  it("splits figures per desk and per week", () => {
    const po = report.kpisByDesk.find((d) => d.desk === "po")!.kpis;
    expect(po.created).toBe(3);
    expect(po.firstResponse.medianMs).toBe(3.5 * H);
    expect(report.weekly.map((w) => w.created)).toEqual([4, 2]);
    expect(report.weekly[1]!.firstResponse).toEqual({ count: 1, medianMs: 1 * H, p90Ms: 1 * H });
  });

  it("counts tickets per week per desk, sector, caller type, topic and tag", () => {
    const rows = (d: keyof Report["volume"]) =>
      Object.fromEntries(report.volume[d].rows.map((r) => [r.key, r.perWeek]));
    expect(rows("desk")).toEqual({ po: [3, 0], "vo-mbo": [1, 2] });
    expect(rows("sector")).toEqual({ po: [3, 0], vo: [0, 1], mbo: [0, 1], "": [1, 0] });
    expect(report.volume.sector.rows.find((r) => r.key === "")!.label).toBe("Niet ingevuld");
    expect(rows("callerType")).toMatchObject({
      "po-school": [3, 0],
      "vo-school": [0, 1],
      municipality: [1, 0],
      "mbo-institution": [0, 1],
      other: [0, 0],
    });
    expect(report.volume.callerType.rows[0]).toMatchObject({ key: "po-school", label: "Basisschool (po)", total: 3 });
    expect(report.volume.topic.rows.map((r) => [r.label, r.total])).toEqual([
      ["Verzuim melden", 4],
      ["Niet ingevuld", 1],
      ["Verlof", 1],
    ]);
    expect(report.volume.tag.rows.map((r) => [r.label, r.perWeek])).toEqual([
      ["verzuim", [2, 0]],
      ["verlof", [1, 0]],
    ]);
  });

  it("counts tickets per asking organisation and per school concerned, most first, with their codes", async () => {
    const rows = (b: Report["volume"]["organisation"]) => b.rows.map((r) => [r.label, r.code, r.total, r.perWeek]);
    // Ties in alphabetical order; merged tickets and tickets outside the period are left out; unlinked ones too.
    expect(rows(report.volume.organisation)).toEqual([
      ["Gemeente Assen", "GM0106", 2, [2, 0]],
      ["OBS Het Kompas", "31EF", 2, [2, 0]],
      ["Dr. Nassau College", "33EH", 1, [0, 1]],
    ]);
    expect(rows(report.volume.school)).toEqual([
      ["Dr. Nassau College", "33EH", 1, [1, 0]],
      ["OBS Het Kompas", "31EF", 1, [1, 0]],
    ]);
    expect(report.volume.organisation.title).toBe("Tickets per organisatie");
    // An agent of one desk sees only that desk's tickets, also here.
    const po = await buildReport(t.db, { user: poAgent, ...PERIOD, now: NOW });
    expect(rows(po.volume.organisation)).toEqual([
      ["OBS Het Kompas", "31EF", 2, [2, 0]],
      ["Gemeente Assen", "GM0106", 1, [1, 0]],
    ]);
    expect(rows(po.volume.school)).toEqual([["OBS Het Kompas", "31EF", 1, [1, 0]]]);
    expect(reportToCsv(report, "organisation").split("\r\n").slice(0, 3)).toEqual([
      "\uFEFFOrganisatie;Code;Totaal;2026-W10;2026-W11",
      "Gemeente Assen;GM0106;2;2;0",
      "OBS Het Kompas;31EF;2;2;0",
    ]);
    expect(reportToCsv(report, "school").split("\r\n")[1]).toBe("Dr. Nassau College;33EH;1;1;0");
    expect(csvFileName(report, "school")).toBe("rapportage-tickets-per-school-2026-03-02-tot-2026-03-15.csv");
  });

  it("measures deflection by the question analysis", () => {
    const d = report.deflection;
    expect(d).toMatchObject({
      runs: 6,
      withSuggestions: 5,
      withoutTicket: 3,
      rate: 0.75,
      runsWithArticleOpened: 2,
      articlesOpened: 3,
      outcomes: { submitted: 1, answered: 1, abandoned: 2, open: 1 },
    });
    expect(d.weekly.map((w) => [w.withSuggestions, w.withoutTicket, w.submitted])).toEqual([
      [2, 1, 1],
      [3, 2, 0],
    ]);
  });

  it("lists the top searches without results", () => {
    expect(report.searches).toMatchObject({ total: 7, zeroResults: 6 });
    expect(report.searches.zeroRate).toBeCloseTo(6 / 7);
    expect(report.searches.top.map((s) => [s.query, s.count])).toEqual([
      ["verlof aanvragen", 3],
      ["bsn", 2],
      ["=cmd|' /c calc'!a0", 1],
    ]);
    expect(report.searches.top[0]!.lastSearchedAt).toBe("2026-03-12T10:00:00.000Z");
  });

  it("shows an agent only their own desks", async () => {
    const r = await buildReport(t.db, { user: poAgent, ...PERIOD, now: NOW });
    expect(r.desks.map((d) => d.id)).toEqual(["po"]);
    expect(r.kpis.created).toBe(3);
    expect(r.volume.desk.rows.map((x) => x.key)).toEqual(["po"]);
    expect(r.volume.tag.rows.map((x) => x.key).length).toBe(2);
    // Asking for another desk gives nothing rather than that desk's figures.
    const other = await buildReport(t.db, { user: poAgent, ...PERIOD, desks: ["vo-mbo"], now: NOW });
    expect(other.kpis.created).toBe(0);
    expect(other.desks).toEqual([]);
    const none = await buildReport(t.db, { user: editor, ...PERIOD, now: NOW });
    expect(none.kpis.created).toBe(0);
  });

  it("gives the same figures when reading in small batches", async () => {
    for (const batchSize of [1, 2, 5]) {
      expect(await buildReport(t.db, { user: admin, ...PERIOD, now: NOW, batchSize })).toEqual(report);
    }
  });

  it("narrows to a chosen desk", async () => {
    const r = await buildReport(t.db, { user: admin, ...PERIOD, desks: ["vo-mbo"], now: NOW });
    expect(r.kpis.created).toBe(3);
    expect(r.kpis.firstResponse.medianMs).toBe(0.75 * H);
  });

  it.each([
    [{ from: "2026-03-15", to: "2026-03-02" }, "to"],
    [{ from: "2025-01-01", to: "2026-03-02" }, "from"],
    [{ from: "2026-02-30", to: "2026-03-02" }, "from"],
    [{ from: "", to: "2026-03-02" }, "from"],
  ])("rejects the period %j", async (period, path) => {
    const err = await buildReport(t.db, { user: admin, ...period, now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toContain(path);
  });

  it("exports each section as Dutch-Excel CSV", () => {
    for (const s of REPORT_SECTIONS) {
      const csv = reportToCsv(report, s.id);
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv.endsWith("\r\n")).toBe(true);
      expect(isReportSection(s.id)).toBe(true);
    }
    expect(isReportSection("nope")).toBe(false);
    const summary = reportToCsv(report, "summary").split("\r\n");
    expect(summary[0]).toMatch(/^\uFEFFHelpdesk;Tickets;Beantwoord;Eerste reactie mediaan \(uur\)/);
    expect(summary).toContain("Totaal;6;4;1;6;3;4;6,5;3;2;0;60;3;1;2;75");
    expect(reportToCsv(report, "desk").split("\r\n")[1]).toBe("BRON PO;po;3;3;0");
    expect(reportToCsv(report, "searches").split("\r\n")).toContain("'=cmd|' /c calc'!a0;1;2026-03-06");
    expect(reportToCsv(report, "deflection").split("\r\n")).toContain("Totaal;5;3;1;75");
    expect(csvFileName(report, "weekly")).toBe("rapportage-per-week-2026-03-02-tot-2026-03-15.csv");
  });
});
