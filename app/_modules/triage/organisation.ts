// Routing by organisation (spec/triage.md, "Routing by organisation"): pure, the caller's service looks the facts up
// and passes them in. The desk follows the school the question is about; municipalities and vendors go to the IPO.
import type { CallerType, Sector } from "./schema";

export type OrganisationKindFact = "school" | "bestuur" | "gemeente" | "leverancier" | "anders";
export type SchoolSectorFact = "po" | "so" | "vo" | "mbo";

/** What routing knows about an organisation. */
export type OrganisationFact = {
  kind: OrganisationKindFact;
  name: string;
  sector?: SchoolSectorFact;
  /** A bestuur: the desks its schools belong to. */
  schoolDesks?: readonly ("po" | "vo-mbo")[];
};

/** The asking organisation and the school the question is about (on behalf of), when known. */
export type RoutingFacts = { organisation?: OrganisationFact; school?: OrganisationFact };

export type OrganisationDecision = { desk: "po" | "vo-mbo"; sector?: Sector; reason: string };

const SECTOR_WORDS: Record<SchoolSectorFact, string> = {
  po: "een basisschool (po)",
  so: "een school voor speciaal onderwijs",
  vo: "een school voor voortgezet onderwijs",
  mbo: "een mbo-instelling",
};
const DESK_WORDS = { po: "de Helpdesk BRON PO", "vo-mbo": "het Informatiepunt Onderwijs (IPO)" } as const;

// (v)so is registered through BRON PO, so it belongs to the PO desk.
const deskOf = (s: SchoolSectorFact): "po" | "vo-mbo" => (s === "po" || s === "so" ? "po" : "vo-mbo");
const sectorOf = (s: SchoolSectorFact): Sector => (s === "so" ? "po" : s);

/**
 * The desk the organisation facts decide, or null when they decide nothing (the text and caller type do).
 *  1. A municipality or vendor (by caller type or by the matched organisation) asks the IPO, whatever school.
 *  2. A school the question is about (with a sector) decides: its sector's desk.
 *  3. A caller who did not say they are a school (bestuur, other) but belongs to a school: that school's desk.
 * Rule 4 (a bestuur whose schools are all on one desk) only settles an undecided question: see `fallbackDesk`.
 */
export function deskByOrganisation(callerType: CallerType, facts?: RoutingFacts): OrganisationDecision | null {
  if (!facts || (!facts.organisation && !facts.school) || callerType === "parent-or-student") return null;
  const org = facts.organisation;
  const school = facts.school?.kind === "school" && facts.school.sector ? facts.school : undefined;
  if (
    callerType === "municipality" ||
    callerType === "software-vendor" ||
    org?.kind === "gemeente" ||
    org?.kind === "leverancier"
  ) {
    const who =
      org?.kind === "leverancier" || callerType === "software-vendor" ? "een softwareleverancier" : "een gemeente";
    return {
      desk: "vo-mbo",
      ...(school ? { sector: sectorOf(school.sector!) } : {}),
      reason: `U vraagt dit als ${who}${school ? ` over ${school.name}` : ""}. Daarom helpt ${DESK_WORDS["vo-mbo"]} u.`,
    };
  }
  if (school) {
    const desk = deskOf(school.sector!);
    return {
      desk,
      sector: sectorOf(school.sector!),
      reason: `Uw vraag gaat over ${school.name}, ${SECTOR_WORDS[school.sector!]}. Daarom helpt ${DESK_WORDS[desk]} u.`,
    };
  }
  if (org?.kind === "school" && org.sector && (callerType === "school-board" || callerType === "other")) {
    const desk = deskOf(org.sector);
    return {
      desk,
      sector: sectorOf(org.sector),
      reason: `U werkt bij ${org.name}, ${SECTOR_WORDS[org.sector]}. Daarom helpt ${DESK_WORDS[desk]} u.`,
    };
  }
  return null;
}

/** Rule 4: a bestuur whose schools all belong to one desk settles a question the text leaves open. */
export function fallbackDesk(facts?: RoutingFacts): OrganisationDecision | null {
  const org = facts?.organisation;
  if (org?.kind !== "bestuur" || org.schoolDesks?.length !== 1) return null;
  const desk = org.schoolDesks[0]!;
  return {
    desk,
    ...(desk === "po" ? { sector: "po" as const } : {}),
    reason: `De scholen van ${org.name} vallen allemaal onder ${DESK_WORDS[desk]}. Daarom helpt ${DESK_WORDS[desk]} u.`,
  };
}
