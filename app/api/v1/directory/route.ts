// GET /api/v1/directory?q=&kind= — the public directory of schools and organisations for the wizard's typeaheads:
// name, code, place, kind and sector (public facts, as in DUO's open data), at most 8. Rate-limited per address.
import { db } from "@/app/_core/db";
import { clientIp } from "@/app/_core/request-ip";
import { route } from "@/app/_core/route";
import { directoryQuerySchema, limitDirectory, searchDirectory } from "@/app/_modules/organisations/directory";

export const dynamic = "force-dynamic";

export const GET = route({ name: "GET /api/v1/directory", query: directoryQuerySchema }, async ({ req, query }) => {
  const client = db();
  await limitDirectory(client, { ip: clientIp(req.headers) });
  return Response.json(
    { items: await searchDirectory(client, query) },
    { headers: { "cache-control": "private, max-age=60" } },
  );
});
