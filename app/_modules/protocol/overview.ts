// The editors' overview of the protocols (issue #19): every rule with its versions (period, threshold in words)
// and the published articles that render it, so an editor sees what a rule change reaches.
import "server-only";
import type { Db } from "@/app/_core/db";
import { articlesForRules, type RuleArticle } from "./articles-for-rules";
import { protocolList, type ProtocolSet } from "./engine/definition";
import { protocolVersions, type ProtocolVersion } from "./engine/periods";
import { describeThreshold, renderRuleText } from "./engine/rule-text";
import { ruleVersionAt } from "./versions";

export type RuleVersionRow = {
  versionKey: string;
  validFrom: string | null;
  validUntil: string | null;
  title: string;
  thresholdText: string;
  definedIn: string;
};
export type RuleOverview = {
  id: string;
  versions: RuleVersionRow[];
  articles: RuleArticle[];
  /** The threshold fields of the newest version with their values (what an editor's new version sets). */
  threshold: Record<string, number>;
};
export type ProtocolOverview = { id: string; name: string; versions: ProtocolVersion[]; rules: RuleOverview[] };

/** Protocols in file order, each rule once with all its versions in date order and up to 50 rendering articles. */
export async function protocolOverview(db: Db, set: ProtocolSet): Promise<ProtocolOverview[]> {
  const list = protocolList(set);
  const ids = [...new Set(list.flatMap((p) => p.versions.map((r) => r.id)))];
  const articles = await articlesForRules(db, ids, { limit: 50 });
  return list.map((p) => {
    const byId = new Map<string, RuleVersionRow[]>();
    const newest = new Map<string, Record<string, number>>();
    for (const r of p.versions) {
      const seen = p.versions.filter((x) => x.id === r.id && (x.validFrom ?? "") > (r.validFrom ?? ""));
      if (seen.length === 0) newest.set(r.id, { ...((r.threshold ?? {}) as Record<string, number>) });
      const key = ruleVersionAt(set, p.id, r.id, r.validFrom ?? r.validUntil ?? "1970-01-01")?.versionKey;
      const row: RuleVersionRow = {
        versionKey: key ?? `${r.id}@${r.validFrom ?? "begin"}`,
        validFrom: r.validFrom ?? null,
        validUntil: r.validUntil ?? null,
        title: renderRuleText(r, r.title),
        thresholdText: describeThreshold(r),
        definedIn: r.definedIn,
      };
      byId.set(r.id, [...(byId.get(r.id) ?? []), row]);
    }
    const rules = [...byId].map(([id, versions]) => ({
      id,
      versions: versions.sort((a, b) => (a.validFrom ?? "").localeCompare(b.validFrom ?? "")),
      articles: articles[id] ?? [],
      threshold: newest.get(id) ?? {},
    }));
    return { id: p.id, name: p.name, versions: protocolVersions(p), rules };
  });
}
