// Protocol versions (issue #19): a rule may have several versions with validity periods (validFrom/validUntil,
// inclusive). A protocol version is a maximal period in which the set of rule versions in force does not change;
// its id is "<protocolId>@<validFrom or 'begin'>". Pure: no I/O, no clock.
import { inForce, protocolList, type ProtocolSet, type ResolvedProtocol } from "./definition";
import { dayOf, isoOf } from "./dates";

export type ProtocolVersion = { id: string; validFrom: string | null; validUntil: string | null };

/** The protocol with the rule versions in force on `day` as its `rules`. */
export function protocolAt(protocol: ResolvedProtocol, day: string): ResolvedProtocol {
  return { ...protocol, rules: protocol.versions.filter((r) => inForce(r, day)) };
}

/** Every protocol of a set as in force on `day`. */
export function protocolSetAt(set: ProtocolSet, day: string): ProtocolSet {
  const out: Record<string, ResolvedProtocol> = Object.create(null);
  for (const p of protocolList(set)) out[p.id] = protocolAt(p, day);
  return out;
}

/** The protocol's versions in date order: consecutive periods from the beginning to no end. */
export function protocolVersions(protocol: ResolvedProtocol): ProtocolVersion[] {
  const starts = new Set<string>();
  for (const r of protocol.versions) {
    if (r.validFrom) starts.add(r.validFrom);
    if (r.validUntil) starts.add(isoOf(dayOf(r.validUntil) + 1));
  }
  const sorted = [...starts].sort();
  const list: ProtocolVersion[] = [];
  let from: string | null = null;
  for (const next of sorted) {
    list.push({ id: `${protocol.id}@${from ?? "begin"}`, validFrom: from, validUntil: isoOf(dayOf(next) - 1) });
    from = next;
  }
  list.push({ id: `${protocol.id}@${from ?? "begin"}`, validFrom: from, validUntil: null });
  return list;
}

/** The protocol version in force on `day`. */
export function protocolVersionAt(protocol: ResolvedProtocol, day: string): ProtocolVersion {
  return protocolVersions(protocol).find((v) => inForce(asPeriod(v), day))!;
}

/** The protocol versions that share at least one day with [from, to] (inclusive), in date order. */
export function protocolVersionsBetween(protocol: ResolvedProtocol, from: string, to: string): ProtocolVersion[] {
  return protocolVersions(protocol).filter(
    (v) => (!v.validFrom || v.validFrom <= to) && (!v.validUntil || from <= v.validUntil),
  );
}

function asPeriod(v: ProtocolVersion): { validFrom?: string; validUntil?: string } {
  return { ...(v.validFrom ? { validFrom: v.validFrom } : {}), ...(v.validUntil ? { validUntil: v.validUntil } : {}) };
}
