import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { STATUS_LABELS, type TicketStatus } from "@/app/_modules/tickets/schema";
import { getCallerView } from "@/app/_modules/tickets/caller-service";
import { deskHoursColumn } from "@/app/_modules/desks/columns";
import { hoursText } from "@/app/_modules/desks/service";
import { CallerActions } from "./CallerActions";

export const metadata: Metadata = { title: "Uw vraag", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const fmt = (d: Date) =>
  d.toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long", timeStyle: "short" });

// GET /mijn-vraag/[token] — the caller follows their question through the private link from the mail.
export default async function FollowUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let view;
  try {
    view = await getCallerView(db(), token);
  } catch (e) {
    if (isExpectedError(e) && e.status === 404) notFound();
    throw e;
  }
  const { ticket } = view;
  const status = ticket.status as TicketStatus;
  return (
    <div className="container article-body">
      <p className="breadcrumbs muted">Uw vraag</p>
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
      </dl>
      {view.mergedFrom && (
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
              <strong>{m.kind === "caller" ? "U" : m.kind === "reply" ? ticket.desk.name : "Melding"}</strong>
              <time dateTime={m.createdAt.toISOString()}>{fmt(m.createdAt)}</time>
            </div>
            <div className="msg-body">{m.body}</div>
            {m.attachments.length > 0 && (
              <p className="muted">
                Bijlagen:{" "}
                {m.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 && ", "}
                    <a href={`/mijn-vraag/${token}/bijlagen/${a.id}`} download>
                      {a.fileName}
                    </a>
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
      <CallerActions target={{ token }} status={status} />
    </div>
  );
}
