// The verzuimcheck's server side: validated form input → the pure engine (with the protocols from the database)
// → what the page shows: totals, the reached steps as cards with who does what, the legal duty, and links to
// the articles that explain each rule. Stores nothing and logs no input.
import "server-only";
import type { Db } from "@/app/_core/db";
import { ValidationError } from "@/app/_core/errors";
import { articlesForRules, type RuleArticle } from "./articles-for-rules";
import {
  defaultProtocol,
  findProtocol,
  protocolList,
  type Basis,
  type Protocols,
  type ResolvedProtocol,
  type RuleAction,
} from "./engine/definition";
import { ruleView } from "./engine/rule-view";
import type { AbsenceEvaluation, TriggeredRule } from "./engine/evaluate";
import { protocolAt, type ProtocolVersion } from "./engine/periods";
import { checkLeaveVersioned, evaluateAbsenceVersioned, evaluateCountsVersioned } from "./engine/versioned";
import { todayInAmsterdam } from "./check-input";
import type { DetailedCheckInput, LeaveCheckInput, QuickCheckInput } from "./check-forms";
import { protocolIdIssues } from "./schema";

export type StepCard = {
  id: string;
  kind: TriggeredRule["kind"];
  title: string;
  thresholdText: string;
  actions: RuleAction[];
  basis: Basis;
  /** "Wet" or "Schoolbeleid <school>", as the badge shows it. */
  basisBadge: string;
  /** Where the rule comes from; the badge links to `url` when there is one. */
  source: { label: string; url?: string };
  explanation: string;
  /** The first day the step was reached (detailed mode), else null. */
  reachedOn: string | null;
  /** The highest reached step of its ladder: what is due now. Earlier steps of the same ladder are false. */
  current: boolean;
  articles: RuleArticle[];
};

export type AbsenceCheckResult = {
  mode: "quick" | "detailed";
  protocol: { id: string; name: string };
  asOf: string | null;
  schoolYear: { start: string; end: string } | null;
  eventCount: number | null;
  totals: AbsenceEvaluation["totals"];
  longestSchoolDaysInARow: number;
  /** Reached steps in protocol order (ladders together, lowest step first). */
  steps: StepCard[];
  /** The reached rules with basis "law": the school must report, without delay. */
  legalDuty: StepCard[];
  /** The protocol versions applied (more than one when the record spans a change), and what that means. */
  protocolVersion: ProtocolVersion[];
  versionNote: string | null;
};

export type LeaveCheckResult = {
  protocol: { id: string; name: string };
  allowed: boolean;
  decidedBy: "afdelingsleider" | "leerplichtambtenaar" | null;
  deciderLabel: string | null;
  reasons: string[];
  period: { first: string; last: string; schoolDays: number };
  rules: StepCard[];
  protocolVersion: ProtocolVersion[];
};

const BADGE: Record<Basis, string> = { law: "Wet", school: "Schoolbeleid" };
const DECIDER: Record<"afdelingsleider" | "leerplichtambtenaar", string> = {
  afdelingsleider: "De afdelingsleider van de school",
  leerplichtambtenaar: "De leerplichtambtenaar van de woongemeente",
};

/** The protocol a form asked for; a ValidationError on the protocol field when it does not exist. */
export function pickProtocol(protocols: Protocols, id: string | undefined): ResolvedProtocol {
  if (!id) return defaultProtocol(protocols);
  const issues = protocolIdIssues(
    id,
    protocolList(protocols).map((p) => p.id),
  );
  if (issues.length > 0)
    throw new ValidationError("Dit protocol bestaat niet (meer). Kies een ander protocol.", issues);
  return findProtocol(protocols, id)!;
}

function card(
  protocol: ResolvedProtocol,
  ruleId: string,
  reachedOn: string | null,
  current: boolean,
  articles: RuleArticle[],
): StepCard {
  const view = ruleView(protocol, ruleId)!;
  const rule = protocol.rules.find((r) => r.id === ruleId)!;
  return {
    id: view.id,
    kind: rule.kind as TriggeredRule["kind"],
    title: view.title,
    thresholdText: view.thresholdText,
    actions: view.actions,
    basis: view.basis,
    basisBadge: view.basisText || BADGE[view.basis],
    source: { label: view.source.label ?? "", ...(view.source.url ? { url: view.source.url } : {}) },
    explanation: view.explanation,
    reachedOn,
    current,
    articles,
  };
}

