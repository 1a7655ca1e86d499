import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, hasFilters, parseQueueParams, queueHref, type RawParams } from "./queue-params";

describe("parseQueueParams", () => {
  it.each<[string, RawParams, object]>([
    [
      "defaults",
      {},
      { desk: undefined, view: DEFAULT_VIEW, filters: {}, sort: "sla", cursor: undefined, q: undefined },
    ],
    ["a visible desk", { desk: "po" }, { desk: "po" }],
    ["a desk the user does not work for is dropped", { desk: "vo-mbo" }, { desk: undefined }],
    ["an unknown view falls back", { view: "alles" }, { view: DEFAULT_VIEW }],
    ["a known view", { view: "sla-risico" }, { view: "sla-risico" }],
    ["an unknown sort falls back", { sort: "prio" }, { sort: "sla" }],
    [
      "statuses, repeated and unknown",
      { status: ["open", "waiting", "kapot", "open"] },
      { filters: { status: ["open", "waiting"] } },
    ],
    [
      "a bad topic is dropped, a good tag kept",
      { topic: "Verzuim Melden!", tag: "Spoed" },
      { filters: { tag: "spoed" } },
    ],
    [
      "sector and caller type",
      { sector: "vo", callerType: "vo-school" },
      { filters: { sector: "vo", callerType: "vo-school" } },
    ],
    ["a bad caller type is dropped", { callerType: "hacker" }, { filters: {} }],
    ["assignee me", { assignee: "me" }, { filters: { assignee: "me" } }],
    ["a channel", { channel: "phone" }, { filters: { channel: "phone" } }],
    ["an unknown channel is dropped", { channel: "fax" }, { filters: {} }],
    ["a cursor with odd characters is dropped", { cursor: "abc<script>" }, { cursor: undefined }],
    ["a base64url cursor is kept", { cursor: "eyJzIjoic2xhIn0" }, { cursor: "eyJzIjoic2xhIn0" }],
    ["search text is trimmed", { q: "  verzuim  " }, { q: "verzuim" }],
  ])("%s", (_, raw, expected) => {
    expect(parseQueueParams(raw, ["po"])).toMatchObject(expected);
  });
});

describe("queueHref", () => {
  const base = parseQueueParams({}, ["po", "vo-mbo"]);
  it.each<[string, Parameters<typeof queueHref>[1], string]>([
    ["plain", {}, "/desk"],
    ["view and desk", { view: "open", desk: "po" }, "/desk?desk=po&view=open"],
    [
      "filters",
      { filters: { status: ["open", "waiting"], tag: "spoed" } },
      "/desk?status=open&status=waiting&tag=spoed",
    ],
    ["channel", { filters: { channel: "phone" } }, "/desk?channel=phone"],
    ["sort and cursor", { sort: "updated", cursor: "abc" }, "/desk?sort=updated&cursor=abc"],
  ])("%s", (_, over, expected) => {
    expect(queueHref(base, over)).toBe(expected);
  });

  it("drops the cursor when another choice changes, and round-trips", () => {
    const p = parseQueueParams({ view: "open", cursor: "abc", tag: "spoed", desk: "po" }, ["po"]);
    expect(queueHref(p, { view: "wacht" })).toBe("/desk?desk=po&view=wacht&tag=spoed");
    const url = new URL(queueHref(p, { cursor: "abc" }), "http://x");
    const back = parseQueueParams(Object.fromEntries(url.searchParams), ["po"]);
    expect(back).toEqual(p);
  });

  it("hasFilters", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ status: [] })).toBe(false);
    expect(hasFilters({ tag: "spoed" })).toBe(true);
  });
});
