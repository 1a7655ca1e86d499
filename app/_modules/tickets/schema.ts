// The intake schema: the same zod schema validates the wizard in the browser and every request on the server.
import { parsePhoneNumberFromString } from "libphonenumber-js";
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

export const requesterFields = {
  callerType: z.enum(CALLER_TYPES, { error: "Kies wie u bent." }),
  organisation: freeText(2, 200, "de naam van uw school of organisatie"),
  schoolCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^([0-9]{2}[A-Z]{2}([0-9]{2})?|[0-9]{3}[A-Z][0-9]{3}|[0-9]{5})$/,
      "Vul een geldige BRIN-code (zoals 12AB) of RIO-code in, of laat het veld leeg.",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  sector: z
    .enum(SECTORS, { error: "Kies de sector." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The organisation picked in the "Wie bent u?" typeahead (a claim; free text stays possible). */
  organisationId: z
    .string()
    .regex(/^[a-z0-9]{8,40}$/, "Kies een organisatie uit de lijst, of typ de naam zelf.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** On behalf of / about which school: its BRIN code (with optional vestiging), from the typeahead or typed. */
  aboutSchoolCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9]{2}[A-Z]{2}([0-9]{2})?$/, "Vul de BRIN-code van de school in (zoals 12AB), of laat het veld leeg.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
};

export const questionFields = {
  topic: z.string().regex(/^[a-z0-9-]{2,60}$/, "Kies een onderwerp."),
  question: freeText(10, 5000, "uw vraag"),
};

export const contactFields = {
  name: freeText(2, 120, "uw naam"),
  email: z
    .string({ error: "Vul uw e-mailadres in." })
    .trim()
    .toLowerCase()
    .max(254, "Dit e-mailadres is te lang.")
    .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.")
    // The number guard runs on every caller field: "123456782@example.org" is a BSN, not an address.
    .refine((v) => !containsPersonalNumber(v.split("@")[0] ?? ""), PERSONAL_NUMBER_MESSAGE),
  phone: z
    .string()
    .transform((v, ctx) => phoneOrUndefined(v, ctx))
    .optional(),
};

export const PHONE_MESSAGE =
  "Vul een geldig telefoonnummer in, bijvoorbeeld 050 123 4567 of +31 6 12345678, of laat het veld leeg.";

/**
 * A phone number as a phone number (libphonenumber-js, Dutch by default), stored as E.164 (+31501234567).
 * Empty is no phone. A Dutch number is written with its 0 or +31; nine bare digits are refused, and the number
 * guard runs first so a BSN typed in the phone field gets the BSN message.
 */
function phoneOrUndefined(value: string | undefined, ctx: z.RefinementCtx): string | undefined {
  const v = (value ?? "").trim();
  if (!v) return undefined;
  if (containsPersonalNumber(v)) {
    ctx.addIssue({ code: "custom", message: PERSONAL_NUMBER_MESSAGE });
    return z.NEVER;
  }
  const p = v.length <= 40 && /^(\+|0)[0-9 ()./-]+$/.test(v) ? parsePhoneNumberFromString(v, "NL") : undefined;
  if (!p || !p.isValid()) {
    ctx.addIssue({ code: "custom", message: PHONE_MESSAGE });
    return z.NEVER;
  }
  return p.number;
}

/** A new question, as sent by the wizard and by POST /api/v1/tickets. */
export const intakeSchema = z.object({ ...requesterFields, ...questionFields, ...contactFields });
export type IntakeInput = z.infer<typeof intakeSchema>;

/** The wizard adds abuse checks: an empty honeypot and the time the form was opened. */
export const wizardSchema = intakeSchema.extend({
  website: z.string().max(0, "Laat dit veld leeg.").optional().default(""),
  startedAt: z.coerce.number().int().positive(),
  runId: z
    .string()
    .regex(/^[a-zA-Z0-9-]{8,64}$/)
    .optional(),
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
