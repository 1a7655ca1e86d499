// The facts beside a ticket: the caller card and the caller's earlier tickets.
import Link from "next/link";
import { channelLabel } from "@/app/_modules/tickets/channel";
import { StatusBadge } from "../../../components";
import { callerTypeLabel, formatDateTime, sectorLabel } from "../../../labels";

type Requester = {
  name: string;
  organisation: string;
  schoolCode: string | null;
  email: string;
  emailBouncedAt: Date | null;
  phone: string | null;
};

export function CallerCard({
  requester: r,
  callerType,
  channel,
  sector,
}: {
  requester: Requester;
  callerType: string;
  channel: string;
  sector: string | null;
}) {
  return (
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
        <dd>{callerTypeLabel(callerType)}</dd>
        <dt>Kanaal</dt>
        <dd data-channel={channel}>{channelLabel(channel)}</dd>
        <dt>Sector</dt>
        <dd>{sectorLabel(sector)}</dd>
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
  );
}

export function EarlierTickets({
  email,
  tickets,
}: {
  email: string;
  tickets: { id: string; reference: string; status: string; subject: string; createdAt: Date }[];
}) {
  return (
    <section className="card side-card" aria-labelledby="earlier-title">
      <h2 id="earlier-title">Eerdere vragen van deze beller</h2>
      {tickets.length === 0 ? (
        <p className="muted">Geen andere vragen van {email}.</p>
      ) : (
        <ul className="plain-list">
          {tickets.map((t) => (
            <li key={t.id}>
              <Link href={`/desk/tickets/${t.reference}`}>{t.reference}</Link> <StatusBadge status={t.status} />
              <span className="block">{t.subject}</span>
              <span className="muted block">{formatDateTime(t.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
