// The contact screen's input: who called, what they asked, and the outcome. One zod schema for the browser form
// and the server; the BSN/onderwijsnummer guard runs on every free-text field (freeText).
import "server-only";
import { z } from "zod";
import { DESK_IDS } from "@/app/_core/session";
import { freeText, requesterFields } from "@/app/_modules/tickets/schema";
import { REFERENCE_PATTERN } from "@/app/_modules/tickets/reference";
import { CALLER_TYPES } from "@/app/_modules/triage/schema";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { normalisePhone } from "./phone";

export const OUTCOMES = ["answered", "callback", "followup", "transferred", "out_of_scope", "added"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  answered: "Beantwoord",
  callback: "Terugbellen",
  followup: "Vervolg",
  transferred: "Doorverbonden",
  out_of_scope: "Buiten ons terrein",
  added: "Bij bestaande vraag",
};

const DESK = z.enum(DESK_IDS as ["po", "vo-mbo"], { error: "Kies de helpdesk." });
const optionalText = (max: number, what: string) =>
  freeText(1, max, what)
    .optional()
    .or(z.literal("").transform(() => undefined));

export const phoneField = z
  .string()
  .trim()
  .max(32, "Dit telefoonnummer is te lang.")
  .refine((v) => !containsPersonalNumber(v), PERSONAL_NUMBER_MESSAGE)
  .refine((v) => normalisePhone(v) !== null, "Vul een geldig telefoonnummer in, of laat het veld leeg.")
  .transform((v) => normalisePhone(v)!.e164)
  .optional()
  .or(z.literal("").transform(() => undefined));

export const callerSchema = z.object({
  name: freeText(2, 120, "de naam van de beller"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Dit e-mailadres is te lang.")
    .email("Vul een geldig e-mailadres in, of laat het veld leeg.")
    .refine((v) => !containsPersonalNumber(v.split("@")[0] ?? ""), PERSONAL_NUMBER_MESSAGE)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  phone: phoneField,
  organisation: freeText(2, 200, "de school of organisatie"),
  callerType: z.enum(CALLER_TYPES, { error: "Kies wie er belt." }),
  schoolCode: requesterFields.schoolCode,
  sector: requesterFields.sector,
  /** The caller's organisation as the agent chose it in the typeahead (links the caller: matched by "agent"). */
  organisationId: requesterFields.organisationId,
  /** The school the call is about (on behalf of): a school from the typeahead. */
  schoolId: z
    .string()
    .regex(/^[a-z0-9]{8,40}$/, "Kies de school uit de lijst.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type CallerInput = z.output<typeof callerSchema>;

export const contactInputSchema = z
  .object({
    startedAt: z.coerce.date({ error: "De starttijd van het gesprek ontbreekt." }),
    outcome: z.enum(OUTCOMES, { error: "Kies de uitkomst van het gesprek." }),
    deskId: DESK,
    summary: freeText(3, 200, "een korte samenvatting"),
    notes: optionalText(5000, "notities"),
    topic: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/, "Kies een onderwerp.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    caller: callerSchema.optional(),
    reference: z
      .string()
      .trim()
      .toUpperCase()
      .regex(REFERENCE_PATTERN, "Vul een kenmerk in zoals PO-2026-000123.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    answer: optionalText(5000, "het antwoord"),
    articleSlugs: z
      .array(z.string().regex(/^[a-z0-9-]{1,120}$/))
      .max(5, "Koppel maximaal 5 artikelen.")
      .default([]),
    callbackDueAt: z.coerce.date({ error: "Kies een geldige tijd om terug te bellen." }).optional(),
    // "" is the form's "De helpdesk" (no one in particular): no assignee. (The union this replaced let "" through
    // as an id, which broke the ticket's foreign key.)
    callbackAssigneeId: z
      .string()
      .max(40)
      .optional()
      .transform((v) => v || undefined),
    confirmMail: z.boolean().default(false),
    reason: optionalText(500, "de reden"),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.outcome === "added") {
      if (!v.reference) need("reference", "Vul het kenmerk in van de vraag waar dit gesprek over gaat.");
    } else if (v.outcome !== "out_of_scope" && !v.caller)
      need("caller.name", "Kies een beller of vul een nieuwe beller in.");
    if (v.outcome === "transferred" && !v.reason)
      need("reason", "Vul in waarom het gesprek naar de andere helpdesk gaat.");
    if (v.outcome === "followup" && v.confirmMail && !v.caller?.email)
      need("caller.email", "Voor een bevestiging per e-mail is een e-mailadres nodig.");
  });
export type ContactInput = z.input<typeof contactInputSchema>;

export const callbackDoneSchema = z.object({
  callbackId: z.string().min(1).max(40),
  result: freeText(3, 5000, "wat er is besproken"),
  resolve: z.boolean().default(false),
});

export const callerSearchSchema = z.object({ q: z.string().trim().min(2, "Typ minstens 2 tekens.").max(120) });
