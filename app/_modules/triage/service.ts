// Triage with article suggestions from the knowledge-base search (the engine itself stays pure).
import { searchArticles } from "@/app/_modules/search/service";
import { triage, type TriageResult } from "./engine";
import type { TriageInput } from "./schema";

/** Runs the pure triage engine, then fills in up to 5 suggested articles for the question. */
export async function triageWithSuggestions(input: TriageInput): Promise<TriageResult> {
  const result = triage(input);
  result.suggestions = await suggestArticles(input.question, input.sector ?? sectorOfDesk(result.desk));
  return result;
}

const sectorOfDesk = (desk: string) => (desk === "po" ? "po" : undefined);

/** Up to 5 published articles for a question; a sector narrows them when one is known. */
export async function suggestArticles(question: string, sector?: string): Promise<{ slug: string; title: string }[]> {
  const q = question.replace(/\d{6,}/g, " ").slice(0, 500);
  try {
    const r = await searchArticles({ q, sector, perPage: 5 });
    const hits = r.hits.length || !sector ? r.hits : (await searchArticles({ q, perPage: 5 })).hits;
    return hits.map((h) => ({ slug: h.slug, title: h.title }));
  } catch {
    return [];
  }
}
