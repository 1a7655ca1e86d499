// Runtime access to imported settings (taxonomy), cached per process for a few seconds: a re-seed by another process
// (`npm run db:seed`) is live within TTL_MS; seedContent clears the cache of its own process when the taxonomy changes.
import "server-only";
import { db } from "@/app/_core/db";
import { taxonomySettingColumn } from "./columns";
import type { Taxonomy } from "./taxonomy";

let cache: { at: number; hash: string; taxonomy: Taxonomy } | null = null;
const TTL_MS = 5_000;

/** The taxonomy as imported from content/taxonomy.yaml. */
export async function getTaxonomy(): Promise<Taxonomy> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.taxonomy;
  const row = await db().setting.findUnique({ where: { key: "taxonomy" } });
  if (!row) throw new Error("taxonomy not seeded: run `npm run db:seed`");
  const { hash, taxonomy } = taxonomySettingColumn.decode(row.value);
  cache = { at: Date.now(), hash, taxonomy };
  return taxonomy;
}

/** Forgets the cached taxonomy (seedContent calls it when it writes a new taxonomy). */
export function clearTaxonomyCache(): void {
  cache = null;
}
