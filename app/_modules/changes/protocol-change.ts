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
const yamlLines = (r: RuleLike | undefined) => (r ? YAML.stringify(r).trimEnd().split("\n") : []);

function summaryOf(before: RuleLike | undefined, after: RuleLike | undefined): string {
  if (!before) return after?.validFrom ? `Nieuwe regel, geldig vanaf ${after.validFrom}.` : "Nieuwe regel.";
  if (!after) return "Regel vervallen.";
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const names = [...new Set(keys.map((k) => FIELD_NAMES[k] ?? "overige velden"))];
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
  return `Regel aangepast: ${list}.`;
}

/**
 * Records the rule changes between two stored definitions of one protocol (before = null: first import, nothing
 * recorded). `titleOf` gives the rule's title as readers see it (placeholders filled); the raw title otherwise.
 * Returns the ids of the records.
 */
export async function recordProtocolChanges(
  tx: Pick<Db, "changeEvent">,
  opts: {
    before: DefinitionLike | null;
    after: DefinitionLike;
    titleOf?: (ruleId: string) => string | null;
    /** The topic of the articles that render the rule, for the desk feed's topic filter. */
    topicOf?: (ruleId: string) => string | null;
    actorId?: string | null;
    now?: Date;
  },
): Promise<string[]> {
  if (!opts.before) return [];
  const old = new Map((opts.before.rules ?? []).map((r) => [keyOf(r), r]));
  const neu = new Map((opts.after.rules ?? []).map((r) => [keyOf(r), r]));
  const ids: string[] = [];
  for (const key of [...new Set([...old.keys(), ...neu.keys()])]) {
    const a = old.get(key);
    const b = neu.get(key);
    if (a && b && JSON.stringify(a) === JSON.stringify(b)) continue;
    const rule = (b ?? a)!;
    let title: string | null;
    try {
      title = opts.titleOf?.(rule.id) ?? null;
    } catch {
      title = null; // a rule the viewer cannot show (e.g. removed): its raw title below
    }
    const { id } = await recordChange(tx, {
      kind: "protocol",
      refId: `${opts.after.id}/${rule.id}`,
      title: `${opts.after.name}: ${title ?? rule.title ?? rule.id}`.slice(0, 200),
      summary: summaryOf(a, b),
      diff: linesDiffText(`Regel ${key}`, yamlLines(a), yamlLines(b)),
      topic: opts.topicOf?.(rule.id) ?? null,
      isPublic: true,
      actorId: opts.actorId ?? null,
      createdAt: opts.now,
    });
    ids.push(id);
  }
  return ids;
}
