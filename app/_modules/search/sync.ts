// Brings an index up to date with its source without ever clearing it: other app instances keep serving full
// results meanwhile, and a publish made elsewhere during the sync is not undone by a wholesale re-add. Settings
// are pushed only when they differ, documents only when their revision (a hash of their content) differs, and
// only documents that are gone from the source are deleted. A current index gets no write at all.
import "server-only";
import { createHash } from "node:crypto";
import type { IndexSettings, SearchDocument, SearchIndex } from "./types";

/** Bump when the way documents are analysed changes, so every instance re-sends its documents once. */
const DOC_FORMAT = 1;

/** The document with `rev`: a short hash of its content. */
export function withRevision<T extends SearchDocument>(doc: T): T & { rev: string } {
  const { rev: _old, ...rest } = doc as T & { rev?: string };
  void _old;
  const rev = createHash("sha1")
    .update(`${DOC_FORMAT}\n${stableJson(rest)}`)
    .digest("base64url")
    .slice(0, 16);
  return { ...(rest as T), rev };
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export interface SyncResult {
  settingsChanged: boolean;
  upserted: number;
  deleted: number;
}

/** Makes `index` hold exactly `docs` with `settings` (see the file comment). */
export function syncIndex<T extends SearchDocument>(
  index: SearchIndex<T>,
  settings: IndexSettings,
  docs: T[],
): Promise<SyncResult> {
  return syncIndexBatches(index, settings, [docs]);
}

/**
 * `syncIndex` for a source read in batches (a large table): each batch is compared and its changed documents are
 * upserted as it arrives; what the index holds that no batch had is deleted at the end.
 */
export async function syncIndexBatches<T extends SearchDocument>(
  index: SearchIndex<T>,
  settings: IndexSettings,
  batches: Iterable<T[]> | AsyncIterable<T[]>,
): Promise<SyncResult> {
  const current = await index.getSettings();
  const settingsChanged = (Object.keys(settings) as (keyof IndexSettings)[]).some(
    (k) => stableJson(normalise(k, current[k])) !== stableJson(normalise(k, settings[k])),
  );
  if (settingsChanged) await index.updateSettings(settings);
  const have = new Map((await index.listDocuments(["id", "rev"])).map((d) => [String(d.id), d.rev]));
  const keep = new Set<string>();
  let upserted = 0;
  for await (const docs of batches) {
    const revised = docs.map(withRevision);
    const changed = revised.filter((d) => have.get(String(d.id)) !== d.rev);
    for (const d of revised) keep.add(String(d.id));
    if (changed.length) await index.addDocuments(changed as unknown as T[]);
    upserted += changed.length;
  }
  const gone = [...have.keys()].filter((id) => !keep.has(id));
  if (gone.length) await index.deleteDocuments(gone);
  return { settingsChanged, upserted, deleted: gone.length };
}

/** Settings as compared: lists whose order carries no meaning are sorted. */
function normalise(key: keyof IndexSettings, v: unknown): unknown {
  if (key === "filterableAttributes" || key === "sortableAttributes" || key === "stopWords")
    return Array.isArray(v) ? [...v].sort() : v;
  if (key === "synonyms" && v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v as Record<string, string[]>).map(([k, list]) => [k, [...list].sort()]));
  }
  if (key === "typoTolerance" && v && typeof v === "object") {
    const t = v as NonNullable<IndexSettings["typoTolerance"]>;
    return {
      enabled: t.enabled ?? true,
      minWordSizeForTypos: {
        oneTypo: t.minWordSizeForTypos?.oneTypo ?? 5,
        twoTypos: t.minWordSizeForTypos?.twoTypos ?? 9,
      },
    };
  }
  return v;
}
