"use server";
// Server action of the protocol overview: an editor adds a new version of a rule (a new threshold from a date).
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { addRuleVersion, ruleVersionInputSchema } from "@/app/_modules/protocol/rule-versions";

/** "Nieuwe versie vanaf <datum>": stores the version, audits it and records the change for the feeds. */
export const addProtocolRuleVersion = action(
  { name: "redactie.addProtocolRuleVersion", roles: ["editor"] as const, schema: ruleVersionInputSchema },
  async (input, { user }) => addRuleVersion(db(), { user, input }),
);
