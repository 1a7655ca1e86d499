// Evaluation with rule versions (issue #19): each event is judged by the rules in force on its date. A record
// whose events (in the school year of asOf, up to asOf) span a protocol version change is evaluated per period: the events of each
// period against that period's rules; the answer lists every version applied and says it was split. Pure.
import type { ResolvedProtocol } from "./definition";
import {
  checkLeave,
  evaluateAbsence,
  evaluateCounts,
  type AbsenceEvaluation,
  type EvaluateInput,
  type LeaveDecision,
  type LeaveRequest,
  type QuickCounts,
  type TriggeredRule,
} from "./evaluate";
import { dayOf, isoOf, schoolYearOf } from "./dates";
import { protocolAt, protocolVersionAt, protocolVersionsBetween, type ProtocolVersion } from "./periods";

export type VersionedTriggeredRule = TriggeredRule & { protocolVersion: string };

export type VersionedEvaluation = Omit<AbsenceEvaluation, "triggered"> & {
  triggered: VersionedTriggeredRule[];
  /** The protocol versions applied, in date order (more than one when the record spans a change). */
  protocolVersion: ProtocolVersion[];
  /** Set when the record spans a change: what that means, in plain Dutch. */
  versionNote: string | null;
};

const dutch = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}-${Number(m)}-${y}`;
};

/** Absence events against the rule versions in force on their dates (see the file comment). */
export function evaluateAbsenceVersioned(protocol: ResolvedProtocol, input: EvaluateInput): VersionedEvaluation {
  const asOf = input.asOf;
  const year = schoolYearOf(dayOf(asOf, "asOf"));
  // The record's span in this school year: from its first event (or the year's first day) to asOf.
  const yearStart = isoOf(year.start);
  const first = input.events.reduce<string | null>(
    (min, e) => (e.date >= yearStart && e.date <= asOf && (min === null || e.date < min) ? e.date : min),
    null,
  );
  const versions = protocolVersionsBetween(protocol, first ?? asOf, asOf);
  const whole = evaluateAbsence(protocolAt(protocol, asOf), input);
  if (versions.length <= 1) {
    const v = protocolVersionAt(protocol, asOf);
    return {
      ...whole,
      triggered: whole.triggered.map((t) => ({ ...t, protocolVersion: v.id })),
      protocolVersion: [v],
      versionNote: null,
    };
  }
  const triggered: VersionedTriggeredRule[] = [];
  for (const v of versions) {
    const from = v.validFrom ?? yearStart;
    const until = v.validUntil && v.validUntil < asOf ? v.validUntil : asOf;
    const part = evaluateAbsence(protocolAt(protocol, until), {
      ...input,
      asOf: until,
      events: input.events.filter((e) => e.date >= from && e.date <= until),
    });
    for (const t of part.triggered) triggered.push({ ...t, protocolVersion: v.id });
  }
  const changes = versions.slice(1).map((v) => dutch(v.validFrom!));
  return {
    ...whole,
    triggered,
    legalDuty: triggered.some((t) => t.basis === "law"),
    protocolVersion: versions,
    versionNote:
      `Het protocol is op ${changes.join(" en op ")} veranderd. ` +
      "Wij hebben elke periode apart bekeken, met de regels die toen golden.",
  };
}

/** Quick mode (counts, no dates): the rules in force on `day`. */
export function evaluateCountsVersioned(
  protocol: ResolvedProtocol,
  counts: QuickCounts,
  day: string,
): AbsenceEvaluation & { protocolVersion: ProtocolVersion[] } {
  return { ...evaluateCounts(protocolAt(protocol, day), counts), protocolVersion: [protocolVersionAt(protocol, day)] };
}

/** A leave request against the rules in force on its first day. */
export function checkLeaveVersioned(
  protocol: ResolvedProtocol,
  request: LeaveRequest,
): LeaveDecision & { protocolVersion: ProtocolVersion[] } {
  return {
    ...checkLeave(protocolAt(protocol, request.start), request),
    protocolVersion: [protocolVersionAt(protocol, request.start)],
  };
}
