// HTTP input of POST /api/v1/triage (spec/triage.md), shared by the API route and the question form.
import { z } from "zod";

export const CALLER_TYPES = [
  "po-school",
  "vo-school",
  "mbo-institution",
  "school-board",
  "municipality",
  "software-vendor",
  "parent-or-student",
  "other",
] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

export const SECTORS = ["po", "vo", "mbo"] as const;
export type Sector = (typeof SECTORS)[number];

/** Labels for the "who are you" choice on forms, in the order of CALLER_TYPES. */
export const CALLER_TYPE_LABELS: Record<CallerType, string> = {
  "po-school": "Basisschool (po)",
  "vo-school": "School voor voortgezet onderwijs",
  "mbo-institution": "Mbo-instelling",
  "school-board": "Schoolbestuur",
  municipality: "Gemeente (leerplicht of RMC)",
  "software-vendor": "Softwareleverancier",
  "parent-or-student": "Ouder, leerling of student",
  other: "Anders",
};

/** Labels for the optional sector choice. */
export const SECTOR_LABELS: Record<Sector, string> = {
  po: "Primair onderwijs (po)",
  vo: "Voortgezet onderwijs (vo)",
  mbo: "Middelbaar beroepsonderwijs (mbo)",
};

export const QUESTION_MIN = 3;
export const QUESTION_MAX = 5000;

export const triageInputSchema = z.object({
  callerType: z.enum(CALLER_TYPES, {
    error: (iss) => (iss.input === undefined ? "Kies wie u bent." : "Kies een van de keuzes bij 'Wie bent u?'."),
  }),
  // Forms send "" for "no choice"; treat it (and null) as not given.
  sector: z
    .union([z.enum(SECTORS), z.literal(""), z.null()], { error: "Kies po, vo of mbo, of laat de sector leeg." })
    .optional()
    .transform((v): Sector | undefined => v || undefined),
  question: z
    .string({ error: (iss) => (iss.input === undefined ? "Vul uw vraag in." : "Uw vraag moet tekst zijn.") })
    .trim()
    .min(QUESTION_MIN, `Uw vraag is te kort. Schrijf minstens ${QUESTION_MIN} tekens.`)
    .max(QUESTION_MAX, `Uw vraag is te lang. Schrijf hoogstens ${QUESTION_MAX} tekens.`),
});

/** The body as a client sends it. */
export type TriageRequest = z.input<typeof triageInputSchema>;
/** The body after validation (question trimmed, empty sector dropped). */
export type TriageInput = z.output<typeof triageInputSchema>;
