// The query of GET /desk/rapportages/export: which section to download (a report section or the contacts report)
// and the period picker's fields, validated as the reports page validates them.
import "server-only";
import { z } from "zod";
import { isReportSection, type ReportSection } from "./csv";
import { makeReportQuerySchema } from "./schema";

export type ExportSection = ReportSection | "contacten";

const section = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z
    .string({ error: "Kies een onderdeel van de rapportage." })
    .refine((v) => v === "contacten" || isReportSection(v), "Kies een onderdeel van de rapportage.")
    .transform((v) => v as ExportSection),
);

/** The export's query schema; `today` (YYYY-MM-DD, Amsterdam) fills in missing dates. */
export function makeReportExportQuerySchema(today?: () => string) {
  return z.object({ section }).and(makeReportQuerySchema(today));
}

export const reportExportQuerySchema = makeReportExportQuerySchema();
