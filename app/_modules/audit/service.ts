// Audit events: who did what, when, with before/after. Written inside the same transaction as the change.
import "server-only";
import type { Db } from "@/app/_core/db";
import { encodeAuditValue } from "./values";

type Tx = Pick<Db, "auditEvent">;

/** Records one audit event. */
export async function recordAudit(
  tx: Tx,
  e: {
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    ticketId?: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      ticketId: e.ticketId ?? null,
      before: encodeAuditValue(e.before),
      after: encodeAuditValue(e.after),
    },
  });
}
