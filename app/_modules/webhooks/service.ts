// Webhooks: admin registration (every change audited) and queuing of events. An event is queued as one
// WebhookDelivery row per subscribed webhook, inside the transaction that causes it (or, for the SQLite intake
// fast path, right after its commit), so an event is never lost and never slows the request beyond one insert.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, Prisma } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { newId } from "@/app/_core/ids";
import { recordAudit } from "@/app/_modules/audit/service";
import { parseInput } from "@/app/_modules/tickets/desk-schema";
import {
  PING_EVENT,
  WEBHOOK_EVENTS,
  webhookEventsColumn,
  webhookInputSchema,
  type WebhookContactData,
  type WebhookEvent,
  type WebhookInput,
  type WebhookTicketData,
} from "./schema";
import { checkWebhookUrl } from "./url";

type Tx = Pick<Db, "webhook" | "webhookDelivery">;
type TicketTx = Tx & Pick<Db, "ticket">;

// Active subscriptions per process for a few seconds: an event on a portal without webhooks costs no query.
// Changes made in this process clear it at once; another instance sees them within SUBSCRIPTION_TTL_MS.
// Held on globalThis: Next.js may load this module once per route bundle, and a change must clear all of them.
const SUBSCRIPTION_TTL_MS = 5_000;
const cache = globalThis as unknown as {
  __portalWebhookSubs?: { at: number; list: { id: string; events: string[] }[] } | null;
};
export const clearWebhookCache = () => void (cache.__portalWebhookSubs = null);

async function subscribers(tx: Tx, event: string, now: number): Promise<string[]> {
  let subs = cache.__portalWebhookSubs;
  if (!subs || now - subs.at > SUBSCRIPTION_TTL_MS) {
    const rows = await tx.webhook.findMany({ where: { enabled: true }, select: { id: true, events: true } });
    subs = cache.__portalWebhookSubs = {
      at: now,
      list: rows.map((r) => ({ id: r.id, events: webhookEventsColumn.decode(r.events) as string[] })),
    };
  }
  return subs.list.filter((w) => w.events.includes(event)).map((w) => w.id);
}

/** The enabled webhooks subscribed to an event (held for a few seconds, see SUBSCRIPTION_TTL_MS). */
export const subscribersOf = (tx: Tx, event: WebhookEvent): Promise<string[]> => subscribers(tx, event, Date.now());

/** The delivery rows of one event: one per webhook, every column, all with the event's id and body. */
export function webhookDeliveryRows(
  webhookIds: readonly string[],
  event: WebhookEvent | typeof PING_EVENT,
  data: unknown,
  now: Date,
  makeId: () => string = newId,
): { eventId: string; rows: Prisma.WebhookDeliveryModel[] } {
  const eventId = makeId();
  const body = JSON.stringify({ id: eventId, type: event, createdAt: now.toISOString(), data });
  const rows = webhookIds.map((webhookId) => ({
    id: makeId(),
    webhookId,
    eventId,
    event,
    body,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    leasedAt: null,
    responseStatus: null,
    responseExcerpt: null,
    lastError: null,
    durationMs: null,
    deliveredAt: null,
    createdAt: now,
  }));
  return { eventId, rows };
}

/** Queues one event for every enabled webhook subscribed to it; returns the event id (null when nobody listens). */
export async function enqueueWebhookEvent(
  tx: Tx,
  event: WebhookEvent | typeof PING_EVENT,
  data: unknown,
  opts: { now?: Date; onlyWebhookId?: string } = {},
): Promise<string | null> {
  const now = opts.now ?? new Date();
  const ids = opts.onlyWebhookId ? [opts.onlyWebhookId] : await subscribers(tx, event, Date.now());
  if (!ids.length) return null;
  const { eventId, rows } = webhookDeliveryRows(ids, event, data, now);
  await tx.webhookDelivery.createMany({ data: rows });
  return eventId;
}

/** A ticket as a webhook event's data. */
export function webhookTicketData(
  t: {
    reference: string;
    deskId: string;
    status: string;
    channel: string;
    subject: string;
    topic: string | null;
    assigneeId: string | null;
    createdAt: Date;
    updatedAt: Date;
  },
  changes: WebhookTicketData["changes"],
): WebhookTicketData {
  return {
    reference: t.reference,
    desk: t.deskId as WebhookTicketData["desk"],
    status: t.status as WebhookTicketData["status"],
    channel: t.channel as WebhookTicketData["channel"],
    subject: t.subject,
    topic: t.topic,
    assigneeId: t.assigneeId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    changes,
  };
}

/**
 * Queues ticket events for a ticket as it is now (read inside the same transaction): ticket.updated (or
 * ticket.created), plus ticket.resolved when `resolved` is set, ticket.transferred / ticket.merged with their extra
 * fields, and ticket.note_added for a "note" change. A note is internal: it is not a ticket.updated change, so a
 * receiver hears of notes only when it subscribes to ticket.note_added (and never gets their text).
 */
