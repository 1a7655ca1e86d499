// The zod schemas of the verzuimcheck's three forms (quick counts, dated events, leave request), shared by the
// browser form (zodResolver) and the server actions: strings in, numbers and dates out. The reading of Dutch
// input they build on is in check-input.ts.
import { z } from "zod";
import { findPersonalNumbers, PERSONAL_NUMBER_MESSAGE } from "../privacy/personal-number";
import {
  CHECK_EVENT_TYPES,
  CHECK_LEAVE_KINDS,
  CHECK_LIMITS,
  DATE_HINT,
  parseDutchDate,
  parseDutchNumber,
  parsePastedEvents,
  pastedErrorSummary,
  schoolDaysBetween,
  todayInAmsterdam,
} from "./check-input";
import type { AbsenceEvent, DateRange, LeaveRequest } from "./engine/evaluate";

type NumberOpts = { integer: boolean; max: number; maxMessage: string };

/** A form field holding a Dutch number; empty means 0. */
function numberField({ integer, max, maxMessage }: NumberOpts) {
  return z
    .string({ error: "Vul een getal in." })
    .trim()
    .superRefine((s, ctx) => {
      if (s === "") return;
      if (/^-/.test(s)) return void ctx.addIssue({ code: "custom", message: "Het getal mag niet negatief zijn." });
      const n = parseDutchNumber(s);
      if (n === null)
        return void ctx.addIssue({
          code: "custom",
          message: integer ? "Vul een heel getal in, bijvoorbeeld 9." : "Vul een getal in, bijvoorbeeld 17 of 1,5.",
        });
      if (integer && !Number.isInteger(n))
        return void ctx.addIssue({ code: "custom", message: "Vul een heel getal in, zonder komma." });
      if (n > max) ctx.addIssue({ code: "custom", message: maxMessage });
    })
    .transform((s) => (s === "" ? 0 : (parseDutchNumber(s) as number)));
}

/** A required date from an <input type="date"> (YYYY-MM-DD) or typed the Dutch way. */
function dateField(requiredMessage: string) {
  return z
    .string({ error: requiredMessage })
    .trim()
    .superRefine((s, ctx) => {
      if (s === "") return void ctx.addIssue({ code: "custom", message: requiredMessage });
      if (parseDutchDate(s) === null)
        ctx.addIssue({ code: "custom", message: `Deze datum bestaat niet. ${DATE_HINT}` });
    })
    .transform((s) => parseDutchDate(s) as string);
}

/** An optional date: empty → undefined. */
function optionalDateField() {
  return z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      if (s !== "" && parseDutchDate(s) === null)
        ctx.addIssue({ code: "custom", message: `Deze datum bestaat niet. ${DATE_HINT}` });
    })
    .transform((s) => (s === "" ? undefined : (parseDutchDate(s) as string)));
}

const protocolField = z.string({ error: "Kies een protocol." }).trim().min(1, "Kies een protocol.").max(120);

/** Quick mode: counts for this school year and the last 4 weeks. */
export const quickCheckSchema = z.object({
  protocol: protocolField,
  late: numberField({ integer: true, max: CHECK_LIMITS.count, maxMessage: `Hoogstens ${CHECK_LIMITS.count}.` }),
  truancy: numberField({ integer: true, max: CHECK_LIMITS.count, maxMessage: `Hoogstens ${CHECK_LIMITS.count}.` }),
  sickHours: numberField({
    integer: false,
    max: CHECK_LIMITS.sickHoursPerYear,
    maxMessage: `Hoogstens ${CHECK_LIMITS.sickHoursPerYear} uur.`,
  }),
  unexcusedHoursLast4Weeks: numberField({
    integer: false,
    max: CHECK_LIMITS.hoursIn4Weeks,
    maxMessage: "Zo veel uren passen niet in 4 weken. Vul klokuren in.",
  }),
  weeksAbsentInARow: numberField({
    integer: true,
    max: CHECK_LIMITS.weeks,
    maxMessage: `Hoogstens ${CHECK_LIMITS.weeks} weken.`,
  }),
});
export type QuickCheckValues = z.input<typeof quickCheckSchema>;
export type QuickCheckInput = z.output<typeof quickCheckSchema>;

