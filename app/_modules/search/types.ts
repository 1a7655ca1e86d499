// The search interface every engine implements (embedded and Meilisearch), shaped like Meilisearch's own API
// so the two stay interchangeable and pass the same contract tests (contract.test.ts).

/** A stored document: `id` is the primary key (string or number, Meilisearch id characters only). */
export type SearchDocument = { id: string | number } & Record<string, unknown>;

/** Meilisearch ranking rules; custom `attr:asc|desc` rules are not supported by the embedded engine. */
export type RankingRule = "words" | "typo" | "proximity" | "attribute" | "sort" | "exactness";

export interface TypoToleranceSettings {
  enabled?: boolean;
  minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number };
  /** Words (normalised) that only ever match exactly. */
  disableOnWords?: string[];
}

/** Index settings, in Meilisearch's format (a subset of its `Settings`). */
export interface IndexSettings {
  /** In order of importance: a match in an earlier attribute ranks higher. */
  searchableAttributes?: string[];
  filterableAttributes?: string[];
  sortableAttributes?: string[];
  /** `["*"]` = everything. */
  displayedAttributes?: string[];
  /** Word or phrase (1–3 words) → its alternatives; mutual synonyms list each other. */
  synonyms?: Record<string, string[]>;
  stopWords?: string[];
  typoTolerance?: TypoToleranceSettings;
  rankingRules?: RankingRule[];
}

/** A Meilisearch filter: an expression string, or an array (outer = AND, inner array = OR). */
export type SearchFilter = string | (string | string[])[];

export interface SearchParams {
  filter?: SearchFilter;
  /** Filterable attributes to count values of in `facetDistribution`. */
  facets?: string[];
  /** Default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
  /** Attributes to highlight in `_formatted`; `["*"]` = all displayed attributes. */
  attributesToHighlight?: string[];
  /** Attributes to crop in `_formatted`, optionally `attr:length`. */
  attributesToCrop?: string[];
  /** Words kept around the best match when cropping. Default 10. */
  cropLength?: number;
  /** Default "…". */
  cropMarker?: string;
  /** Default `<em>`. */
  highlightPreTag?: string;
  /** Default `</em>`. */
  highlightPostTag?: string;
  /**
   * `last` (default): all words first, then drop words from the right; `all`: every word must match;
   * `frequency`: any word may be missing, rarer words count more (the embedded engine ranks every document that
   * matches a word by field-weighted BM25 with Dutch stems, compound parts and proximity: see coverage.ts).
   */
  matchingStrategy?: "last" | "all" | "frequency";
  /** Sortable attributes as `attr:asc` or `attr:desc`, applied at the `sort` ranking rule. */
  sort?: string[];
  /** Adds `_matchesPosition` to every hit: where query words matched in each string attribute. */
  showMatchesPosition?: boolean;
  /** Only these attributes in the hits (and `_formatted`); default all displayed attributes. */
  attributesToRetrieve?: string[];
}

/** Where query words matched in one attribute: character offsets into the attribute's string. */
export type MatchPosition = { start: number; length: number };

/**
 * A hit: the document's displayed attributes, plus `_formatted` when highlighting or cropping was asked.
 * Every string in `_formatted` is HTML-escaped; only the highlight tags are inserted as markup.
 */
export type SearchHit<T extends SearchDocument = SearchDocument> = T & {
  _formatted?: Record<string, unknown>;
  _matchesPosition?: Record<string, MatchPosition[]>;
};

export interface SearchResult<T extends SearchDocument = SearchDocument> {
  hits: SearchHit<T>[];
  query: string;
  limit: number;
  offset: number;
  estimatedTotalHits: number;
  /** attribute → value → count over all matching documents (only for the requested `facets`). */
  facetDistribution: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/** One index of documents with its own settings. */
export interface SearchIndex<T extends SearchDocument = SearchDocument> {
  readonly uid: string;
  /** Merges the given settings into the current ones (PATCH semantics) and applies them to all documents. */
  updateSettings(settings: IndexSettings): Promise<void>;
  /** Current settings, defaults filled in. */
  getSettings(): Promise<Required<IndexSettings>>;
  /** Adds or replaces documents by `id`. */
  addDocuments(docs: T[]): Promise<void>;
  deleteDocuments(ids: (string | number)[]): Promise<void>;
  deleteAllDocuments(): Promise<void>;
  search(q: string, params?: SearchParams): Promise<SearchResult<T>>;
  /** Every document with only the given fields (to bring an index up to date with its source without clearing it). */
  listDocuments(fields: string[]): Promise<Record<string, unknown>[]>;
  /** Changes whenever the index's documents or settings change, the same for every app instance that reads it. */
  stamp(): Promise<string>;
}

export interface SearchEngine {
  /** The index with this uid (created on first write). */
  index<T extends SearchDocument = SearchDocument>(uid: string): SearchIndex<T>;
  /** Removes an index with its documents and settings (no error when it does not exist). */
  deleteIndex(uid: string): Promise<void>;
  health(): Promise<{ ok: boolean; engine: string; detail?: string }>;
}

/** A request the engine refuses (unknown filter attribute, bad filter syntax…), like Meilisearch's 400s. */
export class SearchRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "SearchRequestError";
  }
}

/** Meilisearch's defaults, used by both engines when a setting is not given. */
export const DEFAULT_SETTINGS: Required<IndexSettings> = {
  searchableAttributes: ["*"],
  filterableAttributes: [],
  sortableAttributes: [],
  displayedAttributes: ["*"],
  synonyms: {},
  stopWords: [],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [] },
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
};
