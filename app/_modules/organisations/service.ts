// Organisations: search, lookup by code and e-mail domain, matching callers, facts for routing, notes, merging
// duplicates and the agent's organisation page. Ticket lists are always limited to the desks the user may see.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { ticketScope } from "@/app/_modules/tickets/access";
import {
  brinOf,
  checkCode,
  deskForSector,
  emailDomain,
  foldText,
  normaliseCode,
  SHARED_MAIL_DOMAINS,
  type OrganisationKind,
  type OrganisationSummary,
  type SchoolSector,
} from "./codes";

export type { OrganisationSummary };

const SUMMARY = { id: true, kind: true, sector: true, name: true, code: true, place: true } as const;
const asSummary = (o: {
  id: string;
  kind: string;
  sector: string | null;
  name: string;
  code: string | null;
  place: string | null;
}): OrganisationSummary => ({ ...o, kind: o.kind as OrganisationKind, sector: o.sector as SchoolSector | null });

/**
 * Organisations whose name, code or place contain every word of `q` (accent- and case-insensitive), or whose code
 * is `code` (exact; a 4-character BRIN also finds its vestigingen). Merged duplicates are left out.
 */
export async function searchOrganisations(
  db: Db,
  opts: { q?: string; code?: string; kinds?: OrganisationKind[]; limit?: number; offset?: number },
): Promise<OrganisationSummary[]> {
  const words = foldText(opts.q ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 6);
  const code = opts.code ? normaliseCode(opts.code) : "";
  const rows = await db.organisation.findMany({
    where: {
      mergedIntoId: null,
      ...(opts.kinds?.length ? { kind: { in: opts.kinds } } : {}),
      ...(code ? { OR: [{ code }, ...(code.length === 4 ? [{ code: { startsWith: code } }] : [])] } : {}),
      AND: words.map((w) => ({ searchText: { contains: w } })),
    },
    select: SUMMARY,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: Math.min(opts.limit ?? 20, 100),
    skip: opts.offset ?? 0,
  });
  return rows.map(asSummary);
}

/** Ticket counts of organisations: tickets they asked, tickets about them (school concerned), open ones. */
export async function ticketCounts(
  db: Db,
  ids: string[],
  desks?: readonly string[],
): Promise<Map<string, { asked: number; about: number; open: number }>> {
  const out = new Map(ids.map((id) => [id, { asked: 0, about: 0, open: 0 }]));
  if (!ids.length) return out;
  const desk = desks ? { deskId: { in: [...desks] } } : {};
  const [asked, about, open] = await Promise.all([
    db.ticket.groupBy({
      by: ["organisationId"],
      where: { ...desk, organisationId: { in: ids } },
      _count: { _all: true },
    }),
    db.ticket.groupBy({ by: ["schoolId"], where: { ...desk, schoolId: { in: ids } }, _count: { _all: true } }),
    db.ticket.groupBy({
      by: ["organisationId"],
      where: { ...desk, organisationId: { in: ids }, status: { in: ["new", "open", "waiting"] } },
      _count: { _all: true },
    }),
  ]);
  for (const r of asked) out.get(r.organisationId!)!.asked = r._count._all;
  for (const r of about) out.get(r.schoolId!)!.about = r._count._all;
  for (const r of open) out.get(r.organisationId!)!.open = r._count._all;
  return out;
}

async function followMerge<T extends { id: string; mergedIntoId: string | null }>(
  db: Db,
  o: T | null,
): Promise<string | null> {
  let id = o?.id ?? null;
  let next = o?.mergedIntoId ?? null;
  for (let hops = 0; next && hops < 5; hops++) {
    const n = await db.organisation.findUnique({ where: { id: next }, select: { id: true, mergedIntoId: true } });
    id = n?.id ?? id;
    next = n?.mergedIntoId ?? null;
  }
  return id;
}

/** The school with this code: exact, else the only vestiging of a 4-character BRIN (or its main vestiging 00). */
export async function findSchoolByCode(db: Db, raw: string): Promise<OrganisationSummary | null> {
  const code = normaliseCode(raw);
  if (!/^[0-9]{2}[A-Z]{2}([0-9]{2})?$/.test(code)) return null;
  let rows = await db.organisation.findMany({
    where: { kind: "school", OR: [{ code }, { code: { startsWith: brinOf(code) } }] },
    select: { ...SUMMARY, mergedIntoId: true },
  });
  const exact = rows.find((r) => r.code === code);
  if (!exact && code.length === 4) rows = rows.filter((r) => r.code!.startsWith(code));
  const pick =
    exact ??
    (rows.length === 1 ? rows[0] : rows.find((r) => r.code === code + "00")) ??
    (code.length === 6 ? null : null);
  if (!pick) return null;
  if (!pick.mergedIntoId) return asSummary(pick);
  const id = await followMerge(db, pick);
  const live = id ? await db.organisation.findUnique({ where: { id }, select: SUMMARY }) : null;
  return live ? asSummary(live) : null;
}

