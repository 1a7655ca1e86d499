// The portal's knowledge-base search: builds the article index from the database (at start, and on every
// publish/unpublish), searches it with facets and highlights, suggests a spelling when nothing matches, and
// re-exports the search log (search-log.ts).
import "server-only";
import { db, type Db } from "@/app/_core/db";
import { articleColumns } from "@/app/_modules/articles/fields";
import { docToPlainText } from "@/app/_modules/articles/plain-text";
import { ruleViewByRef } from "@/app/_modules/protocol/engine/rule-view";
import { getProtocols } from "@/app/_modules/protocol/store";
import { getTaxonomy } from "@/app/_modules/content/store";
import { sectorsCovered, type Taxonomy } from "@/app/_modules/content/taxonomy";
import { listEditorSynonyms, withEditorSynonyms } from "@/app/_modules/content/editor-synonyms";
import {
  ARTICLE_INDEX,
  ARTICLE_SEARCH,
  articleIndexSettings,
  createSearchEngine,
  toMeiliStopWords,
  type IndexSettings,
  type SearchEngine,
  type SearchIndex,
  type SearchParams,
} from "./index";
import { engineQuery, matchedQueryWords } from "./query-words";
import { filterValue } from "./filter";
import { dayNumber, dutchDay, OPEN_END, OPEN_START, validityFilter } from "@/app/_modules/articles/validity";
import { syncIndex, withRevision } from "./sync";
import { hasUnknownWord, suggestSpelling } from "./suggest";
import { analysedTerms, meiliQuery, TERMS_FIELD } from "./meili-analysis";
import { searchIgnoringUnknownWords } from "./fallback";
import { escapeHtml, fold, words } from "./text";

export type ArticleDoc = {
  /** Meilisearch only: stems and compound parts of the text (meili-analysis.ts). */
  terms?: string;
  id: string;
  slug: string;
  title: string;
  /** "Ook gevraagd als": callers' phrasings an editor added; searchable below the title. */
  questions: string[];
  summary: string;
  body: string;
  type: string;
  audiences: string[];
  sectors: string[];
  topic: string;
  protocolRuleIds: string[];
  publishedAt: number;
  /** Validity period as day numbers (20270801), open ends as 0 / 99991231; searches filter on today. */
  validFromDay: number;
  validUntilDay: number;
};

type ArticleRow = {
  id: string;
  slug: string;
  title: string;
  questions: string;
  summary: string;
  body: string;
  type: string;
  audiences: string;
  sectors: string;
  topic: string;
  protocolRuleIds: string;
  publishedAt: Date | null;
  validFrom: Date | null;
  validUntil: Date | null;
};

const g = globalThis as unknown as {
  __kbIndexReady?: Promise<void> | null;
  __kbVocab?: Map<string, number>;
  __kbIndexVersion?: number;
  __kbResults?: Map<string, { at: number; result: ArticleSearchResult }>;
  __kbWordMatches?: Map<string, boolean>;
  __kbStamp?: string;
  __kbStampAt?: number;
};

/** Bumped whenever the article index changes (which also empties the result cache); cached pages of another version are not used. */
/** Changes when the index changes and on every new day (validity periods: what is in force changes at midnight). */
export const articleIndexVersion = (): number => (g.__kbIndexVersion ?? 0) * 1e8 + dayNumber(dutchDay());
function indexChanged() {
  g.__kbIndexVersion = (g.__kbIndexVersion ?? 0) + 1;
  g.__kbResults?.clear();
  g.__kbWordMatches?.clear();
}

/** The configured engine (embedded unless MEILISEARCH_HOST is set). */
export const searchEngine = (): SearchEngine => createSearchEngine(process.env);
const articleIndex = (): SearchIndex<ArticleDoc> => searchEngine().index<ArticleDoc>(ARTICLE_INDEX);

/**
 * An article row as a search document; thresholds are resolved so "16 uur" is findable, and an article for all
 * sectors is indexed under each sector, so the same filter works in both engines.
 */
