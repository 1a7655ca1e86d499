// The ticket's topic.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { recordAudit } from "@/app/_modules/audit/service";
import { taxonomySettingColumn } from "@/app/_modules/content/columns";
import { parseInput, topicSchema } from "../desk-schema";
import { canEditTicketDetails } from "../policy";
import { assertActive, findScoped, NOT_FOUND, updateGuarded, type Common } from "./scoped";

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
      const topics = row ? (taxonomySettingColumn.decode(row.value).taxonomy.topics ?? null) : null;
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
