// content/taxonomy.yaml: audiences, sectors, topics, search synonyms and stop words.
import "server-only";
import YAML from "yaml";
import { z } from "zod";
import { ContentError, contentErrorFromIssues } from "./errors";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a lowercase id with dashes");
const entry = z.object({ id, label: z.string().min(2), description: z.string().optional() });

export const taxonomySchema = z.object({
  audiences: z.array(entry).min(1),
  sectors: z.array(entry).min(1),
  topics: z.array(entry).min(1),
  synonyms: z
    .object({
      mutual: z.array(z.array(z.string().min(1)).min(2)).default([]),
      oneWay: z.record(z.string(), z.array(z.string().min(1))).default({}),
    })
    .default({ mutual: [], oneWay: {} }),
  stopWords: z.array(z.string().min(1)).default([]),
});

export type Taxonomy = z.infer<typeof taxonomySchema>;

/** The sector id an article uses when it applies to every sector ("Alle sectoren"). */
export const ALL_SECTORS = "sectoroverstijgend";

/**
 * The sectors an article applies to: an article for all sectors applies to each of them, so a filter on one sector
 * (`sectors = "po"`) finds it and that sector's facet counts it. The article keeps `[sectoroverstijgend]` as written.
 */
export function sectorsCovered(sectors: string[], taxonomy: Pick<Taxonomy, "sectors">): string[] {
  if (!sectors.includes(ALL_SECTORS)) return sectors;
  return [...new Set([...sectors, ...taxonomy.sectors.map((s) => s.id)])];
}

/** Parses and validates content/taxonomy.yaml (ids unique per list). */
export function parseTaxonomyFile(text: string, file = "content/taxonomy.yaml"): Taxonomy {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (e) {
    throw new ContentError(file, "", `not valid YAML: ${(e as Error).message}`);
  }
  const parsed = taxonomySchema.safeParse(raw);
  if (!parsed.success) throw contentErrorFromIssues(file, parsed.error.issues);
  for (const list of ["audiences", "sectors", "topics"] as const) {
    const seen = new Set<string>();
    parsed.data[list].forEach((e, i) => {
      if (seen.has(e.id)) throw new ContentError(file, `${list}.${i}.id`, `duplicate id "${e.id}"`);
      seen.add(e.id);
    });
  }
  return parsed.data;
}

/** Label of an id in a taxonomy list, or the id itself. */
export function labelOf(t: Taxonomy, list: "audiences" | "sectors" | "topics", idValue: string): string {
  return t[list].find((e) => e.id === idValue)?.label ?? idValue;
}
