// Change records ("Wat is er veranderd"): one row per change to an article (publish), a protocol rule version or a
// desk setting, written in the same transaction as the change itself. Agents read them on /desk/wijzigingen; the
// public ones feed /wat-is-er-veranderd and its Atom feed.
import "server-only";
import { z } from "zod";
import type { Db } from "@/app/_core/db";
import { fromZod } from "@/app/_core/errors";
import { cleanText } from "@/app/_core/text";
import { noPersonalNumber } from "@/app/_modules/privacy/personal-number";

export const CHANGE_KINDS = ["article", "protocol", "desk"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Longest one-line summary and desk note; a diff is cut off beyond MAX_DIFF characters. */
export const MAX_SUMMARY = 300;
export const MAX_DESK_NOTE = 500;
export const MAX_DIFF = 20_000;

const oneLine = (max: number, what: string) =>
  z
    .string()
    .transform((s) => cleanText(s).replace(/\s+/g, " ").trim())
    .pipe(
      noPersonalNumber(
        z
          .string()
          .min(1, `Vul ${what} in.`)
          .max(max, `${what[0].toUpperCase()}${what.slice(1)} mag hoogstens ${max} tekens lang zijn.`),
      ),
    );

/** The desk note is optional: empty text means none. */
export const deskNoteSchema = z
  .string()
  .transform((s) => cleanText(s).replace(/\s+/g, " ").trim())
  .pipe(
    noPersonalNumber(
      z.string().max(MAX_DESK_NOTE, `De toelichting voor de desk mag hoogstens ${MAX_DESK_NOTE} tekens lang zijn.`),
    ),
  )
  .transform((s) => (s === "" ? null : s));

export const changeInputSchema = z.object({
  kind: z.enum(CHANGE_KINDS, { message: "Onbekende soort wijziging." }),
  refId: z.string().min(1).max(200),
  title: oneLine(200, "een titel"),
  summary: oneLine(MAX_SUMMARY, "een samenvatting"),
  diff: z
    .string()
    .default("")
    .transform((s) => {
      const t = cleanText(s);
      return t.length > MAX_DIFF ? `${t.slice(0, MAX_DIFF)}\n… (ingekort)` : t;
    }),
  deskNote: deskNoteSchema.nullish().transform((v) => v ?? null),
  topic: z
    .string()
    .min(1)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
  isPublic: z.boolean().default(false),
  actorId: z
    .string()
    .min(1)
    .nullish()
    .transform((v) => v ?? null),
  /** Defaults to now; a re-seed or a test may give the moment of the change. */
  createdAt: z.date().optional(),
});
export type ChangeInput = z.input<typeof changeInputSchema>;

type Tx = Pick<Db, "changeEvent">;

/**
 * Records one change inside the caller's transaction. Refuses (ValidationError, Dutch) a missing title or summary,
 * a summary that is not one short line's worth, or a BSN/onderwijsnummer in the title, summary or desk note.
 * Desk changes are never public.
 */
export async function recordChange(tx: Tx, input: ChangeInput): Promise<{ id: string }> {
  const parsed = changeInputSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const v = parsed.data;
  const row = await tx.changeEvent.create({
    data: {
      kind: v.kind,
      refId: v.refId,
      title: v.title,
      summary: v.summary,
      diff: v.diff,
      deskNote: v.deskNote,
      topic: v.topic,
      isPublic: v.kind === "desk" ? false : v.isPublic,
      actorId: v.actorId,
      ...(v.createdAt ? { createdAt: v.createdAt } : {}),
    },
    select: { id: true },
  });
  return row;
}
