// Codec of the desk's JSON column: its business hours (imported from content/desks.yaml and checked by the seed).
// Pure.
import "server-only";
import { trustedJsonColumn } from "@/app/_lib/json-column";
import type { BusinessHours } from "@/app/_modules/sla/business-time";

/** Desk.hours: the opening days and times the SLA counts in. */
export const deskHoursColumn = trustedJsonColumn<BusinessHours>();
