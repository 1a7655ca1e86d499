// Rule versions that editors add in the portal (issue #19), merged over the versions from the protocol files: an
// editor version of rule R from day D becomes a version of R valid from D (its threshold replaced, everything else
// copied from the version in force on D), and the version in force before is cut to end on D-1. Pure.
import { inForce, ruleSchema, type ProtocolSet, type ResolvedProtocol, type ResolvedRule } from "./definition";
import { dayOf, isoOf } from "./dates";

export type EditorRuleVersion = {
  protocolId: string;
  ruleId: string;
  /** YYYY-MM-DD */
  validFrom: string;
  threshold: Record<string, number>;
};

/** The rule version an editor's threshold from `validFrom` gives, or an error text (Dutch) when it does not fit. */
export function editorRuleVersion(
  base: ResolvedRule,
  version: Pick<EditorRuleVersion, "validFrom" | "threshold">,
): { ok: true; rule: ResolvedRule } | { ok: false; error: string } {
  const keys = Object.keys(base.threshold ?? {});
  const extra = Object.keys(version.threshold).filter((k) => !keys.includes(k));
  if (extra.length) return { ok: false, error: `Deze regel heeft geen drempel "${extra[0]}".` };
  const rule = { ...base, validFrom: version.validFrom, threshold: { ...version.threshold } } as ResolvedRule;
  const { definedIn: _d, school: _s, ...plain } = rule;
  void _d;
  void _s;
  const checked = ruleSchema.safeParse(plain);
  if (!checked.success) return { ok: false, error: "Deze drempel past niet bij de regel." };
  return { ok: true, rule };
}

/** Adds one editor version to a protocol's versions (see the file comment); unchanged when it does not apply. */
function mergeOne(protocol: ResolvedProtocol, v: EditorRuleVersion): ResolvedRule[] {
  const versions = protocol.versions;
  const at = versions.findIndex((r) => r.id === v.ruleId && inForce(r, v.validFrom));
  if (at < 0) return versions;
  const current = versions[at]!;
  // A version defined in a protocol nearer than the editor's one (a child that overrides the rule) wins.
  const depth = protocol.chain.indexOf(v.protocolId);
  if (depth < 0 || protocol.chain.indexOf(current.definedIn) < depth) return versions;
  const made = editorRuleVersion(current, v);
  if (!made.ok) return versions;
  const next = [...versions];
  if (current.validFrom === v.validFrom) next.splice(at, 1, made.rule);
  else next.splice(at, 1, { ...current, validUntil: isoOf(dayOf(v.validFrom) - 1) } as ResolvedRule, made.rule);
  return next;
}

/** The set with the editors' versions merged in (oldest start first), `rules` re-picked for `day`. */
export function mergeEditorVersions(set: ProtocolSet, rows: readonly EditorRuleVersion[], day: string): ProtocolSet {
  if (rows.length === 0) return set;
  const sorted = [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const out: Record<string, ResolvedProtocol> = Object.create(null);
  for (const p of Object.values(set)) {
    let versions = p.versions;
    for (const v of sorted) versions = mergeOne({ ...p, versions }, v);
    out[p.id] = versions === p.versions ? p : { ...p, versions, rules: versions.filter((r) => inForce(r, day)) };
  }
  return out;
}