export async function toArticleDoc(a: ArticleRow): Promise<ArticleDoc> {
  const [protocols, taxonomy] = await Promise.all([getProtocols(), getTaxonomy()]);
  const resolver = {
    rule: (ref: { ruleId: string; protocol?: string }) =>
      ruleViewByRef(protocols, ref.protocol ? `${ref.protocol}/${ref.ruleId}` : ref.ruleId),
    article: () => null,
  };
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    questions: articleColumns.questions.decode(a.questions),
    summary: a.summary,
    body: docToPlainText(articleColumns.body.decode(a.body), resolver),
    type: a.type,
    audiences: articleColumns.audiences.decode(a.audiences),
    sectors: sectorsCovered(articleColumns.sectors.decode(a.sectors), taxonomy),
    topic: a.topic,
    protocolRuleIds: articleColumns.protocolRuleIds.decode(a.protocolRuleIds),
    publishedAt: a.publishedAt?.getTime() ?? 0,
    validFromDay: a.validFrom ? dayNumber(a.validFrom.toISOString().slice(0, 10)) : OPEN_START,
    validUntilDay: a.validUntil ? dayNumber(a.validUntil.toISOString().slice(0, 10)) : OPEN_END,
  };
}

function addToVocabulary(doc: ArticleDoc) {
  const vocab = (g.__kbVocab ??= new Map());
  for (const w of words(`${doc.title} ${doc.questions.join(" ")} ${doc.summary} ${doc.body}`))
    if (w.length >= 3 && !/^\d+$/.test(w)) vocab.set(w, (vocab.get(w) ?? 0) + 1);
}

/** The synonyms and stop words of content/taxonomy.yaml plus the synonyms editors added (EditorSynonym). */
async function searchVocabulary(client: Db) {
  return withEditorSynonyms(await getTaxonomy(), await listEditorSynonyms(client));
}

/** Rebuilds the article index from the published articles (settings from the taxonomy and the editors' synonyms). */
export async function rebuildArticleIndex(client: Db = db()): Promise<number> {
  const vocabulary = await searchVocabulary(client);
  const rows = await client.article.findMany({ where: { status: "published" } });
  const docs = await Promise.all(rows.map(toArticleDoc));
  g.__kbVocab = new Map();
  docs.forEach(addToVocabulary);
  // Never cleared: only what changed is written, so other instances keep serving (sync.ts).
  const r = await syncIndex(articleIndex(), engineSettings(articleIndexSettings(vocabulary)), docs.map(forEngine));
  if (r.settingsChanged || r.upserted || r.deleted) indexChanged();
  return docs.length;
}

/**
 * With Meilisearch other app instances change the index too: its stamp (updatedAt), read at most once a second,
 * tells this instance to drop its result and page caches, so no cache outlives a change made elsewhere by more
 * than about a second. The embedded index changes only through this process.
 */
async function followSharedIndex(): Promise<void> {
  if (!process.env.MEILISEARCH_HOST) return;
  const now = Date.now();
  if (now - (g.__kbStampAt ?? 0) < 1000) return;
  g.__kbStampAt = now;
  const stamp = await articleIndex()
    .stamp()
    .catch(() => null);
  if (!stamp || stamp === g.__kbStamp) return;
  if (g.__kbStamp !== undefined) indexChanged();
  g.__kbStamp = stamp;
}

// Meilisearch has no Dutch stemming or compound splitting: it gets an analysed `terms` field and analysed queries
// (meili-analysis.ts). The embedded engine does both inside its ranking.
const usesMeilisearch = () => !!process.env.MEILISEARCH_HOST?.trim();
const engineSettings = (s: IndexSettings): IndexSettings =>
  usesMeilisearch() ? { ...s, searchableAttributes: [...(s.searchableAttributes ?? []), TERMS_FIELD] } : s;
const forEngine = (d: ArticleDoc): ArticleDoc =>
  usesMeilisearch() ? { ...d, terms: analysedTerms([d.title, ...d.questions, d.summary, d.body].join("\n")) } : d;
const engineText = (q: string): string => (usesMeilisearch() ? meiliQuery(q) : q);

/** Makes sure the index was built in this process (once). */
export function ensureArticleIndex(): Promise<void> {
  g.__kbIndexReady ??= rebuildArticleIndex().then(
    () => undefined,
    (e) => {
      g.__kbIndexReady = null;
      throw e;
    },
  );
  return g.__kbIndexReady;
}

