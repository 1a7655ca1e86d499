import { describe, expect, it } from "vitest";
import { frontMatterSchema } from "./front-matter";

const base = {
  slug: "luxe-verzuim",
  title: "Wat is luxe verzuim?",
  summary: "Luxe verzuim is op vakantie gaan zonder verlof.",
  audiences: ["school-vo"],
  sectors: ["vo"],
  topic: "soorten-verzuim",
};

describe("front matter: sources and reviewedAt", () => {
  it("accepts sources with a title and an https address, and a review date", () => {
    const r = frontMatterSchema.safeParse({
      ...base,
      reviewedAt: new Date("2026-12-07T00:00:00Z"),
      sources: [
        { title: "Leerplichtwet 1969, art. 13a", url: "https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=13a" },
      ],
    });
    expect(r.success).toBe(true);
    expect(r.data?.reviewedAt).toBe("2026-12-07");
  });

  it("an article without sources stays valid (the key is optional)", () => {
    expect(frontMatterSchema.safeParse(base).success).toBe(true);
  });

  it.each([
    ["an http address", [{ title: "DUO", url: "http://duo.nl/x" }], "sources.0.url"],
    ["a source without title", [{ url: "https://duo.nl/x" }], "sources.0.title"],
    ["an unknown key", [{ title: "DUO", url: "https://duo.nl/x", note: "x" }], "sources.0"],
    ["a script address", [{ title: "DUO", url: "javascript:alert(1)" }], "sources.0.url"],
  ])("refuses %s", (_name, sources, path) => {
    const r = frontMatterSchema.safeParse({ ...base, sources });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path.join(".")).toBe(path);
  });

  it("one check date per file: reviewedAt (with sources) or lastChecked", () => {
    const sources = [{ title: "DUO", url: "https://duo.nl/x" }];
    const both = frontMatterSchema.safeParse({ ...base, sources, reviewedAt: "2026-12-07", lastChecked: "2026-11-01" });
    expect(both.error?.issues[0]).toMatchObject({
      path: ["reviewedAt"],
      message: "use either reviewedAt or lastChecked, not both",
    });
    expect(frontMatterSchema.safeParse({ ...base, reviewedAt: "2026-12-07" }).error?.issues[0].path).toEqual([
      "reviewedAt",
    ]);
    expect(frontMatterSchema.safeParse({ ...base, lastChecked: "2026-11-01" }).success).toBe(true);
  });

  it("refuses a review date that is not a date", () => {
    expect(frontMatterSchema.safeParse({ ...base, reviewedAt: "gisteren" }).success).toBe(false);
  });
});
