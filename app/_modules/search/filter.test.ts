import { describe, expect, it } from "vitest";
import { filterAttributes, filterValue, parseFilter, parseFilterExpression } from "./filter";
import { SearchRequestError } from "./types";

describe("parseFilterExpression", () => {
  it.each([
    ['sector = "vo"', { op: "cmp", attr: "sector", cmp: "=", value: "vo" }],
    ["sector != vo", { op: "cmp", attr: "sector", cmp: "!=", value: "vo" }],
    ["priority >= 2", { op: "cmp", attr: "priority", cmp: ">=", value: "2" }],
    ["priority 1 TO 3", { op: "to", attr: "priority", from: "1", to: "3" }],
    ['topic IN [verlof, \'te laat\', "a\\"b"]', { op: "in", attr: "topic", values: ["verlof", "te laat", 'a"b'] }],
    ["topic NOT IN [verlof]", { op: "not", item: { op: "in", attr: "topic", values: ["verlof"] } }],
    ["tags EXISTS", { op: "exists", attr: "tags" }],
    ["tags NOT EXISTS", { op: "not", item: { op: "exists", attr: "tags" } }],
    ["tags IS NULL", { op: "null", attr: "tags" }],
    ["tags IS NOT EMPTY", { op: "not", item: { op: "empty", attr: "tags" } }],
    ["NOT a = 1", { op: "not", item: { op: "cmp", attr: "a", cmp: "=", value: "1" } }],
  ])("%s", (src, expected) => {
    expect(parseFilterExpression(src)).toEqual(expected);
  });

  it("binds NOT over AND over OR, and follows parentheses", () => {
    const eq = (attr: string, value: string) => ({ op: "cmp", attr, cmp: "=", value });
    expect(parseFilterExpression("a = 1 OR b = 2 AND NOT c = 3")).toEqual({
      op: "or",
      items: [eq("a", "1"), { op: "and", items: [eq("b", "2"), { op: "not", item: eq("c", "3") }] }],
    });
    expect(parseFilterExpression('sector = "vo" and (topic = "verlof" or topic = "verzuim-melden")')).toEqual({
      op: "and",
      items: [eq("sector", "vo"), { op: "or", items: [eq("topic", "verlof"), eq("topic", "verzuim-melden")] }],
    });
  });

  it.each(["sector =", "sector vo", "(a = 1", "a = 1 b = 2", 'a = "open', "a IN [1, 2", "a IS maybe", "= vo"])(
    "refuses %s with a SearchRequestError",
    (src) => {
      expect(() => parseFilterExpression(src)).toThrow(SearchRequestError);
    },
  );
});

describe("parseFilter", () => {
  it("reads the array form as outer AND, inner OR, and names the attributes", () => {
    const node = parseFilter([["topic = a", "topic = b"], "sector = vo"])!;
    expect(node.op).toBe("and");
    expect([...filterAttributes(node)].sort()).toEqual(["sector", "topic"]);
  });

  it("treats an empty filter as no filter", () => {
    expect(parseFilter("  ")).toBeUndefined();
    expect(parseFilter([])).toBeUndefined();
    expect(parseFilter(undefined)).toBeUndefined();
  });
});

describe("filterValue", () => {
  it("escapes quotes and backslashes instead of deleting them, so the value round-trips", () => {
    const v = 'groep "7\\8"';
    const node = parseFilter(`topic = ${filterValue(v)}`);
    expect(node).toMatchObject({ op: "cmp", attr: "topic", cmp: "=", value: v });
  });
});