/** The organisation an e-mail address's domain belongs to (never for shared mail providers). */
export async function findByEmailDomain(db: Db, email: string): Promise<OrganisationSummary | null> {
  const domain = emailDomain(email);
  if (!domain || SHARED_MAIL_DOMAINS.has(domain)) return null;
  const d = await db.organisationDomain.findUnique({
    where: { domain },
    select: { organisation: { select: { ...SUMMARY, mergedIntoId: true } } },
  });
  if (!d) return null;
  const id = await followMerge(db, d.organisation);
  const live = id ? await db.organisation.findUnique({ where: { id }, select: SUMMARY }) : null;
  return live ? asSummary(live) : null;
}

/** A live (not merged) organisation by id, or null. */
export async function liveOrganisation(db: Db, id: string): Promise<OrganisationSummary | null> {
  const o = await db.organisation.findFirst({ where: { id, mergedIntoId: null }, select: SUMMARY });
  return o ? asSummary(o) : null;
}

export type MatchedBy = "domain" | "agent" | "school-code" | "choice";
export type CallerMatch = { organisation: OrganisationSummary; matchedBy: MatchedBy } | null;

/**
 * The organisation of a caller: the one an agent chose, else the one whose e-mail domain the address has (proof
 * the caller works there), else the school whose code the caller gave, else the one picked in the wizard (a claim).
 */
export async function matchCaller(
  db: Db,
  opts: { email?: string | null; schoolCode?: string | null; chosenId?: string | null; byAgent?: boolean },
): Promise<CallerMatch> {
  if (opts.chosenId && opts.byAgent) {
    const o = await liveOrganisation(db, opts.chosenId);
    if (o) return { organisation: o, matchedBy: "agent" };
  }
  if (opts.email) {
    const o = await findByEmailDomain(db, opts.email);
    if (o) return { organisation: o, matchedBy: "domain" };
  }
  if (opts.schoolCode) {
    const o = await findSchoolByCode(db, opts.schoolCode);
    if (o) return { organisation: o, matchedBy: "school-code" };
  }
  if (opts.chosenId && !opts.byAgent) {
    const o = await liveOrganisation(db, opts.chosenId);
    if (o) return { organisation: o, matchedBy: "choice" };
  }
  return null;
}

/** What the routing needs to know about an organisation (passed into the pure triage engine). */
export type OrganisationFacts = {
  kind: OrganisationKind;
  name: string;
  sector?: SchoolSector;
  /** For a bestuur: the desks its schools belong to. */
  schoolDesks?: ("po" | "vo-mbo")[];
};

/** Facts for routing: kind, sector, and for a bestuur the desks of its schools. */
export async function organisationFacts(db: Db, o: OrganisationSummary | null): Promise<OrganisationFacts | undefined> {
  if (!o) return undefined;
  const facts: OrganisationFacts = { kind: o.kind, name: o.name, ...(o.sector ? { sector: o.sector } : {}) };
  if (o.kind === "bestuur") {
    const sectors = await db.organisation.findMany({
      where: { bestuurId: o.id, mergedIntoId: null, kind: "school" },
      select: { sector: true },
      distinct: ["sector"],
    });
    facts.schoolDesks = [
      ...new Set(sectors.flatMap((s) => (s.sector ? [deskForSector(s.sector as SchoolSector)] : []))),
    ].sort();
  }
  return facts;
}

/** The school a question is about ("namens / over welke school"): a known, live school, or a field error. */
export async function resolveSchoolConcerned(
  db: Db,
  opts: { schoolId?: string | null; schoolCode?: string | null; field: string },
): Promise<OrganisationSummary | null> {
  if (!opts.schoolId && !opts.schoolCode) return null;
  const o = opts.schoolId
    ? await liveOrganisation(db, opts.schoolId)
    : await findSchoolByCode(db, opts.schoolCode ?? "");
  if (!o || o.kind !== "school")
    throw new ValidationError("Deze school kennen we niet.", [
      {
        path: opts.field,
        message: "Deze school kennen we niet. Kies een school uit de lijst of vul een bestaande BRIN-code in.",
      },
    ]);
  return o;
}

