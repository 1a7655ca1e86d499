// The integration API's view of tickets: one ticket by reference and a keyset-paged list for syncing, always
// limited to the desks an API token may use (another desk's ticket is a 404, as if it did not exist).
import "server-only";
import type { ApiPrincipal } from "@/app/_core/api-token";
import type { Db, Prisma } from "@/app/_core/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import type { z } from "zod";
import type { apiTicketListQuerySchema, apiTicketSchema, apiTicketSummarySchema } from "./api-schema";
import { REFERENCE_PATTERN } from "./reference";

type ApiTicket = z.infer<typeof apiTicketSchema>;
type ApiTicketSummary = z.infer<typeof apiTicketSummarySchema>;

/** Message kinds every reader gets; notes need the notes:read scope. */
export const PUBLIC_MESSAGE_KINDS = ["caller", "reply", "phone", "system"] as const;

const summarySelect = {
  id: true,
  reference: true,
  deskId: true,
  status: true,
  channel: true,
  subject: true,
  topic: true,
  sector: true,
  callerType: true,
  createdAt: true,
  updatedAt: true,
  firstResponseDueAt: true,
  resolutionDueAt: true,
  firstRespondedAt: true,
  resolvedAt: true,
  organisation: { select: { id: true, kind: true, name: true, code: true } },
  school: { select: { id: true, kind: true, name: true, code: true } },
} satisfies Prisma.TicketSelect;

type SummaryRow = Prisma.TicketGetPayload<{ select: typeof summarySelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(t: SummaryRow, formerReferences: string[] = []): ApiTicketSummary {
  return {
    reference: t.reference,
    formerReferences,
    desk: t.deskId as DeskId,
    status: t.status as ApiTicketSummary["status"],
    channel: t.channel as ApiTicketSummary["channel"],
    subject: t.subject,
    topic: t.topic,
    sector: t.sector,
    callerType: t.callerType,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    firstResponseDueAt: iso(t.firstResponseDueAt),
    resolutionDueAt: iso(t.resolutionDueAt),
    firstRespondedAt: iso(t.firstRespondedAt),
    resolvedAt: iso(t.resolvedAt),
    organisation: t.organisation as ApiTicketSummary["organisation"],
    schoolConcerned: t.school as ApiTicketSummary["schoolConcerned"],
  };
}

/** GET /api/v1/tickets/{reference}: the ticket with its public messages (and notes with notes:read). */
export async function getApiTicket(db: Db, principal: ApiPrincipal, reference: string): Promise<ApiTicket> {
  const ref = reference.trim().toUpperCase();
  if (!REFERENCE_PATTERN.test(ref)) throw new NotFoundError("Deze vraag bestaat niet.");
  // The caller's old reference after a transfer finds the ticket too (referenceWhere's rule, as two unique lookups:
  // an OR over the relation would scan the ticket table on SQLite).
  const select = { ...summarySelect, formerReferences: { select: { reference: true } } };
  const found =
    (await db.ticket.findUnique({ where: { reference: ref }, select })) ??
    (await db.ticketFormerReference.findUnique({ where: { reference: ref }, select: { ticket: { select } } }))
      ?.ticket ??
    null;
  const { formerReferences, ...row } = found ?? { formerReferences: [] };
  const former = formerReferences.map((f) => f.reference).sort();
  if (!found || !principal.desks.includes(found.deskId as DeskId)) throw new NotFoundError("Deze vraag bestaat niet.");
  const kinds: string[] = [...PUBLIC_MESSAGE_KINDS, ...(principal.scopes.includes("notes:read") ? ["note"] : [])];
  const messages = await db.message.findMany({
    where: { ticketId: found.id, kind: { in: kinds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  return {
    ...toSummary(row as SummaryRow, former),
    messages: messages.map((m) => ({
      kind: m.kind as ApiTicket["messages"][number]["kind"],
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      author: m.author?.name ?? null,
    })),
  };
}

type ListQuery = z.infer<typeof apiTicketListQuerySchema>;

const badCursor = () =>
  new ValidationError("De cursor klopt niet. Begin opnieuw zonder cursor.", [
    { path: "cursor", message: "Ongeldige cursor." },
  ]);

export function encodeApiCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ u: updatedAt.toISOString(), id })).toString("base64url");
}

export function decodeApiCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { u?: unknown; id?: unknown };
    const d = typeof v.u === "string" ? new Date(v.u) : null;
    if (!d || Number.isNaN(d.getTime()) || typeof v.id !== "string" || !/^[a-z0-9]{8,40}$/.test(v.id))
      throw badCursor();
    return { updatedAt: d, id: v.id };
  } catch {
    throw badCursor();
  }
}

/** GET /api/v1/tickets: tickets changed since a moment, oldest change first, keyset-paged on (updatedAt, id). */
export async function listApiTickets(
  db: Db,
  principal: ApiPrincipal,
  q: ListQuery,
): Promise<{ items: ApiTicketSummary[]; nextCursor: string | null }> {
  if (q.desk && !principal.desks.includes(q.desk))
    throw new ForbiddenError(`Deze token geldt niet voor de desk ${q.desk}.`);
  const desks = q.desk ? [q.desk] : principal.desks;
  const limit = q.limit ?? 50;
  const and: Prisma.TicketWhereInput[] = [{ deskId: desks.length === 1 ? desks[0] : { in: desks } }];
  if (q.updatedSince) and.push({ updatedAt: { gte: new Date(q.updatedSince) } });
  if (q.status) and.push({ status: q.status });
  if (q.cursor) {
    const c = decodeApiCursor(q.cursor);
    and.push({ OR: [{ updatedAt: { gt: c.updatedAt } }, { updatedAt: c.updatedAt, id: { gt: c.id } }] });
  }
  const rows = await db.ticket.findMany({
    where: { AND: and },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r)),
    nextCursor: rows.length > limit && last ? encodeApiCursor(last.updatedAt, last.id) : null,
  };
}
