// Webhook events and their payloads (zod): the same schemas build the bodies and the OpenAPI document's `webhooks`.
import "server-only";
import { z } from "zod";
import { jsonColumn, knownStringList } from "@/app/_lib/json-column";
import { CHANNELS } from "@/app/_modules/tickets/channel";

export const WEBHOOK_EVENTS = [
  "ticket.created",
  "ticket.updated",
  "ticket.resolved",
  "ticket.transferred",
  "ticket.merged",
  "ticket.note_added",
  "contact.logged",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Webhook.events: the events a webhook subscribes to; an event no longer sent is left out when read. */
export const webhookEventsColumn = jsonColumn<WebhookEvent[]>("Webhook.events", knownStringList(WEBHOOK_EVENTS));
/** Sent only by the admin's "Testbericht" button, to one webhook. */
export const PING_EVENT = "webhook.ping";

export const EVENT_LABELS: Record<WebhookEvent, string> = {
  "ticket.created": "Nieuwe vraag (elk kanaal)",
  "ticket.updated": "Vraag gewijzigd (status, toewijzing, antwoord, doorsturen, samenvoegen)",
  "ticket.resolved": "Vraag opgelost",
  "ticket.transferred": "Vraag doorgestuurd naar de andere helpdesk",
  "ticket.merged": "Vraag samengevoegd met een andere vraag",
  "ticket.note_added": "Interne notitie toegevoegd (zonder de tekst)",
  "contact.logged": "Gesprek vastgelegd",
};

export const webhookTicketSchema = z.object({
  reference: z.string().describe("Current reference, e.g. PO-2026-000123."),
  desk: z.enum(["po", "vo-mbo"]),
  status: z.enum(["new", "open", "waiting", "resolved", "closed"]),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  topic: z.string().nullable(),
  assigneeId: z.string().nullable(),
  createdAt: z.string().describe("ISO 8601"),
  updatedAt: z.string().describe("ISO 8601"),
  changes: z
    .array(z.enum(["created", "status", "assignment", "reply", "call", "transfer", "merge", "note"]))
    .describe("What this event is about."),
});

export const webhookTransferSchema = webhookTicketSchema.extend({
  formerReference: z.string().describe("The reference the ticket had at the desk it left."),
  fromDesk: z.enum(["po", "vo-mbo"]),
});

export const webhookMergeSchema = webhookTicketSchema.extend({
  mergedInto: z.string().describe("Reference of the ticket the duplicate (this one, now closed) was merged into."),
});

export const webhookContactSchema = z.object({
  contactId: z.string(),
  desk: z.enum(["po", "vo-mbo"]),
  outcome: z.enum(["answered", "callback", "followup", "transferred", "out_of_scope", "added"]),
  reference: z
    .string()
    .nullable()
    .describe("The ticket the contact created or was added to; null for out-of-scope calls."),
  startedAt: z.string(),
  endedAt: z.string(),
});

const envelope = <T extends z.ZodType>(event: string, data: T) =>
  z.object({
    id: z.string().describe("Event id: the same for every webhook and every retry of this event (deduplicate on it)."),
    type: z.literal(event),
    createdAt: z.string().describe("When the event happened (ISO 8601)."),
    data,
  });

export const webhookPayloadSchemas = {
  "ticket.created": envelope("ticket.created", webhookTicketSchema),
  "ticket.updated": envelope("ticket.updated", webhookTicketSchema),
  "ticket.resolved": envelope("ticket.resolved", webhookTicketSchema),
  "ticket.transferred": envelope("ticket.transferred", webhookTransferSchema),
  "ticket.merged": envelope("ticket.merged", webhookMergeSchema),
  "ticket.note_added": envelope("ticket.note_added", webhookTicketSchema),
  "contact.logged": envelope("contact.logged", webhookContactSchema),
} satisfies Record<WebhookEvent, z.ZodType>;

export type WebhookTicketData = z.infer<typeof webhookTicketSchema>;
export type WebhookContactData = z.infer<typeof webhookContactSchema>;

export const webhookInputSchema = z.object({
  url: z
    .string({ error: "Vul het webadres in." })
    .trim()
    .min(1, "Vul het webadres in.")
    .max(2000, "Het webadres is te lang (maximaal 2000 tekens)."),
  secret: z
    .string()
    .trim()
    .max(200, "Het geheim mag maximaal 200 tekens hebben.")
    .refine(
      (s) => s === "" || s.length >= 16,
      "Het geheim moet minstens 16 tekens hebben (of laat het leeg: dan maken wij er een).",
    )
    .optional(),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `Kies uit: ${WEBHOOK_EVENTS.join(", ")}.` }), {
      error: "Kies minstens één gebeurtenis.",
    })
    .min(1, "Kies minstens één gebeurtenis."),
});
export type WebhookInput = z.input<typeof webhookInputSchema>;
