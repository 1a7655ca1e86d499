"use server";
// Read marks on /desk/wijzigingen: one change, or everything the agent can see. The action wrapper checks the role.
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { visibleDesks } from "@/app/_core/session";
import { markAllChangesRead, markChangesRead } from "@/app/_modules/changes/feed";

const AGENT = ["agent"] as const;

/** Marks one change as read for the signed-in agent. */
export const markChangeRead = action(
  {
    name: "desk.markChangeRead",
    roles: AGENT,
    schema: z.object({ changeId: z.string({ error: "Wijziging ontbreekt." }).min(1, "Wijziging ontbreekt.").max(40) }),
  },
  async ({ changeId }, { user }) => ({ marked: await markChangesRead(db(), user.id, [changeId]) }),
);

/** "Alles gelezen": marks every change this agent can see as read. */
export const markAllRead = action(
  { name: "desk.markAllChangesRead", roles: AGENT, schema: z.object({}) },
  async (_input, { user }) => ({
    marked: await markAllChangesRead(db(), { userId: user.id, deskIds: visibleDesks(user) }),
  }),
);
