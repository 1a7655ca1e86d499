// GET /desk/tickets/[reference] — one ticket for the agent: conversation (caller, replies, notes, system events),
// the caller's details and earlier tickets, reply/note editor with macros and article links, status, assignee,
// topic, tags, transfer, merge, links, collision warning and the ticket's audit trail. Another desk's ticket is a
// 404; a merged ticket redirects to the ticket it was merged into. The server-rendered parts live in ./view.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { NotFoundError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { getTaxonomy } from "@/app/_modules/content/store";
import { getTicketForAgent } from "@/app/_modules/tickets/desk/get-ticket";
import { listAssignableUsers } from "@/app/_modules/tickets/desk/assign";
import { listAuditForTicket } from "@/app/_modules/tickets/desk/audit-trail";
import { listTags } from "@/app/_modules/tickets/desk/tags";
import { applyMacro, listMacros, macroValuesFor } from "@/app/_modules/tickets/macros";
import { REFERENCE_PATTERN } from "@/app/_modules/tickets/reference";
import { SlaBadges, StatusBadge } from "../../components";
import { deskLabel, formatDateTime } from "../../labels";
import { OrganisationCard } from "./OrganisationCard";
import { TicketSidebar } from "./TicketSidebar";
import { TicketWorkspace } from "./TicketWorkspace";
import { Conversation, type ConversationMessage } from "./view/Conversation";
import { CallerCard, EarlierTickets } from "./view/TicketFacts";
import { ShortcutHelp, TicketAuditTrail } from "./view/TicketHistory";
import { TicketNotices } from "./view/TicketNotices";
import { listChangedSinceReply } from "@/app/_modules/provenance/changed";
import { ticketArticles } from "@/app/_modules/articles/from-ticket";
import { hasRole } from "@/app/_core/session";
import "../../desk.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Vraag", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** A ticket reference from the query string (?samengevoegd=, ?eerder=), or null when it is not one. */
const referenceParam = (v: string | string[] | undefined) =>
  typeof v === "string" && REFERENCE_PATTERN.test(v) ? v : null;

/** The ticket as the agent may see it; a merged or transferred ticket redirects to where it went, another desk's is a 404. */
async function loadTicket(user: Parameters<typeof getTicketForAgent>[1]["user"], reference: string) {
  let view: Awaited<ReturnType<typeof getTicketForAgent>>;
  try {
    view = await getTicketForAgent(db(), { user, reference });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  if (view.redirectTo !== null) {
    if ("formerReference" in view && view.formerReference)
      redirect(`/desk/tickets/${view.redirectTo}?eerder=${encodeURIComponent(view.formerReference)}`);
    redirect(`/desk/tickets/${view.redirectTo}?samengevoegd=${encodeURIComponent(reference)}`);
  }
  return view;
}

export default async function TicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reference } = await params;
  const mergedFromRef = referenceParam((await searchParams).samengevoegd);
  const formerRef = referenceParam((await searchParams).eerder);
  const user = await requirePageRole(["agent"], `/desk/tickets/${reference}`);
  const client = db();
  const { ticket, requesterTickets, sla, permissions } = await loadTicket(user, reference);

  const [macros, assignable, allTags, taxonomy, audit, changed, articles] = await Promise.all([
    listMacros(client, { user, desk: ticket.deskId as "po" | "vo-mbo" }),
    listAssignableUsers(client, { user, reference: ticket.reference }),
    listTags(client, { user }),
    getTaxonomy(),
    listAuditForTicket(client, { user, reference: ticket.reference }),
    listChangedSinceReply(client, user, { ticketId: ticket.id }),
    ticketArticles(client, { user, ticketId: ticket.id, topic: ticket.topic }),
  ]);
  const values = macroValuesFor(ticket);
  const topicLabel = ticket.topic
    ? (taxonomy.topics.find((t) => t.id === ticket.topic)?.label ?? ticket.topic)
    : "Geen onderwerp";
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
      <TicketNotices
        ticket={ticket}
        mergedFromRef={mergedFromRef}
        formerRef={formerRef}
        bounce={r.emailBouncedAt ? { email: r.email, bouncedAt: r.emailBouncedAt, reason: r.emailBounceReason } : null}
      />
      {changed[0] && (
        <div className="alert alert-warning changed-since-notice" role="note">
          <p>
            <strong>Gewijzigd sinds uw antwoord:</strong> {changed[0].changes.map((c) => c.title).join(", ")}.{" "}
            <Link href="/desk/gewijzigd">Bekijk wat er veranderd is en stuur een correctie</Link>.
          </p>
        </div>
      )}

      <div className="two-col ticket-layout">
        <div>
          <Conversation
            reference={ticket.reference}
            messages={ticket.messages as ConversationMessage[]}
            requester={r}
          />
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
          <CallerCard requester={r} callerType={ticket.callerType} channel={ticket.channel} sector={ticket.sector} />

          <OrganisationCard
            user={user}
            ticketId={ticket.id}
            reference={ticket.reference}
            requesterId={r.id}
            organisationId={ticket.organisationId}
            schoolId={ticket.schoolId}
            organisationText={r.organisation}
          />

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
            articles={{ ...articles, isEditor: hasRole(user, ["editor"]) }}
          />
          <EarlierTickets email={r.email} tickets={requesterTickets} />
        </aside>
      </div>

      <TicketAuditTrail reference={ticket.reference} audit={audit} />
      <ShortcutHelp />
    </div>
  );
}
