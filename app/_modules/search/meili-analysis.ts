// Dutch morphology for the Meilisearch path, which has no Dutch stemmer and no compound splitting of its own: each
// article gets a searchable field `terms` (last in rank) with the Snowball stems and compound parts of its words,
// and a query is sent with the stems and parts of its words added. With the strategy `frequency` the added words
// are optional, so they widen what matches without being required. The embedded engine does all of this inside
// its ranking (coverage.ts) and gets neither.
import "server-only";
import { dutchWords, splitCompound, stem } from "./dutch";
import { words } from "./text";

/** The searchable attribute holding the analysed terms. */
export const TERMS_FIELD = "terms";

const known = (w: string) => dutchWords().has(w);

/** Stems (when they differ from the word) and compound parts of a text's words, each once. */
export function analysedTerms(text: string): string {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 4 || /\d/.test(w)) continue;
    const st = stem(w);
    if (st !== w) out.add(st);
    for (const part of splitCompound(w, known) ?? []) {
      out.add(part);
      const ps = stem(part);
      if (ps !== part) out.add(ps);
    }
  }
  return [...out].join(" ");
}

/** The query with the stems and compound parts of its words added (the words themselves first, in order). */
export function meiliQuery(q: string): string {
  const own = words(q);
  if (!own.length) return q;
  const extra = analysedTerms(q)
    .split(" ")
    .filter((t) => t && !own.includes(t));
  // Keep the caller's trailing space (no prefix on the last word) when nothing is added after it.
  return extra.length ? `${q.trimEnd()} ${extra.join(" ")} ` : q;
}
