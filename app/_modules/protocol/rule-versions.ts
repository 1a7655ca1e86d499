// An editor adds a rule version in the portal (issue #19): rule R of a protocol gets a new threshold from a day
// after today. Stored as a ProtocolRuleVersion row (merged over the YAML by store.ts), audited and recorded as a
// public protocol change, all in one transaction; the protocol cache is cleared after.
import "server-only";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { articleColumns } from "@/app/_modules/articles/fields";
import { decodeOr } from "@/app/_lib/json-column";
import { recordAudit } from "@/app/_modules/audit/service";
import { linesDiffText } from "@/app/_modules/changes/diff-text";
import { recordChange } from "@/app/_modules/changes/record";
import { noPersonalNumber } from "@/app/_modules/privacy/personal-number";
import { dutchDate } from "./check-input";
import { ruleThresholdColumn } from "./columns";
import { findProtocol, inForce, todayIso } from "./engine/definition";
import { isIsoDate } from "./engine/dates";
import { editorRuleVersion } from "./engine/editor-versions";
import { renderRuleText } from "./engine/rule-text";
import { clearProtocolCache, loadStoredProtocols } from "./store";

const WHOLE = /^[1-9][0-9]{0,5}$/;

/** The form as the editor sends it (every value a text field). */
export const ruleVersionInputSchema = z.object({
  protocolId: z.string().trim().min(1).max(100),
  ruleId: z.string().trim().min(1).max(100),
  validFrom: z
    .string()
    .trim()
    .min(1, "Vul de datum in vanaf wanneer de nieuwe versie geldt.")
    .refine(isIsoDate, "Vul een bestaande datum in, bijvoorbeeld 2027-08-01."),
  threshold: z
    .record(
      z.string().regex(/^[a-zA-Z]{1,40}$/),
      z.string().trim().regex(WHOLE, "Vul een heel getal groter dan 0 in, bijvoorbeeld 4."),
    )
    .refine((t) => Object.keys(t).length > 0, "Vul de drempel in."),
  note: noPersonalNumber(z.string().trim().max(500, "De toelichting mag hoogstens 500 tekens lang zijn.")).default(""),
});
export type RuleVersionInput = z.output<typeof ruleVersionInputSchema>;

const problem = (path: string, message: string) =>
  new ValidationError("De nieuwe versie is niet opgeslagen.", [{ path, message }]);

/** The most common topic of the published articles that embed the rule, or null. */
async function topicOfRule(db: Db, ruleId: string): Promise<string | null> {
  const rows = await db.article.findMany({
    where: { status: "published", protocolRuleIds: { contains: `"${ruleId}"` } },
    select: { topic: true, protocolRuleIds: true },
  });
  const counts = new Map<string, number>();
  for (const r of rows)
    if (decodeOr(articleColumns.protocolRuleIds, r.protocolRuleIds, []).includes(ruleId))
      counts.set(r.topic, (counts.get(r.topic) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
}

/**
 * Stores an editor's rule version (validated: the day after today, whole numbers for the rule's own threshold
 * fields, a version the protocol's validation accepts). Throws ValidationError (Dutch, per field); stores nothing then.
 */
export async function addRuleVersion(
  db: Db,
  opts: { user: Pick<SessionUser, "id">; input: RuleVersionInput; now?: Date },
): Promise<{ id: string; changeId: string }> {
  const { input } = opts;
  const today = todayIso(opts.now);
  if (input.validFrom <= today) throw problem("validFrom", "Kies een datum na vandaag.");
  const set = await loadStoredProtocols(db, today);
  const protocol = findProtocol(set, input.protocolId);
  const current = protocol?.versions.find((r) => r.id === input.ruleId && inForce(r, input.validFrom));
  if (!protocol || !current) throw problem("ruleId", "Deze regel geldt niet op die datum.");
  const keys = Object.keys(current.threshold ?? {});
  const extra = Object.keys(input.threshold).find((k) => !keys.includes(k));
  if (extra) throw problem("threshold", `Deze regel heeft geen drempel "${extra}".`);
  for (const k of keys) if (!(k in input.threshold)) throw problem(`threshold.${k}`, "Vul de drempel in.");
  const threshold = Object.fromEntries(Object.entries(input.threshold).map(([k, v]) => [k, Number(v)]));
  const made = editorRuleVersion(current, { validFrom: input.validFrom, threshold });
  if (!made.ok) throw problem("threshold", made.error);
  const before = current.threshold as Record<string, number>;
  const changedKeys = keys.filter((k) => before[k] !== threshold[k]);
  if (changedKeys.length === 0)
    throw problem("threshold", "De drempel is hetzelfde als nu. Vul een andere drempel in.");
  const newTitle = renderRuleText(made.rule, made.rule.title);
  const topic = await topicOfRule(db, input.ruleId);
  const lines = (t: Record<string, unknown>) => Object.entries(t).map(([k, v]) => `${k}: ${String(v)}`);
  const result = await db.$transaction(async (tx) => {
    const clash = await tx.protocolRuleVersion.findFirst({
      where: { protocolId: input.protocolId, ruleId: input.ruleId, validFrom: input.validFrom },
      select: { id: true },
    });
    if (clash) throw problem("validFrom", "Er is al een nieuwe versie vanaf deze datum. Kies een andere datum.");
    const row = await tx.protocolRuleVersion.create({
      data: {
        protocolId: input.protocolId,
        ruleId: input.ruleId,
        validFrom: input.validFrom,
        threshold: ruleThresholdColumn.encode(threshold),
        note: input.note,
        createdById: opts.user.id,
        ...(opts.now ? { createdAt: opts.now } : {}),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "protocol.rule_version_added",
      entityType: "protocol_rule_version",
      entityId: row.id,
      before: { protocolId: input.protocolId, ruleId: input.ruleId, threshold: before },
      after: { protocolId: input.protocolId, ruleId: input.ruleId, validFrom: input.validFrom, threshold },
    });
    const was = changedKeys.map((k) => String(before[k])).join(", ");
    const change = await recordChange(tx, {
      kind: "protocol",
      refId: `${input.protocolId}/${input.ruleId}`,
      title: `${protocol.name}: ${renderRuleText(current, current.title)}`,
      summary: `Vanaf ${dutchDate(input.validFrom)}: ${newTitle} (was ${was})`,
      diff: linesDiffText(`Regel ${input.ruleId}, drempel vanaf ${input.validFrom}`, lines(before), lines(threshold)),
      deskNote: input.note || null,
      topic,
      isPublic: true,
      actorId: opts.user.id,
      ...(opts.now ? { createdAt: opts.now } : {}),
    });
    return { id: row.id, changeId: change.id };
  });
  clearProtocolCache();
  return result;
}