async function toResult(
  db: Db,
  protocol: ResolvedProtocol,
  evaluation: AbsenceEvaluation & { protocolVersion: ProtocolVersion[]; versionNote?: string | null },
  mode: AbsenceCheckResult["mode"],
  eventCount: number | null,
  /** The protocol as in force for a reached step (its version's period); default: `protocol`. */
  protocolOf: (t: TriggeredRule) => ResolvedProtocol = () => protocol,
): Promise<AbsenceCheckResult> {
  const articles = await articlesForRules(
    db,
    evaluation.triggered.map((t) => t.id),
  );
  // The last reached step of each ladder is the one due now; the engine lists a ladder lowest step first. A ladder
  // is the rules of one kind and one basis: the law's LRV report is no step of the school's thuiszittersteam ladder.
  const ladder = (t: TriggeredRule) => `${t.kind}:${t.basis}`;
  const lastOfLadder = new Map<string, string>();
  for (const t of evaluation.triggered) lastOfLadder.set(ladder(t), t.id);
  const steps = evaluation.triggered.map((t) =>
    card(protocolOf(t), t.id, t.reachedOn, lastOfLadder.get(ladder(t)) === t.id, articles[t.id] ?? []),
  );
  return {
    mode,
    protocol: { id: protocol.id, name: protocol.name },
    asOf: evaluation.asOf,
    schoolYear: evaluation.schoolYear,
    eventCount,
    totals: evaluation.totals,
    longestSchoolDaysInARow: evaluation.continuousAbsence.longestSchoolDaysInARow,
    steps,
    legalDuty: steps.filter((s) => s.basis === "law"),
    protocolVersion: evaluation.protocolVersion,
    versionNote: evaluation.versionNote ?? null,
  };
}

/** Quick mode: counts → reached steps. */
export async function runQuickCheck(db: Db, protocols: Protocols, input: QuickCheckInput): Promise<AbsenceCheckResult> {
  const protocol = pickProtocol(protocols, input.protocol);
  const today = todayInAmsterdam();
  const evaluation = evaluateCountsVersioned(
    protocol,
    {
      late: input.late,
      truancy: input.truancy,
      sickHours: input.sickHours,
      unexcusedHoursLast4Weeks: input.unexcusedHoursLast4Weeks,
      weeksAbsentInARow: input.weeksAbsentInARow,
    },
    today,
  );
  return toResult(db, protocolAt(protocol, today), evaluation, "quick", null);
}

/** Detailed mode: dated events (typed and pasted) → reached steps, with the day each was reached. */
export async function runDetailedCheck(
  db: Db,
  protocols: Protocols,
  input: DetailedCheckInput,
): Promise<AbsenceCheckResult> {
  const protocol = pickProtocol(protocols, input.protocol);
  const evaluation = evaluateAbsenceVersioned(protocol, {
    asOf: input.asOf,
    events: input.events,
    ...(input.holidays.length > 0 ? { holidays: input.holidays } : {}),
  });
  // Each card shows the rule version that was reached (a record can span a change).
  const byVersion = new Map(
    evaluation.protocolVersion.map(
      (v) => [v.id, protocolAt(protocol, v.validFrom ?? v.validUntil ?? input.asOf)] as const,
    ),
  );
  const at = (t: TriggeredRule) => byVersion.get((t as { protocolVersion?: string }).protocolVersion ?? "") ?? protocol;
  const count = input.events.filter((e) => e.date <= input.asOf).length;
  return toResult(db, protocolAt(protocol, input.asOf), evaluation, "detailed", count, at);
}

/** Leave request → allowed or not, who decides, and why. */
export async function runLeaveCheck(db: Db, protocols: Protocols, input: LeaveCheckInput): Promise<LeaveCheckResult> {
  const protocol = pickProtocol(protocols, input.protocol);
  const decision = checkLeaveVersioned(protocol, input.request);
  const atStart = protocolAt(protocol, input.request.start);
  const articles = await articlesForRules(db, decision.rules);
  return {
    protocol: { id: protocol.id, name: protocol.name },
    allowed: decision.allowed,
    decidedBy: decision.decidedBy,
    deciderLabel: decision.decidedBy ? DECIDER[decision.decidedBy] : null,
    reasons: decision.reasons,
    period: { ...decision.period, schoolDays: input.request.schoolDays },
    rules: decision.rules
      .filter((id) => ruleView(atStart, id))
      .map((id) => card(atStart, id, null, true, articles[id] ?? [])),
    protocolVersion: decision.protocolVersion,
  };
}
