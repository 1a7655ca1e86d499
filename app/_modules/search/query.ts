// The public search query (GET /api/v1/search and /zoeken): one schema, with filter values checked against
// the taxonomy so an unknown value is a clear 400, never a silent empty result.
import "server-only";
import { z } from "zod";
import { cleanInput } from "@/app/_core/text";
import type { Taxonomy } from "@/app/_modules/content/taxonomy";

const single = (name: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : v),
    z
      .string({ error: `${name} mag maar één keer voorkomen.` })
      .trim()
      .max(60)
      .optional(),
  );

const cache = new WeakMap<Taxonomy, ReturnType<typeof buildSchema>>();

/** The query schema for the given taxonomy (built once per taxonomy object). */
export function searchQuerySchema(t: Taxonomy) {
  let s = cache.get(t);
  if (!s) cache.set(t, (s = buildSchema(t)));
  return s;
}

function buildSchema(t: Taxonomy) {
  const oneOf = (list: "sectors" | "audiences" | "topics", label: string) =>
    single(label).refine((v) => !v || t[list].some((e) => e.id === v), {
      message: `Onbekende ${label}. Kies uit: ${t[list].map((e) => e.id).join(", ")}.`,
    });
  return z.object({
    q: z
      .preprocess((v) => (v === undefined ? "" : v), z.string({ error: "Gebruik q maar één keer." }))
      .refine((v) => v.length <= 200, "De zoekvraag is te lang (maximaal 200 tekens)."),
    sector: oneOf("sectors", "sector"),
    audience: oneOf("audiences", "doelgroep"),
    topic: oneOf("topics", "onderwerp"),
    type: single("type").refine((v) => !v || v === "faq" || v === "nieuws", "Onbekend type. Kies faq of nieuws."),
    page: z
      .preprocess((v) => (v === undefined || v === "" ? "1" : v), z.string())
      .refine(
        (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100,
        "page moet een getal van 1 tot en met 100 zijn.",
      )
      .transform(Number),
    perPage: z
      .preprocess((v) => (v === undefined || v === "" ? "10" : v), z.string())
      .refine(
        (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 50,
        "perPage moet een getal van 1 tot en met 50 zijn.",
      )
      .transform(Number),
    source: z.enum(["api", "autocomplete"]).optional(),
  });
}

export type SearchQuery = z.infer<ReturnType<typeof buildSchema>>;

// The search page reads only these parameters and ignores any other (e.g. utm_source).
const PAGE_PARAMS = ["q", "sector", "audience", "topic", "page", "type"];

/** The search page's input from its query parameters (unknown parameters left out, text cleaned: core/text.ts). */
export function searchPageParams(sp: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  return cleanInput(
    Object.fromEntries(Object.entries(sp).filter(([k, v]) => v !== undefined && PAGE_PARAMS.includes(k))) as Record<
      string,
      string | string[]
    >,
  );
}
