// The public directory behind the typeaheads of the question wizard ("Wie bent u?", "Over welke school gaat het?"):
// only public facts — name, code, place, kind and sector, as in DUO's open data — never tickets, people, notes,
// e-mail domains or the sharing flag. Rate-limited per address like every other public endpoint.
import "server-only";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { enforceLimits } from "@/app/_modules/ratelimit/public-writes";
import { ORGANISATION_KINDS, type OrganisationKind, type OrganisationSummary } from "./codes";
import { findSchoolByCode, liveOrganisation, organisationFacts, searchOrganisations } from "./service";
import type { RoutingFacts } from "@/app/_modules/triage/organisation";

/** One entry of the public directory: an organisation's public facts. */
export type DirectoryEntry = OrganisationSummary;

/** A person types a few characters per second; a typeahead asks once per pause. 120 in 10 minutes is a script. */
export const DIRECTORY_LIMIT = { perAddress: 120, windowMs: 10 * 60_000 };
export const DIRECTORY_MAX_RESULTS = 8;

export const directoryQuerySchema = z.object({
  q: z
    .string({ error: "Typ minstens 2 tekens." })
    .trim()
    .min(2, "Typ minstens 2 tekens.")
    .max(100, "Typ hoogstens 100 tekens.")
    .refine((v) => !/[<>]/.test(v), "Gebruik alleen letters, cijfers en leestekens."),
  kind: z
    .union([z.enum(ORGANISATION_KINDS), z.literal("")], {
      error: "Kies school, bestuur, gemeente, leverancier of anders, of laat kind leeg.",
    })
    .optional()
    .transform((v): OrganisationKind | undefined => v || undefined),
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

/** Counts one lookup against the address's limit; throws a 429 with a Dutch message when over it. */
export function limitDirectory(db: Db, opts: { ip: string }): Promise<void> {
  return enforceLimits(
    db,
    [{ bucket: "directory", key: opts.ip, limit: DIRECTORY_LIMIT.perAddress, windowMs: DIRECTORY_LIMIT.windowMs }],
    (m) =>
      `Te veel zoekopdrachten. Wacht ${m} ${m === 1 ? "minuut" : "minuten"}, of typ de naam van uw school of organisatie zelf.`,
  );
}

/** Organisations whose name, code or place contain every word typed (optionally of one kind): public facts only. */
export async function searchDirectory(db: Db, query: DirectoryQuery): Promise<DirectoryEntry[]> {
  const found = await searchOrganisations(db, {
    q: query.q,
    kinds: query.kind ? [query.kind] : undefined,
    limit: DIRECTORY_MAX_RESULTS,
  });
  // Copied field by field: whatever the summary gains later does not leak through this endpoint.
  return found.map((o) => ({ id: o.id, kind: o.kind, sector: o.sector, name: o.name, code: o.code, place: o.place }));
}

/**
 * The routing facts the wizard's preview may use: the organisation picked in the typeahead and the school the
 * question is about, both public (a bestuur's facts name the desks of its schools, also public). Unknown ids or
 * codes decide nothing here: the submit reports them per field. The e-mail domain is not used: the preview must
 * not tell a visitor which organisation an address belongs to.
 */
export async function previewFacts(
  db: Db,
  opts: { organisationId?: string; aboutSchoolCode?: string },
): Promise<RoutingFacts | undefined> {
  const [org, school] = await Promise.all([
    opts.organisationId ? liveOrganisation(db, opts.organisationId) : null,
    opts.aboutSchoolCode ? findSchoolByCode(db, opts.aboutSchoolCode) : null,
  ]);
  const [organisation, schoolFacts] = await Promise.all([
    organisationFacts(db, org),
    organisationFacts(db, school?.kind === "school" ? school : null),
  ]);
  if (!organisation && !schoolFacts) return undefined;
  return { ...(organisation ? { organisation } : {}), ...(schoolFacts ? { school: schoolFacts } : {}) };
}
