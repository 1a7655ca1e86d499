// GET /api/v1/openapi.json — the integration API as OpenAPI 3.1, generated from the routes' zod schemas.
import { env } from "@/app/_core/env";
import { route } from "@/app/_core/route";
import { openApiDocument } from "@/app/_modules/tickets/openapi";

export const GET = route({ name: "GET /api/v1/openapi.json" }, async () =>
  openApiDocument(env().APP_URL.replace(/\/$/, "")),
);
