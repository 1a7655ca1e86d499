// The intake schema: the same zod schema validates the wizard in the browser and every request on the server.
import { z } from "zod";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { CALLER_TYPES } from "@/app/_modules/triage/schema";

const HTML_TAG = /<\s*\/?\s*[a-z!?][^>]*>/i;

/** Free text: trimmed, no HTML, no BSN or onderwijsnummer. */
export const freeText = (min: number, max: number, what: string) =>
  z
    .string({ error: `Vul ${what} in.` })
    .trim()
    .min(min, min <= 1 ? `Vul ${what} in.` : `Vul ${what} in (minstens ${min} tekens).`)
    .max(max, `Gebruik maximaal ${max.toLocaleString("nl-NL")} tekens.`)
    .refine((v) => !HTML_TAG.test(v), "Gebruik geen HTML-code of scripts in uw tekst.")
    .refine((v) => !containsPersonalNumber(v), PERSONAL_NUMBER_MESSAGE);

export const SECTORS = ["po", "vo", "mbo"] as const;
export const CALLER_TYPES_WITH_SECTOR = ["school-board", "other"] as const;

export const requesterFields = {
  callerType: z.enum(CALLER_TYPES, { error: "Kies wie u bent." }),
  organisation: freeText(2, 200, "de naam van uw school of organisatie"),
  schoolCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([0-9]{2}[A-Z]{2}([0-9]{2})?|[0-9]{3}[A-Z][0-9]{3}|[0-9]{5})$/, "Vul een geldige BRIN-code (zoals 12AB) of RIO-code in, of laat het veld leeg.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  sector: z.enum(SECTORS, { error: "Kies de sector." }).optional().or(z.literal("").transform(() => undefined)),
};

export const questionFields = {
  topic: z.string().regex(/^[a-z0-9-]{2,60}$/, "Kies een onderwerp."),
  question: freeText(10, 5000, "uw vraag"),
};

export const contactFields = {
  name: freeText(2, 120, "uw naam"),
  email: z.string({ error: "Vul uw e-mailadres in." }).trim().toLowerCase().max(254, "Dit e-mailadres is te lang.").email("Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl."),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{7,19}$/, "Vul een geldig telefoonnummer in, of laat het veld leeg.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
};

/** A new question, as sent by the wizard and by POST /api/v1/tickets. */
export const intakeSchema = z.object({ ...requesterFields, ...questionFields, ...contactFields });
export type IntakeInput = z.infer<typeof intakeSchema>;

/** The wizard adds abuse checks: an empty honeypot and the time the form was opened. */
export const wizardSchema = intakeSchema.extend({
  website: z.string().max(0, "Laat dit veld leeg.").optional().default(""),
  startedAt: z.coerce.number().int().positive(),
  runId: z.string().regex(/^[a-zA-Z0-9-]{8,64}$/).optional(),
});

/** A reply by the caller on the follow-up page. */
export const callerReplySchema = z.object({ message: freeText(2, 5000, "uw bericht") });

export const TICKET_STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: "Nieuw",
  open: "In behandeling",
  waiting: "Wacht op uw reactie",
  resolved: "Opgelost",
  closed: "Gesloten",
};
