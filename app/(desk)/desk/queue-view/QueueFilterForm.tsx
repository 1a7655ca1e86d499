// The queue's filter and sort form (a plain GET form, so it works without script): status, topic, sector, caller
// type, channel, tag, assignee and sort order. Open while a filter or a sort other than SLA is active.
import Link from "next/link";
import type { QueueSort } from "@/app/_modules/tickets/desk-schema";
import { CHANNEL_LABELS, CHANNELS } from "@/app/_modules/tickets/channel";
import { CALLER_TYPES, SECTORS } from "@/app/_modules/triage/schema";
import { AGENT_STATUS_LABELS, callerTypeLabel, sectorLabel } from "../labels";
import { hasFilters, queueHref, type QueueParams } from "../queue-params";

export const SORT_LABELS: Record<QueueSort, string> = {
  sla: "SLA-termijn (eerst de meest dringende)",
  created: "Aangemaakt (oudste eerst)",
  updated: "Laatst bijgewerkt (nieuwste eerst)",
};

export function QueueFilterForm({
  p,
  topics,
  tags,
  colleagues,
}: {
  p: QueueParams;
  topics: { id: string; label: string }[];
  tags: { id: string; name: string }[];
  /** Colleagues to filter on, without the agent themself ("Mij" covers them). */
  colleagues: { id: string; name: string }[];
}) {
  const select = (
    id: string,
    label: string,
    name: string,
    value: string | undefined,
    all: string,
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <details className="queue-filters" open={hasFilters(p.filters) || p.sort !== "sla" ? true : undefined}>
      <summary>Filteren en sorteren{hasFilters(p.filters) ? " (filters actief)" : ""}</summary>
      <form method="get" action="/desk">
        {p.desk && <input type="hidden" name="desk" value={p.desk} />}
        <input type="hidden" name="view" value={p.view} />
        <fieldset className="filter-status">
          <legend>Status</legend>
          {(Object.keys(AGENT_STATUS_LABELS) as (keyof typeof AGENT_STATUS_LABELS)[]).map((s) => (
            <label key={s} className="choice">
              <input type="checkbox" name="status" value={s} defaultChecked={p.filters.status?.includes(s)} />{" "}
              {AGENT_STATUS_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <div className="filter-grid">
          {select(
            "f-topic",
            "Onderwerp",
            "topic",
            p.filters.topic,
            "Alle onderwerpen",
            topics.map((t) => ({ value: t.id, label: t.label })),
          )}
          {select(
            "f-sector",
            "Sector",
            "sector",
            p.filters.sector,
            "Alle sectoren",
            SECTORS.map((s) => ({ value: s, label: sectorLabel(s) })),
          )}
          {select(
            "f-caller",
            "Soort beller",
            "callerType",
            p.filters.callerType,
            "Alle bellers",
            CALLER_TYPES.map((c) => ({ value: c, label: callerTypeLabel(c) })),
          )}
          {select(
            "f-channel",
            "Kanaal",
            "channel",
            p.filters.channel,
            "Alle kanalen",
            CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
          )}
          {select(
            "f-tag",
            "Tag",
            "tag",
            p.filters.tag,
            "Alle tags",
            tags.map((t) => ({ value: t.name, label: t.name })),
          )}
          <div className="field">
            <label htmlFor="f-assignee">Toegewezen aan</label>
            <select id="f-assignee" name="assignee" defaultValue={p.filters.assignee ?? ""}>
              <option value="">Iedereen</option>
              <option value="me">Mij</option>
              <option value="none">Niemand</option>
              {colleagues.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-sort">Sorteren op</label>
            <select id="f-sort" name="sort" defaultValue={p.sort}>
              {(Object.keys(SORT_LABELS) as QueueSort[]).map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="btn-row">
          <button type="submit" className="btn">
            Filter toepassen
          </button>
          {(hasFilters(p.filters) || p.sort !== "sla") && (
            <Link href={queueHref({ ...p, filters: {}, sort: "sla" })} className="btn btn-secondary">
              Filters wissen
            </Link>
          )}
        </div>
      </form>
    </details>
  );
}
