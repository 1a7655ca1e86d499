// content/desks.yaml: the two desks with hours, phone and SLA settings.
import "server-only";
import YAML from "yaml";
import { z } from "zod";
import { ContentError, contentErrorFromIssues } from "./errors";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");

export const deskSchema = z.object({
  id: z.enum(["po", "vo-mbo"]),
  name: z.string().min(3),
  /** The article the name takes in a sentence: "het Informatiepunt Onderwijs", "de Helpdesk BRON PO". */
  article: z.enum(["de", "het"], { error: "expected de or het" }),
  shortName: z.string().min(2),
  referencePrefix: z.string().regex(/^[A-Z]{2,5}$/, "expected 2–5 capital letters"),
  serves: z.string().min(10),
  phone: z.string().min(6),
  /** The desk's inbound e-mail address (the e-mail channel; INBOUND_ADDRESS_PO / INBOUND_ADDRESS_VO_MBO override it). */
  email: z.string().email("expected an e-mail address such as po@helpdesk.test").optional(),
  phoneHref: z.string().regex(/^\+\d{8,15}$/, "expected an international number such as +31505997766"),
  hours: z
    .object({
      days: z.array(z.number().int().min(1).max(7)).min(1),
      open: hhmm,
      close: hhmm,
    })
    .refine((h) => h.open < h.close, { message: "open must be before close", path: ["close"] }),
  sla: z.object({
    firstResponseBusinessDays: z.number().positive().max(30),
    resolutionBusinessDays: z.number().positive().max(90),
  }),
});

export type DeskConfig = z.infer<typeof deskSchema>;

const fileSchema = z.object({ desks: z.array(deskSchema).length(2, "expected exactly the two desks po and vo-mbo") });

/** Parses and validates content/desks.yaml. */
export function parseDesksFile(text: string, file = "content/desks.yaml"): DeskConfig[] {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (e) {
    throw new ContentError(file, "", `not valid YAML: ${(e as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw contentErrorFromIssues(file, parsed.error.issues);
  const ids = parsed.data.desks
    .map((d) => d.id)
    .sort()
    .join(",");
  if (ids !== "po,vo-mbo") throw new ContentError(file, "desks", "expected the desks po and vo-mbo once each");
  return parsed.data.desks;
}
