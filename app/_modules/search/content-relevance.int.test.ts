// Relevance on the project's own articles (content/articles): judged queries written in a caller's words, not the
// titles, in tests/fixtures/content-relevance.jsonl. Unlike the shared development sets this always runs.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { seedContent } from "@/app/_modules/content/seed";

const root = path.resolve(__dirname, "..", "..", "..");
const judged = fs
  .readFileSync(path.join(root, "tests/fixtures/content-relevance.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { q: string; relevant: string[] });

let t: TestDb;
let svc: typeof import("./service");

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  await seedContent(t.db, { contentDir: path.join(root, "content"), demoUsers: false });
  svc = await import("./service");
  await svc.rebuildArticleIndex(t.db);
});
afterAll(async () => {
  await t.drop();
});

describe("relevance on the project's own articles", () => {
  it("every judged article exists in content/articles", () => {
    for (const { relevant } of judged)
      for (const slug of relevant)
        expect(fs.existsSync(path.join(root, "content/articles", `${slug}.md`)), slug).toBe(true);
  });

  it("finds a judged article high for the callers' questions (MRR@10 and recall@3)", async () => {
    let rr = 0;
    let r3 = 0;
    const misses: string[] = [];
    for (const { q, relevant } of judged) {
      const slugs = (await svc.searchArticles({ q, perPage: 10 })).hits.map((h) => h.slug);
      const rank = slugs.findIndex((s) => relevant.includes(s));
      if (rank >= 0) rr += 1 / (rank + 1);
      if (rank >= 0 && rank < 3) r3++;
      else misses.push(`${q} → ${slugs.slice(0, 3).join(", ")}`);
    }
    const mrr = rr / judged.length;
    const recall3 = r3 / judged.length;
    console.log(
      `content relevance: MRR@10 ${mrr.toFixed(3)}, recall@3 ${recall3.toFixed(3)} over ${judged.length} queries`,
    );
    // Floors at what the engine reaches today (0.852 / 0.917; misses: "spijbelen wat gebeurt er dan", "school meldt
    // verzuim niet wat zijn de gevolgen"): a change that ranks worse fails here, the misses are printed to improve on.
    if (misses.length) console.log(`not in the top 3:\n${misses.join("\n")}`);
    expect(recall3, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(mrr).toBeGreaterThanOrEqual(0.85);
  });
});
