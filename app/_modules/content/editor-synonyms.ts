// Synonyms editors add from the content-gap report, held in the database (EditorSynonym). The search loads them
// together with the synonyms of content/taxonomy.yaml, in both engines (search/service.ts); the YAML file stays the
// reviewed, versioned base and these are the editors' additions on top.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import type { Issue } from "@/app/_core/errors";
import { containsPersonalNumber } from "@/app/_modules/privacy/personal-number";
import { words } from "@/app/_modules/search/text";
import { synonymTermsColumn } from "./columns";
import type { Taxonomy } from "./taxonomy";

export const MAX_SYNONYM_TERMS = 8;
/** Meilisearch matches synonym phrases of at most 3 words; the embedded engine follows it. */
const MAX_TERM_WORDS = 3;
const MAX_TERM_LENGTH = 60;

/** A term as the engines compare it: lowercase, accents and punctuation removed, single spaces. */
export const normalizeTerm = (t: string): string => words(t).join(" ");

/** The storage key of a group: its distinct normalised terms, sorted. */
export const synonymGroupKey = (terms: readonly string[]): string =>
  [...new Set(terms.map(normalizeTerm))].sort().join("|");

/**
 * Checks a synonym group typed by an editor. Returns the normalised, distinct terms, or issues (Dutch) with
 * paths `terms` / `terms.<i>`.
 */
export function checkSynonymTerms(raw: unknown): { terms: string[]; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!Array.isArray(raw) || raw.some((t) => typeof t !== "string")) {
    return { terms: [], issues: [{ path: "terms", message: "De woorden konden niet worden gelezen." }] };
  }
  const terms: string[] = [];
  (raw as string[]).forEach((text, i) => {
    const t = normalizeTerm(text);
    if (!t) {
      if (text.trim())
        issues.push({ path: `terms.${i}`, message: `‘${text.trim()}’ bevat geen woord. Gebruik letters of cijfers.` });
      return;
    }
    if (containsPersonalNumber(text)) {
      issues.push({
        path: `terms.${i}`,
        message: "Dit lijkt een BSN of onderwijsnummer. Haal het nummer weg: wij mogen dit niet bewaren.",
      });
      return;
    }
    if (t.length > MAX_TERM_LENGTH || t.split(" ").length > MAX_TERM_WORDS) {
      issues.push({
        path: `terms.${i}`,
        message: `‘${text.trim()}’ is te lang. Gebruik een woord of een korte term van hoogstens ${MAX_TERM_WORDS} woorden.`,
      });
      return;
    }
    if (t.length < 2) {
      issues.push({ path: `terms.${i}`, message: `‘${text.trim()}’ is te kort. Gebruik minstens 2 tekens.` });
      return;
    }
    if (!terms.includes(t)) terms.push(t);
  });
  if (!issues.length && terms.length < 2) {
    issues.push({ path: "terms", message: "Geef minstens twee verschillende woorden die hetzelfde betekenen." });
  }
  if (terms.length > MAX_SYNONYM_TERMS) {
    issues.push({ path: "terms", message: `Geef hoogstens ${MAX_SYNONYM_TERMS} woorden in één groep.` });
  }
  return { terms, issues };
}

export type EditorSynonymGroup = { id: string; terms: string[]; createdAt: Date };

/** All editor synonym groups, oldest first. */
export async function listEditorSynonyms(
  db: Pick<Db, "editorSynonym"> | Prisma.TransactionClient,
): Promise<EditorSynonymGroup[]> {
  const rows = await db.editorSynonym.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ id: r.id, terms: synonymTermsColumn.decode(r.terms), createdAt: r.createdAt }));
}

/** The taxonomy's search vocabulary with the editors' groups added as mutual synonyms. */
export function withEditorSynonyms(taxonomy: Taxonomy, groups: readonly { terms: string[] }[]): Taxonomy {
  if (!groups.length) return taxonomy;
  return {
    ...taxonomy,
    synonyms: { ...taxonomy.synonyms, mutual: [...taxonomy.synonyms.mutual, ...groups.map((g) => g.terms)] },
  };
}
