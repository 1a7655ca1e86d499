// Codecs of the content module's JSON columns: the imported taxonomy (Setting "taxonomy", with the hash of its
// source file so a re-seed knows whether it changed) and the editors' synonym groups.
import "server-only";
import { trustedJsonColumn } from "@/app/_lib/json-column";
import { z } from "zod";
import { jsonColumn } from "@/app/_lib/json-column";
import type { Taxonomy } from "./taxonomy";

/** Setting "taxonomy" (validated by the seed when it is written). */
export const taxonomySettingColumn = trustedJsonColumn<{ hash: string; taxonomy: Taxonomy }>();

/** Setting "content-seed": the hash of the content files last seeded and how many records they held. */
export const contentSeedSettingColumn = jsonColumn(
  "Setting.content-seed",
  z.object({
    hash: z.string(),
    counts: z.object({ desks: z.number().int(), protocols: z.number().int(), articles: z.number().int() }),
  }),
);

/** EditorSynonym.terms: the normalised words or phrases of one mutual synonym group. */
export const synonymTermsColumn = jsonColumn("EditorSynonym.terms", z.array(z.string()));
