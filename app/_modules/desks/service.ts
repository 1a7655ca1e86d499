// Desks as stored (imported from content/desks.yaml).
import "server-only";
import { db } from "@/app/_core/db";
import type { DeskId } from "@/app/_core/session";
import type { BusinessHours } from "@/app/_modules/sla/business-time";
import { deskHoursColumn } from "./columns";

export type DeskView = {
  id: DeskId;
  name: string;
  /** "de" or "het", for sentences: see desks/article.ts. */
  article: string;
  shortName: string;
  referencePrefix: string;
  serves: string;
  phone: string;
  phoneHref: string;
  hours: BusinessHours;
  hoursText: string;
  firstResponseBusinessDays: number;
  resolutionBusinessDays: number;
};

const DAY_NAMES = ["", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/** "maandag tot en met vrijdag, 09.00–13.00 uur" */
export function hoursText(h: { days: readonly number[]; open: string; close: string }): string {
  const days = [...h.days].sort();
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText =
    days.length > 2 && contiguous
      ? `${DAY_NAMES[days[0]!]} tot en met ${DAY_NAMES[days[days.length - 1]!]}`
      : days.map((d) => DAY_NAMES[d]).join(", ");
  return `${dayText}, ${h.open.replace(":", ".")}–${h.close.replace(":", ".")} uur`;
}

// Desks change only through a re-seed: every page's footer reads them, so keep them for a few seconds.
let cache: { at: number; desks: DeskView[] } | null = null;

/** Forgets the cached desks (after an admin changed a desk's settings). */
export function clearDesksCache(): void {
  cache = null;
}

/** Both desks, po first. */
export async function listDesks(): Promise<DeskView[]> {
  if (cache && Date.now() - cache.at < 10_000) return cache.desks;
  const rows = await db().desk.findMany({ orderBy: { id: "asc" } });
  const desks = rows.map((d) => {
    const hours = deskHoursColumn.decode(d.hours);
    return { ...d, id: d.id as DeskId, hours, hoursText: hoursText(hours) };
  });
  cache = { at: Date.now(), desks };
  return desks;
}
