// Tickets from the agent's side: read, reply, note, status, assignment, topic, tags, transfer, merge, links, audit.
// Every function takes the acting SessionUser and finds tickets through ticketScope(user): a ticket of another desk
// is a NotFoundError (404), never a 403. Every change writes its audit event (and any mail) in the same transaction.
// A change is applied only if the ticket did not change since it was read in that transaction (updatedAt check), so
// two agents acting at once get a ConflictError instead of overwriting each other.
import type { Db, Prisma } from "@/app/_core/db";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import { visibleDesks, type DeskId, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { enqueueMail } from "@/app/_modules/mail/outbox";
import { enqueueTicketEvents } from "@/app/_modules/webhooks/service";
import {
  ticketMergedMail,
  ticketReplyMail,
  ticketStatusMail,
  ticketTransferredMail,
} from "@/app/_modules/mail/templates";
import { ticketScope } from "./access";
import { deskSlaSettings, endPause, slaOnStatusChange, slaOnTransfer, slaSummary } from "./desk-sla";
import { parseInput, replySchema, statusSchema, tagsSchema, topicSchema, transferSchema } from "./desk-schema";
import { followUpLinkForMail } from "./desk-token";
import { deriveReplyBody } from "./reply-body";
import { checkAttachmentFiles, removeStored, storeFiles, type UploadedFile } from "./service";
import type { FileStorage } from "@/app/_modules/storage/storage";
import {
  canActOnTicket,
  canAddNote,
  canAssignTo,
  canChangeStatus,
  canCreateTag,
  canEditTicketDetails,
  canMerge,
  canReadAuditLog,
  canReply,
  canTransfer,
  canViewDesk,
} from "./policy";
import { nextTicketNumber, formatReference, parseReference, referenceWhere } from "./reference";
import { STATUS_LABELS, TICKET_STATUSES, type TicketStatus } from "./schema";

type Tx = Prisma.TransactionClient;
type Common = { user: SessionUser; reference: string; now?: Date };

const NOT_FOUND = "Deze vraag is niet gevonden.";
const CHANGED = "Iemand anders heeft deze vraag net gewijzigd. Laad de vraag opnieuw en probeer het nog eens.";

const scopedInclude = {
  desk: true,
  requester: true,
  mergedInto: { select: { reference: true } },
} satisfies Prisma.TicketInclude;
type ScopedTicket = Prisma.TicketGetPayload<{ include: typeof scopedInclude }>;

/**
 * Finds a ticket by its reference (or a reference it had before a transfer) within the user's scope, or throws a
 * 404. Does not follow merges.
 */
async function findScoped(tx: Tx | Db, user: SessionUser, reference: string): Promise<ScopedTicket> {
  const ref = parseReference(reference);
  if (!ref) throw new NotFoundError(NOT_FOUND);
  const t = await tx.ticket.findFirst({
    where: { AND: [ticketScope(user), await referenceWhere(tx, ref)] },
    include: scopedInclude,
  });
  if (!t) throw new NotFoundError(NOT_FOUND);
  return t;
}

/** Throws when the ticket was merged away: work goes on in the target. */
function assertActive(user: SessionUser, t: ScopedTicket): void {
  if (t.mergedIntoId)
    throw new ConflictError(
      `Deze vraag is samengevoegd met ${t.mergedInto?.reference ?? "een andere vraag"}. Werk verder in die vraag.`,
    );
  // Found through ticketScope, so only a role without desk work (none today) ends up here.
  if (!canActOnTicket(user, t)) throw new NotFoundError(NOT_FOUND);
}

/** Writes ticket fields only if nobody changed the ticket since `t` was read. */
async function updateGuarded(
  tx: Tx,
  t: { id: string; updatedAt: Date },
  data: Prisma.TicketUncheckedUpdateManyInput,
): Promise<void> {
  const r = await tx.ticket.updateMany({ where: { id: t.id, updatedAt: t.updatedAt }, data });
  if (r.count !== 1) throw new ConflictError(CHANGED);
}

const statusText = (s: string) => STATUS_LABELS[s as TicketStatus] ?? s;

/** Status change inside a transaction: SLA fields, system message (the caller sees it) and audit. Returns the data to write. */
function statusChange(t: ScopedTicket, to: string, now: Date) {
  return slaOnStatusChange(t, to, deskSlaSettings(t.desk), now);
}

async function recordStatusChange(tx: Tx, user: SessionUser, t: ScopedTicket, to: string, data: object, now: Date) {
  await tx.message.create({
    data: { ticketId: t.id, kind: "system", body: `De status is nu: ${statusText(to)}.`, createdAt: now },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "ticket.status_changed",
    entityType: "ticket",
    entityId: t.id,
    ticketId: t.id,
    before: { status: t.status },
    after: { status: to, ...pick(data, ["resolutionDueAt", "firstResponseDueAt", "slaPausedMs", "slaPausedAt"]) },
  });
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (const k of keys) if (k in o) r[k] = (o as Record<string, unknown>)[k];
  return r;
}

function statusError(t: ScopedTicket, to: string, path: string): ValidationError {
  return new ValidationError("Deze status kan nu niet.", [
    { path, message: `Een vraag met status '${statusText(t.status)}' kan niet naar '${statusText(to)}'.` },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Reading

const linkSelect = {
  id: true,
  reference: true,
  subject: true,
  status: true,
  deskId: true,
} satisfies Prisma.TicketSelect;

/** What the user may do on the ticket, for the UI (the services check again). */
export function ticketPermissions(
  user: SessionUser,
  t: { deskId: string; status: string; mergedIntoId: string | null },
) {
  return {
    reply: canReply(user, t),
    note: canAddNote(user, t),
    statuses: TICKET_STATUSES.filter((s) => canChangeStatus(user, t, s)),
    edit: canEditTicketDetails(user, t),
    transferTo: (["po", "vo-mbo"] as DeskId[]).filter((d) => canTransfer(user, t, d)),
    createTags: canCreateTag(user),
  };
}

/**
 * The ticket as the agent sees it: conversation (caller messages, replies, notes, system events), attachments,
 * tags, links (to visible tickets only), requester and the requester's other tickets (same e-mail, visible desks).
 * A merged ticket returns only `{ redirectTo }` with the target's reference; a reference the ticket had before a
 * transfer returns `{ redirectTo, formerReference }` with its current one.
 */
export async function getTicketForAgent(db: Db, opts: { user: SessionUser; reference: string; now?: Date }) {
  const { user } = opts;
  const ref = parseReference(opts.reference);
  if (!ref) throw new NotFoundError(NOT_FOUND);
  const scope = ticketScope(user);
  const t = await db.ticket.findFirst({
    where: { AND: [scope, await referenceWhere(db, ref)] },
    include: {
      desk: true,
      requester: true,
      formerReferences: { select: { reference: true }, orderBy: { createdAt: "asc" } },
      assignee: { select: { id: true, name: true } },
      mergedInto: { select: { reference: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          author: { select: { id: true, name: true } },
          attachments: { select: { id: true, fileName: true, mimeType: true, size: true } },
        },
      },
      attachments: {
        select: { id: true, messageId: true, fileName: true, mimeType: true, size: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      tags: { select: { tag: { select: { id: true, name: true } } } },
      linksFrom: { where: { to: scope }, select: { createdAt: true, to: { select: linkSelect } } },
      linksTo: { where: { from: scope }, select: { createdAt: true, from: { select: linkSelect } } },
    },
  });
  if (!t) throw new NotFoundError(NOT_FOUND);
  if (t.mergedIntoId) return { redirectTo: t.mergedInto!.reference } as const;
  if (t.reference !== ref) return { redirectTo: t.reference, formerReference: ref } as const;

  const [requesterTickets, mergedFrom] = await Promise.all([
    db.ticket.findMany({
      where: {
        AND: [scope, { requester: { email: t.requester.email } }, { id: { not: t.id } }, { mergedIntoId: null }],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { ...linkSelect, createdAt: true },
    }),
    // A plain equality (not the relation include's `IN (…)`), so SQLite uses the mergedIntoId index.
    db.ticket.findMany({ where: { mergedIntoId: t.id }, select: { reference: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const { linksFrom, linksTo, tags, desk, formerReferences, ...rest } = t;
  const links = [
    ...linksFrom.map((l) => ({ ...l.to, linkedAt: l.createdAt })),
    ...linksTo.map((l) => ({ ...l.from, linkedAt: l.createdAt })),
  ].sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime());
  const hours = deskSlaSettings(desk).hours;
  return {
    redirectTo: null,
    ticket: {
      ...rest,
      mergedFrom,
      formerReferences: formerReferences.map((f) => f.reference),
      desk: { id: desk.id, name: desk.name, shortName: desk.shortName, phone: desk.phone },
      tags: tags.map((x) => x.tag.name).sort(),
      links,
    },
    requesterTickets,
    sla: slaSummary(t, hours, opts.now ?? new Date()),
    permissions: ticketPermissions(user, t),
  } as const;
}

// ---------------------------------------------------------------------------------------------
// Reply and note

/**
 * A public reply (mailed to the caller with the follow-up link) or an internal note (never shown or mailed to the
 * caller). The first public reply sets firstRespondedAt; a reply on a new ticket opens it unless statusAfter says otherwise.
 * With editor JSON the stored text is derived from it on the server (reply-body.ts). Attachments get the intake checks.
 */
export async function replyToTicket(
  db: Db,
  opts: Common & {
    body?: string;
    bodyJson?: unknown;
    kind: "reply" | "note";
    statusAfter?: "open" | "waiting" | "resolved" | "closed";
    attachments?: UploadedFile[];
    storage?: FileStorage;
  },
) {
  const { user } = opts;
  const derived = deriveReplyBody({ body: opts.body, bodyJson: opts.bodyJson });
  const input = parseInput(replySchema, {
    kind: opts.kind,
    body: derived.body,
    bodyJson: derived.bodyJson,
    statusAfter: opts.statusAfter,
  });
  const now = opts.now ?? new Date();
  // Before any file is stored: the ticket must exist in the user's scope.
  await findScoped(db, user, opts.reference);
  const stored = await storeFiles(opts.storage, await checkAttachmentFiles(opts.attachments ?? []));
  return db
    .$transaction(async (tx) => {
      const t = await findScoped(tx, user, opts.reference);
      assertActive(user, t);
      const isReply = input.kind === "reply";
      if (isReply && !canReply(user, t))
        throw new ConflictError("Deze vraag is gesloten. U kunt alleen nog een interne notitie toevoegen.");
      if (!isReply && !canAddNote(user, t)) throw new NotFoundError(NOT_FOUND);

      let to: string | undefined = input.statusAfter;
      if (to === t.status) to = undefined;
      if (to === undefined && isReply && t.status === "new") to = "open";
      if (to && !canChangeStatus(user, t, to)) throw statusError(t, to, "statusAfter");

      const message = await tx.message.create({
        data: {
          ticketId: t.id,
          kind: input.kind,
          authorId: user.id,
          body: input.body,
          bodyJson: input.bodyJson ?? null,
          createdAt: now,
          attachments: {
            create: stored.map((f) => ({
              ticketId: t.id,
              fileName: f.name,
              mimeType: f.mime,
              size: f.size,
              sha256: f.sha256,
              storageKey: f.key,
            })),
          },
        },
      });
      const data: Prisma.TicketUncheckedUpdateManyInput = { updatedAt: now };
      if (isReply && !t.firstRespondedAt) data.firstRespondedAt = now;
      const change = to ? statusChange(t, to, now) : {};
      await updateGuarded(tx, t, { ...data, ...change });
      await recordAudit(tx, {
        actorId: user.id,
        action: isReply ? "ticket.replied" : "ticket.note_added",
        entityType: "message",
        entityId: message.id,
        ticketId: t.id,
        after: {
          kind: input.kind,
          messageId: message.id,
          ...(data.firstRespondedAt ? { firstRespondedAt: now } : {}),
          ...(stored.length ? { attachments: stored.length } : {}),
        },
      });
      if (to) await recordStatusChange(tx, user, t, to, change, now);

      let mailed = false;
      if (isReply) {
        const link = await followUpLinkForMail(tx, t, user.id);
        const mail = ticketReplyMail({
          reference: t.reference,
          deskName: t.desk.name,
          deskArticle: t.desk.article,
          followUpUrl: link.url,
          requesterName: t.requester.name,
          replyText: input.body,
        });
        await enqueueMail(tx, { to: t.requester.email, ...mail, ticketId: t.id });
        mailed = true;
      }
      if (isReply || to) {
        await enqueueTicketEvents(
          tx,
          t.id,
          [...(isReply ? (["reply"] as const) : []), ...(to ? (["status"] as const) : [])],
          { resolved: to === "resolved", now },
        );
      }
      return { messageId: message.id, status: to ?? t.status, mailed, attachments: stored.length };
    })
    .catch(async (e) => {
      await removeStored(opts.storage, stored);
      throw e;
    });
}

// ---------------------------------------------------------------------------------------------
// Status, assignee, topic, tags

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

/** Assigns the ticket to oneself or a colleague of its desk (admins qualify for both desks); null unassigns. */
export async function assignTicket(db: Db, opts: Common & { assigneeId: string | null }) {
  const { user } = opts;
  const now = opts.now ?? new Date();
  if (
    opts.assigneeId !== null &&
    (typeof opts.assigneeId !== "string" || !opts.assigneeId || opts.assigneeId.length > 40)
  ) {
    throw new ValidationError("Kies een collega.", [{ path: "assigneeId", message: "Kies een collega." }]);
  }
  return db.$transaction(async (tx) => {
    const t = await findScoped(tx, user, opts.reference);
    assertActive(user, t);
    if (t.assigneeId === opts.assigneeId) return { assigneeId: t.assigneeId, changed: false };
    const assignee = opts.assigneeId
      ? await tx.user.findUnique({ where: { id: opts.assigneeId }, include: { desks: { select: { deskId: true } } } })
      : null;
    if (opts.assigneeId && !assignee)
      throw new ValidationError("Deze collega bestaat niet.", [
        { path: "assigneeId", message: "Kies een collega uit de lijst." },
      ]);
    const a = assignee
      ? { id: assignee.id, role: assignee.role, active: assignee.active, desks: assignee.desks.map((d) => d.deskId) }
      : null;
    if (!canAssignTo(user, a, t)) {
      if (t.status === "closed") throw new ConflictError("Deze vraag is gesloten.");
      throw new ValidationError("Deze collega kan deze vraag niet krijgen.", [
        { path: "assigneeId", message: `Deze collega werkt niet voor ${t.desk.shortName} of is niet actief.` },
      ]);
    }
    await updateGuarded(tx, t, { assigneeId: opts.assigneeId, updatedAt: now });
    const before = t.assigneeId
      ? await tx.user.findUnique({ where: { id: t.assigneeId }, select: { id: true, name: true } })
      : null;
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.assigned",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      before: { assigneeId: t.assigneeId, name: before?.name ?? null },
      after: { assigneeId: opts.assigneeId, name: assignee?.name ?? null },
    });
    await enqueueTicketEvents(tx, t.id, ["assignment"], { now });
    return { assigneeId: opts.assigneeId, changed: true };
  });
}

/** Colleagues who can be given the ticket: active agents of its desk, and admins. */
export async function listAssignableUsers(db: Db, opts: { user: SessionUser; reference: string }) {
  const t = await findScoped(db, opts.user, opts.reference);
  return db.user.findMany({
    where: { active: true, OR: [{ role: "admin" }, { role: "agent", desks: { some: { deskId: t.deskId } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}

/** Sets the ticket's topic (an id of the taxonomy when one is stored) or clears it. */
export async function setTopic(db: Db, opts: Common & { topic: string | null }) {
  const { user } = opts;
  const input = parseInput(topicSchema, { topic: opts.topic });
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const t = await findScoped(tx, user, opts.reference);
    assertActive(user, t);
    if (!canEditTicketDetails(user, t)) throw new NotFoundError(NOT_FOUND);
    if (input.topic === t.topic) return { topic: t.topic, changed: false };
    if (input.topic !== null) {
      const row = await tx.setting.findUnique({ where: { key: "taxonomy" } });
      const topics = row
        ? ((JSON.parse(row.value) as { taxonomy?: { topics?: { id: string }[] } }).taxonomy?.topics ?? null)
        : null;
      if (topics && !topics.some((x) => x.id === input.topic))
        throw new ValidationError("Onbekend onderwerp.", [
          { path: "topic", message: "Kies een onderwerp uit de lijst." },
        ]);
    }
    await updateGuarded(tx, t, { topic: input.topic, updatedAt: now });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.topic_changed",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      before: { topic: t.topic },
      after: { topic: input.topic },
    });
    return { topic: input.topic, changed: true };
  });
}

/** All tags, for pickers. */
export async function listTags(db: Db, opts: { user: SessionUser }) {
  if (visibleDesks(opts.user).length === 0) return [];
  return db.tag.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Replaces the ticket's tags. Agents choose existing tags; a new tag name is created only for admins. */
export async function setTags(db: Db, opts: Common & { tags: string[] }) {
  const { user } = opts;
  const input = parseInput(tagsSchema, { tags: opts.tags });
  const names = [...new Set(input.tags)].sort();
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const t = await findScoped(tx, user, opts.reference);
    assertActive(user, t);
    if (!canEditTicketDetails(user, t)) throw new NotFoundError(NOT_FOUND);
    const existing = await tx.tag.findMany({ where: { name: { in: names } } });
    const missing = names.filter((n) => !existing.some((e) => e.name === n));
    if (missing.length && !canCreateTag(user)) {
      throw new ValidationError("Deze tag bestaat nog niet.", [
        {
          path: "tags",
          message: `De tag '${missing[0]}' bestaat nog niet. Kies een bestaande tag. Alleen een beheerder kan nieuwe tags maken.`,
        },
      ]);
    }
    const tags = [...existing];
    for (const name of missing) {
      // upsert: two admins creating the same tag at once both end up with the one row.
      const tag = await tx.tag.upsert({ where: { name }, create: { name }, update: {} });
      await recordAudit(tx, {
        actorId: user.id,
        action: "tag.created",
        entityType: "tag",
        entityId: tag.id,
        ticketId: t.id,
        after: { name },
      });
      tags.push(tag);
    }
    const current = await tx.ticketTag.findMany({ where: { ticketId: t.id }, include: { tag: true } });
    const before = current.map((c) => c.tag.name).sort();
    if (before.join("\n") === names.join("\n")) return { tags: names, changed: false };
    const wanted = new Set(tags.map((x) => x.id));
    const remove = current.filter((c) => !wanted.has(c.tagId)).map((c) => c.tagId);
    if (remove.length) await tx.ticketTag.deleteMany({ where: { ticketId: t.id, tagId: { in: remove } } });
    for (const tag of tags)
      if (!current.some((c) => c.tagId === tag.id))
        await tx.ticketTag.create({ data: { ticketId: t.id, tagId: tag.id } });
    await updateGuarded(tx, t, { updatedAt: now });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.tags_changed",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      before: { tags: before },
      after: { tags: names },
    });
    return { tags: names, changed: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Transfer, merge, links

/**
 * Moves the ticket to the other desk, where it gets that desk's own next number for its year: references are per
 * desk, so keeping the old one would collide with the new desk's ticket of the same number. The old reference is
 * kept as a former reference: the caller's mails, follow-up link (derived from the first reference), a search and
 * the ticket URL still find the ticket. Due times are recomputed with the new desk's settings; the assignee stays
 * only if they work for the new desk. The caller gets a mail naming the new desk, the new number and the reason
 * (so the reason is written for the caller).
 */
export async function transferTicket(db: Db, opts: Common & { toDesk: DeskId; reason: string }) {
  const { user } = opts;
  const input = parseInput(transferSchema, { toDesk: opts.toDesk, reason: opts.reason });
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const t = await findScoped(tx, user, opts.reference);
    assertActive(user, t);
    if (input.toDesk === t.deskId)
      throw new ValidationError("De vraag staat al bij deze helpdesk.", [
        { path: "toDesk", message: "Kies de andere helpdesk." },
      ]);
    if (!canTransfer(user, t, input.toDesk)) throw new ConflictError("Een gesloten vraag kunt u niet doorsturen.");
    const to = await tx.desk.findUnique({ where: { id: input.toDesk } });
    if (!to)
      throw new ValidationError("Onbekende helpdesk.", [{ path: "toDesk", message: "Kies de helpdesk PO of VO/MBO." }]);
    const due = slaOnTransfer(t, deskSlaSettings(to));
    let assigneeId = t.assigneeId;
    if (assigneeId) {
      const keep = await tx.user.findFirst({
        where: {
          id: assigneeId,
          active: true,
          OR: [{ role: "admin" }, { role: "agent", desks: { some: { deskId: to.id } } }],
        },
        select: { id: true },
      });
      if (!keep) assigneeId = null;
    }
    // The new desk's next number (inside the transaction: a failed transfer gives it back). A number already in use
    // (a ticket written around the counter, e.g. an import) is skipped rather than failing the transfer.
    let number = await nextTicketNumber(tx, to.id, t.year);
    while (await tx.ticket.findFirst({ where: { deskId: to.id, year: t.year, number }, select: { id: true } }))
      number = await nextTicketNumber(tx, to.id, t.year);
    const reference = formatReference(to.referencePrefix, t.year, number);
    await tx.ticketFormerReference.create({ data: { reference: t.reference, ticketId: t.id, createdAt: now } });
    await updateGuarded(tx, t, { deskId: to.id, number, reference, ...due, assigneeId, updatedAt: now });
    await tx.message.create({
      data: {
        ticketId: t.id,
        kind: "system",
        body: `De vraag is doorgestuurd van ${t.desk.name} naar ${to.name}. Het vraagnummer is nu ${reference} (was ${t.reference}).`,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.transferred",
      entityType: "ticket",
      entityId: t.id,
      ticketId: t.id,
      before: {
        deskId: t.deskId,
        reference: t.reference,
        firstResponseDueAt: t.firstResponseDueAt,
        resolutionDueAt: t.resolutionDueAt,
        assigneeId: t.assigneeId,
      },
      after: { deskId: to.id, reference, ...due, assigneeId, reason: input.reason },
    });
    const link = await followUpLinkForMail(tx, t, user.id);
    const mail = ticketTransferredMail({
      reference,
      formerReference: t.reference,
      fromDesk: t.desk.name,
      fromDeskArticle: t.desk.article,
      toDesk: to.name,
      toDeskArticle: to.article,
      toDeskPhone: to.phone,
      reason: input.reason,
      followUpUrl: link.url,
      requesterName: t.requester.name,
    });
    await enqueueMail(tx, { to: t.requester.email, ...mail, ticketId: t.id });
    return {
      deskId: to.id as DeskId,
      reference,
      formerReference: t.reference,
      ...due,
      assigneeId,
      stillVisible: canViewDesk(user, to.id),
    };
  });
}

/**
 * Merges a duplicate (`reference`) into `intoReference`: messages, attachments, tags and links move to the target;
 * the duplicate closes and points to the target (its reference and follow-up link lead there); its caller gets a
 * mail. Only tickets of the same caller (e-mail) merge, as the duplicate's link then shows the target's conversation.
 */
export async function mergeTicket(db: Db, opts: Common & { intoReference: string }) {
  const { user } = opts;
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const source = await findScoped(tx, user, opts.reference);
    assertActive(user, source);
    let target: ScopedTicket;
    try {
      target = await findScoped(tx, user, opts.intoReference);
    } catch (e) {
      if (e instanceof NotFoundError)
        throw new ValidationError("Vraag niet gevonden.", [
          { path: "intoReference", message: "Deze vraag is niet gevonden. Controleer het vraagnummer." },
        ]);
      throw e;
    }
    const issue = (message: string) =>
      new ValidationError("Samenvoegen kan niet.", [{ path: "intoReference", message }]);
    if (target.id === source.id) throw issue("Kies een andere vraag dan deze.");
    if (target.mergedIntoId)
      throw issue(
        `Vraag ${target.reference} is zelf al samengevoegd met ${target.mergedInto?.reference}. Kies die vraag.`,
      );
    if (target.status === "closed") throw issue(`Vraag ${target.reference} is gesloten. Kies een vraag die nog loopt.`);
    const src = { ...source, requesterEmail: source.requester.email };
    const dst = { ...target, requesterEmail: target.requester.email };
    if (!canMerge(user, src, dst)) {
      throw issue(
        "Samenvoegen kan alleen bij vragen van dezelfde beller (hetzelfde e-mailadres). Koppel de vragen anders als gerelateerde vragen.",
      );
    }

    const moved = await tx.message.updateMany({ where: { ticketId: source.id }, data: { ticketId: target.id } });
    await tx.attachment.updateMany({ where: { ticketId: source.id }, data: { ticketId: target.id } });
    const [srcTags, dstTags] = await Promise.all([
      tx.ticketTag.findMany({ where: { ticketId: source.id } }),
      tx.ticketTag.findMany({ where: { ticketId: target.id } }),
    ]);
    for (const tag of srcTags)
      if (!dstTags.some((d) => d.tagId === tag.tagId))
        await tx.ticketTag.create({ data: { ticketId: target.id, tagId: tag.tagId } });
    await tx.ticketTag.deleteMany({ where: { ticketId: source.id } });
    // Links of the duplicate become links of the target (without self-links or doubles).
    const links = await tx.ticketLink.findMany({ where: { OR: [{ fromId: source.id }, { toId: source.id }] } });
    await tx.ticketLink.deleteMany({ where: { OR: [{ fromId: source.id }, { toId: source.id }] } });
    for (const l of links) {
      const other = l.fromId === source.id ? l.toId : l.fromId;
      if (other === target.id) continue;
      const exists = await tx.ticketLink.findFirst({
        where: {
          OR: [
            { fromId: target.id, toId: other },
            { fromId: other, toId: target.id },
          ],
        },
      });
      if (!exists) await tx.ticketLink.create({ data: { fromId: target.id, toId: other, createdAt: l.createdAt } });
    }
    // Tickets merged into the duplicate earlier now point to the target: follow-up links follow one step only.
    await tx.ticket.updateMany({ where: { mergedIntoId: source.id }, data: { mergedIntoId: target.id } });

    const pause = endPause(source, deskSlaSettings(source.desk).hours, now);
    await updateGuarded(tx, source, {
      mergedIntoId: target.id,
      status: "closed",
      closedAt: now,
      resolvedAt: source.resolvedAt ?? now,
      ...pause,
      updatedAt: now,
    });
    await updateGuarded(tx, target, { updatedAt: now });
    await tx.message.create({
      data: {
        ticketId: target.id,
        kind: "system",
        body: `Vraag ${source.reference} is samengevoegd met deze vraag.`,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.merged",
      entityType: "ticket",
      entityId: source.id,
      ticketId: source.id,
      before: { status: source.status, mergedInto: null },
      after: { status: "closed", mergedInto: target.reference },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "ticket.merge_received",
      entityType: "ticket",
      entityId: target.id,
      ticketId: target.id,
      after: { mergedFrom: source.reference, movedMessages: moved.count },
    });
    // The mail carries the duplicate's own link (it now shows the target): a ticket's credential is never mailed
    // because of another ticket.
    const link = await followUpLinkForMail(tx, source, user.id);
    const mail = ticketMergedMail({
      oldReference: source.reference,
      newReference: target.reference,
      followUpUrl: link.url,
      requesterName: source.requester.name,
      deskName: target.desk.name,
    });
    await enqueueMail(tx, { to: source.requester.email, ...mail, ticketId: source.id });
    return { targetReference: target.reference, movedMessages: moved.count };
  });
}

async function linkPair(tx: Tx, user: SessionUser, opts: Common & { otherReference: string }) {
  const t = await findScoped(tx, user, opts.reference);
  assertActive(user, t);
  let other: ScopedTicket;
  try {
    other = await findScoped(tx, user, opts.otherReference);
  } catch (e) {
    if (e instanceof NotFoundError)
      throw new ValidationError("Vraag niet gevonden.", [
        { path: "otherReference", message: "Deze vraag is niet gevonden. Controleer het vraagnummer." },
      ]);
    throw e;
  }
  if (other.id === t.id)
    throw new ValidationError("Kies een andere vraag.", [
      { path: "otherReference", message: "Een vraag kan niet aan zichzelf gekoppeld worden." },
    ]);
  if (other.mergedIntoId) {
    throw new ValidationError("Vraag is samengevoegd.", [
      {
        path: "otherReference",
        message: `Vraag ${other.reference} is samengevoegd met ${other.mergedInto?.reference}. Kies die vraag.`,
      },
    ]);
  }
  return { t, other };
}

/** Links two related tickets (both visible to the user). Linking twice changes nothing. */
export async function linkTickets(db: Db, opts: Common & { otherReference: string }) {
  const { user } = opts;
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { t, other } = await linkPair(tx, user, opts);
    const exists = await tx.ticketLink.findFirst({
      where: {
        OR: [
          { fromId: t.id, toId: other.id },
          { fromId: other.id, toId: t.id },
        ],
      },
    });
    if (exists) return { created: false };
    await tx.ticketLink.create({ data: { fromId: t.id, toId: other.id, createdAt: now } });
    for (const [a, b] of [
      [t, other],
      [other, t],
    ] as const) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "ticket.linked",
        entityType: "ticket",
        entityId: a.id,
        ticketId: a.id,
        after: { linked: b.reference },
      });
    }
    return { created: true };
  });
}

/** Removes the link between two tickets. */
export async function unlinkTickets(db: Db, opts: Common & { otherReference: string }) {
  const { user } = opts;
  return db.$transaction(async (tx) => {
    const { t, other } = await linkPair(tx, user, opts);
    const r = await tx.ticketLink.deleteMany({
      where: {
        OR: [
          { fromId: t.id, toId: other.id },
          { fromId: other.id, toId: t.id },
        ],
      },
    });
    if (r.count === 0) return { removed: false };
    for (const [a, b] of [
      [t, other],
      [other, t],
    ] as const) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "ticket.unlinked",
        entityType: "ticket",
        entityId: a.id,
        ticketId: a.id,
        before: { linked: b.reference },
      });
    }
    return { removed: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Audit

const parseJson = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

type AuditRow = Prisma.AuditEventGetPayload<{ include: { actor: { select: { id: true; name: true } } } }>;
const auditView = (e: AuditRow) => ({ ...e, before: parseJson(e.before), after: parseJson(e.after) });

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
