// Change records for a protocol whose file changed on a re-seed: one record per rule (version) that was added,
// changed or removed, with a diff of the rule as YAML. The first import of a protocol is not a change.
import "server-only";
import YAML from "yaml";
import type { Db } from "@/app/_core/db";
import { linesDiffText } from "./diff-text";
import { recordChange } from "./record";

type RuleLike = { id: string; title?: string; validFrom?: string | null } & Record<string, unknown>;
type DefinitionLike = { id: string; name: string; rules?: readonly RuleLike[] };

/** Dutch names of the rule fields a reader cares about, for the one-line summary. */
const FIELD_NAMES: Record<string, string> = {
  title: "titel",
  threshold: "drempel",
  window: "periode",
  explanation: "uitleg",
  actions: "acties",
  source: "bron",
  basis: "grondslag",
  validFrom: "geldig vanaf",
  validUntil: "geldig tot",
  kind: "soort",
};

const keyOf = (r: RuleLike) => `${r.id}@${r.validFrom ?? "begin"}`;
const yamlLines = (rules: readonly RuleLike[]) =>
  rules.length === 0
    ? []
    : YAML.stringify(rules.length === 1 ? rules[0] : rules)
        .trimEnd()
        .split("\n");

const listText = (names: string[]) =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;

/** One line on what changed between the versions of one rule before and after. */
function summaryOf(before: readonly RuleLike[], after: readonly RuleLike[]): string {
  if (before.length === 0)
    return after[0]?.validFrom ? `Nieuwe regel, geldig vanaf ${after[0].validFrom}.` : "Nieuwe regel.";
  if (after.length === 0) return "Regel vervallen.";
  const old = new Map(before.map((r) => [keyOf(r), r]));
  const added = after.filter((r) => !old.has(keyOf(r)));
  if (added.length > 0)
    return `Nieuwe versie van de regel, geldig vanaf ${listText(added.map((r) => r.validFrom ?? "het begin"))}.`;
  const changedKeys = new Set<string>();
  for (const b of after) {
    const a = old.get(keyOf(b));
    if (!a) continue;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) changedKeys.add(k);
  }
  if (changedKeys.size === 0) return "Versie van de regel vervallen.";
  return `Regel aangepast: ${listText([...new Set([...changedKeys].map((k) => FIELD_NAMES[k] ?? "overige velden"))])}.`;
}

/** The versions of each rule, by rule id, in file order. */
function byRule(def: DefinitionLike | null): Map<string, RuleLike[]> {
  const out = new Map<string, RuleLike[]>();
  for (const r of def?.rules ?? []) out.set(r.id, [...(out.get(r.id) ?? []), r]);
  return out;
}

/**
 * Records the rule changes between two stored definitions of one protocol, one record per rule whose versions
 * changed (a new version for next school year is one change, though the old version gets its end date too).
 * before = null: first import, nothing recorded. `titleOf` gives the rule's title as readers see it (placeholders
 * filled); the raw title otherwise. Returns the ids of the records.
 */
export async function recordProtocolChanges(
  tx: Pick<Db, "changeEvent">,
  opts: {
    before: DefinitionLike | null;
    after: DefinitionLike;
    titleOf?: (ruleId: string) => string | null;
    /** The topic of the articles that embed the rule, for the desk feed's topic filter. */
    topicOf?: (ruleId: string) => string | null;
    actorId?: string | null;
    now?: Date;
  },
): Promise<string[]> {
  if (!opts.before) return [];
  const old = byRule(opts.before);
  const neu = byRule(opts.after);
  const ids: string[] = [];
  for (const ruleId of [...new Set([...old.keys(), ...neu.keys()])]) {
    const a = old.get(ruleId) ?? [];
    const b = neu.get(ruleId) ?? [];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const rule = (b[b.length - 1] ?? a[a.length - 1])!;
    let title: string | null;
    try {
      title = opts.titleOf?.(ruleId) ?? null;
    } catch {
      title = null; // a rule the viewer cannot show (e.g. removed): its raw title below
    }
    const { id } = await recordChange(tx, {
      kind: "protocol",
      refId: `${opts.after.id}/${ruleId}`,
      title: `${opts.after.name}: ${title ?? rule.title ?? ruleId}`.slice(0, 200),
      summary: summaryOf(a, b),
      diff: linesDiffText(`Regel ${ruleId}`, yamlLines(a), yamlLines(b)),
      topic: opts.topicOf?.(ruleId) ?? null,
      isPublic: true,
      actorId: opts.actorId ?? null,
      createdAt: opts.now,
    });
    ids.push(id);
  }
  return ids;
}
