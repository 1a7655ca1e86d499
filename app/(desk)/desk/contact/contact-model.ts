// The contact screen's shapes and fixed words: what the page hands the screen, a caller as found or typed, the
// live question analysis, the outcomes of a call, and the small formatting helpers (no React, no server code; types only from the server side).

import type { CallerHit as FoundCaller } from "@/app/_modules/contact/callers";

/** A desk the agent may log for, with its default callback deadline and the colleagues who can call back. */
export type ContactDesk = {
  id: string;
  name: string;
  defaultCallbackDue: string;
  colleagues: { id: string; name: string }[];
};

/** A known caller found by the caller search, with their recent tickets, as the screen receives it (dates as text). */
export type CallerHit = Omit<FoundCaller, "tickets"> & {
  tickets: (Omit<FoundCaller["tickets"][number], "createdAt"> & { createdAt: string })[];
};

/** The caller as sent with the contact: picked from the search or typed in as a new caller. */
export type CallerDetails = {
  name: string;
  email: string;
  phone: string;
  organisation: string;
  callerType: string;
  schoolCode: string;
  sector: string;
  /** The organisation chosen in the typeahead ("" when the name was typed freely). */
  organisationId: string;
  /** The school the call is about, chosen in the typeahead, and how it is shown. */
  schoolId: string;
  schoolName: string;
};

/** The answer of POST /api/v1/triage: proposed desk and topic, reasons and suggested articles. */
export type CallAnalysis = {
  desk: string;
  topic: string;
  reasons: string[];
  suggestions: { slug: string; title: string }[];
  protocolHints: string[];
  clarify?: string;
};

export type Outcome = "answered" | "callback" | "followup" | "transferred" | "out_of_scope" | "added";

/** A callback the agent opened from "Terugbellen" (?terugbellen=<id>) to record its result. */
export type OpenCallback = {
  id: string;
  reference: string;
  subject: string;
  dueAt: string;
  done: boolean;
  caller: { name: string; organisation: string; phone: string | null };
};

/** Everything the server page hands the contact screen. */
export type ContactScreenProps = {
  desks: ContactDesk[];
  callerTypes: { id: string; label: string }[];
  topics: { id: string; label: string }[];
  incoming: { id: string; number: string; at: string; deskId: string }[];
  prefillNumber: string | null;
  prefillDesk: string | null;
  prefillReference: string | null;
  callback: OpenCallback | null;
};

export const OUTCOMES: { id: Outcome; label: string; hint: string }[] = [
  { id: "answered", label: "Beantwoord", hint: "tijdens het gesprek opgelost" },
  { id: "callback", label: "Terugbellen", hint: "wij bellen terug" },
  { id: "followup", label: "Vervolg", hint: "open vraag voor verder werk" },
  { id: "transferred", label: "Doorverbonden", hint: "hoort bij de andere helpdesk" },
  { id: "out_of_scope", label: "Buiten ons terrein", hint: "bijvoorbeeld een ouder" },
  { id: "added", label: "Bij bestaande vraag", hint: "gesprek over een vraag die er al is" },
];

export const EMPTY_CALLER: CallerDetails = {
  name: "",
  email: "",
  phone: "",
  organisation: "",
  callerType: "",
  schoolCode: "",
  sector: "",
  organisationId: "",
  schoolId: "",
  schoolName: "",
};

export const DESK_NAMES: Record<string, string> = { po: "Helpdesk PO", "vo-mbo": "Helpdesk VO/MBO" };

/** An ISO time as the value of a datetime-local input (local time, minutes). */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A duration as mm:ss for the call timer. */
export const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};
