// Entry point: picks the engine from the environment. Meilisearch when MEILISEARCH_HOST is set, else the embedded
// engine (one per process, kept on globalThis so dev-server reloads do not start empty copies).
import "server-only";
import { EmbeddedEngine } from "./embedded";
import { MeilisearchEngine } from "./meilisearch";
import type { SearchEngine } from "./types";

export * from "./types";
export { ARTICLE_INDEX, ARTICLE_SEARCH, TICKET_INDEX, articleIndexSettings, ticketIndexSettings } from "./settings";
export { toMeiliStopWords, toMeiliSynonyms } from "./synonyms";
export { EmbeddedEngine } from "./embedded";
export { MeilisearchEngine } from "./meilisearch";

const globalKey = Symbol.for("onderwijs-helpdesk.search.embedded");
const meiliEngines = new Map<string, MeilisearchEngine>();

/** The search engine for this environment: Meilisearch when MEILISEARCH_HOST is set, else the embedded one. */
export function createSearchEngine(
  env: { MEILISEARCH_HOST?: string; MEILISEARCH_API_KEY?: string; [key: string]: unknown } = process.env,
): SearchEngine {
  const host = env.MEILISEARCH_HOST?.trim();
  if (host) {
    const key = `${host}\n${env.MEILISEARCH_API_KEY ?? ""}`;
    let engine = meiliEngines.get(key);
    if (!engine) {
      engine = new MeilisearchEngine({ host, apiKey: env.MEILISEARCH_API_KEY || undefined });
      meiliEngines.set(key, engine);
    }
    return engine;
  }
  const g = globalThis as unknown as Record<symbol, EmbeddedEngine | undefined>;
  return (g[globalKey] ??= new EmbeddedEngine());
}
