import { describe, expect, it } from "vitest";
import { ValidationError } from "@/app/_core/errors";
import { decodeCursor, encodeCursor, filtersWhere, keysetAfter, keysetOrder, sortSpec, viewWhere } from "./queue";
import { STATUS_VIEW, viewStatuses } from "./desk-schema";
import { TICKET_STATUSES } from "./schema";

describe("cursor", () => {
  it.each([
    ["sla", "asc", new Date("2026-03-02T08:00:00.123Z")],
    ["sla", "asc", null],
    ["updated", "desc", new Date("2026-01-01T00:00:00Z")],
  ] as const)("round-trips %s %s %s", (sort, dir, value) => {
    expect(decodeCursor(encodeCursor(sort, dir, value, "c123"), sort, dir)).toEqual({ value, id: "c123" });
  });
  it.each([
    ["garbage", "%%%"],
    ["not json", Buffer.from("nope").toString("base64url")],
    ["other sort", encodeCursor("created", "asc", new Date(), "c1")],
    ["other direction", encodeCursor("sla", "desc", new Date(), "c1")],
    ["bad date", Buffer.from(JSON.stringify({ s: "sla", d: "asc", v: "gisteren", id: "c1" })).toString("base64url")],
    ["no id", Buffer.from(JSON.stringify({ s: "sla", d: "asc", v: null, id: "" })).toString("base64url")],
  ])("rejects %s with a 400", (_n, cursor) => {
    expect(() => decodeCursor(cursor, "sla", "asc")).toThrow(ValidationError);
  });
});

describe("keyset", () => {
  const v = new Date("2026-03-02T08:00:00Z");
  it("orders by the column (nulls last) then id", () => {
    expect(keysetOrder(sortSpec("sla"))).toEqual([{ resolutionDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]);
    expect(keysetOrder(sortSpec("updated"))).toEqual([{ updatedAt: "desc" }, { id: "desc" }]);
    expect(keysetOrder(sortSpec("created", "desc"))).toEqual([{ createdAt: "desc" }, { id: "desc" }]);
  });
  it("continues after a value, within ties by id, and into the nulls", () => {
    expect(keysetAfter(sortSpec("sla"), { value: v, id: "c5" })).toEqual({
      OR: [{ resolutionDueAt: { gt: v } }, { resolutionDueAt: v, id: { gt: "c5" } }, { resolutionDueAt: null }],
    });
    expect(keysetAfter(sortSpec("sla"), { value: null, id: "c5" })).toEqual({
      resolutionDueAt: null,
      id: { gt: "c5" },
    });
    expect(keysetAfter(sortSpec("updated"), { value: v, id: "c5" })).toEqual({
      OR: [{ updatedAt: { lt: v } }, { updatedAt: v, id: { lt: "c5" } }],
    });
  });
});

describe("views and filters", () => {
  it.each([
    ["nieuw", { status: "new" }],
    ["wacht", { status: "waiting" }],
    ["mijn", { assigneeId: "u1", status: { in: ["new", "open", "waiting"] } }],
    ["opgelost", { status: { in: ["resolved", "closed"] } }],
  ] as const)("%s", (view, where) => expect(viewWhere(view, "u1", {})).toEqual(where));
  it("SLA risk uses each desk's own threshold and never matches without desks", () => {
    const th = new Date("2026-03-02T11:00:00Z");
    const w = viewWhere("sla-risico", "u1", { po: th });
    expect(w).toEqual({
      status: { in: ["new", "open"] },
      OR: [
        {
          deskId: "po",
          OR: [{ resolutionDueAt: { lt: th } }, { firstRespondedAt: null, firstResponseDueAt: { lt: th } }],
        },
      ],
    });
    expect(viewWhere("sla-risico", "u1", {})).toEqual({ status: { in: ["new", "open"] }, OR: [{ id: { in: [] } }] });
  });
  it("filters; status only when asked", () => {
    expect(
      filtersWhere({ status: ["open"], topic: "t", tag: "spoed", assignee: "none" }, "u1", { withStatus: false }),
    ).toEqual([{ topic: "t" }, { tags: { some: { tag: { name: "spoed" } } } }, { assigneeId: null }]);
    expect(filtersWhere({ status: ["open"], assignee: "me" }, "u1", { withStatus: true })).toEqual([
      { status: { in: ["open"] } },
      { assigneeId: "u1" },
    ]);
  });
});

describe("status views", () => {
  it("maps every status to the one view that shows it, and each status view back to its statuses", () => {
    for (const s of TICKET_STATUSES) expect(viewStatuses(STATUS_VIEW[s])).toContain(s);
    expect(viewStatuses("nieuw")).toEqual(["new"]);
    expect(viewStatuses("wacht")).toEqual(["waiting"]);
    expect(viewStatuses("opgelost")).toEqual(["resolved", "closed"]);
    expect(viewStatuses("mijn")).toEqual([]);
    expect(viewWhere("opgelost", "u1", {})).toEqual({ status: { in: ["resolved", "closed"] } });
  });
});
