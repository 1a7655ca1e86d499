// Contact reports for /desk/rapportages: contacts per channel, first-contact resolution per desk, callbacks done
// on time, contacts per hour of the phone window (09–13, Europe/Amsterdam) and average handling time per channel.
// Same cohort rule as the ticket reports: everything about contacts/tickets/callbacks *created* in the period.
import "server-only";
import type { Db } from "@/app/_core/db";
import type { DeskId } from "@/app/_core/session";
import { CHANNELS, type Channel } from "@/app/_modules/tickets/channel";
import { addDays, encodeCsv, startOfLocalDay, type CsvCell } from "./stats";

export const PHONE_HOURS = [9, 10, 11, 12] as const;

export type ContactReport = {
  perChannel: { channel: Channel; tickets: number; contacts: number }[];
  firstContactResolution: { desk: DeskId; contacts: number; answered: number; rate: number | null }[];
  callbacks: { total: number; onTime: number; late: number; open: number; rate: number | null };
  perHour: { hour: number; contacts: number }[];
  handling: { channel: Channel; contacts: number; averageMs: number | null }[];
};

const hourIn = (d: Date) =>
  Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hour: "2-digit", hourCycle: "h23" }).format(d),
  );

/** Builds the contact figures for desks and a period of local dates (inclusive). */
export async function buildContactReport(
  db: Db,
  opts: { desks: DeskId[]; from: string; to: string; now?: Date },
): Promise<ContactReport> {
  const now = opts.now ?? new Date();
  const createdAt = { gte: startOfLocalDay(opts.from), lt: startOfLocalDay(addDays(opts.to, 1)) };
  const deskId = { in: opts.desks };
  const [tickets, contacts, callbacks] = await Promise.all([
    db.ticket.groupBy({ by: ["channel"], where: { deskId, createdAt, mergedIntoId: null }, _count: { _all: true } }),
    db.contact.findMany({
      where: { deskId, createdAt },
      select: { deskId: true, channel: true, outcome: true, startedAt: true, endedAt: true },
    }),
    db.callback.findMany({ where: { deskId, createdAt }, select: { dueAt: true, doneAt: true } }),
  ]);
  const perChannel = CHANNELS.map((channel) => ({
    channel,
    tickets: tickets.find((t) => t.channel === channel)?._count._all ?? 0,
    contacts: contacts.filter((c) => c.channel === channel).length,
  }));
  // First-contact resolution: of the calls that asked something of this desk (not transferred, not out of scope,
  // not a call about an existing ticket), the share answered during the call.
  const firstContactResolution = opts.desks.map((desk) => {
    const own = contacts.filter((c) => c.deskId === desk && ["answered", "callback", "followup"].includes(c.outcome));
    const answered = own.filter((c) => c.outcome === "answered").length;
    return { desk, contacts: own.length, answered, rate: own.length ? answered / own.length : null };
  });
  const onTime = callbacks.filter((c) => c.doneAt && c.doneAt <= c.dueAt).length;
  const late = callbacks.filter((c) => (c.doneAt && c.doneAt > c.dueAt) || (!c.doneAt && c.dueAt < now)).length;
  const open = callbacks.filter((c) => !c.doneAt).length;
  const decided = onTime + late;
  const perHour = PHONE_HOURS.map((hour) => ({
    hour,
    contacts: contacts.filter((c) => hourIn(c.startedAt) === hour).length,
  }));
  const handling = CHANNELS.map((channel) => {
    const own = contacts.filter((c) => c.channel === channel);
    const total = own.reduce((s, c) => s + Math.max(0, c.endedAt.getTime() - c.startedAt.getTime()), 0);
    return { channel, contacts: own.length, averageMs: own.length ? total / own.length : null };
  });
  return {
    perChannel,
    firstContactResolution,
    callbacks: { total: callbacks.length, onTime, late, open, rate: decided ? onTime / decided : null },
    perHour,
    handling,
  };
}

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);

/** The contact report as one CSV with a block per figure (`;`-separated, decimal comma, BOM). */
export function contactReportCsv(r: ContactReport): string {
  const rows: CsvCell[][] = [
    ["Kanaal", "Tickets", "Contacten"],
    ...r.perChannel.map((c) => [c.channel, c.tickets, c.contacts]),
    [],
    ["Helpdesk", "Gesprekken met een vraag", "Direct beantwoord", "Opgelost bij eerste contact (%)"],
    ...r.firstContactResolution.map((d) => [d.desk, d.contacts, d.answered, pct(d.rate)]),
    [],
    ["Terugbelverzoeken", "Op tijd", "Te laat", "Nog open", "Op tijd (%)"],
    [r.callbacks.total, r.callbacks.onTime, r.callbacks.late, r.callbacks.open, pct(r.callbacks.rate)],
    [],
    ["Uur", "Contacten"],
    ...r.perHour.map((h) => [
      `${String(h.hour).padStart(2, "0")}:00–${String(h.hour + 1).padStart(2, "0")}:00`,
      h.contacts,
    ]),
    [],
    ["Kanaal", "Contacten", "Gemiddelde gespreksduur (minuten)"],
    ...r.handling.map((h) => [h.channel, h.contacts, minutes(h.averageMs)]),
  ];
  return encodeCsv(rows);
}
