// Turns the taxonomy's search vocabulary (content/taxonomy.yaml) into Meilisearch settings, used by both engines.
import { words } from "./text";

/** The part of the taxonomy this module reads. */
export interface SearchVocabulary {
  synonyms?: { mutual?: string[][]; oneWay?: Record<string, string[]> };
  stopWords?: string[];
}

const norm = (s: string) => words(s).join(" ");

/**
 * Meilisearch `synonyms` (word or phrase → alternatives): every member of a mutual group lists all the others,
 * a one-way entry only expands its key. Keys and values are normalised (lowercase, no accents, keys without stop
 * words) and deduplicated.
 */
export function toMeiliSynonyms(vocab: SearchVocabulary): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  // Both engines agree on stop words in synonyms: a key is matched without its stop words (the portal sends
  // queries without them), and an alternative that contains one is left out (Meilisearch never matches it,
  // a stop word leaving a gap; the embedded engine would).
  const stop = new Set(toMeiliStopWords(vocab));
  const add = (key: string, alt: string) => {
    const k = words(key)
      .filter((w) => !stop.has(w))
      .join(" ");
    const v = norm(alt);
    if (!k || !v || k === v || words(alt).some((w) => stop.has(w))) return;
    let set = out.get(k);
    if (!set) out.set(k, (set = new Set()));
    set.add(v);
  };
  for (const group of vocab.synonyms?.mutual ?? []) for (const a of group) for (const b of group) add(a, b);
  for (const [key, alts] of Object.entries(vocab.synonyms?.oneWay ?? {})) for (const alt of alts) add(key, alt);
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, set]) => [k, [...set].sort()]));
}

/** Meilisearch `stopWords`: normalised, deduplicated. */
export function toMeiliStopWords(vocab: SearchVocabulary): string[] {
  return [...new Set((vocab.stopWords ?? []).map(norm).filter((w) => w && !w.includes(" ")))].sort();
}
