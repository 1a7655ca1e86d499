// The ticket's tags.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { visibleDesks, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { parseInput, tagsSchema } from "../desk-schema";
import { canCreateTag, canEditTicketDetails } from "../policy";
import { assertActive, findScoped, NOT_FOUND, updateGuarded, type Common } from "./scoped";

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
