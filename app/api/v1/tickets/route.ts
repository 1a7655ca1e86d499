// POST /api/v1/tickets — a question from a software vendor or another system (JSON). Same validation as the
// wizard; attachments as base64. Answers 201 with the reference and the caller's private follow-up URL.
import { z } from "zod";
import { clientIp } from "@/app/_core/auth";
import { route } from "@/app/_core/route";
import { submitQuestion } from "@/app/_modules/tickets/intake";
import { triage } from "@/app/_modules/triage/engine";
import { intakeSchema } from "@/app/_modules/tickets/schema";
import { ATTACHMENT_LIMITS } from "@/app/_modules/storage/file-type";

const attachment = z.object({
  name: z.string().min(1, "Geef de bestandsnaam.").max(200),
  contentBase64: z.string().max(Math.ceil((ATTACHMENT_LIMITS.maxBytes * 4) / 3) + 8, "Het bestand is groter dan 5 MB.").regex(/^[A-Za-z0-9+/]*={0,2}$/, "contentBase64 is geen geldige base64."),
});

const bodySchema = intakeSchema.extend({
  topic: intakeSchema.shape.topic.optional(),
  attachments: z.array(attachment).max(ATTACHMENT_LIMITS.maxFiles, `U kunt maximaal ${ATTACHMENT_LIMITS.maxFiles} bestanden toevoegen.`).optional(),
});

export const POST = route({ name: "POST /api/v1/tickets", body: bodySchema, maxBytes: 22 * 1024 * 1024 }, async ({ req, body }) => {
  const { attachments = [], topic, ...rest } = body;
  const files = attachments.map((a) => ({ name: a.name, bytes: new Uint8Array(Buffer.from(a.contentBase64, "base64")) }));
  // Systems may leave the topic to us: then the triage engine's topic is used.
  const input = { ...rest, topic: topic ?? triage({ callerType: rest.callerType, sector: rest.sector, question: rest.question }).topic };
  return created(await submitQuestion({ input, attachments: files, ip: clientIp(req.headers), source: "api" }));
});

const created = (t: { reference: string; deskId: string; followUpUrl: string }) =>
  Response.json({ reference: t.reference, desk: t.deskId, followUpUrl: t.followUpUrl }, { status: 201 });
