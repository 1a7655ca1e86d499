// GET /desk/tickets/[reference]/bijlagen/[id] — download an attachment (agents of the ticket's desk; else 404).
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { attachmentForAgent, downloadResponse } from "@/app/_modules/tickets/attachments";

export const GET = route<undefined, undefined, { reference: string; id: string }>(
  { name: "GET /desk/tickets/[reference]/bijlagen/[id]", roles: ["agent"] },
  async ({ user, params }) =>
    downloadResponse(await attachmentForAgent(db(), { user: user, reference: params.reference, id: params.id })),
);