/** Applies the current synonyms to the index in place (no rebuild, no restart): an editor's new synonym works at once. */
export async function refreshArticleIndexSettings(client: Db = db()): Promise<void> {
  await ensureArticleIndex();
  await articleIndex().updateSettings(engineSettings(articleIndexSettings(await searchVocabulary(client))));
  indexChanged();
}

/** Publish hook: (re)indexes one article, or removes it when it is not published. */
export async function syncArticleInIndex(articleId: string, client: Db = db()): Promise<void> {
  await ensureArticleIndex();
  const a = await client.article.findUnique({ where: { id: articleId } });
  if (!a || a.status !== "published") {
    await articleIndex().deleteDocuments([articleId]);
    indexChanged();
    return;
  }
  const doc = await toArticleDoc(a);
  addToVocabulary(doc);
  await articleIndex().addDocuments([withRevision(forEngine(doc))]);
  indexChanged();
}

export const FACETS = ["sectors", "audiences", "topic"] as const;
export type ArticleSearchInput = {
  q: string;
  sector?: string;
  audience?: string;
  topic?: string;
  type?: string;
  page?: number;
  perPage?: number;
  /** `question`: a whole question (the wizard): stop words and question words left out, every content word optional. */
  mode?: "search" | "question";
};

export type ArticleSearchResult = {
  query: string;
  total: number;
  page: number;
  perPage: number;
  hits: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    topic: string;
    type: string;
    titleHtml: string;
    snippetHtml: string;
    /** The query's words (in the caller's spelling) this article matched: why it is suggested. */
    matchedWords: string[];
  }[];
  facets: Record<(typeof FACETS)[number], Record<string, number>>;
  didYouMean: string | null;
  /** Query words that matched nothing and were left out to find these results. */
  ignoredWords: string[];
  ms: number;
};

const quote = filterValue;

// The stop words of a taxonomy as a set, made once per taxonomy (a taxonomy object is replaced when it changes).
const stopWordSets = new WeakMap<Taxonomy, ReadonlySet<string>>();
function stopWordSet(taxonomy: Taxonomy): ReadonlySet<string> {
  let set = stopWordSets.get(taxonomy);
  if (!set) stopWordSets.set(taxonomy, (set = new Set(toMeiliStopWords(taxonomy))));
  return set;
}

// Recent results, so popular and as-you-type queries cost a lookup. Exact for the embedded engine (every change to
// the index empties the cache); with Meilisearch, which other app processes may update too, a result lives at most
// RESULT_TTL_MS.
const RESULT_CACHE_SIZE = 1000;
const RESULT_TTL_MS = 30_000;

