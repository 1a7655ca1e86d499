import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("makes unique ids in cuid's alphabet that sort in the order they were made, also within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^c[a-z0-9]{32}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});
