import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { CALLER_ROLE } from "@/app/_core/session";
import { getCallerTicket } from "@/app/_modules/callers/tickets";
import { deskHoursColumn } from "@/app/_modules/desks/columns";
import { hoursText } from "@/app/_modules/desks/service";
import { STATUS_LABELS, type TicketStatus } from "@/app/_modules/tickets/schema";
import { CallerActions } from "../../mijn-vraag/[token]/CallerActions";

export const metadata: Metadata = { title: "Uw vraag", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const fmt = (d: Date) =>
  d.toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long", timeStyle: "short" });

// GET /mijn-vragen/[reference] — one question of the signed-in caller (or a colleague's, when their organisation
// shares): read, reply with files, close. A question outside their scope is a 404.
export default async function MyQuestionPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const user = await requirePageRole([CALLER_ROLE], `/mijn-vragen/${encodeURIComponent(reference)}`);
  let view;
  try {
    view = await getCallerTicket(db(), { user, reference });
  } catch (e) {
    if (isExpectedError(e) && e.status === 404) notFound();
    throw e;
  }
  const { ticket, mine } = view;
  const status = ticket.status as TicketStatus;
  return (
    <div className="container article-body">
      <p className="breadcrumbs muted">
        <Link href="/mijn-vragen">Mijn vragen</Link> › {ticket.reference}
      </p>
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
        {!mine && (
          <>
            <dt>Gesteld door</dt>
            <dd style={{ margin: 0 }}>{ticket.requester.name} (een collega van uw organisatie)</dd>
          </>
        )}
      </dl>
      {!mine && (
        <div className="alert" role="status">
          <p>
            Dit is de vraag van een collega. Uw organisatie deelt vragen met collega&apos;s. De helpdesk ziet dat u deze
            vraag heeft bekeken.
          </p>
        </div>
      )}
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
              <strong>
                {m.kind === "caller"
                  ? m.otherSender && m.emailFrom
                    ? m.emailFrom === user.email
                      ? "U"
                      : m.emailFrom
                    : mine
                      ? "U"
                      : ticket.requester.name
                  : m.kind === "reply"
                    ? ticket.desk.name
                    : "Melding"}
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
                    <a href={`/mijn-vragen/${ticket.reference}/bijlagen/${a.id}`} download>
                      {a.fileName}
                    </a>
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
      <CallerActions target={{ reference: ticket.reference }} status={status} />
    </div>
  );
}
