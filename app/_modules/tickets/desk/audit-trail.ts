// The audit trail of a ticket and the whole audit log.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { readAuditValue } from "@/app/_modules/audit/values";
import { type SessionUser } from "@/app/_core/session";
import { canReadAuditLog } from "../policy";
import { findScoped } from "./scoped";

type AuditRow = Prisma.AuditEventGetPayload<{ include: { actor: { select: { id: true; name: true } } } }>;
const auditView = (e: AuditRow) => ({ ...e, before: readAuditValue(e.before), after: readAuditValue(e.after) });

/** The audit trail of one ticket, oldest first (a merged ticket's own trail; no redirect). */
export async function listAuditForTicket(db: Db, opts: { user: SessionUser; reference: string }) {
  const t = await findScoped(db, opts.user, opts.reference);
  const rows = await db.auditEvent.findMany({
    where: { ticketId: t.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { actor: { select: { id: true, name: true } } },
  });
  return rows.map(auditView);
}

/** The whole audit log, newest first, keyset-paged (admins only; others get a 404). */
export async function listAudit(
  db: Db,
  opts: { user: SessionUser; cursor?: string | null; limit?: number; action?: string; ticketId?: string },
) {
  if (!canReadAuditLog(opts.user)) throw new NotFoundError();
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 200);
  const where: Prisma.AuditEventWhereInput[] = [];
  if (opts.action) where.push({ action: opts.action });
  if (opts.ticketId) where.push({ ticketId: opts.ticketId });
  if (opts.cursor) {
    const c = decodeAuditCursor(opts.cursor);
    where.push({ OR: [{ createdAt: { lt: c.at } }, { createdAt: c.at, id: { lt: c.id } }] });
  }
  const rows = await db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { actor: { select: { id: true, name: true } } },
  });
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  const nextCursor =
    more && last
      ? Buffer.from(JSON.stringify({ at: last.createdAt.toISOString(), id: last.id })).toString("base64url")
      : null;
  return { items: page.map(auditView), nextCursor };
}

function decodeAuditCursor(cursor: string): { at: Date; id: string } {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { at: string; id: string };
    const at = new Date(c.at);
    if (typeof c.id === "string" && c.id && !Number.isNaN(at.getTime())) return { at, id: c.id };
  } catch {
    // fall through
  }
  throw new ValidationError("Ongeldige positie in de lijst.", [{ path: "cursor", message: "Laad de lijst opnieuw." }]);
}
