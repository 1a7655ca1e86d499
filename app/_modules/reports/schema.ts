// The period picker: from/to are Europe/Amsterdam calendar days (inclusive), at most one year, default the last
// 8 ISO weeks (Monday seven weeks ago up to today). Shared by the page's form and the CSV route.
import "server-only";
import { z } from "zod";
import { DESK_IDS, type DeskId } from "@/app/_core/session";
import { addDays, isoWeekday, isValidDate, localDate } from "./stats";

/** Weeks shown when no period is picked. */
export const DEFAULT_REPORT_WEEKS = 8;

export type ReportPeriod = { from: string; to: string };

/** The default period for a day: Monday of the week 7 weeks before the current one, up to and including today. */
export function defaultPeriod(today: string): ReportPeriod {
  const monday = addDays(today, 1 - isoWeekday(today));
  return { from: addDays(monday, -7 * (DEFAULT_REPORT_WEEKS - 1)), to: today };
}

/** The last end date allowed for a start date: one day before the same date a year later (from 29 Feb: 28 Feb). */
export function lastAllowedEnd(from: string): string {
  const next = `${String(Number(from.slice(0, 4)) + 1).padStart(4, "0")}${from.slice(4)}`;
  return addDays(from.endsWith("-02-29") ? `${next.slice(0, 5)}03-01` : next, -1);
}

// Forms send "" for an empty date field; query strings may repeat a key.
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : Array.isArray(v) ? v[0] : v);

const dateField = z.preprocess(
  emptyToUndefined,
  z
    .string({ error: "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-30." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-30.")
    .refine(isValidDate, "Deze datum bestaat niet. Controleer de dag en de maand.")
    .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Kies een datum tussen 2000 en 2099.")
    .optional(),
);

const desksField = z.preprocess(
  (v) => (v === undefined || v === "" || v === null ? undefined : (Array.isArray(v) ? v : [v]).filter((x) => x !== "")),
  z.array(z.enum(DESK_IDS as [DeskId, ...DeskId[]], { error: "Kies een bestaande helpdesk." })).optional(),
);

/** The period picker's schema; `today` (YYYY-MM-DD, Amsterdam) fills in missing dates. */
export function makeReportQuerySchema(today: () => string = () => localDate(new Date())) {
  return z
    .object({ from: dateField, to: dateField, desk: desksField })
    .transform((v) => {
      const to = v.to ?? today();
      const from = v.from ?? defaultPeriod(to).from;
      return { from, to, desks: v.desk && v.desk.length > 0 ? [...new Set(v.desk)] : undefined };
    })
    .superRefine((v, ctx) => {
      if (v.from > v.to) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "De einddatum moet op of na de begindatum liggen." });
      } else if (v.to > lastAllowedEnd(v.from)) {
        ctx.addIssue({ code: "custom", path: ["from"], message: "Kies een periode van hoogstens een jaar." });
      }
    });
}

/** The period picker's schema, with today's date in Europe/Amsterdam. */
export const reportQuerySchema = makeReportQuerySchema();
export type ReportQuery = z.output<typeof reportQuerySchema>;
