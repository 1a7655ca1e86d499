// The integration API as an OpenAPI 3.1 document, generated from the zod schemas the routes validate with
// (zod 4's z.toJSONSchema), so the document cannot drift from the validation.
import "server-only";
import { z } from "zod";
import { API_SCOPES } from "@/app/_core/api-token";
import {
  apiContactAnswerSchema,
  apiContactSchema,
  apiErrorSchema,
  apiOrganisationListSchema,
  apiOrganisationQuerySchema,
  apiTicketCreatedSchema,
  apiTicketCreateSchema,
  apiTicketListQuerySchema,
  apiTicketListSchema,
  apiTicketSchema,
} from "./api-schema";
import { evaluateBodySchema, leaveBodySchema } from "@/app/_modules/protocol/schema";
import { SIGNATURE_HEADER, REPLAY_WINDOW_SECONDS } from "@/app/_modules/webhooks/signature";
import { WEBHOOK_EVENTS, webhookPayloadSchemas } from "@/app/_modules/webhooks/schema";

const EVENT_TEXT: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  "ticket.created": "A ticket was created, on any channel (web, api, phone).",
  "ticket.updated":
    "A ticket changed: status, assignment, a public reply (agent or caller), a call added to it, a transfer or a merge. `data.changes` says which. Internal notes are not a change here (see ticket.note_added).",
  "ticket.resolved": "A ticket became resolved (sent besides ticket.updated / ticket.created).",
  "ticket.transferred":
    "A ticket moved to the other desk and got that desk's reference; `formerReference` and `fromDesk` say where it was. Sent besides ticket.updated (changes: transfer).",
  "ticket.merged":
    "A duplicate was merged into another ticket of the same caller and closed; `mergedInto` names the ticket work goes on in. Sent besides ticket.updated (changes: merge) for both tickets.",
  "ticket.note_added":
    "An agent added an internal note. The payload carries the ticket, never the note's text; notes are not part of ticket.updated.",
  "contact.logged": "An agent logged a phone contact in the contact screen.",
};
const componentName = (e: string) =>
  `Webhook${e
    .split(".")
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("")}`;

const json = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: ERROR_TEXT[c], content: { "application/json": { schema: ref("Error") } } },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input: `issues` names each field.",
  401: "No token, or an unknown, revoked or expired token.",
  403: "The token lacks the scope, or the desk.",
  404: "Not found (also: a ticket on a desk the token does not cover).",
  413: "The body is too large.",
  429: "Too many requests (anonymous intake).",
};

function queryParameters(schema: z.ZodObject) {
  const js = json(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** A protocol version: a period in which the protocol's set of rule versions does not change (issue #19). */
const PROTOCOL_VERSION_SCHEMA = {
  type: "object",
  required: ["id", "validFrom", "validUntil"],
  properties: {
    id: {
      type: "string",
      description: "<protocol>@<validFrom or 'begin'>",
      examples: ["stellingwerf-college@2027-08-01"],
    },
    validFrom: { type: ["string", "null"], format: "date", description: "First day; null: from the beginning" },
    validUntil: { type: ["string", "null"], format: "date", description: "Last day (inclusive); null: no end" },
  },
};

function protocolPath(summary: string, request: string, answer: string) {
  return {
    post: {
      summary,
      security: [{}],
      requestBody: { required: true, content: { "application/json": { schema: ref(request) } } },
      responses: {
        "200": {
          description: answer,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["protocolVersion"],
                properties: {
                  protocolVersion: { type: "array", minItems: 1, items: ref("ProtocolVersion") },
                  versionNote: { type: ["string", "null"] },
                },
              },
            },
          },
        },
        ...errors(400, 413),
      },
    },
  };
}

