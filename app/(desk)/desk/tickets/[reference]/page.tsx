// GET /desk/tickets/[reference] — one ticket for the agent: conversation (caller, replies, notes, system events),
// the caller's details and earlier tickets, reply/note editor with macros and article links, status, assignee,
// topic, tags, transfer, merge, links, collision warning and the ticket's audit trail. Another desk's ticket is a
// 404; a merged ticket redirects to the ticket it was merged into.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { NotFoundError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { renderPlainHtml } from "@/app/_modules/articles/render";
import { getTaxonomy } from "@/app/_modules/content/store";
import { getTicketForAgent } from "@/app/_modules/tickets/desk/get-ticket";
import { listAssignableUsers } from "@/app/_modules/tickets/desk/assign";
import { listAuditForTicket } from "@/app/_modules/tickets/desk/audit-trail";
import { listTags } from "@/app/_modules/tickets/desk/tags";
import { applyMacro, listMacros, macroValuesFor } from "@/app/_modules/tickets/macros";
import { REFERENCE_PATTERN } from "@/app/_modules/tickets/reference";
import { SlaBadges, StatusBadge } from "../../components";
import { CHANNEL_LABELS, type Channel } from "@/app/_modules/tickets/channel";
import { auditActionLabel, callerTypeLabel, deskLabel, formatDateTime, sectorLabel } from "../../labels";
import { TicketSidebar } from "./TicketSidebar";
import { TicketWorkspace } from "./TicketWorkspace";
import "../../desk.css";
import { AuditSide } from "../../AuditChanges";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Vraag", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Msg = {
  id: string;
  kind: string;
  body: string;
  bodyJson: string | null;
  createdAt: Date;
  author: { name: string } | null;
  attachments: { id: string; fileName: string }[];
  emailFrom?: string | null;
  otherSender?: boolean;
  emailOriginal?: string | null;
  refusedAttachments?: string | null;
};

/** Attachments of a mail that were not stored, with the reason (JSON written by the e-mail channel). */
function refusedList(json: string | null | undefined): { name: string; reason: string }[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v.filter(
          (x): x is { name: string; reason: string } => typeof x?.name === "string" && typeof x?.reason === "string",
        )
      : [];
  } catch {
    return [];
  }
}

