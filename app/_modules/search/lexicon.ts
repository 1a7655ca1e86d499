// The concept lexicon (content/search-lexicon.yaml): official terms and the words callers use for them, added to
// the synonyms both engines get (one-way: a caller's word finds the official term). Read once per process; a
// missing file means no lexicon, a malformed one is an error with the file's name.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { SearchVocabulary } from "./synonyms";

const schema = z.object({
  concepts: z.array(z.object({ terms: z.array(z.string().min(1)).min(1), callers: z.array(z.string().min(1)).min(1) })),
});
export type Lexicon = z.infer<typeof schema>;

export const LEXICON_FILE = path.join("content", "search-lexicon.yaml");

/** Parses lexicon YAML; throws with the file name and the path of the first bad field. */
export function parseLexicon(text: string, file = LEXICON_FILE): Lexicon {
  const r = schema.safeParse(parse(text));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return r.data;
}

let cached: Lexicon | null = null;

/** The lexicon of this checkout (cached), or an empty one when the file is absent. */
export function loadLexicon(root = process.cwd()): Lexicon {
  if (cached) return cached;
  const file = path.join(root, LEXICON_FILE);
  cached = fs.existsSync(file) ? parseLexicon(fs.readFileSync(file, "utf8"), file) : { concepts: [] };
  return cached;
}

/** The vocabulary with the lexicon's caller words added as one-way synonyms of their official terms. */
export function withLexicon(vocab: SearchVocabulary, lexicon: Lexicon = loadLexicon()): SearchVocabulary {
  const oneWay: Record<string, string[]> = { ...(vocab.synonyms?.oneWay ?? {}) };
  for (const { terms, callers } of lexicon.concepts) {
    for (const c of callers) oneWay[c] = [...new Set([...(oneWay[c] ?? []), ...terms])];
  }
  return { ...vocab, synonyms: { ...vocab.synonyms, oneWay } };
}
