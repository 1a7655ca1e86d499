import type { ReactNode } from "react";
import { deskHoursColumn } from "@/app/_modules/desks/columns";
import { hoursText } from "@/app/_modules/desks/service";
import { STATUS_LABELS, type TicketStatus } from "@/app/_modules/tickets/schema";
import { CallerActions } from "./[token]/CallerActions";

const fmt = (d: Date) =>
  d.toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long", timeStyle: "short" });

type Message = {
  id: string;
  kind: string;
  body: string;
  createdAt: Date;
  emailFrom?: string | null;
  otherSender?: boolean;
  attachments: { id: string; fileName: string }[];
};

export type CallerTicketData = {
  reference: string;
  subject: string;
  status: string;
  createdAt: Date;
  formerReferences: { reference: string }[];
  desk: { name: string; phone: string; phoneHref: string; hours: string };
  messages: Message[];
};

/**
 * One question as its caller sees it — facts, notices, the conversation with attachments, and the reply/close
 * actions — shared by the private follow-up link (/mijn-vraag/[token]) and the signed-in view (/mijn-vragen/[ref]).
 */
export function CallerTicket(props: {
  ticket: CallerTicketData;
  mergedFrom: boolean;
  breadcrumbs: ReactNode;
  /** Extra facts after "Gesteld op" (for example who asked, on a colleague's question). */
  facts?: ReactNode;
  /** Notices above the merge notice. */
  notice?: ReactNode;
  /** Who wrote a caller message, as shown to this reader. */
  callerLabel: (m: Message) => string;
  attachmentHref: (attachmentId: string) => string;
  target: { token: string } | { reference: string };
}) {
  const { ticket } = props;
  const status = ticket.status as TicketStatus;
  return (
    <div className="container article-body">
      <p className="breadcrumbs muted">{props.breadcrumbs}</p>
      <h1>{ticket.subject}</h1>
      <dl className="card" style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.25rem 1rem" }}>
        <dt>Referentie</dt>
        <dd style={{ margin: 0 }}>
          <strong>{ticket.reference}</strong>
          {ticket.formerReferences.length > 0 && (
            <> (eerder {ticket.formerReferences.map((f) => f.reference).join(", ")})</>
          )}
        </dd>
        <dt>Status</dt>
        <dd style={{ margin: 0 }}>
          <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>
        </dd>
        <dt>Helpdesk</dt>
        <dd style={{ margin: 0 }}>
          {ticket.desk.name}, <a href={`tel:${ticket.desk.phoneHref}`}>{ticket.desk.phone}</a> (
          {hoursText(deskHoursColumn.decode(ticket.desk.hours))})
        </dd>
        <dt>Gesteld op</dt>
        <dd style={{ margin: 0 }}>{fmt(ticket.createdAt)}</dd>
        {props.facts}
      </dl>
      {props.notice}
      {props.mergedFrom && (
        <div className="alert" role="status">
          <p>
            Uw vraag is samengevoegd met een andere vraag over hetzelfde onderwerp. Hieronder ziet u het hele gesprek.
          </p>
        </div>
      )}
      <h2>Gesprek</h2>
      <ol className="plain-list" aria-label="Berichten">
        {ticket.messages.map((m) => (
          <li
            key={m.id}
            className={`msg msg-${m.kind === "caller" ? "caller" : m.kind === "reply" ? "reply" : "system"}`}
          >
            <div className="msg-head">
              <strong>
                {m.kind === "caller" ? props.callerLabel(m) : m.kind === "reply" ? ticket.desk.name : "Melding"}
              </strong>
              <time dateTime={m.createdAt.toISOString()}>{fmt(m.createdAt)}</time>
            </div>
            <div className="msg-body">{m.body}</div>
            {m.attachments.length > 0 && (
              <p className="muted">
                Bijlagen:{" "}
                {m.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 && ", "}
                    <a href={props.attachmentHref(a.id)} download>
                      {a.fileName}
                    </a>
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
      <CallerActions target={props.target} status={status} />
    </div>
  );
}
