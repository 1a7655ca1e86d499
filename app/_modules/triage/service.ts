// Triage with article suggestions from the knowledge-base search (the engines stay pure: this wires the sources).
import "server-only";
import { db } from "@/app/_core/db";
import { getTaxonomy } from "@/app/_modules/content/store";
import { articlesForRules } from "@/app/_modules/protocol/articles-for-rules";
import { defaultProtocol } from "@/app/_modules/protocol/engine/definition";
import { ruleView } from "@/app/_modules/protocol/engine/rule-view";
import { getProtocols } from "@/app/_modules/protocol/store";
import { searchArticles } from "@/app/_modules/search/service";
import { redactLongDigitRuns } from "@/app/_modules/privacy/personal-number";
import { triageDetailed, type TriageResult } from "./engine";
import type { RoutingFacts } from "./organisation";
import type { CallerType, Sector, TriageInput } from "./schema";
import { suggestForQuestion, type ArticleSuggestion, type SuggestSources } from "./suggest";

export type TriageWithSuggestions = Omit<TriageResult, "suggestions"> & { suggestions: ArticleSuggestion[] };

/**
 * Runs the pure triage engine (with the organisation facts when known), then fills in up to 5 suggested articles for
 * the whole question, each with its reason.
 */
export async function triageWithSuggestions(input: TriageInput, facts?: RoutingFacts): Promise<TriageWithSuggestions> {
  const { result, sector } = triageDetailed(input, facts);
  const suggestions = await suggestArticles(input.question, {
    callerType: input.callerType,
    sector,
    protocolHints: result.protocolHints,
  });
  return { ...result, suggestions };
}

const CALLER_AUDIENCES: Partial<Record<CallerType, string[]>> = {
  "po-school": ["school-po"],
  "vo-school": ["school-vo"],
  "mbo-institution": ["mbo-instelling"],
  municipality: ["gemeente-leerplicht", "gemeente-rmc"],
  "software-vendor": ["softwareleverancier"],
};
const SECTOR_AUDIENCES: Record<Sector, string[]> = { po: ["school-po"], vo: ["school-vo"], mbo: ["mbo-instelling"] };
const QUESTION_HITS = 10;

/** The knowledge base as the suggestion ranking sees it: the search engine's public API, the rules and the taxonomy. */
export function knowledgeBaseSources(opts: { callerType?: CallerType; sector?: Sector }): SuggestSources {
  const audiences =
    (opts.callerType && CALLER_AUDIENCES[opts.callerType]) ?? (opts.sector ? SECTOR_AUDIENCES[opts.sector] : undefined);
  return {
    async searchQuestion(question) {
      // No sector filter: the caller's audience weighs the ranking instead.
      const r = await searchArticles({ q: question, mode: "question", perPage: QUESTION_HITS });
      return r.hits.map((h) => ({ slug: h.slug, title: h.title, matchedWords: h.matchedWords }));
    },
    articlesForRules: (ids) => articlesForRules(db(), ids, { limit: 3 }),
    async ruleTitle(id) {
      return ruleView(defaultProtocol(await getProtocols()), id)?.title ?? null;
    },
    async audienceSlugs() {
      if (!audiences) return null;
      const lists = await Promise.all(audiences.map((audience) => searchArticles({ q: "", audience, perPage: 1000 })));
      return new Set(lists.flatMap((l) => l.hits.map((h) => h.slug)));
    },
    async stopWords() {
      return new Set((await getTaxonomy()).stopWords.map((w) => w.toLowerCase()));
    },
  };
}

/** Up to 5 published articles for a question with the reason for each; the caller's audience (or sector) weighs them. */
export async function suggestArticles(
  question: string,
  opts: { callerType?: CallerType; sector?: Sector; protocolHints?: string[] } = {},
): Promise<ArticleSuggestion[]> {
  // The search engine may log queries: never hand it a personal number.
  const q = redactLongDigitRuns(question).slice(0, 1000);
  try {
    return await suggestForQuestion(q, knowledgeBaseSources(opts), { protocolHints: opts.protocolHints });
  } catch {
    return []; // suggestions are a convenience; the routing answer must still come back
  }
}
