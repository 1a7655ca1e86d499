// Runs judged queries against the production article settings and the configured engine (embedded, or
// Meilisearch when MEILISEARCH_HOST is set). One JSON line per query on stdout: {"q","hits":[top-10 ids],"ms"}.
//   npx tsx --conditions=react-server scripts/search-eval.ts --docs ../shared/bench/passages.jsonl --queries ../shared/bench/queries.dev.jsonl
// Score: node /work/shared/bench/score.mjs search OUT.jsonl; for any judged file ({"q","relevant"}) MRR@10 and
// recall@3 are printed on stderr (--misses lists the queries without a relevant passage in the top 3;
// --strategy last|all|frequency overrides the portal's matching strategy).
// Documents are indexed as they are ({id, title, body, …}): passages have no summary; their `document` field is
// not a searchable attribute of articles, so it is stored but not searched.
import fs from "node:fs";
import path from "node:path";
import { parseTaxonomyFile } from "../app/_modules/content/taxonomy";
import { ARTICLE_SEARCH, articleIndexSettings, createSearchEngine, type SearchDocument } from "../app/_modules/search";
import { searchIgnoringUnknownWords } from "../app/_modules/search/fallback";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

async function main() {
  const docsFile = arg("docs");
  const queriesFile = arg("queries");
  if (!docsFile || !queriesFile) {
    console.error("usage: search-eval.ts --docs DOCS.jsonl --queries QUERIES.jsonl [--taxonomy content/taxonomy.yaml]");
    process.exit(2);
  }
  const taxonomyFile = arg("taxonomy") ?? path.resolve("content/taxonomy.yaml");
  const taxonomy = parseTaxonomyFile(fs.readFileSync(taxonomyFile, "utf8"), taxonomyFile);
  const engine = createSearchEngine(process.env);
  const uid = `eval-${process.pid}`;
  const index = engine.index(uid);
  try {
    await index.updateSettings(articleIndexSettings(taxonomy));
    await index.addDocuments(readJsonl<Record<string, unknown>>(docsFile).map((d) => d as SearchDocument));
    const queries = readJsonl<{ q: string; relevant?: string[] }>(queriesFile);
    const params = {
      ...ARTICLE_SEARCH,
      limit: 10,
      ...(arg("strategy") ? { matchingStrategy: arg("strategy") as "last" } : {}),
    };
    // One untimed pass first: `ms` then measures a warm engine (compiled code, cached term look-ups), as in a
    // running server; the hits are the same either way.
    for (const { q } of queries) await searchIgnoringUnknownWords(index, q, params);
    let rr = 0;
    let r3 = 0;
    let judged = 0;
    for (const { q, relevant } of queries) {
      const t0 = performance.now();
      const res = await searchIgnoringUnknownWords(index, q, params);
      const ms = +(performance.now() - t0).toFixed(3);
      const hits = res.hits.map((h) => String(h.id));
      process.stdout.write(JSON.stringify({ q, hits, ms }) + "\n");
      if (!relevant) continue;
      judged++;
      const rank = hits.findIndex((h) => relevant.includes(h));
      if (rank >= 0) rr += 1 / (rank + 1);
      if (rank >= 0 && rank < 3) r3++;
      else if (process.argv.includes("--misses"))
        console.error(`miss ${JSON.stringify({ q, relevant, top3: hits.slice(0, 3), rank })}`);
    }
    // The figures on stderr, so stdout stays the result lines score.mjs reads.
    if (judged)
      console.error(
        JSON.stringify({ queries: judged, mrr10: +(rr / judged).toFixed(3), recall3: +(r3 / judged).toFixed(3) }),
      );
  } finally {
    await engine.deleteIndex(uid);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
