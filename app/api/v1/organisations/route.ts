// GET /api/v1/organisations?q=&code= — organisations by name, code or place, with their ticket counts on the desks
// the token covers (scope organisations:read).
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { searchOrganisations, ticketCounts } from "@/app/_modules/organisations/service";
import { apiOrganisationQuerySchema } from "@/app/_modules/tickets/api-schema";

export const GET = route(
  { name: "GET /api/v1/organisations", token: { scopes: ["organisations:read"] }, query: apiOrganisationQuerySchema },
  async ({ query, token }) => {
    const client = db();
    const found = await searchOrganisations(client, { q: query.q, code: query.code, limit: query.limit ?? 20 });
    const counts = await ticketCounts(
      client,
      found.map((o) => o.id),
      token!.desks,
    );
    return {
      items: found.map((o) => ({
        id: o.id,
        kind: o.kind,
        name: o.name,
        code: o.code,
        sector: o.sector,
        place: o.place,
        tickets: counts.get(o.id)!,
      })),
    };
  },
);
