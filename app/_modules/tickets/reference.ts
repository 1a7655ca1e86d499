// Human ticket references per desk and year: PO-2026-000123, IPO-2026-000123.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";

/** Formats a reference. */
export function formatReference(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, "0")}`;
}

export const REFERENCE_PATTERN = /^(PO|IPO)-\d{4}-\d{6}$/;

// One formatter for the process: building an Intl.DateTimeFormat costs more than the ticket's other work.
const amsterdamYear = new Intl.DateTimeFormat("en", { timeZone: "Europe/Amsterdam", year: "numeric" });

/** The year a ticket's reference uses (Europe/Amsterdam, so a ticket at 00:30 on 1 January counts in the new year). */
export function referenceYear(d: Date): number {
  return Number(amsterdamYear.format(d));
}

/**
 * Takes the next number for a desk and year. One atomic upsert (INSERT … ON CONFLICT DO UPDATE on PostgreSQL,
 * a serialised write on SQLite), outside the ticket's own transaction: a failed ticket leaves a gap, never a duplicate.
 */
export async function nextTicketNumber(db: Pick<Db, "ticketCounter">, deskId: string, year: number): Promise<number> {
  const row = await db.ticketCounter.upsert({
    where: { deskId_year: { deskId, year } },
    create: { deskId, year, value: 1 },
    update: { value: { increment: 1 } },
    select: { value: true },
  });
  return row.value;
}

/** Normalises a reference typed or linked by someone ("po-2026-000001 " → "PO-2026-000001"), or null when it is none. */
export function parseReference(input: unknown): string | null {
  const ref = typeof input === "string" ? input.trim().toUpperCase() : "";
  return REFERENCE_PATTERN.test(ref) ? ref : null;
}

/**
 * The ticket a reference names: the ticket whose reference it is now, or the ticket that had it before a transfer
 * (the caller's mails and links still carry it). Compare the found ticket's `reference` to see which. Two unique
 * lookups rather than one OR over the relation, which SQLite would answer by scanning the ticket table.
 */
export async function referenceWhere(
  db: Pick<Db, "ticketFormerReference">,
  reference: string,
): Promise<Prisma.TicketWhereInput> {
  const former = await db.ticketFormerReference.findUnique({ where: { reference }, select: { ticketId: true } });
  return former ? { id: former.ticketId } : { reference };
}
