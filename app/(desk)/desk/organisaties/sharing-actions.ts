"use server";
// "Mijn vragen" sharing for an organisation: agents and admins switch it (the wrapper checks the role, the service
// checks it again and audits the change).
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { setOrganisationSharing } from "@/app/_modules/callers/sharing";

/** Switches sharing of an organisation's tickets among its verified callers on or off. */
export const setSharing = action(
  {
    name: "setSharing",
    roles: ["agent", "admin"],
    schema: z.object({ organisationId: z.string().min(1).max(64), shared: z.boolean() }),
  },
  async ({ organisationId, shared }, { user }) => setOrganisationSharing(db(), { user, organisationId, shared }),
);
