// The integration API's zod schemas: the routes validate with them and /api/v1/openapi.json is generated from them.
import "server-only";
import { z } from "zod";
import { DESK_IDS } from "@/app/_core/session";
import { ATTACHMENT_LIMITS } from "@/app/_modules/storage/file-type";
import { API_CHANNELS, CHANNELS } from "./channel";
import { intakeSchema } from "./schema";

const DESK = z.enum(DESK_IDS as ["po", "vo-mbo"], { error: "Kies de desk po of vo-mbo." });
export const TICKET_STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;

const attachment = z.object({
  name: z.string().min(1, "Geef de bestandsnaam.").max(200),
  contentBase64: z
    .string()
    .max(Math.ceil((ATTACHMENT_LIMITS.maxBytes * 4) / 3) + 8, "Het bestand is groter dan 5 MB.")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "contentBase64 is geen geldige base64."),
});

/** POST /api/v1/tickets. `channel` phone and `desk` need a token (anonymous calls are channel api). */
export const apiTicketCreateSchema = intakeSchema.extend({
  topic: intakeSchema.shape.topic.optional(),
  attachments: z
    .array(attachment)
    .max(ATTACHMENT_LIMITS.maxFiles, `U kunt maximaal ${ATTACHMENT_LIMITS.maxFiles} bestanden toevoegen.`)
    .optional(),
  channel: z.enum(API_CHANNELS, { error: "Kies het kanaal api of phone." }).optional(),
  desk: DESK.optional(),
});

export const apiTicketCreatedSchema = z.object({
  reference: z.string(),
  desk: DESK,
  channel: z.enum(CHANNELS),
  followUpUrl: z.string(),
});

export const apiMessageSchema = z.object({
  kind: z.enum(["caller", "reply", "note", "phone", "system"]),
  body: z.string(),
  createdAt: z.string(),
  author: z.string().nullable(),
});

/** An organisation as the API names it on a ticket. */
export const apiOrganisationRefSchema = z.object({
  id: z.string(),
  kind: z.enum(["school", "bestuur", "gemeente", "leverancier", "anders"]),
  name: z.string(),
  code: z.string().nullable(),
});

export const apiTicketSchema = z.object({
  reference: z.string(),
  formerReferences: z.array(z.string()),
  desk: DESK,
  status: z.enum(TICKET_STATUSES),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  topic: z.string().nullable(),
  sector: z.string().nullable(),
  callerType: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  firstRespondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The asking organisation, when known. */
  organisation: apiOrganisationRefSchema.nullable(),
  /** The school the question is about (asked on behalf of / about it), when given. */
  schoolConcerned: apiOrganisationRefSchema.nullable(),
  messages: z.array(apiMessageSchema),
});

export const apiTicketSummarySchema = apiTicketSchema.omit({ messages: true });

export const apiTicketListQuerySchema = z.object({
  updatedSince: z.iso
    .datetime({ offset: true, error: "Geef updatedSince als ISO-tijd, zoals 2026-03-01T08:00:00Z." })
    .optional(),
  desk: DESK.optional(),
  status: z.enum(TICKET_STATUSES, { error: "Kies een geldige status." }).optional(),
  cursor: z
    .string()
    .max(300)
    .regex(/^[A-Za-z0-9_-]+$/, "Ongeldige cursor.")
    .optional(),
  limit: z.coerce
    .number({ error: "limit is een getal." })
    .int()
    .min(1, "limit is minstens 1.")
    .max(200, "limit is hoogstens 200.")
    .optional(),
});

export const apiTicketListSchema = z.object({
  items: z.array(apiTicketSummarySchema),
  nextCursor: z.string().nullable(),
});

/** GET /api/v1/organisations?q=&code= */
export const apiOrganisationQuerySchema = z
  .object({
    q: z.string().trim().max(100, "q is hoogstens 100 tekens.").optional(),
    code: z
      .string()
      .trim()
      .max(20, "code is hoogstens 20 tekens.")
      .regex(/^[A-Za-z0-9 .-]*$/, "Een code bestaat uit letters en cijfers.")
      .optional(),
    limit: z.coerce
      .number({ error: "limit is een getal." })
      .int()
      .min(1, "limit is minstens 1.")
      .max(100, "limit is hoogstens 100.")
      .optional(),
  })
  .refine((v) => !!(v.q || v.code), { message: "Geef q (naam, code of plaats) of code.", path: ["q"] });

export const apiOrganisationSchema = apiOrganisationRefSchema.extend({
  sector: z.enum(["po", "so", "vo", "mbo"]).nullable(),
  place: z.string().nullable(),
  /** Tickets on the token's desks: asked by the organisation, about it (school concerned), and still open. */
  tickets: z.object({ asked: z.number().int(), about: z.number().int(), open: z.number().int() }),
});

export const apiOrganisationListSchema = z.object({ items: z.array(apiOrganisationSchema) });

const phoneNumber = z
  .string()
  .trim()
  .min(3, "Geef een telefoonnummer.")
  .max(32, "Dit telefoonnummer is te lang.")
  .regex(/^\+?[0-9 ()-]+$/, "Gebruik alleen cijfers, spaties, +, ( ) en -.");

/** POST /api/v1/contacts: a phone system announces a call. */
export const apiContactSchema = z.object({
  callerNumber: phoneNumber,
  calledNumber: phoneNumber.optional(),
  at: z.iso.datetime({ offset: true, error: "Geef at als ISO-tijd, zoals 2026-03-01T09:15:00+01:00." }).optional(),
  desk: DESK.optional(),
});

export const apiContactAnswerSchema = z.object({
  callId: z.string(),
  desk: DESK,
  callerNumber: z.string(),
  matches: z.array(
    z.object({
      name: z.string(),
      organisation: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      lastReference: z.string().nullable(),
    }),
  ),
  deskUrl: z.string(),
});

export const apiErrorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
