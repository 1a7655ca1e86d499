// Desk settings an admin changes on /desk/beheer: phone number, opening hours and SLA terms. Every change is audited
// and recorded for /desk/wijzigingen (a desk change: only that desk's agents see it, never public).
import "server-only";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { fromZod, NotFoundError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { linesDiffText } from "@/app/_modules/changes/diff-text";
import { MAX_SUMMARY, recordChange } from "@/app/_modules/changes/record";
import { normalisePhone } from "@/app/_modules/contact/phone";
import { deskHoursColumn } from "./columns";
import { clearDesksCache, hoursText } from "./service";

/** A phone number may end in a note for callers, e.g. "050-599 90 00 (optie 4)". */
const NOTE = /\s*\([^)]*\)\s*$/;
const phoneNote = (p: string) => p.match(NOTE)?.[0].trim() ?? "";
const phoneNumber = (p: string) => normalisePhone(p.replace(NOTE, ""));

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Vul een tijd in als 09:00.");
const businessDays = (what: string, max: number) =>
  z.coerce
    .number({ error: `Vul ${what} in als een aantal werkdagen.` })
    .int(`Vul ${what} in als een heel aantal werkdagen.`)
    .min(1, `${what[0].toUpperCase()}${what.slice(1)} is minstens 1 werkdag.`)
    .max(max, `${what[0].toUpperCase()}${what.slice(1)} is hoogstens ${max} werkdagen.`);

export const deskSettingsSchema = z
  .object({
    deskId: z.enum(["po", "vo-mbo"], { error: "Kies een helpdesk." }),
    phone: z
      .string()
      .trim()
      .min(1, "Vul een telefoonnummer in.")
      .refine((p) => phoneNumber(p) !== null, "Dit is geen geldig telefoonnummer."),
    days: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Kies minstens één dag waarop de helpdesk open is."),
    open: hhmm,
    close: hhmm,
    firstResponseBusinessDays: businessDays("de termijn voor een eerste reactie", 30),
    resolutionBusinessDays: businessDays("de termijn voor een oplossing", 90),
  })
  .refine((s) => s.open < s.close, { message: "De sluitingstijd moet na de openingstijd liggen.", path: ["close"] })
  .refine((s) => s.resolutionBusinessDays >= s.firstResponseBusinessDays, {
    message: "De termijn voor een oplossing kan niet korter zijn dan die voor een eerste reactie.",
    path: ["resolutionBusinessDays"],
  });
export type DeskSettingsInput = z.input<typeof deskSettingsSchema>;

type Shown = { phone: string; hours: string; first: string; resolution: string };
const LABELS: Record<keyof Shown, string> = {
  phone: "Telefoonnummer",
  hours: "Openingstijden",
  first: "Eerste reactie binnen",
  resolution: "Oplossing binnen",
};
const days = (n: number) => `${n} ${n === 1 ? "werkdag" : "werkdagen"}`;

/** The settings of a desk row as people read them. */
type DeskLike = { phone: string; hours: string; firstResponseBusinessDays: number; resolutionBusinessDays: number };
const shown = (d: DeskLike): Shown => ({
  phone: d.phone,
  hours: hoursText(deskHoursColumn.decode(d.hours)),
  first: days(d.firstResponseBusinessDays),
  resolution: days(d.resolutionBusinessDays),
});

/**
 * Records a change of a desk's settings (admin screen or re-seed) for /desk/wijzigingen and audits it, when what
 * people read differs; returns the change id or null.
 */
export async function recordDeskChange(
  tx: Pick<Db, "changeEvent" | "auditEvent">,
  desk: { id: string; shortName: string },
  beforeRow: DeskLike,
  afterRow: DeskLike,
  actorId: string | null,
): Promise<string | null> {
  const before = shown(beforeRow);
  const after = shown(afterRow);
  const changed = (Object.keys(LABELS) as (keyof Shown)[]).filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return null;
  await recordAudit(tx, {
    actorId,
    action: "desk.settings_changed",
    entityType: "desk",
    entityId: desk.id,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  });
  const full = changed.map((k) => `${LABELS[k]}: ${after[k]} (was ${before[k]})`).join("; ") + ".";
  const { id } = await recordChange(tx, {
    kind: "desk",
    refId: desk.id,
    title: `Instellingen van ${desk.shortName}`,
    summary: full.length <= MAX_SUMMARY ? full : `Gewijzigd: ${changed.map((k) => LABELS[k]).join(", ")}.`,
    diff: changed.map((k) => linesDiffText(LABELS[k], [before[k]], [after[k]])).join("\n"),
    actorId,
  });
  return id;
}

/**
 * Saves a desk's settings (admins only). Returns whether anything changed; a change is audited and recorded as a
 * desk change in the same transaction. Bad input: a ValidationError with Dutch per-field messages, nothing stored.
 */
export async function updateDeskSettings(
  client: Db,
  user: SessionUser,
  input: unknown,
): Promise<{ changed: boolean; changeId: string | null }> {
  if (user.role !== "admin") throw new NotFoundError();
  const parsed = deskSettingsSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const v = parsed.data;
  const phone = phoneNumber(v.phone)!;
  const result = await client.$transaction(async (tx) => {
    const desk = await tx.desk.findUnique({ where: { id: v.deskId } });
    if (!desk) throw new NotFoundError("Deze helpdesk bestaat niet.");
    const hours = deskHoursColumn.decode(desk.hours);
    const next = {
      // The same number (and note) typed another way keeps the stored spelling.
      phone:
        phone.e164 === desk.phoneHref && phoneNote(v.phone) === phoneNote(desk.phone)
          ? desk.phone
          : [phone.national, phoneNote(v.phone)].filter(Boolean).join(" "),
      phoneHref: phone.e164,
      hours: deskHoursColumn.encode({ ...hours, days: [...new Set(v.days)].sort(), open: v.open, close: v.close }),
      firstResponseBusinessDays: v.firstResponseBusinessDays,
      resolutionBusinessDays: v.resolutionBusinessDays,
    };
    const changeId = await recordDeskChange(tx, desk, desk, next, user.id);
    if (!changeId) return { changed: false, changeId: null };
    await tx.desk.update({ where: { id: desk.id }, data: next });
    return { changed: true, changeId };
  });
  clearDesksCache();
  return result;
}
