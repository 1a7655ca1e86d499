// Which published articles explain a protocol rule: those whose protocolRuleIds (filled by the seed and the
// editor from the {{regel:…}} and {{drempel:…}} blocks in the body) include the rule.
import "server-only";
import type { Db } from "@/app/_core/db";
import { decodeOr } from "@/app/_lib/json-column";
import { articleColumns } from "@/app/_modules/articles/fields";

export type RuleArticle = { slug: string; title: string };

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Published articles per rule id, best first: FAQ before news, then the most focused article (fewest embedded rules),
 * then the most read. Unknown or malformed ids map to an empty list.
 */
export async function articlesForRules(
  db: Db,
  ruleIds: readonly string[],
  opts: { limit?: number } = {},
): Promise<Record<string, RuleArticle[]>> {
  const limit = opts.limit ?? 3;
  const ids = [...new Set(ruleIds)].filter((id) => RULE_ID.test(id));
  const out: Record<string, RuleArticle[]> = Object.fromEntries(ruleIds.map((id) => [id, []]));
  if (ids.length === 0) return out;
  // protocolRuleIds is a JSON array in a text column; the quoted id keeps "late-3" from matching "late-30".
  const rows = await db.article.findMany({
    where: { status: "published", OR: ids.map((id) => ({ protocolRuleIds: { contains: `"${id}"` } })) },
    select: { slug: true, title: true, type: true, protocolRuleIds: true, viewCount: true },
  });
  const parsed = rows.map((r) => ({ ...r, rules: safeList(r.protocolRuleIds) }));
  for (const id of ids) {
    out[id] = parsed
      .filter((r) => r.rules.includes(id))
      .sort(
        (a, b) =>
          Number(a.type !== "faq") - Number(b.type !== "faq") ||
          a.rules.length - b.rules.length ||
          b.viewCount - a.viewCount ||
          a.title.localeCompare(b.title, "nl"),
      )
      .slice(0, limit)
      .map((r) => ({ slug: r.slug, title: r.title }));
  }
  return out;
}

/** An article's rule ids; a row that cannot be read embeds none. */
const safeList = (json: string): string[] => decodeOr(articleColumns.protocolRuleIds, json, []);
