import { describe, expect, it } from "vitest";
import { businessMsBetween, computeSlaDueTimes } from "@/app/_modules/sla/business-time";
import {
  deskSlaSettings,
  riskThreshold,
  slaOnStatusChange,
  slaOnTransfer,
  slaSummary,
  type SlaTicket,
} from "./desk-sla";

const hours = { days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" };
const po = deskSlaSettings({ hours: JSON.stringify(hours), firstResponseBusinessDays: 1, resolutionBusinessDays: 5 });
const ipo = deskSlaSettings({ hours: JSON.stringify(hours), firstResponseBusinessDays: 2, resolutionBusinessDays: 3 });
const created = new Date("2026-03-02T08:30:00Z"); // Monday 09:30 Amsterdam
const due = (pausedMs: number, s = po) =>
  computeSlaDueTimes({
    createdAt: created,
    pausedMs,
    hours,
    firstResponseBusinessDays: s.firstResponseBusinessDays,
    resolutionBusinessDays: s.resolutionBusinessDays,
  });
const ticket = (over: Partial<SlaTicket> = {}): SlaTicket => ({
  status: "open",
  createdAt: created,
  slaPausedMs: 0,
  slaPausedAt: null,
  ...due(0),
  firstRespondedAt: null,
  resolvedAt: null,
  closedAt: null,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe("slaOnStatusChange", () => {
  it("waiting starts a pause and keeps the due times", () => {
    const out = slaOnStatusChange(ticket(), "waiting", po, at("2026-03-02T09:00:00Z"));
    expect(out).toEqual({ status: "waiting", slaPausedAt: at("2026-03-02T09:00:00Z"), resolvedAt: null });
  });

  it("waiting twice does not restart the pause", () => {
    const out = slaOnStatusChange(
      ticket({ status: "open", slaPausedAt: at("2026-03-02T09:00:00Z") }),
      "waiting",
      po,
      at("2026-03-03T09:00:00Z"),
    );
    expect(out.slaPausedAt).toBeUndefined();
  });

  it.each([
    ["Mon 10:00 → Tue 10:00", "2026-03-02T09:00:00Z", "2026-03-03T09:00:00Z", 4 * 3_600_000],
    ["Fri 12:00 → Mon 10:00 (weekend does not count)", "2026-03-06T11:00:00Z", "2026-03-09T09:00:00Z", 2 * 3_600_000],
    ["evening to next morning before opening", "2026-03-02T17:00:00Z", "2026-03-03T07:00:00Z", 0],
  ])("ending a pause %s adds its business time and pushes due times out", (_n, from, to, ms) => {
    const out = slaOnStatusChange(
      ticket({ status: "waiting", slaPausedMs: 1000, slaPausedAt: at(from) }),
      "open",
      po,
      at(to),
    );
    expect(out.slaPausedMs).toBe(1000 + ms);
    expect(out.slaPausedAt).toBeNull();
    expect(out.resolutionDueAt).toEqual(due(1000 + ms).resolutionDueAt);
    expect(out.firstResponseDueAt).toEqual(due(1000 + ms).firstResponseDueAt);
  });

  it("resolve sets resolvedAt and ends a pause; reopen clears it", () => {
    const now = at("2026-03-04T10:00:00Z");
    const out = slaOnStatusChange(
      ticket({ status: "waiting", slaPausedAt: at("2026-03-04T09:00:00Z") }),
      "resolved",
      po,
      now,
    );
    expect(out).toMatchObject({ status: "resolved", resolvedAt: now, slaPausedAt: null, slaPausedMs: 3_600_000 });
    expect(slaOnStatusChange(ticket({ status: "resolved", resolvedAt: now }), "open", po, now).resolvedAt).toBeNull();
  });

  it("close keeps an earlier resolvedAt, sets closedAt and the link's 30-day expiry; reopening a closed ticket clears both", () => {
    const resolved = at("2026-03-04T10:00:00Z");
    const now = at("2026-03-05T10:00:00Z");
    const out = slaOnStatusChange(ticket({ status: "resolved", resolvedAt: resolved }), "closed", po, now);
    expect(out).toMatchObject({ closedAt: now, resolvedAt: resolved, followUpExpiresAt: at("2026-04-04T10:00:00Z") });
    const reopened = slaOnStatusChange(
      ticket({ status: "closed", closedAt: now, resolvedAt: resolved }),
      "open",
      po,
      now,
    );
    expect(reopened).toMatchObject({ closedAt: null, followUpExpiresAt: null, resolvedAt: null });
  });
});

describe("slaOnTransfer", () => {
  it("recomputes with the new desk's days, keeping pause time so far", () => {
    const out = slaOnTransfer(ticket({ slaPausedMs: 3_600_000 }), ipo);
    expect(out).toEqual(due(3_600_000, ipo));
  });
});

describe("riskThreshold and slaSummary", () => {
  it("the threshold is a quarter business day (1 h) ahead, across closing time", () => {
    expect(riskThreshold(at("2026-03-02T10:00:00Z"), hours)).toEqual(at("2026-03-02T11:00:00Z"));
    // Monday 12:30 → 30 min left today, 30 min Tuesday morning.
    expect(riskThreshold(at("2026-03-02T11:30:00Z"), hours)).toEqual(at("2026-03-03T08:30:00Z"));
    expect(businessMsBetween(at("2026-03-02T11:30:00Z"), at("2026-03-03T08:30:00Z"), hours)).toBe(3_600_000);
  });

  it.each([
    ["fresh ticket", {}, "2026-03-02T09:00:00Z", { firstResponse: "ok", resolution: "ok" }],
    ["first response due soon", {}, "2026-03-03T07:50:00Z", { firstResponse: "at-risk", resolution: "ok" }],
    ["first response late", {}, "2026-03-03T09:00:00Z", { firstResponse: "breached", resolution: "ok" }],
    [
      "answered in time",
      { firstRespondedAt: at("2026-03-02T10:00:00Z") },
      "2026-03-04T09:00:00Z",
      { firstResponse: "met", resolution: "ok" },
    ],
    [
      "answered late",
      { firstRespondedAt: at("2026-03-04T10:00:00Z") },
      "2026-03-04T11:00:00Z",
      { firstResponse: "late", resolution: "ok" },
    ],
    [
      "paused",
      { status: "waiting", slaPausedAt: at("2026-03-02T09:00:00Z") },
      "2026-03-20T09:00:00Z",
      { firstResponse: "paused", resolution: "paused" },
    ],
    [
      "resolved without reply",
      { status: "resolved", resolvedAt: at("2026-03-03T09:00:00Z") },
      "2026-03-20T09:00:00Z",
      { firstResponse: "none", resolution: "met" },
    ],
  ] as const)("%s", (_n, over, now, expected) => {
    expect(slaSummary(ticket(over as Partial<SlaTicket>), hours, at(now))).toEqual(expected);
  });
});
