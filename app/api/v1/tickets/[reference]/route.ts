// GET /api/v1/tickets/{reference} — one ticket with its public messages (notes with scope notes:read), for a
// token with scope tickets:read; a ticket on a desk the token does not cover answers 404.
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { getApiTicket } from "@/app/_modules/tickets/api";

export const GET = route<undefined, undefined, { reference: string }>(
  { name: "GET /api/v1/tickets/{reference}", token: { scopes: ["tickets:read"] } },
  async ({ params, token }) => getApiTicket(db(), token!, params.reference),
);