/** Mail details of a caller message: sender (marked when not the caller), refused attachments, the full original. */
function MailDetails({ m }: { m: Msg }) {
  const refused = refusedList(m.refusedAttachments);
  return (
    <>
      {refused.length > 0 && (
        <div className="muted" data-refused-attachments>
          <p>Niet opgeslagen bijlagen:</p>
          <ul>
            {refused.map((x, i) => (
              <li key={i}>
                {x.name}: {x.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {m.emailOriginal && (
        <details data-mail-original>
          <summary>Toon de hele e-mail (met citaten en handtekening)</summary>
          <pre className="msg-body" style={{ whiteSpace: "pre-wrap" }}>
            {m.emailOriginal}
          </pre>
        </details>
      )}
    </>
  );
}

/** The desk the question analysis suggested, when it differs from the ticket's desk. */
function suggestedDesk(triage: string | null, deskId: string): string | null {
  try {
    const d = triage ? (JSON.parse(triage) as { desk?: string }).desk : undefined;
    return d && (d === "po" || d === "vo-mbo") && d !== deskId ? d : null;
  } catch {
    return null;
  }
}

const KIND_CLASS: Record<string, string> = {
  caller: "msg-caller",
  reply: "msg-reply",
  note: "msg-note",
  system: "msg-system",
};

function StaffBody({ m }: { m: Msg }) {
  if (m.bodyJson) {
    try {
      // Staff rich text only through the sanitizing renderer.
      const html = renderPlainHtml(JSON.parse(m.bodyJson));
      if (html) return <div className="msg-body rich" dangerouslySetInnerHTML={{ __html: html }} />;
    } catch {
      // fall back to the plain text below
    }
  }
  return <div className="msg-body">{m.body}</div>;
}

export default async function TicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reference } = await params;
  const mergedParam = (await searchParams).samengevoegd;
  const mergedFromRef = typeof mergedParam === "string" && REFERENCE_PATTERN.test(mergedParam) ? mergedParam : null;
  const formerParam = (await searchParams).eerder;
  const formerRef = typeof formerParam === "string" && REFERENCE_PATTERN.test(formerParam) ? formerParam : null;
  const user = await requirePageRole(["agent"], `/desk/tickets/${reference}`);
  const client = db();
  let view: Awaited<ReturnType<typeof getTicketForAgent>>;
  try {
    view = await getTicketForAgent(client, { user, reference });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  if (view.redirectTo !== null) {
    if ("formerReference" in view && view.formerReference)
      redirect(`/desk/tickets/${view.redirectTo}?eerder=${encodeURIComponent(view.formerReference)}`);
    redirect(`/desk/tickets/${view.redirectTo}?samengevoegd=${encodeURIComponent(reference)}`);
  }
  const { ticket, requesterTickets, sla, permissions } = view;

  const [macros, assignable, allTags, taxonomy, audit] = await Promise.all([
    listMacros(client, { user, desk: ticket.deskId as "po" | "vo-mbo" }),
    listAssignableUsers(client, { user, reference: ticket.reference }),
    listTags(client, { user }),
    getTaxonomy(),
    listAuditForTicket(client, { user, reference: ticket.reference }),
  ]);
  const values = macroValuesFor(ticket);
  const topicLabel = ticket.topic
    ? (taxonomy.topics.find((t) => t.id === ticket.topic)?.label ?? ticket.topic)
    : "Geen onderwerp";
  const messages = ticket.messages as Msg[];
  const r = ticket.requester;

  return (
    <div className="container desk ticket-page">
      <Breadcrumbs trail={[{ href: "/desk", label: "Werkbak" }]} current={ticket.reference} />
      <h1 id="ticket-title" tabIndex={-1}>
        {ticket.subject}
      </h1>
      <p className="ticket-meta">
        <strong>{ticket.reference}</strong> <StatusBadge status={ticket.status} /> <span>{ticket.desk.name}</span>{" "}
        <SlaBadges sla={sla} />
      </p>
      <p className="muted">
        Binnengekomen {formatDateTime(ticket.createdAt)} · Onderwerp: {topicLabel} · Behandelaar:{" "}
        {ticket.assignee
          ? ticket.assignee.id === user.id
            ? `${ticket.assignee.name} (u)`
            : ticket.assignee.name
          : "niemand"}
        {ticket.resolutionDueAt ? ` · Oplossen vóór ${formatDateTime(ticket.resolutionDueAt)}` : ""}
      </p>
      {mergedFromRef && (
        <div className="alert alert-success" role="status">
          <p>
            Vraag {mergedFromRef} is samengevoegd met deze vraag. U ziet nu vraag {ticket.reference}.
          </p>
        </div>
      )}
      {formerRef && formerRef !== ticket.reference && (
        <div className="alert" role="status" data-former-notice>
          <p>
            Vraag {formerRef} is doorgestuurd en heeft nu vraagnummer {ticket.reference}.
          </p>
        </div>
      )}
      {ticket.formerReferences.length > 0 && (
        <p className="muted" data-former-references>
          Eerdere vraagnummers: {ticket.formerReferences.join(", ")}. Deze nummers verwijzen naar deze vraag.
        </p>
      )}
      {r.emailBouncedAt && (
        <div className="alert alert-warning" role="status" data-email-bounced-notice>
          <p>
            Mail aan {r.email} kwam niet aan ({formatDateTime(r.emailBouncedAt)}
            {r.emailBounceReason ? `: ${r.emailBounceReason}` : ""}). Controleer het adres of bel de beller.
          </p>
        </div>
      )}
      {ticket.personalNumberRemoved && (
        <p className="alert" data-personal-number-removed>
          In een e-mail bij deze vraag stond een BSN of onderwijsnummer. Het nummer is verwijderd ([nummer verwijderd])
          en de afzender heeft daarover bericht gekregen.
        </p>
      )}
      {ticket.channel === "email" && suggestedDesk(ticket.triage, ticket.deskId) && (
        <p className="alert" data-suggested-desk>
          De vraaganalyse past beter bij {deskLabel(suggestedDesk(ticket.triage, ticket.deskId)!)}. De e-mail kwam
          binnen op het adres van {ticket.desk.name}.
        </p>
      )}
      {ticket.mergedFrom.length > 0 && (
        <p className="alert">
          Samengevoegde vragen: {ticket.mergedFrom.map((m) => m.reference).join(", ")}. Deze nummers verwijzen naar deze
          vraag.
        </p>
      )}

      <div className="two-col ticket-layout">
        <div>
          <section aria-labelledby="conv-title">
            <h2 id="conv-title">Gesprek</h2>
            <p className="msg-legend muted">
              <span className="legend legend-caller">Beller</span>{" "}
              <span className="legend legend-reply">Antwoord aan beller</span>{" "}
              <span className="legend legend-note">Interne notitie (ziet de beller niet)</span>{" "}
              <span className="legend legend-system">Melding</span>
            </p>
            <ol className="plain-list conversation" aria-label="Berichten">
              {messages.map((m) => (
                <li key={m.id} className={`msg ${KIND_CLASS[m.kind] ?? "msg-system"}`} data-kind={m.kind}>
                  <div className="msg-head">
                    <strong>
                      {m.kind === "caller" && m.otherSender
                        ? `E-mail van ${m.emailFrom}`
                        : m.kind === "caller"
                          ? `Beller: ${r.name}`
                          : m.kind === "reply"
                            ? `Antwoord van ${m.author?.name ?? "de helpdesk"}`
                            : m.kind === "note"
                              ? `Interne notitie van ${m.author?.name ?? "onbekend"}`
                              : "Melding"}
                    </strong>
                    {m.otherSender && (
                      <span className="badge" data-other-sender>
                        {" "}
                        andere afzender
                      </span>
                    )}
                    {m.emailFrom && !m.otherSender && <span className="muted"> per e-mail ({m.emailFrom})</span>}
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                  </div>
                  {m.otherSender && (
                    <p className="muted">
                      Deze e-mail komt niet van het adres van de beller ({r.email}). Controleer wie dit is voordat u
                      antwoordt.
                    </p>
                  )}
                  {m.kind === "caller" || m.kind === "system" ? (
                    <div className="msg-body">{m.body}</div>
                  ) : (
                    <StaffBody m={m} />
                  )}
                  {m.kind === "caller" && <MailDetails m={m} />}
                  {m.attachments.length > 0 && (
                    <p className="muted">
                      Bijlagen:{" "}
                      {m.attachments.map((a, i) => (
                        <span key={a.id}>
                          {i > 0 && ", "}
                          <a href={`/desk/tickets/${ticket.reference}/bijlagen/${a.id}`} download>
                            {a.fileName}
                          </a>
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </section>

          <TicketWorkspace
            reference={ticket.reference}
            status={ticket.status}
            canReply={permissions.reply}
            canNote={permissions.note}
            canResolve={permissions.statuses.includes("resolved")}
            appUrl={env().APP_URL.replace(/\/$/, "")}
            macros={macros.map((m) => ({ id: m.id, title: m.title, text: applyMacro(m.body, values) }))}
          />
        </div>

        <aside aria-label="Gegevens van de vraag" className="ticket-side">
          <section className="card side-card" aria-labelledby="caller-title">
            <h2 id="caller-title">Beller</h2>
            <dl className="facts">
              <dt>Naam</dt>
              <dd>{r.name}</dd>
              <dt>Organisatie</dt>
              <dd>
                {r.organisation}
                {r.schoolCode ? ` (${r.schoolCode})` : ""}
              </dd>
              <dt>Soort beller</dt>
              <dd>{callerTypeLabel(ticket.callerType)}</dd>
              <dt>Kanaal</dt>
              <dd data-channel={ticket.channel}>{CHANNEL_LABELS[ticket.channel as Channel] ?? ticket.channel}</dd>
              <dt>Sector</dt>
              <dd>{sectorLabel(ticket.sector)}</dd>
              <dt>E-mail</dt>
              <dd>
                {r.email}
                {r.emailBouncedAt && (
                  <strong className="badge" data-email-bounced>
                    {" "}
                    werkt niet
                  </strong>
                )}
              </dd>
              {r.phone && (
                <>
                  <dt>Telefoon</dt>
                  <dd>{r.phone}</dd>
                </>
              )}
            </dl>
          </section>

          <TicketSidebar
            reference={ticket.reference}
            userId={user.id}
            status={ticket.status}
            deskId={ticket.deskId}
            permissions={permissions}
            assigneeId={ticket.assignee?.id ?? null}
            assignable={assignable.map((a) => ({ id: a.id, name: a.name }))}
            topic={ticket.topic}
            topics={taxonomy.topics.map((t) => ({ id: t.id, label: t.label }))}
            tags={ticket.tags}
            allTags={allTags.map((t) => t.name)}
            links={ticket.links.map((l) => ({ reference: l.reference, subject: l.subject, status: l.status }))}
            transferTargets={permissions.transferTo.map((d) => ({ id: d, label: deskLabel(d) }))}
          />

          <section className="card side-card" aria-labelledby="earlier-title">
            <h2 id="earlier-title">Eerdere vragen van deze beller</h2>
            {requesterTickets.length === 0 ? (
              <p className="muted">Geen andere vragen van {r.email}.</p>
            ) : (
              <ul className="plain-list">
                {requesterTickets.map((t) => (
                  <li key={t.id}>
                    <Link href={`/desk/tickets/${t.reference}`}>{t.reference}</Link> <StatusBadge status={t.status} />
                    <span className="block">{t.subject}</span>
                    <span className="muted block">{formatDateTime(t.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>

      <section aria-labelledby="audit-title" className="ticket-audit">
        <details>
          <summary>
            <h2 id="audit-title" className="inline-heading">
              Geschiedenis van deze vraag ({audit.length})
            </h2>
          </summary>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Auditlog van {ticket.reference}</caption>
              <thead>
                <tr>
                  <th scope="col">Wanneer</th>
                  <th scope="col">Wie</th>
                  <th scope="col">Wat</th>
                  <th scope="col">Voor</th>
                  <th scope="col">Na</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.createdAt)}</td>
                    <td>{e.actor?.name ?? "Beller of systeem"}</td>
                    <td>{auditActionLabel(e.action)}</td>
                    <td className="audit-json">
                      <AuditSide before={e.before} after={e.after} side="before" />
                    </td>
                    <td className="audit-json">
                      <AuditSide before={e.before} after={e.after} side="after" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section aria-labelledby="keys-title" className="shortcut-help">
        <h2 id="keys-title">Sneltoetsen</h2>
        <p>Sneltoetsen werken niet als u in een veld of in de teksteditor typt.</p>
        <dl>
          <dt>
            <kbd>r</kbd>
          </dt>
          <dd>Antwoord aan de beller schrijven</dd>
          <dt>
            <kbd>n</kbd>
          </dt>
          <dd>Interne notitie schrijven</dd>
          <dt>
            <kbd>e</kbd>
          </dt>
          <dd>Vraag op ‘opgelost’ zetten</dd>
          <dt>
            <kbd>j</kbd> / <kbd>k</kbd>
          </dt>
          <dd>Volgende of vorige vraag uit de werkbak</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>Uit de teksteditor naar de pagina (daarna werken de sneltoetsen weer)</dd>
        </dl>
      </section>
    </div>
  );
}
