// The question wizard's shapes and fixed words: the form values, the steps and their fields, the labels of the
// error summary, and the small helpers the steps share (no React, no server code).
import type { FieldErrors, FieldPath } from "react-hook-form";
import type { z } from "zod";
import type { wizardSchema } from "@/app/_modules/tickets/schema";
import type { CallerType } from "@/app/_modules/triage/caller-types";
import type { SuggestedArticle } from "./SuggestedArticles";

export type Values = z.input<typeof wizardSchema>;
export type Desk = { id: string; name: string; article?: string; phone: string; phoneHref: string; hoursText: string };
export type Triage = {
  desk: "po" | "vo-mbo" | "out-of-scope" | "unknown";
  clarify?: string;
  topic: string;
  reasons: string[];
  suggestions: SuggestedArticle[];
  protocolHints: string[];
};
export type Done = { reference: string; deskId: string; followUpUrl: string };

export const STORAGE_KEY = "vraag-concept-v1";
export const STEPS = ["Wie bent u?", "Uw vraag", "Uw gegevens", "Controleren en versturen"] as const;
export const STEP_FIELDS: FieldPath<Values>[][] = [
  ["callerType", "organisation", "organisationId", "schoolCode", "sector", "aboutSchoolCode"],
  ["topic", "question"],
  ["name", "email", "phone"],
  [],
];
export const ABSENCE_TOPICS = new Set([
  "verzuim-melden",
  "soorten-verzuim",
  "te-laat-en-spijbelen",
  "ziekteverzuim",
  "verlof",
  "thuiszitters",
]);
export const SECTOR_CHOICE = [
  { id: "po", label: "Primair onderwijs (basisschool, speciaal basisonderwijs)" },
  { id: "vo", label: "Voortgezet onderwijs" },
  { id: "mbo", label: "Middelbaar beroepsonderwijs (mbo)" },
];
export const FIELD_LABELS: Partial<Record<string, string>> = {
  callerType: "Wie bent u?",
  organisation: "Naam van uw school of organisatie",
  organisationId: "Naam van uw school of organisatie",
  schoolCode: "BRIN- of RIO-code",
  sector: "Sector",
  aboutSchoolCode: "Over welke school gaat het?",
  topic: "Onderwerp",
  question: "Uw vraag",
  name: "Uw naam",
  email: "E-mailadres",
  phone: "Telefoonnummer",
  attachments: "Bijlagen",
};

/** Callers who ask on behalf of, or about, one school: they get the "Over welke school gaat het?" field. */
export const ON_BEHALF_TYPES = new Set<CallerType>(["municipality", "software-vendor", "school-board"]);

/** The kind of organisation the "Wie bent u?" typeahead suggests for each caller type (all kinds for "Anders"). */
export const KIND_FOR_CALLER: Partial<Record<CallerType, string>> = {
  "po-school": "school",
  "vo-school": "school",
  "mbo-institution": "school",
  "school-board": "bestuur",
  municipality: "gemeente",
  "software-vendor": "leverancier",
};

export const newRunId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** A funnel event for the deflection report (best effort). */
export async function beacon(runId: string, event: string) {
  try {
    await fetch("/api/v1/deflection", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ runId, event }),
      keepalive: true,
    });
  } catch {}
}

/** A field's message, its ARIA attributes (id, invalid, described by hint and error). */
export function fieldHelpers(errors: FieldErrors<Values>) {
  const err = (name: keyof Values) => (errors[name]?.message ? String(errors[name]!.message) : undefined);
  const fieldProps = (name: keyof Values, hint?: string) => ({
    id: name,
    "aria-invalid": err(name) ? true : undefined,
    "aria-describedby":
      [hint ? `${name}-hint` : null, err(name) ? `${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  return { err, fieldProps };
}
export type FieldHelpers = ReturnType<typeof fieldHelpers>;