const eventRowSchema = z.object({
  date: dateField("Vul de datum in."),
  type: z.enum(CHECK_EVENT_TYPES, { error: "Kies wat er gebeurde." }),
  hours: numberField({
    integer: false,
    max: CHECK_LIMITS.hoursPerDay,
    maxMessage: `Hoogstens ${CHECK_LIMITS.hoursPerDay} uur op één dag.`,
  }),
});

const holidaySchema = z
  .object({ start: dateField("Vul de eerste dag in."), end: dateField("Vul de laatste dag in.") })
  .superRefine((h, ctx) => {
    if (h.start && h.end && h.start > h.end)
      ctx.addIssue({ code: "custom", path: ["end"], message: "De laatste dag ligt vóór de eerste dag." });
  });

/** Detailed mode: dated events typed in rows and/or pasted lines, optional holidays and a reference date. */
export const detailedCheckSchema = z
  .object({
    protocol: protocolField,
    asOf: z
      .string()
      .trim()
      .superRefine((s, ctx) => {
        if (s !== "" && parseDutchDate(s) === null)
          ctx.addIssue({ code: "custom", message: `Deze datum bestaat niet. ${DATE_HINT}` });
      }),
    events: z
      .array(eventRowSchema)
      .max(CHECK_LIMITS.rows, `Hoogstens ${CHECK_LIMITS.rows} regels. Plak langere lijsten in het tekstvak.`),
    pasted: z
      .string()
      .max(
        CHECK_LIMITS.pastedChars,
        "De geplakte tekst is te lang. Plak de gegevens van één leerling over één schooljaar.",
      )
      .superRefine((text, ctx) => {
        if (text.trim() === "") return;
        const parsed = parsePastedEvents(text);
        if (parsed.errors.length > 0) ctx.addIssue({ code: "custom", message: pastedErrorSummary(parsed.errors) });
        else if (findPersonalNumbers(text).length > 0)
          ctx.addIssue({ code: "custom", message: PERSONAL_NUMBER_MESSAGE });
        else if (parsed.events.length > CHECK_LIMITS.events)
          ctx.addIssue({ code: "custom", message: `Hoogstens ${CHECK_LIMITS.events} meldingen per keer.` });
      }),
    holidays: z.array(holidaySchema).max(CHECK_LIMITS.holidays, `Hoogstens ${CHECK_LIMITS.holidays} vakanties.`),
  })
  .superRefine((v, ctx) => {
    if (
      v.events.length === 0 &&
      parsePastedEvents(v.pasted).events.length === 0 &&
      parsePastedEvents(v.pasted).errors.length === 0
    )
      ctx.addIssue({
        code: "custom",
        path: ["pasted"],
        message: "Vul minstens één melding in, of plak regels uit uw administratie.",
      });
  })
  .transform((v) => {
    const asOf = v.asOf === "" ? todayInAmsterdam() : (parseDutchDate(v.asOf) as string);
    const rows: AbsenceEvent[] = v.events.map((e) =>
      e.type === "late" || (e.hours === 0 && e.type !== "unexcused")
        ? { date: e.date, type: e.type }
        : { date: e.date, type: e.type, hours: e.hours },
    );
    const pasted = v.pasted.trim() === "" ? [] : parsePastedEvents(v.pasted).events;
    const holidays: DateRange[] = v.holidays.map((h) => ({ start: h.start, end: h.end }));
    return { protocol: v.protocol, asOf, events: [...rows, ...pasted], holidays };
  });
