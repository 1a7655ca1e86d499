// Codecs for a ticket's JSON string columns (app/_lib/json-column.ts): the triage outcome stored at intake and a
// mail message's refused attachments. Pure (zod only); the desk's ticket view reads them too.
import "server-only";
import { z } from "zod";
import type { JSONContent } from "@tiptap/core";
import { decodeOr, jsonColumn, trustedJsonColumn } from "@/app/_lib/json-column";

/** Ticket.triage: what the triage engine decided at intake (desk, topic, reasons, protocol hints). */
export const ticketTriageSchema = z.object({
  desk: z.string(),
  topic: z.string().nullable().optional(),
  reasons: z.array(z.string()).optional(),
  protocolHints: z.array(z.string()).optional(),
});
export type TicketTriage = z.infer<typeof ticketTriageSchema>;
export const ticketTriageColumn = jsonColumn("Ticket.triage", ticketTriageSchema);

/** Message.refusedAttachments: the attachments of a mail that were not stored, with the reason. */
export const refusedAttachmentSchema = z.object({ name: z.string(), reason: z.string() });
export type RefusedAttachment = z.infer<typeof refusedAttachmentSchema>;
export const refusedAttachmentsColumn = jsonColumn("Message.refusedAttachments", z.array(refusedAttachmentSchema));

/** The stored triage outcome, or null when there is none or it cannot be read. */
export const readTicketTriage = (text: string | null | undefined): TicketTriage | null =>
  decodeOr<TicketTriage | null>(ticketTriageColumn, text, null);

/** The refused attachments of a message ([] when none, or when the stored text cannot be read). */
export const readRefusedAttachments = (text: string | null | undefined): RefusedAttachment[] =>
  decodeOr(refusedAttachmentsColumn, text, []);

/** Message.bodyJson: a staff reply or note as a Tiptap document, checked against the one Tiptap schema when written. */
export const messageBodyJsonColumn = trustedJsonColumn<JSONContent>();
