// Round trip: content/ → seed into a real test database → export → every article file byte-identical.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { exportContent, parseArgs } from "./export-content";

const root = path.resolve(__dirname, "..");
const contentDir = path.join(root, "content");
const articlesDir = path.join(contentDir, "articles");

function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i])
      return `line ${i + 1}: file ${JSON.stringify(la[i] ?? "<end>")} ≠ export ${JSON.stringify(lb[i] ?? "<end>")}`;
  }
  return "identical";
}

describe("parseArgs", () => {
  it.each([
    [[], { outDir: path.join("/r", "content", "articles"), all: false }],
    [["--out", "/tmp/x"], { outDir: "/tmp/x", all: false }],
    [["--out=/tmp/y", "--all"], { outDir: "/tmp/y", all: true }],
  ])("%j", (argv, expected) => {
    expect(parseArgs(argv, "/r")).toEqual(expected);
  });

  it("refuses unknown arguments and a missing directory", () => {
    expect(() => parseArgs(["--oops"], "/r")).toThrow(/unknown argument/);
    expect(() => parseArgs(["--out"], "/r")).toThrow(/--out/);
  });
});

describe("export-content round trip", () => {
  let t: TestDb;
  let out: string;

  beforeAll(async () => {
    t = await createTestDb();
    await seedContent(t.db, { contentDir, demoUsers: false });
    out = fs.mkdtempSync(path.join(os.tmpdir(), "export-content-"));
  });

  afterAll(async () => {
    await t?.drop();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it("writes every published content file back byte-identical", async () => {
    const report = await exportContent(t.db, { outDir: out });
    const published = fs
      .readdirSync(articlesDir)
      .filter(
        (f) => f.endsWith(".md") && /^status: published$/m.test(fs.readFileSync(path.join(articlesDir, f), "utf8")),
      )
      .sort();
    expect(fs.readdirSync(out).sort()).toEqual(published);
    expect(report.written).toHaveLength(published.length);

    const notCanonical = published
      .map((f) => ({
        f,
        a: fs.readFileSync(path.join(articlesDir, f), "utf8"),
        b: fs.readFileSync(path.join(out, f), "utf8"),
      }))
      .filter((x) => x.a !== x.b)
      .map((x) => `${x.f}: ${firstDifference(x.a, x.b)}`);
    // A failure lists the content files that are not in canonical form (content/README.md) and where.
    expect(notCanonical, `not in canonical form (${notCanonical.length}):\n${notCanonical.join("\n")}`).toEqual([]);
  });

  it("leaves unchanged files alone on a second run", async () => {
    const again = await exportContent(t.db, { outDir: out });
    expect(again.written).toEqual([]);
    expect(again.unchanged.length).toBeGreaterThan(0);
  });
});