/** Links a caller (requester) to an organisation, chosen by an agent; the caller's tickets follow. Audited. */
export async function linkRequester(
  db: Db,
  opts: { requesterId: string; organisationId: string | null; user: SessionUser },
): Promise<void> {
  const requester = await db.requester.findFirst({
    where: { id: opts.requesterId, tickets: { some: ticketScope(opts.user) } },
    select: { id: true, email: true, organisationId: true },
  });
  if (!requester) throw new NotFoundError("Deze beller bestaat niet.");
  const org = opts.organisationId ? await liveOrganisation(db, opts.organisationId) : null;
  if (opts.organisationId && !org) throw new NotFoundError("Deze organisatie bestaat niet.");
  await db.$transaction([
    // Every requester row of this address: the caller is one person across tickets.
    db.requester.updateMany({
      where: { email: requester.email },
      data: { organisationId: org?.id ?? null, organisationMatchedBy: org ? "agent" : null },
    }),
    db.ticket.updateMany({
      where: { requester: { email: requester.email } },
      data: { organisationId: org?.id ?? null },
    }),
    db.auditEvent.create({
      data: {
        actorId: opts.user.id,
        action: "requester.organisation",
        entityType: "requester",
        entityId: requester.id,
        before: JSON.stringify({ organisationId: requester.organisationId }),
        after: JSON.stringify({ organisationId: org?.id ?? null }),
      },
    }),
  ]);
}

/** Adds an agent's note to an organisation (plain text, 2–2000 characters, no BSN). */
export async function addOrganisationNote(
  db: Db,
  opts: { organisationId: string; body: string; user: SessionUser },
): Promise<void> {
  const body = opts.body.trim();
  if (body.length < 2 || body.length > 2000)
    throw new ValidationError("Controleer de notitie.", [
      { path: "body", message: "Schrijf een notitie van 2 tot 2000 tekens." },
    ]);
  if (containsPersonalNumber(body))
    throw new ValidationError("Controleer de notitie.", [{ path: "body", message: PERSONAL_NUMBER_MESSAGE }]);
  const org = await liveOrganisation(db, opts.organisationId);
  if (!org) throw new NotFoundError("Deze organisatie bestaat niet.");
  await db.organisationNote.create({ data: { organisationId: org.id, body, authorId: opts.user.id } });
}

/**
 * Merges a duplicate into another organisation: its callers, tickets (asked and about), notes, e-mail domains and
 * schools move over; the duplicate stays as a pointer (old links lead to the survivor). Audited.
 */
export async function mergeOrganisations(
  db: Db,
  opts: { duplicateId: string; intoId: string; user: SessionUser },
): Promise<void> {
  if (opts.duplicateId === opts.intoId)
    throw new ValidationError("Kies een andere organisatie.", [
      { path: "intoId", message: "Een organisatie kan niet met zichzelf worden samengevoegd." },
    ]);
  const [dup, into] = await Promise.all([liveOrganisation(db, opts.duplicateId), liveOrganisation(db, opts.intoId)]);
  if (!dup || !into) throw new NotFoundError("Deze organisatie bestaat niet.");
  if (dup.kind !== into.kind)
    throw new ValidationError("Kies een organisatie van dezelfde soort.", [
      { path: "intoId", message: "Alleen organisaties van dezelfde soort kunnen worden samengevoegd." },
    ]);
  await db.$transaction([
    db.requester.updateMany({ where: { organisationId: dup.id }, data: { organisationId: into.id } }),
    db.ticket.updateMany({ where: { organisationId: dup.id }, data: { organisationId: into.id } }),
    db.ticket.updateMany({ where: { schoolId: dup.id }, data: { schoolId: into.id } }),
    db.organisationNote.updateMany({ where: { organisationId: dup.id }, data: { organisationId: into.id } }),
    db.organisationDomain.updateMany({ where: { organisationId: dup.id }, data: { organisationId: into.id } }),
    db.organisation.updateMany({ where: { bestuurId: dup.id }, data: { bestuurId: into.id } }),
    db.organisation.updateMany({ where: { municipalityId: dup.id }, data: { municipalityId: into.id } }),
    db.organisation.update({ where: { id: dup.id }, data: { mergedIntoId: into.id } }),
    db.auditEvent.create({
      data: {
        actorId: opts.user.id,
        action: "organisation.merged",
        entityType: "organisation",
        entityId: dup.id,
        before: JSON.stringify({ id: dup.id, name: dup.name, code: dup.code }),
        after: JSON.stringify({ mergedIntoId: into.id }),
      },
    }),
  ]);
}

/** Sets the "shared" flag (Mijn vragen: colleagues see each other's tickets). Audited. */
export async function setOrganisationShared(
  db: Db,
  opts: { organisationId: string; shared: boolean; user: SessionUser },
): Promise<void> {
  const org = await liveOrganisation(db, opts.organisationId);
  if (!org) throw new NotFoundError("Deze organisatie bestaat niet.");
  await db.$transaction([
    db.organisation.update({ where: { id: org.id }, data: { shared: opts.shared } }),
    db.auditEvent.create({
      data: {
        actorId: opts.user.id,
        action: "organisation.shared",
        entityType: "organisation",
        entityId: org.id,
        after: JSON.stringify({ shared: opts.shared }),
      },
    }),
  ]);
}

