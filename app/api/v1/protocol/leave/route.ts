// POST /api/v1/protocol/leave — a leave request checked against a protocol, by the rule versions in
// force on its first day; `protocolVersion` names the version applied. Public, stores nothing.
import { route } from "@/app/_core/route";
import { checkLeaveVersioned } from "@/app/_modules/protocol/engine/versioned";
import { INVALID_INPUT, leaveRequestSchema } from "@/app/_modules/protocol/schema";
import { getProtocols } from "@/app/_modules/protocol/store";

export const POST = route(
  {
    name: "POST /api/v1/protocol/leave",
    body: async () => leaveRequestSchema(await getProtocols()),
    invalidBody: INVALID_INPUT,
    maxBytes: 256 * 1024,
  },
  async ({ body }) => checkLeaveVersioned(body.protocol, body.data),
);
