// POST /api/v1/protocol/evaluate — a pupil's absence events checked against a protocol, each event by the rule
// versions in force on its date; `protocolVersion` lists the versions applied. Public, stores nothing.
import { route } from "@/app/_core/route";
import { evaluateAbsenceVersioned } from "@/app/_modules/protocol/engine/versioned";
import { evaluateRequestSchema, INVALID_INPUT } from "@/app/_modules/protocol/schema";
import { getProtocols } from "@/app/_modules/protocol/store";

export const POST = route(
  {
    name: "POST /api/v1/protocol/evaluate",
    body: async () => evaluateRequestSchema(await getProtocols()),
    invalidBody: INVALID_INPUT,
    maxBytes: 256 * 1024,
  },
  async ({ body }) => evaluateAbsenceVersioned(body.protocol, body.data),
);
