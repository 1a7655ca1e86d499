// The version of a protocol rule a reply relied on, as a fingerprint: the first 16 hex of the sha-256 of the
// canonical JSON of the rule's resolved definition, so any change of threshold, text or actions gives a new one.
// Local stand-in with the contract's shape (issue #19: protocol/versions.ts ruleVersionAt) until the rule-version
// module is on main; then this file only forwards to it.
import "server-only";
import { createHash } from "node:crypto";
import { defaultProtocol, findProtocol, findRule, protocolList, type ProtocolSet } from "../protocol/engine/definition";

export type RuleVersion = {
  protocolId: string;
  ruleId: string;
  versionKey: string;
  fingerprint: string;
  validFrom: string | null;
  validUntil: string | null;
};

/** JSON with object keys sorted at every level (the same value always gives the same text). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The rule version in force on `day` (YYYY-MM-DD), or null for an unknown protocol or rule. */
export function ruleVersionAt(set: ProtocolSet, protocolId: string, ruleId: string, day: string): RuleVersion | null {
  void day; // rules carry no validity period yet: one version per rule
  const protocol = findProtocol(set, protocolId);
  const rule = protocol && findRule(protocol, ruleId);
  if (!protocol || !rule) return null;
  const fingerprint = createHash("sha256").update(canonicalJson(rule)).digest("hex").slice(0, 16);
  return { protocolId, ruleId, versionKey: `${ruleId}@begin`, fingerprint, validFrom: null, validUntil: null };
}

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
