// Input schemas of the agent workspace. The same zod schemas can validate the forms in the browser; the services
// parse with them too, so a bad request is a 400 with Dutch per-field messages, never a 500.
import { CHANNELS } from "./channel";
import { z } from "zod";
import { fromZod } from "@/app/_core/errors";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { CALLER_TYPES, SECTORS } from "@/app/_modules/triage/schema";
import { TICKET_STATUSES, type TicketStatus } from "./schema";

/** Parses input or throws a ValidationError with per-field issues. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}

export const DESK_ID = z.enum(["po", "vo-mbo"], { error: "Kies de helpdesk PO of VO/MBO." });

/** Staff text (replies, notes, reasons): plain text, no BSN or onderwijsnummer. HTML is fine: it is escaped on output. */
export const staffText = (min: number, max: number, what: string) =>
  z
    .string({ error: `Vul ${what} in.` })
    .trim()
    .min(min, min <= 1 ? `Vul ${what} in.` : `Vul ${what} in (minstens ${min} tekens).`)
    .max(max, `Gebruik maximaal ${max.toLocaleString("nl-NL")} tekens.`)
    .refine((v) => !containsPersonalNumber(v), PERSONAL_NUMBER_MESSAGE);

// Tiptap JSON is stored next to the plain text (which is what the caller gets); it must at least be a document.
const tiptapDoc = z.union([z.string(), z.record(z.string(), z.unknown())]).transform((v, ctx) => {
  let doc: unknown = v;
  if (typeof v === "string") {
    try {
      doc = JSON.parse(v);
    } catch {
      doc = null;
    }
  }
  const text = JSON.stringify(doc);
  if (!doc || typeof doc !== "object" || (doc as { type?: unknown }).type !== "doc" || text.length > 200_000) {
    ctx.addIssue({ code: "custom", message: "De opgemaakte tekst klopt niet. Probeer het opnieuw." });
    return z.NEVER;
  }
  return text;
});

export const AGENT_STATUSES = ["open", "waiting", "resolved", "closed"] as const;
const agentStatus = z.enum(AGENT_STATUSES, { error: "Kies een geldige status." });

export const replySchema = z.object({
  kind: z.enum(["reply", "note"], { error: "Kies antwoord of interne notitie." }),
  body: staffText(1, 20_000, "een tekst"),
  bodyJson: tiptapDoc.optional().nullable(),
  statusAfter: agentStatus.optional(),
});
export type ReplyInput = z.input<typeof replySchema>;

export const statusSchema = z.object({ status: agentStatus, notifyCaller: z.boolean().optional() });

export const topicSchema = z.object({
  topic: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/, "Kies een onderwerp.")
    .nullable(),
});

/** Tag names: lower case, letters, digits, spaces and hyphens, 2–40 characters. */
export const tagName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(2, "Een tag heeft minstens 2 tekens.")
      .max(40, "Een tag heeft maximaal 40 tekens.")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, "Gebruik in een tag alleen letters, cijfers, spaties en streepjes."),
  );
export const tagsSchema = z.object({ tags: z.array(tagName).max(20, "Gebruik maximaal 20 tags.") });

export const transferSchema = z.object({
  toDesk: DESK_ID,
  reason: staffText(5, 1000, "de reden (de beller leest deze)"),
});

export const MACRO_PLACEHOLDERS = ["naam", "referentie", "desk"] as const;
export const macroSchema = z.object({
  id: z.string().min(1).max(40).optional(),
  deskId: DESK_ID.nullable(),
  title: staffText(2, 120, "een titel"),
  body: staffText(1, 10_000, "de tekst").refine(
    (v) =>
      [...v.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((m) =>
        (MACRO_PLACEHOLDERS as readonly string[]).includes(m[1]!),
      ),
    "Gebruik alleen de plaatshouders {{naam}}, {{referentie}} en {{desk}}.",
  ),
});
export type MacroInput = z.input<typeof macroSchema>;

export const QUEUE_VIEWS = ["nieuw", "open", "wacht", "mijn", "sla-risico", "opgelost"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_VIEW_LABELS: Record<QueueView, string> = {
  nieuw: "Nieuw",
  open: "Open",
  wacht: "Wacht op beller",
  mijn: "Mijn tickets",
  "sla-risico": "SLA-risico",
  opgelost: "Opgelost",
};
/**
 * The one mapping between the ticket statuses (English, in code and database) and the queue views named after them
 * (Dutch ids, in URLs). "mijn" and "sla-risico" are not status views. Resolved and closed share "opgelost".
 */
export const STATUS_VIEW: Record<TicketStatus, QueueView> = {
  new: "nieuw",
  open: "open",
  waiting: "wacht",
  resolved: "opgelost",
  closed: "opgelost",
};
/** The statuses a status view shows (empty for "mijn" and "sla-risico"). */
export const viewStatuses = (view: QueueView): TicketStatus[] => TICKET_STATUSES.filter((s) => STATUS_VIEW[s] === view);

export const QUEUE_SORTS = ["sla", "created", "updated"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueFiltersSchema = z
  .object({
    status: z
      .array(z.enum(["new", "open", "waiting", "resolved", "closed"], { error: "Kies een geldige status." }))
      .max(5)
      .optional(),
    topic: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/, "Kies een onderwerp.")
      .optional(),
    sector: z.enum(SECTORS, { error: "Kies de sector." }).optional(),
    callerType: z.enum(CALLER_TYPES, { error: "Kies een soort beller." }).optional(),
    tag: tagName.optional(),
    channel: z.enum(CHANNELS, { error: "Kies een kanaal." }).optional(),
    /** A user id, or "none" for tickets nobody has picked up. */
    assignee: z.string().min(1).max(40).optional(),
  })
  .strict();
export type QueueFilters = z.input<typeof queueFiltersSchema>;

export const queueSchema = z.object({
  desk: DESK_ID.optional(),
  view: z.enum(QUEUE_VIEWS, { error: "Kies een lijst." }).default("open"),
  filters: queueFiltersSchema.default({}),
  sort: z.enum(QUEUE_SORTS, { error: "Kies een sortering." }).default("sla"),
  /** Default per sort: sla and created ascending (most urgent, oldest first), updated descending (latest first). */
  direction: z.enum(["asc", "desc"], { error: "Kies een richting." }).optional(),
  /** Counts per view cost six count queries; leave them out when only paging on. */
  withCounts: z.boolean().default(true),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
