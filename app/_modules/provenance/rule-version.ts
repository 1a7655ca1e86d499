// The version of a protocol rule a reply relied on: forwards to protocol/versions.ts (issue #19 contract).
import "server-only";
import { defaultProtocol, findRule, protocolList, type ProtocolSet } from "../protocol/engine/definition";

export { canonicalJson, ruleVersionAt, type RuleVersion } from "../protocol/versions";

/**
 * The protocol of a rule id as articles embed it (without protocol): the default protocol when it has the rule,
 * else the first protocol that does; null when none has it.
 */
export function protocolOfRule(set: ProtocolSet, ruleId: string): string | null {
  const list = protocolList(set);
  if (list.length === 0) return null;
  const first = defaultProtocol(set);
  if (findRule(first, ruleId)) return first.id;
  return list.find((p) => findRule(p, ruleId))?.id ?? null;
}
