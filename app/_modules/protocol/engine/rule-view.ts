// What an article, form or API shows for a protocol rule: its texts filled from the data, basis and source.
import {
  defaultProtocol,
  findProtocol,
  findRule,
  type Basis,
  type Protocols,
  type ResolvedProtocol,
  type ResolvedRule,
  type RuleAction,
  type RuleSource,
} from "./definition";
import { describeThreshold, renderRuleText } from "./rule-text";

export type RuleView = {
  id: string;
  protocolId: string;
  title: string;
  thresholdText: string;
  actions: RuleAction[];
  basis: Basis;
  basisLabel: "wet" | "schoolbeleid";
  /** Whose rule it is, as a reader sees it: "Wet" or "Schoolbeleid <school>". */
  basisText: string;
  /** Where the rule comes from (article of law, government page, or the school's protocol section). */
  source: RuleSource;
  explanation: string;
};

/** What an article, form or API shows for a rule: texts filled from the data; null when the rule is unknown. */
export function ruleView(protocol: ResolvedProtocol, ruleId: string): RuleView | null {
  const rule = findRule(protocol, ruleId);
  if (!rule) return null;
  return {
    id: rule.id,
    protocolId: protocol.id,
    title: renderRuleText(rule, rule.title),
    thresholdText: describeThreshold(rule),
    actions: rule.actions.map((a) => ({ action: a.action, actor: a.actor })),
    basis: rule.basis,
    basisLabel: basisLabel(rule.basis),
    basisText: basisText(rule),
    source: { ...rule.source },
    explanation: renderRuleText(rule, rule.explanation),
  };
}

/** "Wet" for a law rule; "Schoolbeleid <school>" for a school rule (the school of the protocol that defines it). */
export function basisText(rule: Pick<ResolvedRule, "basis" | "school">): string {
  if (rule.basis === "law") return "Wet";
  return rule.school ? `Schoolbeleid ${rule.school}` : "Schoolbeleid";
}

/** "wet" for law, "schoolbeleid" for school policy. */
export function basisLabel(basis: Basis): "wet" | "schoolbeleid" {
  return basis === "law" ? "wet" : "schoolbeleid";
}

/** Resolves an article reference "rule-id" or "protocol-id/rule-id" (default protocol when none is named). */
export function ruleViewByRef(protocols: Protocols, ref: string): RuleView | null {
  const [protocolId, ruleId] = ref.includes("/") ? ref.split("/", 2) : [defaultProtocol(protocols).id, ref];
  const protocol = findProtocol(protocols, protocolId);
  return protocol ? ruleView(protocol, ruleId) : null;
}
