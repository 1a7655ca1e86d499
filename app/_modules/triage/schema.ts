// HTTP input of POST /api/v1/triage (spec/triage.md), shared by the API route and the question form.
import { z } from "zod";

import { CALLER_TYPES, QUESTION_MAX, QUESTION_MIN, SECTORS, type Sector } from "./caller-types";

export {
  CALLER_TYPE_LABELS,
  CALLER_TYPES,
  QUESTION_MAX,
  QUESTION_MIN,
  SECTOR_LABELS,
  SECTORS,
  type CallerType,
  type Sector,
} from "./caller-types";

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
