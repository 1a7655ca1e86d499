// The ticket sidebar's organisation card: the asking organisation and the school concerned (links to their pages),
// the organisation's last tickets on the agent's desks, and linking the caller to an organisation.
import Link from "next/link";
import { db } from "@/app/_core/db";
import type { SessionUser } from "@/app/_core/session";
import { KIND_LABELS } from "@/app/_modules/organisations/codes";
import { lastTicketsOf, liveOrganisation, searchOrganisations } from "@/app/_modules/organisations/service";
import { StatusBadge } from "../../components";
import { linkForm } from "../../organisaties/actions";

export async function OrganisationCard(props: {
  user: SessionUser;
  ticketId: string;
  reference: string;
  requesterId: string;
  organisationId: string | null;
  schoolId: string | null;
  organisationText: string;
}) {
  const client = db();
  const [org, school] = await Promise.all([
    props.organisationId ? liveOrganisation(client, props.organisationId) : null,
    props.schoolId ? liveOrganisation(client, props.schoolId) : null,
  ]);
  const last = org
    ? await lastTicketsOf(client, { organisationId: org.id, user: props.user, exceptId: props.ticketId, limit: 5 })
    : [];
  // Without a link: suggestions from the name the caller typed.
  const suggestions = org
    ? []
    : await searchOrganisations(client, {
        q: props.organisationText.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? "",
        limit: 8,
      });
  return (
    <section className="card side-card" aria-labelledby="org-title" data-organisation-card>
      <h2 id="org-title">Organisatie</h2>
      {org ? (
        <p>
          <Link href={`/desk/organisaties/${org.id}`} data-organisation-link>
            {org.name}
          </Link>{" "}
          <span className="muted">
            {KIND_LABELS[org.kind]} {org.code ?? ""}
          </span>
        </p>
      ) : (
        <p className="muted">Nog niet gekoppeld aan een organisatie.</p>
      )}
      {school && (
        <p>
          Namens / over:{" "}
          <Link href={`/desk/organisaties/${school.id}`} data-school-link>
            {school.name}
          </Link>{" "}
          <span className="muted">{school.code}</span>
        </p>
      )}
      {org && (
        <>
          <h3>Laatste vragen</h3>
          {last.length === 0 ? (
            <p className="muted">Geen andere vragen.</p>
          ) : (
            <ul className="plain-list">
              {last.map((t) => (
                <li key={t.reference}>
                  <Link href={`/desk/tickets/${t.reference}`}>{t.reference}</Link> <StatusBadge status={t.status} />
                  <span className="block">{t.subject}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {!org && suggestions.length > 0 && (
        <form action={linkForm}>
          <input type="hidden" name="requesterId" value={props.requesterId} />
          <input type="hidden" name="reference" value={props.reference} />
          <label htmlFor="link-org">Koppel de beller aan</label>
          <select id="link-org" name="organisationId" required defaultValue="">
            <option value="" disabled>
              Kies een organisatie
            </option>
            {suggestions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} {s.code ? `(${s.code})` : ""}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            Koppelen
          </button>
        </form>
      )}
    </section>
  );
}
