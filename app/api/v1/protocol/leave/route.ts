// POST /api/v1/protocol/leave — a leave request checked against a protocol. Public, stores nothing.
import { z } from "zod";
import { ValidationError } from "@/app/_core/errors";
import { route } from "@/app/_core/route";
import { checkLeave } from "@/app/_modules/protocol/engine/evaluate";
import { parseLeaveRequest } from "@/app/_modules/protocol/schema";
import { getProtocols } from "@/app/_modules/protocol/store";

export const POST = route(
  { name: "POST /api/v1/protocol/leave", body: z.unknown(), maxBytes: 256 * 1024 },
  async ({ body }) => {
    const protocols = await getProtocols();
    const parsed = parseLeaveRequest(body, protocols);
    if (!parsed.ok) throw new ValidationError(parsed.error, parsed.issues);
    return checkLeave(parsed.protocol, parsed.data);
  },
);