export const PAGE_TICKETS = 50;

const TICKET_ROW = {
  id: true,
  reference: true,
  subject: true,
  status: true,
  deskId: true,
  channel: true,
  createdAt: true,
  organisationId: true,
  schoolId: true,
  organisation: { select: { id: true, name: true } },
  school: { select: { id: true, name: true } },
  requester: { select: { name: true } },
} as const;

/**
 * The organisation page: the organisation with its bestuur and municipality, its schools (bestuur) or the schools
 * in it (municipality), people, notes, and the newest tickets by it and about it (only on the user's desks), with
 * counts. Follows a merged duplicate to the survivor (`redirectTo`).
 */
export async function organisationPage(
  db: Db,
  opts: { id: string; user: SessionUser; tickets?: "by" | "about" | "all"; limit?: number },
) {
  const org = await db.organisation.findUnique({
    where: { id: opts.id },
    include: {
      bestuur: { select: SUMMARY },
      municipality: { select: SUMMARY },
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
      notes: { orderBy: { createdAt: "desc" }, take: 50 },
    },
  });
  if (!org) throw new NotFoundError("Deze organisatie bestaat niet.");
  if (org.mergedIntoId) return { redirectTo: (await followMerge(db, org))! } as const;
  const scope = ticketScope(opts.user);
  const limit = Math.min(opts.limit ?? PAGE_TICKETS, 200);
  const childWhere =
    org.kind === "bestuur"
      ? { bestuurId: org.id, mergedIntoId: null }
      : org.kind === "gemeente"
        ? { municipalityId: org.id, mergedIntoId: null, kind: "school" }
        : null;
  const byWhere = { ...scope, organisationId: org.id };
  const aboutWhere = { ...scope, schoolId: org.id };
  // Counts per status (one grouped read each, answered from the (organisationId|schoolId, deskId, status) indexes).
  const perStatus = (where: Prisma.TicketWhereInput) =>
    db.ticket.groupBy({ by: ["status"], where, _count: { _all: true } });
  const [byTickets, aboutTickets, byStatus, aboutStatus, schools, people, authors] = await Promise.all([
    db.ticket.findMany({
      where: byWhere,
      select: TICKET_ROW,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    }),
    db.ticket.findMany({
      where: aboutWhere,
      select: TICKET_ROW,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    }),
    perStatus(byWhere),
    perStatus(aboutWhere),
    childWhere
      ? db.organisation.findMany({ where: childWhere, select: SUMMARY, orderBy: { name: "asc" }, take: 200 })
      : Promise.resolve([]),
    // People: distinct caller addresses, newest first.
    db.requester.groupBy({
      by: ["email", "name"],
      where: { organisationId: org.id },
      _max: { createdAt: true },
      orderBy: { _max: { createdAt: "desc" } },
      take: 50,
    }),
    db.user.findMany({
      where: { id: { in: [...new Set(org.notes.map((n) => n.authorId).filter((x): x is string => !!x))] } },
      select: { id: true, name: true },
    }),
  ]);
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  const sum = (rows: { status: string; _count: { _all: number } }[], statuses?: string[]) =>
    rows.filter((r) => !statuses || statuses.includes(r.status)).reduce((n, r) => n + r._count._all, 0);
  return {
    organisation: {
      ...asSummary(org),
      shared: org.shared,
      bestuur: org.bestuur ? asSummary(org.bestuur) : null,
      municipality: org.municipality ? asSummary(org.municipality) : null,
      domains: org.domains.map((d) => d.domain),
    },
    counts: { by: sum(byStatus), about: sum(aboutStatus), open: sum(byStatus, ["new", "open", "waiting"]) },
    byTickets,
    aboutTickets,
    schools: schools.map(asSummary),
    people: people.map((p) => ({ name: p.name, email: p.email, lastAt: p._max.createdAt })),
    notes: org.notes.map((n) => ({
      id: n.id,
      body: n.body,
      createdAt: n.createdAt,
      author: n.authorId ? (authorName.get(n.authorId) ?? null) : null,
    })),
  } as const;
}

/** The last tickets of an organisation on the user's desks (ticket sidebar, contact screen). */
export async function lastTicketsOf(
  db: Db,
  opts: { organisationId: string; user: SessionUser; limit?: number; exceptId?: string },
) {
  return db.ticket.findMany({
    where: {
      ...ticketScope(opts.user),
      OR: [{ organisationId: opts.organisationId }, { schoolId: opts.organisationId }],
      ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}),
    },
    select: { reference: true, subject: true, status: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit ?? 5,
  });
}

export { checkCode };
