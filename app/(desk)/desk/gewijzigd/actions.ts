"use server";
// "Stuur correctie" on /desk/gewijzigd: the action wrapper checks the role; the module checks the desk scope.
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { dismissChanged, sendCorrection } from "@/app/_modules/provenance/correction";

export const sendCorrectionAction = action(
  {
    name: "desk.sendCorrection",
    roles: ["agent"] as const,
    schema: z.object({
      reference: z.string({ error: "Vraag ontbreekt." }).min(1, "Vraag ontbreekt.").max(40),
      body: z.string({ error: "Schrijf de correctie." }).max(20_000, "De correctie is te lang."),
    }),
  },
  async ({ reference, body }, { user }) => sendCorrection(db(), { user, reference, body }),
);

/** "Geen correctie nodig": marks the ticket's changed sources handled without a message. */
export const dismissChangedAction = action(
  {
    name: "desk.dismissChanged",
    roles: ["agent"] as const,
    schema: z.object({ reference: z.string({ error: "Vraag ontbreekt." }).min(1, "Vraag ontbreekt.").max(40) }),
  },
  async ({ reference }, { user }) => dismissChanged(db(), { user, reference }),
);