export async function enqueueTicketEvents(
  tx: TicketTx,
  ticketId: string,
  changes: WebhookTicketData["changes"],
  opts: {
    created?: boolean;
    resolved?: boolean;
    transferred?: { formerReference: string; fromDesk: string };
    mergedInto?: string;
    now?: Date;
  } = {},
): Promise<void> {
  const now = Date.now();
  const updates = changes.filter((c) => c !== "note");
  const wanted: { event: WebhookEvent; changes: WebhookTicketData["changes"]; extra?: object }[] = [];
  if (opts.created) wanted.push({ event: "ticket.created", changes });
  else if (updates.length) wanted.push({ event: "ticket.updated", changes: updates });
  if (opts.resolved) wanted.push({ event: "ticket.resolved", changes: updates });
  if (opts.transferred) wanted.push({ event: "ticket.transferred", changes: updates, extra: opts.transferred });
  if (opts.mergedInto)
    wanted.push({ event: "ticket.merged", changes: updates, extra: { mergedInto: opts.mergedInto } });
  if (changes.includes("note")) wanted.push({ event: "ticket.note_added", changes: ["note"] });
  const listening = (
    await Promise.all(wanted.map(async (w) => ((await subscribers(tx, w.event, now)).length ? w : null)))
  ).filter((w) => w !== null);
  if (!listening.length) return;
  const t = await tx.ticket.findUnique({
    where: { id: ticketId },
    select: {
      reference: true,
      deskId: true,
      status: true,
      channel: true,
      subject: true,
      topic: true,
      assigneeId: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!t) return;
  for (const w of listening) {
    await enqueueWebhookEvent(tx, w.event, { ...webhookTicketData(t, w.changes), ...w.extra }, { now: opts.now });
  }
}

/** Queues contact.logged. */
export async function enqueueContactEvent(tx: Tx, data: WebhookContactData, now?: Date): Promise<void> {
  await enqueueWebhookEvent(tx, "contact.logged", data, { now });
}

// ---- administration -------------------------------------------------------------------------------------------

const publicView = (w: {
  id: string;
  url: string;
  events: string;
  enabled: boolean;
  secret: string;
  createdAt: Date;
}) => ({
  id: w.id,
  url: w.url,
  events: webhookEventsColumn.decode(w.events),
  enabled: w.enabled,
  secretHint: `${w.secret.slice(0, 6)}…`,
  createdAt: w.createdAt,
});

/** Registers a webhook; the secret (given, or made here) is returned once in full. */
export async function createWebhook(db: Db, input: WebhookInput, actorId: string | null) {
  const v = parseInput(webhookInputSchema, input);
  const check = await checkWebhookUrl(v.url);
  if (!check.ok) throw new ValidationError(check.message, [{ path: "url", message: check.message }]);
  const secret = v.secret || `whsec_${randomBytes(24).toString("base64url")}`;
  const events = WEBHOOK_EVENTS.filter((e) => v.events.includes(e));
  const row = await db.$transaction(async (tx) => {
    const w = await tx.webhook.create({
      data: { url: check.url.toString(), secret, events: webhookEventsColumn.encode(events), createdById: actorId },
    });
    await recordAudit(tx, {
      actorId,
      action: "webhook.created",
      entityType: "webhook",
      entityId: w.id,
      after: { url: w.url, events, enabled: true },
    });
    return w;
  });
  clearWebhookCache();
  return { ...publicView(row), secret };
}

/** Turns a webhook off (no new deliveries; queued ones wait) or on again. Idempotent. */
export async function setWebhookEnabled(db: Db, id: string, enabled: boolean, actorId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const w = await tx.webhook.findUnique({ where: { id } });
    if (!w) throw new NotFoundError("Deze webhook bestaat niet.");
    if (w.enabled === enabled) return;
    await tx.webhook.update({ where: { id }, data: { enabled } });
    await recordAudit(tx, {
      actorId,
      action: enabled ? "webhook.enabled" : "webhook.disabled",
      entityType: "webhook",
      entityId: id,
      before: { enabled: w.enabled },
      after: { enabled },
    });
  });
  clearWebhookCache();
}

/** Deletes a webhook with its delivery log. */
export async function deleteWebhook(db: Db, id: string, actorId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const w = await tx.webhook.findUnique({ where: { id } });
    if (!w) throw new NotFoundError("Deze webhook bestaat niet.");
    await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, {
      actorId,
      action: "webhook.deleted",
      entityType: "webhook",
      entityId: id,
      before: { url: w.url, events: webhookEventsColumn.decode(w.events), enabled: w.enabled },
    });
  });
  clearWebhookCache();
}

/** Queues a webhook.ping to one webhook (the admin's "Testbericht"), audited. */
export async function pingWebhook(db: Db, id: string, actorId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const w = await tx.webhook.findUnique({ where: { id } });
    if (!w) throw new NotFoundError("Deze webhook bestaat niet.");
    if (!w.enabled)
      throw new ValidationError("Zet de webhook eerst aan.", [{ path: "id", message: "Deze webhook staat uit." }]);
    const eventId = await enqueueWebhookEvent(
      tx,
      PING_EVENT,
      { webhookId: id, message: "Testbericht van de Onderwijs Helpdesk" },
      { onlyWebhookId: id },
    );
    await recordAudit(tx, {
      actorId,
      action: "webhook.pinged",
      entityType: "webhook",
      entityId: id,
      after: { eventId },
    });
  });
}

/** Every webhook for the admin list (the secret only as a hint). */
export async function listWebhooks(db: Db) {
  const rows = await db.webhook.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map(publicView);
}

/** The latest deliveries for the admin log. */
export async function listDeliveries(db: Db, limit = 50) {
  const rows = await db.webhookDelivery.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { webhook: { select: { url: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    webhookId: d.webhookId,
    url: d.webhook.url,
    event: d.event,
    eventId: d.eventId,
    status: d.status.startsWith("sending:") ? "sending" : d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    responseExcerpt: d.responseExcerpt,
    lastError: d.lastError,
    durationMs: d.durationMs,
    nextAttemptAt: d.status === "pending" || d.status === "retry" ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
  }));
}
