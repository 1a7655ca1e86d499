"use server";
// The verzuimcheck's server actions: public, store nothing, log no input. Each validates with the same schema
// as the form and asks the pure engine with the protocols currently in the database.
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { runDetailedCheck, runLeaveCheck, runQuickCheck } from "@/app/_modules/protocol/check-service";
import { detailedCheckSchema, leaveCheckSchema, quickCheckSchema } from "@/app/_modules/protocol/check-forms";
import { getProtocols } from "@/app/_modules/protocol/store";

/** Quick mode: counts for this school year → the reached steps of the protocol. */
export const checkQuick = action({ name: "verzuimcheck.quick", schema: quickCheckSchema }, async (input) =>
  runQuickCheck(db(), await getProtocols(), input),
);

/** Detailed mode: dated events (typed or pasted) → the reached steps, with the day each was reached. */
export const checkDetailed = action({ name: "verzuimcheck.detailed", schema: detailedCheckSchema }, async (input) =>
  runDetailedCheck(db(), await getProtocols(), input),
);

/** A leave request → allowed or not, who decides, and why. */
export const checkLeaveRequest = action({ name: "verzuimcheck.leave", schema: leaveCheckSchema }, async (input) =>
  runLeaveCheck(db(), await getProtocols(), input),
);
