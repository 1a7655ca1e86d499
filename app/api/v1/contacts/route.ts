// POST /api/v1/contacts — a phone system announces a call (scope contacts:write). Answers the callers that match
// the number and a /desk URL that opens the contact screen pre-filled; the call is listed for its desk for a while.
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { announceCall } from "@/app/_modules/contact/incoming";
import { apiContactSchema } from "@/app/_modules/tickets/api-schema";

export const POST = route(
  { name: "POST /api/v1/contacts", body: apiContactSchema, token: { scopes: ["contacts:write"] } },
  async ({ body, token }) => Response.json(await announceCall(db(), token!, body), { status: 201 }),
);
