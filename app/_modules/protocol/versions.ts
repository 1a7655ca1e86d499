// Rule versions as other modules refer to them (issue #19 contract): which version of a rule is in force on a day,
// with a fingerprint of its resolved definition, so "the rule changed" is a fingerprint comparison, whatever
// changed (threshold, text, actions) and wherever it was changed (the YAML or an editor's version in the portal).
import "server-only";
import { createHash } from "node:crypto";
import { findProtocol, inForce, type ProtocolSet, type ResolvedRule } from "./engine/definition";

export {
  protocolAt,
  protocolSetAt,
  protocolVersionAt,
  protocolVersions,
  protocolVersionsBetween,
  type ProtocolVersion,
} from "./engine/periods";

export type RuleVersion = {
  protocolId: string;
  ruleId: string;
  /** "<ruleId>@<validFrom or 'begin'>" */
  versionKey: string;
  /** The first 16 hex of the sha-256 of the canonical JSON of the resolved rule version. */
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

/** The fingerprint of a resolved rule version. */
export function ruleFingerprint(rule: ResolvedRule): string {
  return createHash("sha256").update(canonicalJson(rule)).digest("hex").slice(0, 16);
}

/** The version of a rule in force on `day` (YYYY-MM-DD); null for an unknown protocol or rule, or none that day. */
export function ruleVersionAt(set: ProtocolSet, protocolId: string, ruleId: string, day: string): RuleVersion | null {
  const protocol = findProtocol(set, protocolId);
  const rule = protocol?.versions.find((r) => r.id === ruleId && inForce(r, day));
  if (!protocol || !rule) return null;
  return {
    protocolId,
    ruleId,
    versionKey: `${ruleId}@${rule.validFrom ?? "begin"}`,
    fingerprint: ruleFingerprint(rule),
    validFrom: rule.validFrom ?? null,
    validUntil: rule.validUntil ?? null,
  };
}
