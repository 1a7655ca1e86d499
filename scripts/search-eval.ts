// Runs judged queries against the production article settings and the configured engine (embedded, or
// Meilisearch when MEILISEARCH_HOST is set). One JSON line per query on stdout: {"q","hits":[top-10 ids],"ms"}.
//   npx tsx scripts/search-eval.ts --docs ../shared/bench/passages.jsonl --queries ../shared/bench/queries.dev.jsonl
// Score: node /work/shared/bench/score.mjs search OUT.jsonl
// Documents are indexed as they are ({id, title, body, …}): passages have no summary; their `document` field is
// not a searchable attribute of articles, so it is stored but not searched.
import fs from "node:fs";
import path from "node:path";
import { parseTaxonomyFile } from "../app/_modules/content/taxonomy";
import { articleIndexSettings, createSearchEngine, type SearchDocument } from "../app/_modules/search";
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
    const queries = readJsonl<{ q: string }>(queriesFile);
    // One untimed pass first: `ms` then measures a warm engine (compiled code, cached term look-ups), as in a
    // running server; the hits are the same either way.
    for (const { q } of queries) await searchIgnoringUnknownWords(index, q, { limit: 10 });
    for (const { q } of queries) {
      const t0 = performance.now();
      const res = await searchIgnoringUnknownWords(index, q, { limit: 10 });
      const ms = +(performance.now() - t0).toFixed(3);
      process.stdout.write(JSON.stringify({ q, hits: res.hits.map((h) => String(h.id)), ms }) + "\n");
    }
  } finally {
    await engine.deleteIndex(uid);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
