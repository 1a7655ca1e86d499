// Small server-safe pieces of the agent workspace: SLA badges (words, not colour only), status badges and
// search snippets rendered as React text (the highlight tags become <mark>; everything else stays escaped).
import { Fragment } from "react";
import type { SlaState } from "@/app/_modules/tickets/desk-sla";
import { SLA_LABELS, statusLabel } from "./labels";

const SLA_ICON: Partial<Record<SlaState, string>> = { breached: "⚠", "at-risk": "⏰", late: "⚠" };

/** One SLA badge: "Oplossing: Bijna te laat". */
export function SlaBadge({ what, state }: { what: "Eerste reactie" | "Oplossing"; state: SlaState }) {
  if (state === "none") return null;
  const icon = SLA_ICON[state];
  return (
    <span className={`sla-badge sla-${state}`}>
      {icon ? <span aria-hidden="true">{icon} </span> : null}
      {what}: {SLA_LABELS[state]}
    </span>
  );
}

/** Both SLA badges of a ticket; a met first response is left out once the ticket is underway. */
export function SlaBadges({
  sla,
  compact = false,
}: {
  sla: { firstResponse: SlaState; resolution: SlaState };
  compact?: boolean;
}) {
  const showFirst = !(compact && sla.firstResponse === "met");
  const any = (showFirst && sla.firstResponse !== "none") || sla.resolution !== "none";
  if (!any) return <span className="muted">Geen termijn</span>;
  return (
    <span className="sla-badges">
      {showFirst ? <SlaBadge what="Eerste reactie" state={sla.firstResponse} /> : null}
      <SlaBadge what="Oplossing" state={sla.resolution} />
    </span>
  );
}

/** The ticket status as a labelled badge. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{statusLabel(status)}</span>;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&#x2F;": "/",
};
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F);/g, (m) => ENTITIES[m] ?? m);

/** Renders an engine snippet (escaped text with <mark> tags) as React nodes, so nothing in it can become markup. */
export function Highlighted({ html }: { html: string }) {
  const parts = html.split(/<mark>|<\/mark>/);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? <mark key={i}>{unescape(p)}</mark> : <Fragment key={i}>{unescape(p)}</Fragment>,
      )}
    </>
  );
}
