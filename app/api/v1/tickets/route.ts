// POST /api/v1/tickets — a question from a software vendor, a phone system or another system (JSON). Same
// validation as the wizard; attachments as base64. Anonymous calls stay possible (channel api, rate-limited per
// IP); with a token (scope tickets:write) the ticket may be channel phone and goes to a desk the token may use.
// GET /api/v1/tickets — tickets changed since a moment, keyset-paged (scope tickets:read).
import { clientIp } from "@/app/_core/auth";
import { UnauthorizedError } from "@/app/_core/errors";
import { route } from "@/app/_core/route";
import { db } from "@/app/_core/db";
import { submitQuestion } from "@/app/_modules/tickets/intake";
import { triage } from "@/app/_modules/triage/engine";
import { listApiTickets } from "@/app/_modules/tickets/api";
import { apiTicketCreateSchema, apiTicketListQuerySchema } from "@/app/_modules/tickets/api-schema";

export const POST = route(
  {
    name: "POST /api/v1/tickets",
    body: apiTicketCreateSchema,
    maxBytes: 22 * 1024 * 1024,
    token: { scopes: ["tickets:write"], optional: true },
  },
  async ({ req, body, token }) => {
    const { attachments = [], topic, channel = "api", desk, ...rest } = body;
    if (!token && (channel === "phone" || desk)) {
      throw new UnauthorizedError("Voor het kanaal phone of een gekozen desk is een API-token nodig.");
    }
    const files = attachments.map((a) => ({
      name: a.name,
      bytes: new Uint8Array(Buffer.from(a.contentBase64, "base64")),
    }));
    // Systems may leave the topic to us: then the triage engine's topic is used.
    const input = {
      ...rest,
      topic: topic ?? triage({ callerType: rest.callerType, sector: rest.sector, question: rest.question }).topic,
    };
    const t = await submitQuestion({
      input,
      attachments: files,
      ip: clientIp(req.headers),
      channel,
      desks: token?.desks,
      deskId: desk,
    });
    return Response.json(
      { reference: t.reference, desk: t.deskId, channel, followUpUrl: t.followUpUrl },
      { status: 201 },
    );
  },
);

export const GET = route(
  { name: "GET /api/v1/tickets", query: apiTicketListQuerySchema, token: { scopes: ["tickets:read"] } },
  async ({ query, token }) => listApiTickets(db(), token!, query),
);
