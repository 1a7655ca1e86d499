// POST /api/v1/desk/presence — the ticket page reports "viewing" / "replying" every ~10 s (or "leaving" when the
// agent leaves) and gets back the colleagues on the same ticket, for the collision warning. Agents and admins only;
// a ticket outside the user's desks is a 404.
import { z } from "zod";
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { leavePresence, touchPresence } from "@/app/_modules/tickets/presence";

const body = z.object({
  reference: z.string().trim().min(1).max(40),
  mode: z.enum(["viewing", "replying", "leaving"], { error: "Kies viewing, replying of leaving." }),
});

export const POST = route(
  { name: "POST /api/v1/desk/presence", roles: ["agent"], body, maxBytes: 1024 },
  async ({ body: b, user }) => {
    if (b.mode === "leaving") {
      await leavePresence(db(), { user: user, reference: b.reference });
      return { others: [] };
    }
    const others = await touchPresence(db(), { user: user, reference: b.reference, mode: b.mode });
    return { others: others.map((o) => ({ name: o.name, mode: o.mode, at: o.at.toISOString() })) };
  },
);