/** The OpenAPI 3.1 document for /api/v1 (tickets, contacts, the protocol checks). */
export function openApiDocument(serverUrl: string) {
  const strip = (s: object) => {
    const { $schema: _ignored, ...rest } = s as Record<string, unknown>;
    return rest;
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Onderwijs Helpdesk — integratie-API",
      version: "1",
      description: "Tickets and phone contacts for the PO and VO/MBO desks. Errors are always `{error, issues}`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `API token from /desk/beheer or \`npm run create-token\`. Scopes: ${API_SCOPES.join(", ")}.`,
        },
      },
      schemas: {
        TicketCreate: strip(json(apiTicketCreateSchema, "input")),
        TicketCreated: strip(json(apiTicketCreatedSchema, "output")),
        Ticket: strip(json(apiTicketSchema, "output")),
        TicketList: strip(json(apiTicketListSchema, "output")),
        OrganisationList: strip(json(apiOrganisationListSchema, "output")),
        ContactAnnouncement: strip(json(apiContactSchema, "input")),
        ContactAnswer: strip(json(apiContactAnswerSchema, "output")),
        Error: strip(json(apiErrorSchema, "output")),
        ProtocolEvaluateRequest: strip(json(evaluateBodySchema, "input")),
        ProtocolLeaveRequest: strip(json(leaveBodySchema, "input")),
        ProtocolVersion: PROTOCOL_VERSION_SCHEMA,
        ...Object.fromEntries(
          WEBHOOK_EVENTS.map((e) => [componentName(e), strip(json(webhookPayloadSchemas[e], "output"))]),
        ),
      },
    },
    paths: {
      "/api/v1/tickets": {
        post: {
          summary:
            "Create a ticket (anonymous: channel api, rate-limited; with a token: scope tickets:write, channel phone or api, a desk the token covers)",
          security: [{}, { bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: ref("TicketCreate") } } },
          responses: {
            "201": { description: "Created", content: { "application/json": { schema: ref("TicketCreated") } } },
            ...errors(400, 401, 403, 413, 429),
          },
        },
        get: {
          summary: "Tickets changed since a moment, oldest change first, keyset-paged (scope tickets:read)",
          security: [{ bearer: [] }],
          parameters: queryParameters(apiTicketListQuerySchema),
          responses: {
            "200": { description: "A page", content: { "application/json": { schema: ref("TicketList") } } },
            ...errors(400, 401, 403),
          },
        },
      },
      "/api/v1/tickets/{reference}": {
        get: {
          summary: "One ticket with its public messages; internal notes with scope notes:read (scope tickets:read)",
          security: [{ bearer: [] }],
          parameters: [
            { name: "reference", in: "path", required: true, schema: { type: "string", examples: ["PO-2026-000123"] } },
          ],
          responses: {
            "200": { description: "The ticket", content: { "application/json": { schema: ref("Ticket") } } },
            ...errors(401, 403, 404),
          },
        },
      },
      "/api/v1/organisations": {
        get: {
          summary:
            "Organisations whose name, code or place contain q, or with this code (a 4-character BRIN also finds its vestigingen), with ticket counts on the token's desks (scope organisations:read)",
          security: [{ bearer: [] }],
          parameters: queryParameters(apiOrganisationQuerySchema as unknown as z.ZodObject),
          responses: {
            "200": { description: "Matches", content: { "application/json": { schema: ref("OrganisationList") } } },
            ...errors(400, 401, 403),
          },
        },
      },
      "/api/v1/protocol/evaluate": protocolPath(
        "A pupil's absence events checked against a protocol, each event by the rule versions in force on its date (public, stores nothing)",
        "ProtocolEvaluateRequest",
        "Reached steps (each with its `protocolVersion` id), totals, and `protocolVersion`: the versions applied, more than one when the record spans a change (then evaluated per period; `versionNote` says so)",
      ),
      "/api/v1/protocol/leave": protocolPath(
        "A leave request checked against a protocol, by the rule versions in force on its first day (public, stores nothing)",
        "ProtocolLeaveRequest",
        "Allowed or not, who decides, the reasons, and `protocolVersion` (one entry)",
      ),
      "/api/v1/contacts": {
        post: {
          summary: "A phone system announces a call (scope contacts:write)",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: ref("ContactAnnouncement") } } },
          responses: {
            "201": {
              description: "Matching callers and the /desk URL of the contact screen",
              content: { "application/json": { schema: ref("ContactAnswer") } },
            },
            ...errors(400, 401, 403),
          },
        },
      },
    },
    // Outgoing calls (OpenAPI 3.1): what a registered webhook receives.
    webhooks: Object.fromEntries(
      WEBHOOK_EVENTS.map((e) => [
        e,
        {
          post: {
            summary: EVENT_TEXT[e],
            description:
              `POSTed as JSON to the webhook's URL. Headers: \`${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex>\` where hex = HMAC-SHA256(secret, "<t>.<raw body>"); ` +
              `\`X-Portal-Event\` (the type) and \`X-Portal-Delivery\` (delivery id). Verify over the raw body in constant time and refuse t more than ` +
              `${REPLAY_WINDOW_SECONDS} s from your clock. Answer 2xx within 5 s; anything else (also a redirect, which is not followed) is retried with ` +
              "exponential backoff (30 s doubling, 10 attempts). Deduplicate on the body's `id`.",
            parameters: [
              {
                name: SIGNATURE_HEADER,
                in: "header",
                required: true,
                schema: { type: "string", pattern: "^t=\\d+,v1=[0-9a-f]{64}$" },
              },
            ],
            requestBody: { required: true, content: { "application/json": { schema: ref(componentName(e)) } } },
            responses: { "2XX": { description: "Received" } },
          },
        },
      ]),
    ),
  };
}
