// POST /api/v1/deflection — wizard funnel events (aggregated; the run id lives in page memory, no cookies).
// Accepts sendBeacon's text/plain bodies too.
import { z } from "zod";
import { db } from "@/app/_core/db";
import { clientIp } from "@/app/_core/request-ip";
import { route } from "@/app/_core/route";
import { limitDeflection } from "@/app/_modules/ratelimit/public-writes";
import { DEFLECTION_EVENTS, recordDeflection } from "@/app/_modules/tickets/intake";

const schema = z.object({
  runId: z.string().regex(/^[a-zA-Z0-9-]{8,64}$/, "Ongeldige runId."),
  event: z.enum(DEFLECTION_EVENTS),
});

export const POST = route({ name: "POST /api/v1/deflection", body: schema, maxBytes: 1024 }, async ({ body, req }) => {
  await limitDeflection(db(), { ip: clientIp(req.headers) });
  await recordDeflection(body.runId, body.event);
  return new Response(null, { status: 204 });
});