export type DetailedCheckValues = z.input<typeof detailedCheckSchema>;
export type DetailedCheckInput = z.output<typeof detailedCheckSchema>;

/** Leave request: kind, first day, and the number of school days (or the last day, to count them). */
export const leaveCheckSchema = z
  .object({
    protocol: protocolField,
    kind: z.enum(CHECK_LEAVE_KINDS, { error: "Kies het soort verlof." }),
    start: dateField("Vul de eerste verlofdag in."),
    end: optionalDateField(),
    schoolDays: z
      .string()
      .trim()
      .superRefine((s, ctx) => {
        if (s === "") return;
        const n = parseDutchNumber(s);
        if (n === null || !Number.isInteger(n))
          ctx.addIssue({ code: "custom", message: "Vul een heel getal in, bijvoorbeeld 5." });
        else if (n < 1) ctx.addIssue({ code: "custom", message: "Vraag minstens 1 schooldag aan." });
        else if (n > CHECK_LIMITS.leaveSchoolDays)
          ctx.addIssue({ code: "custom", message: `Hoogstens ${CHECK_LIMITS.leaveSchoolDays} schooldagen.` });
      }),
    summerStart: optionalDateField(),
    summerEnd: optionalDateField(),
    earlierVakantieverlofThisYear: z.boolean().default(false),
    adjoinsSchoolHoliday: z.boolean().default(false),
    earlierGewichtigeSchoolDays: numberField({
      integer: true,
      max: CHECK_LIMITS.leaveSchoolDays,
      maxMessage: `Hoogstens ${CHECK_LIMITS.leaveSchoolDays} schooldagen.`,
    }),
  })
  .superRefine((v, ctx) => {
    if (v.end && v.start && v.end < v.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "De laatste verlofdag ligt vóór de eerste." });
    if ((v.summerStart === undefined) !== (v.summerEnd === undefined))
      ctx.addIssue({
        code: "custom",
        path: [v.summerStart ? "summerEnd" : "summerStart"],
        message: "Vul de eerste én de laatste dag van de zomervakantie in, of laat beide leeg.",
      });
    else if (v.summerStart && v.summerEnd && v.summerStart > v.summerEnd)
      ctx.addIssue({ code: "custom", path: ["summerEnd"], message: "De laatste dag ligt vóór de eerste dag." });
    if (v.schoolDays === "" && !v.end)
      ctx.addIssue({
        code: "custom",
        path: ["schoolDays"],
        message: "Vul het aantal schooldagen in, of de laatste verlofdag.",
      });
    else if (v.schoolDays === "" && v.end && v.start) {
      const summer = v.summerStart && v.summerEnd ? { start: v.summerStart, end: v.summerEnd } : undefined;
      if (schoolDaysBetween(v.start, v.end, summer) === 0)
        ctx.addIssue({
          code: "custom",
          path: ["end"],
          message: "Tussen deze datums ligt geen schooldag (maandag tot en met vrijdag).",
        });
    }
  })
  .transform((v) => {
    const summerHoliday = v.summerStart && v.summerEnd ? { start: v.summerStart, end: v.summerEnd } : undefined;
    const schoolDays =
      v.schoolDays !== ""
        ? (parseDutchNumber(v.schoolDays) as number)
        : schoolDaysBetween(v.start, v.end!, summerHoliday);
    const request: LeaveRequest = {
      kind: v.kind,
      start: v.start,
      schoolDays,
      earlierVakantieverlofThisYear: v.earlierVakantieverlofThisYear,
      adjoinsSchoolHoliday: v.adjoinsSchoolHoliday,
      earlierGewichtigeSchoolDaysThisYear: v.earlierGewichtigeSchoolDays,
      ...(summerHoliday ? { summerHoliday } : {}),
    };
    return { protocol: v.protocol, request };
  });
export type LeaveCheckValues = z.input<typeof leaveCheckSchema>;
export type LeaveCheckInput = z.output<typeof leaveCheckSchema>;
