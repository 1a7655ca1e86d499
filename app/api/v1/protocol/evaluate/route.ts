// POST /api/v1/protocol/evaluate — a pupil's absence events checked against a protocol. Public, stores nothing.
import { route } from "@/app/_core/route";
import { evaluateAbsence } from "@/app/_modules/protocol/engine/evaluate";
import { evaluateRequestSchema, INVALID_INPUT } from "@/app/_modules/protocol/schema";
import { getProtocols } from "@/app/_modules/protocol/store";

export const POST = route(
  {
    name: "POST /api/v1/protocol/evaluate",
    body: async () => evaluateRequestSchema(await getProtocols()),
    invalidBody: INVALID_INPUT,
    maxBytes: 256 * 1024,
  },
  async ({ body }) => evaluateAbsence(body.protocol, body.data),
);