/** Searches published articles. An empty query lists everything (newest first) within the filters. */
export async function searchArticles(input: ArticleSearchInput): Promise<ArticleSearchResult> {
  await ensureArticleIndex();
  await followSharedIndex();
  const started = performance.now();
  const cache = (g.__kbResults ??= new Map());
  const key = JSON.stringify([
    input.q,
    input.sector,
    input.audience,
    input.topic,
    input.type,
    input.page ?? 1,
    input.perPage ?? 10,
    input.mode ?? "search",
  ]);
  const version = articleIndexVersion();
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < RESULT_TTL_MS) {
    cache.delete(key); // most recently used goes last
    cache.set(key, cached);
    return { ...cached.result, ms: performance.now() - started };
  }
  const result = await runArticleSearch(input, started);
  if (articleIndexVersion() === version) {
    // Not when the index changed during the search: the result may predate the change.
    cache.delete(key);
    cache.set(key, { at: Date.now(), result });
    if (cache.size > RESULT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return result;
}

async function runArticleSearch(input: ArticleSearchInput, started: number): Promise<ArticleSearchResult> {
  const perPage = input.perPage ?? 10;
  const page = Math.max(1, input.page ?? 1);
  // Only the articles in force today: one published ahead appears on its first day, an expired one leaves.
  const filter: string[] = [validityFilter(dutchDay())];
  if (input.sector) filter.push(`sectors = ${quote(input.sector)}`);
  if (input.audience) filter.push(`audiences = ${quote(input.audience)}`);
  if (input.topic) filter.push(`topic = ${quote(input.topic)}`);
  if (input.type) filter.push(`type = ${quote(input.type)}`);
  const stop = stopWordSet(await getTaxonomy());
  // Which single words match anything, kept until the index changes (indexChanged empties it): most queries share
  // their words with earlier ones, so the notice of words that match nothing costs a look-up, not a search each.
  const wordMatches = (g.__kbWordMatches ??= new Map());
  const params = (limit: number, offset: number): SearchParams => ({
    ...ARTICLE_SEARCH,
    showMatchesPosition: true,
    // The body only for the wizard's few suggestions, where it tells why an article matched.
    attributesToRetrieve: [
      "id",
      "slug",
      "title",
      "summary",
      "topic",
      "type",
      ...(input.mode === "question" ? ["body"] : []),
    ],
    filter: filter.length ? filter.join(" AND ") : undefined,
    facets: [...FACETS],
    limit,
    offset,
    attributesToHighlight: ["title", "summary", "body"],
    attributesToCrop: ["body:28"],
    highlightPreTag: "<mark>",
    highlightPostTag: "</mark>",
    sort: input.q.trim() ? undefined : ["publishedAt:desc"],
  });
  // `count`: only how many match and which words match nothing (no hits, facets or highlights to compute).
  const run = (q: string, limit = perPage, offset = (page - 1) * perPage, count = false) =>
    searchIgnoringUnknownWords(
      articleIndex(),
      engineText(engineQuery(q, stop, input.mode)),
      count ? { ...ARTICLE_SEARCH, filter: params(0, 0).filter, limit: 0 } : params(limit, offset),
      { stopWords: stop, wordMatches },
    );
  const res = await run(input.q);
  // Words the engine left out are reported in the caller's spelling of the whole query (only the caller's own
  // words: not the stems and parts added for Meilisearch).
  res.query = input.q;
  const own = new Set(words(input.q));
  res.ignoredWords = res.ignoredWords.filter((w) => own.has(fold(w)));
  let didYouMean: string | null = null;
  const vocab = g.__kbVocab ?? new Map<string, number>();
  if (
    input.q.trim() &&
    input.mode !== "question" &&
    (res.estimatedTotalHits === 0 || res.ignoredWords.length || hasUnknownWord(input.q, vocab))
  ) {
    // Also when words were left out or a word is not in any article: a typo can still match a little (a part
    // of a compound, a prefix), while the corrected query matches in full.
    const suggestion = spellingSuggestion(input.q);
    const check = suggestion ? await run(suggestion, 0, 0, true) : null;
    if (check && check.estimatedTotalHits > 0 && !check.ignoredWords.length) didYouMean = suggestion;
  }
  return {
    query: input.q,
    total: res.estimatedTotalHits,
    page,
    perPage,
    hits: res.hits.map((h) => {
      const f = (h._formatted ?? {}) as Record<string, string>;
      const bodyMatch = /<mark>/.test(f.body ?? "");
      return {
        id: h.id,
        slug: h.slug,
        title: h.title,
        summary: h.summary,
        topic: h.topic,
        type: h.type,
        titleHtml: f.title ?? escapeHtml(h.title),
        // Show where the words were found; fall back to the summary.
        snippetHtml:
          bodyMatch || !/<mark>/.test(f.summary ?? "")
            ? bodyMatch
              ? f.body!
              : (f.summary ?? escapeHtml(h.summary))
            : f.summary!,
        matchedWords: matchedQueryWords(
          input.q,
          h as unknown as Record<string, unknown>,
          h._matchesPosition,
          marked(f.body),
        ),
      };
    }),
    facets: {
      sectors: res.facetDistribution.sectors ?? {},
      audiences: res.facetDistribution.audiences ?? {},
      topic: res.facetDistribution.topic ?? {},
    },
    didYouMean,
    ignoredWords: res.ignoredWords,
    ms: performance.now() - started,
  };
}

/** The highlighted fragments of a formatted string. */
function marked(html: string | undefined): string[] {
  return [...(html ?? "").matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!);
}

/** "Bedoelde u …?" from the index's vocabulary (suggest.ts). */
export function spellingSuggestion(q: string, vocab: Map<string, number> = g.__kbVocab ?? new Map()): string | null {
  return suggestSpelling(q, vocab);
}

export { flushSearchLog, logSearch, logSearchClick, writeSearchLog, type PendingLog } from "./search-log";
