import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeOr, jsonColumn, knownStringList, trustedJsonColumn } from "./json-column";

describe("jsonColumn", () => {
  const ids = jsonColumn("Thing.ids", z.array(z.string()));

  it("reads back what it wrote", () => {
    expect(ids.decode(ids.encode(["a", "b"]))).toEqual(["a", "b"]);
    expect(ids.encode(["a"])).toBe('["a"]');
  });

  it("refuses a stored value of another shape, naming the column and the place", () => {
    expect(() => ids.decode('["a", 2]')).toThrow(/stored Thing\.ids does not match its shape at "1"/);
    expect(() => ids.decode('{"a":1}')).toThrow(/Thing\.ids/);
  });

  it("refuses text that is not JSON", () => {
    expect(() => ids.decode("[a")).toThrow(SyntaxError);
  });

  it("decodeOr falls back on a missing, unreadable or wrong value, and only then", () => {
    expect(decodeOr(ids, null, [])).toEqual([]);
    expect(decodeOr(ids, "[a", ["x"])).toEqual(["x"]);
    expect(decodeOr(ids, "[1]", ["x"])).toEqual(["x"]);
    expect(decodeOr(ids, '["ok"]', ["x"])).toEqual(["ok"]);
  });

  it("a trusted column parses without checking", () => {
    const c = trustedJsonColumn<{ n: number }>();
    expect(c.decode('{"n":1,"extra":true}')).toEqual({ n: 1, extra: true });
    expect(c.encode({ n: 2 })).toBe('{"n":2}');
  });
});

describe("knownStringList", () => {
  const scopes = jsonColumn("Token.scopes", knownStringList(["read", "write"] as const));

  it("reads the known values and leaves out a retired one; anything but a list is refused", () => {
    expect(scopes.decode('["read","admin","write"]')).toEqual(["read", "write"]);
    expect(scopes.decode(scopes.encode(["write"]))).toEqual(["write"]);
    expect(() => scopes.decode('"read"')).toThrow(/Token\.scopes/);
    expect(decodeOr(scopes, "not json", [])).toEqual([]);
  });
});
