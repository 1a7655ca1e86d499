// Runtime access to imported settings (taxonomy), cached per process and refreshed when the stored hash changes.
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

/** Forgets the cached taxonomy (after a re-seed in tests). */
export function clearTaxonomyCache(): void {
  cache = null;
}
