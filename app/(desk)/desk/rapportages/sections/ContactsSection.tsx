// "Contacten en telefoon": tickets per channel, first-contact resolution per desk, callbacks on time, contacts per
// phone hour and the average handling time per channel.
import { BarChart } from "@/app/_components/charts/BarChart";
import { StatTiles } from "@/app/_components/charts/StatTiles";
import type { ContactReport } from "@/app/_modules/reports/contacts";
import { formatCount, formatPercent } from "@/app/_modules/reports/stats";
import { CHANNEL_LABELS } from "@/app/_modules/tickets/channel";
import { deskLabel } from "../../labels";
import { fmtPct, pct, slaTone } from "./report-parts";

const minutesText = (ms: number | null) =>
  ms === null ? "–" : `${(ms / 60_000).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} min`;

export function ContactsSection({ contacts, query }: { contacts: ContactReport; query: string }) {
  return (
    <section aria-labelledby="contacts-title" className="report-section" data-contact-report>
      <h2 id="contacts-title">Contacten en telefoon</h2>
      <BarChart
        title="Tickets per kanaal"
        labelHeader="Kanaal"
        valueHeader="Tickets"
        table="visible"
        data={contacts.perChannel.map((c) => ({ label: CHANNEL_LABELS[c.channel], value: c.tickets }))}
        description="Binnengekomen tickets in de periode, naar het kanaal waarlangs de vraag kwam."
      />
      <BarChart
        title="Opgelost bij eerste contact (%)"
        labelHeader="Helpdesk"
        valueHeader="Opgelost bij eerste contact"
        table="visible"
        formatValue={fmtPct}
        data={contacts.firstContactResolution.map((d) => ({
          label: deskLabel(d.desk),
          value: pct(d.rate) ?? 0,
          valueLabel:
            d.rate === null
              ? "–"
              : `${formatPercent(d.rate)} (${formatCount(d.answered)} van ${formatCount(d.contacts)})`,
        }))}
        description="Van de gesprekken met een vraag voor de helpdesk: het deel dat tijdens het gesprek is beantwoord."
      />
      <StatTiles
        label="Terugbelverzoeken"
        tiles={[
          {
            label: "Op tijd teruggebeld",
            value: formatPercent(contacts.callbacks.rate),
            tone: slaTone(contacts.callbacks.rate),
            hint: `${formatCount(contacts.callbacks.onTime)} op tijd · ${formatCount(contacts.callbacks.late)} te laat · ${formatCount(contacts.callbacks.open)} nog open`,
          },
        ]}
      />
      <BarChart
        title="Contacten per uur (09.00–13.00)"
        labelHeader="Uur"
        valueHeader="Contacten"
        table="visible"
        data={contacts.perHour.map((h) => ({
          label: `${String(h.hour).padStart(2, "0")}.00–${String(h.hour + 1).padStart(2, "0")}.00`,
          value: h.contacts,
        }))}
        description="Hoeveel gesprekken er per uur begonnen: de drukte die het telefoonrooster moet opvangen."
      />
      <BarChart
        title="Gemiddelde gespreksduur per kanaal"
        labelHeader="Kanaal"
        valueHeader="Gemiddelde duur"
        table="visible"
        data={contacts.handling
          .filter((h) => h.contacts > 0)
          .map((h) => ({
            label: CHANNEL_LABELS[h.channel],
            value: Math.round(((h.averageMs ?? 0) / 60_000) * 10) / 10,
            valueLabel: minutesText(h.averageMs),
          }))}
        description="Van het openen van het contactscherm tot het vastleggen."
      />
      <p className="csv-link">
        <a href={`/desk/rapportages/export?section=contacten&${query}`} download>
          Download als CSV<span className="visually-hidden">: Contacten en telefoon</span>
        </a>
      </p>
    </section>
  );
}
