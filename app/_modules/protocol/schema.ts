// HTTP bodies of POST /api/v1/protocol/evaluate and /api/v1/protocol/leave (zod 4), with Dutch messages.
// The route answers 400 with { error, issues: [{ path, message }] } for anything these reject.
import "server-only";
import { z } from "zod";
import {
  LEAVE_KINDS,
  defaultProtocol,
  findProtocol,
  protocolList,
  type Protocols,
  type ResolvedProtocol,
} from "./engine/definition";
import { parseDay } from "./engine/dates";
import { EVENT_TYPES, type EvaluateInput, type LeaveRequest } from "./engine/evaluate";

export const MAX_EVENTS = 5_000;
export const MAX_HOLIDAYS = 200;
/** Hours on one event; far above a day, but it keeps sums finite. */
export const MAX_EVENT_HOURS = 1_000;
/** A leave of more school days than a school year has is a typing error. */
export const MAX_LEAVE_SCHOOL_DAYS = 200;
// Dates outside these years are typing errors, not school years the portal knows.
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export type Issue = { path: string; message: string };

const required = (what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? "Dit veld is verplicht." : `Dit moet ${what} zijn.`;

/** A date written as YYYY-MM-DD that exists in the calendar. */
export const isoDateSchema = z.string({ error: required("een datum (JJJJ-MM-DD)") }).superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({ code: "custom", message: "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-20." });
    return;
  }
  const year = Number(value.slice(0, 4));
  if (parseDay(value) === null) ctx.addIssue({ code: "custom", message: `De datum ${value} bestaat niet.` });
  else if (year < MIN_YEAR || year > MAX_YEAR)
    ctx.addIssue({ code: "custom", message: `Het jaar moet tussen ${MIN_YEAR} en ${MAX_YEAR} liggen.` });
});

/** A period { start, end } with start on or before end. */
export const dateRangeSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema }, { error: required("een periode met start en end") })
  .superRefine((r, ctx) => {
    if (r.start > r.end)
      ctx.addIssue({ code: "custom", path: ["end"], message: "De einddatum ligt vóór de begindatum." });
  });

const hoursSchema = z
  .number({ error: required("een getal") })
  .nonnegative("Het aantal uren mag niet negatief zijn.")
  .max(MAX_EVENT_HOURS, `Hoogstens ${MAX_EVENT_HOURS} uur per melding.`);

/**
 * One registered event. `hours` is optional: a late event has none, and an unexcused event without hours still
 * counts as one truancy incident (it then adds 0 hours).
 */
export const absenceEventSchema = z.object(
  {
    date: isoDateSchema,
    type: z.enum(EVENT_TYPES, { error: `Onbekend soort melding. Kies uit: ${EVENT_TYPES.join(", ")}.` }),
    hours: hoursSchema.optional(),
  },
  { error: required("een melding met date en type") },
);

const protocolField = z.string({ error: required("de id van een protocol") }).optional();

/** Body of POST /api/v1/protocol/evaluate. */
export const evaluateBodySchema = z.object(
  {
    protocol: protocolField,
    asOf: isoDateSchema,
    events: z
      .array(absenceEventSchema, { error: required("een lijst met meldingen") })
      .max(MAX_EVENTS, `Hoogstens ${MAX_EVENTS} meldingen per keer.`),
    holidays: z
      .array(dateRangeSchema, { error: required("een lijst met vakanties") })
      .max(MAX_HOLIDAYS, `Hoogstens ${MAX_HOLIDAYS} vakanties per keer.`)
      .optional(),
  },
  { error: "Stuur een JSON-object." },
);

