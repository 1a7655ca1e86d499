// POST /api/v1/triage — question analysis: which desk answers, the topic, reasons, suggested articles and
// protocol hints. Public, stores nothing. The wizard may send the organisation picked in its typeahead and the
// school the question is about: their public facts then route the preview as they will route the ticket.
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { previewFacts } from "@/app/_modules/organisations/directory";
import { requesterFields } from "@/app/_modules/tickets/schema";
import { triageWithSuggestions } from "@/app/_modules/triage/service";
import { triageInputSchema } from "@/app/_modules/triage/schema";

const bodySchema = triageInputSchema.extend({
  organisationId: requesterFields.organisationId,
  aboutSchoolCode: requesterFields.aboutSchoolCode,
});

export const POST = route(
  { name: "POST /api/v1/triage", body: bodySchema, maxBytes: 32 * 1024 },
  async ({ body: { organisationId, aboutSchoolCode, ...input } }) =>
    triageWithSuggestions(
      input,
      organisationId || aboutSchoolCode ? await previewFacts(db(), { organisationId, aboutSchoolCode }) : undefined,
    ),
);
