// POST /api/v1/triage — question analysis: which desk answers, the topic, reasons, suggested articles and
// protocol hints. Public, stores nothing.
import { route } from "@/app/_core/route";
import { triageWithSuggestions } from "@/app/_modules/triage/service";
import { triageInputSchema } from "@/app/_modules/triage/schema";

export const POST = route(
  { name: "POST /api/v1/triage", body: triageInputSchema, maxBytes: 32 * 1024 },
  async ({ body }) => triageWithSuggestions(body),
);
