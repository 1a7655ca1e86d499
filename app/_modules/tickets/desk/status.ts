// Moving a ticket to another status.
import "server-only";
import type { Db } from "@/app/_core/db";
import { enqueueMail } from "@/app/_modules/mail/outbox";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import { ticketStatusMail } from "@/app/_modules/mail/templates";
import { parseInput, statusSchema } from "../desk-schema";
import { followUpLinkForMail } from "../desk-token";
import { canChangeStatus } from "../policy";
import {
  assertActive,
  findScoped,
  recordStatusChange,
  statusChange,
  statusError,
  updateGuarded,
  type Common,
} from "./scoped";

/** Moves the ticket to another status (SLA paused while waiting, resolvedAt/closedAt set); optionally mails the caller. */
export async function changeStatus(
  db: Db,
  opts: Common & { status: "open" | "waiting" | "resolved" | "closed"; notifyCaller?: boolean },
) {
  const { user } = opts;
  const input = parseInput(statusSchema, { status: opts.status, notifyCaller: opts.notifyCaller });
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const t = await findScoped(tx, user, opts.reference);
    assertActive(user, t);
    if (input.status === t.status) return { status: t.status, changed: false };
    if (!canChangeStatus(user, t, input.status)) throw statusError(t, input.status, "status");
    const change = statusChange(t, input.status, now);
    await updateGuarded(tx, t, { ...change, updatedAt: now });
    await recordStatusChange(tx, user, t, input.status, change, now);
    if (input.notifyCaller) {
      const link = await followUpLinkForMail(tx, t, user.id);
      const mail = ticketStatusMail({
        reference: t.reference,
        status: input.status,
        followUpUrl: link.url,
        requesterName: t.requester.name,
        deskName: t.desk.name,
      });
      await enqueueMail(tx, { to: t.requester.email, ...mail, ticketId: t.id });
    }
    await enqueueTicketEvents(tx, t.id, ["status"], { resolved: input.status === "resolved", now });
    return { status: input.status, changed: true };
  });
}
