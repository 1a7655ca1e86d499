// GET /mijn-vragen/[reference]/bijlagen/[id] — a signed-in caller downloads a file of a question they may see.
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { CALLER_ROLE } from "@/app/_core/session";
import { attachmentForSignedInCaller } from "@/app/_modules/callers/tickets";
import { downloadResponse } from "@/app/_modules/tickets/attachments";

export const GET = route<undefined, undefined, { reference: string; id: string }>(
  { name: "GET /mijn-vragen/[reference]/bijlagen/[id]", roles: [CALLER_ROLE] },
  async ({ params, user }) =>
    downloadResponse(await attachmentForSignedInCaller(db(), { user, reference: params.reference, id: params.id })),
);
