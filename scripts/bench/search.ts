// Search benchmark for the embedded engine: latency over the 148 seed passages, and over 10,000 generated
// documents with a sector filter and facets; index build time and heap growth.
//   npx tsx --conditions=react-server scripts/bench/search.ts [--rounds 20]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { parseTaxonomyFile } from "../../app/_modules/content/taxonomy";
import { EmbeddedEngine } from "../../app/_modules/search/embedded";
import { BENCH_DIR } from "../../tests/helpers/bench";
import { ARTICLE_SEARCH, articleIndexSettings } from "../../app/_modules/search/settings";
import type { SearchDocument, SearchParams } from "../../app/_modules/search/types";

const BENCH = BENCH_DIR;
const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 20;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const readJsonl = <T>(text: string): T[] =>
  text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor(s.length * p))]!.toFixed(3);
};

async function measure(
  name: string,
  docs: SearchDocument[],
  settings: ReturnType<typeof articleIndexSettings>,
  queries: string[],
  params: SearchParams,
  reportHeap = true,
) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = new EmbeddedEngine();
  const index = engine.index(name);
  const t0 = performance.now();
  await index.updateSettings(settings);
  await index.addDocuments(docs);
  const buildMs = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  // First pass: empty look-up/phrase/filter caches (and a JIT still warming up) — the worst case a user meets.
  const first: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await index.search(q, params);
    first.push(performance.now() - t);
  }
  const times: number[] = [];
  // CPU time as well: on a machine shared with other work, wall time includes waiting for a core.
  const cpu: number[] = [];
  let hits = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const c = process.cpuUsage();
      const t = performance.now();
      const res = await index.search(q, params);
      times.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
      hits += res.hits.length;
    }
  }
  const out = {
    set: name,
    docs: docs.length,
    queries: queries.length,
    searches: times.length,
    p50ms: pct(times, 0.5),
    p95ms: pct(times, 0.95),
    maxms: pct(times, 1),
    cpuP95ms: pct(cpu, 0.95),
    firstPassP50ms: pct(first, 0.5),
    firstPassP95ms: pct(first, 0.95),
    buildMs: +buildMs.toFixed(1),
    heapMb: reportHeap ? +heapMb.toFixed(1) : undefined,
    avgHits: +(hits / times.length).toFixed(1),
  };
  console.log(JSON.stringify(out));
  return out;
}

async function main() {
  const taxonomy = parseTaxonomyFile(fs.readFileSync(path.resolve("content/taxonomy.yaml"), "utf8"));
  const settings = articleIndexSettings(taxonomy);
  const passages = readJsonl<SearchDocument>(fs.readFileSync(path.join(BENCH, "passages.jsonl"), "utf8"));
  const queries = [
    ...readJsonl<{ q: string }>(fs.readFileSync(path.join(BENCH, "queries.dev.jsonl"), "utf8")),
    ...readJsonl<{ q: string }>(
      fs.readFileSync(path.resolve("app/_modules/search/fixtures/queries.extra.jsonl"), "utf8"),
    ),
  ].map((x) => x.q);

  // The portal's own matching strategy (coverage ranking), as the search page and the wizard use it.
  await measure("passages", passages, settings, queries, { ...ARTICLE_SEARCH, limit: 10 });

  const corpus = readJsonl<SearchDocument>(
    execFileSync(process.execPath, [path.join(BENCH, "make-corpus.mjs"), "10000"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    }),
  );
  const corpusSettings = { ...settings, filterableAttributes: ["sector", "audience", "topic"] };
  await measure("corpus-10k", corpus, corpusSettings, queries, {
    ...ARTICLE_SEARCH,
    limit: 10,
    filter: 'sector = "vo"',
    facets: ["topic", "audience"],
  });
  await measure(
    "corpus-10k-highlight",
    corpus,
    corpusSettings,
    queries,
    {
      ...ARTICLE_SEARCH,
      limit: 10,
      filter: 'sector = "vo"',
      facets: ["topic", "audience"],
      attributesToHighlight: ["title"],
      attributesToCrop: ["body"],
      cropLength: 20,
    },
    false,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
