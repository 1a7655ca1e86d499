// POST /api/v1/protocol/evaluate — a pupil's absence events checked against a protocol. Public, stores nothing.
import { z } from "zod";
import { ValidationError } from "@/app/_core/errors";
import { route } from "@/app/_core/route";
import { evaluateAbsence } from "@/app/_modules/protocol/engine/evaluate";
import { parseEvaluateRequest } from "@/app/_modules/protocol/schema";
import { getProtocols } from "@/app/_modules/protocol/store";

export const POST = route(
  { name: "POST /api/v1/protocol/evaluate", body: z.unknown(), maxBytes: 256 * 1024 },
  async ({ body }) => {
    const protocols = await getProtocols();
    const parsed = parseEvaluateRequest(body, protocols);
    if (!parsed.ok) throw new ValidationError(parsed.error, parsed.issues);
    return evaluateAbsence(parsed.protocol, parsed.data);
  },
);