/** Body of POST /api/v1/protocol/leave. */
export const leaveBodySchema = z.object(
  {
    protocol: protocolField,
    kind: z.enum(LEAVE_KINDS, { error: `Onbekend soort verlof. Kies uit: ${LEAVE_KINDS.join(", ")}.` }),
    start: isoDateSchema,
    schoolDays: z
      .number({ error: required("een getal") })
      .int("Het aantal schooldagen moet een heel getal zijn.")
      .positive("Vraag minstens 1 schooldag aan.")
      .max(MAX_LEAVE_SCHOOL_DAYS, `Hoogstens ${MAX_LEAVE_SCHOOL_DAYS} schooldagen.`),
    summerHoliday: dateRangeSchema.optional(),
    earlierVakantieverlofThisYear: z.boolean({ error: required("true of false") }).default(false),
    adjoinsSchoolHoliday: z.boolean({ error: required("true of false") }).default(false),
    earlierGewichtigeSchoolDaysThisYear: z
      .number({ error: required("een getal") })
      .int("Het aantal schooldagen moet een heel getal zijn.")
      .nonnegative("Het aantal schooldagen mag niet negatief zijn.")
      .max(MAX_LEAVE_SCHOOL_DAYS, `Hoogstens ${MAX_LEAVE_SCHOOL_DAYS} schooldagen.`)
      .default(0),
  },
  { error: "Stuur een JSON-object." },
);

export type EvaluateBody = z.infer<typeof evaluateBodySchema>;
export type LeaveBody = z.infer<typeof leaveBodySchema>;

/** Zod issues as the API shows them: [{ path: "events.3.date", message }]. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => String(p)).join("."), message: i.message }));
}

/** The issue for a protocol id the portal does not know (empty when it is known or not given). */
export function protocolIdIssues(id: string | undefined, knownIds: readonly string[]): Issue[] {
  if (id === undefined || knownIds.includes(id)) return [];
  return [{ path: "protocol", message: `Onbekend protocol "${id}". Kies uit: ${knownIds.join(", ")}.` }];
}

export const INVALID_INPUT = "De invoer klopt niet.";

export type Parsed<T> =
  { ok: true; protocol: ResolvedProtocol; data: T } | { ok: false; error: string; issues: Issue[] };

function parseWith<S extends z.ZodType>(schema: S, body: unknown, protocols: Protocols): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(body);
  const issues = parsed.success ? [] : toIssues(parsed.error);
  const requested = body && typeof body === "object" ? (body as { protocol?: unknown }).protocol : undefined;
  if (typeof requested === "string")
    issues.push(
      ...protocolIdIssues(
        requested,
        protocolList(protocols).map((p) => p.id),
      ),
    );
  if (!parsed.success || issues.length > 0) return { ok: false, error: INVALID_INPUT, issues };
  const data = parsed.data as { protocol?: string };
  const protocol = data.protocol ? findProtocol(protocols, data.protocol)! : defaultProtocol(protocols);
  return { ok: true, protocol, data: parsed.data };
}

/** Validates an evaluate body and picks its protocol (default when none is named). */
export function parseEvaluateRequest(
  body: unknown,
  protocols: Protocols,
): Parsed<EvaluateInput & { protocol?: string }> {
  return parseWith(evaluateBodySchema, body, protocols);
}

/** Validates a leave body and picks its protocol (default when none is named). */
export function parseLeaveRequest(body: unknown, protocols: Protocols): Parsed<LeaveRequest & { protocol?: string }> {
  return parseWith(leaveBodySchema, body, protocols);
}

/** A checked request: the protocol it names (or the default) and the validated body. */
export type ProtocolRequest<T> = { protocol: ResolvedProtocol; data: T };

/** parseWith as a schema for route(): the same issues, paths and protocol choice, so the wrapper validates it. */
function requestSchema<T>(
  parse: (body: unknown, protocols: Protocols) => Parsed<T>,
  protocols: Protocols,
): z.ZodType<ProtocolRequest<T>> {
  return z.unknown().transform((body, ctx) => {
    const parsed = parse(body, protocols);
    if (parsed.ok) return { protocol: parsed.protocol, data: parsed.data };
    for (const issue of parsed.issues)
      ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
    return z.NEVER;
  });
}

/** The body schema of POST /api/v1/protocol/evaluate over these protocols (see parseEvaluateRequest). */
export function evaluateRequestSchema(protocols: Protocols) {
  return requestSchema(parseEvaluateRequest, protocols);
}

/** The body schema of POST /api/v1/protocol/leave over these protocols (see parseLeaveRequest). */
export function leaveRequestSchema(protocols: Protocols) {
  return requestSchema(parseLeaveRequest, protocols);
}
