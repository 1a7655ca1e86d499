// GET /mijn-vraag/[token]/bijlagen/[id] — the caller downloads an attachment of their own question.
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { attachmentForCaller, downloadResponse } from "@/app/_modules/tickets/attachments";

export const GET = route<undefined, undefined, { token: string; id: string }>(
  { name: "GET /mijn-vraag/[token]/bijlagen/[id]" },
  async ({ params }) => downloadResponse(await attachmentForCaller(db(), { token: params.token, id: params.id })),
);
