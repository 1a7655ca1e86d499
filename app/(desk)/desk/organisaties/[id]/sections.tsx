// The parts of the organisation page (/desk/organisaties/[id]): facts, ticket tables, schools, people, notes and
// the management forms (shared flag, merge), as server components.
import Link from "next/link";
import { KIND_LABELS, SECTOR_LABELS } from "@/app/_modules/organisations/codes";
import type { organisationPage, OrganisationSummary } from "@/app/_modules/organisations/service";
import { StatusBadge } from "../../components";
import { deskLabel, formatDateTime } from "../../labels";
import { mergeForm, noteForm, sharedForm } from "../actions";

export type OrganisationPageData = Exclude<Awaited<ReturnType<typeof organisationPage>>, { redirectTo: string }>;
type Org = OrganisationPageData["organisation"];

export type Row = {
  id: string;
  reference: string;
  subject: string;
  status: string;
  deskId: string;
  createdAt: Date;
  requester: { name: string };
  organisation: { id: string; name: string } | null;
  school: { id: string; name: string } | null;
};

export function TicketTable({
  rows,
  caption,
  other,
}: {
  rows: Row[];
  caption: string;
  other: "school" | "organisation";
}) {
  if (!rows.length) return <p className="muted">Geen vragen.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Vraag</th>
            <th scope="col">Status</th>
            <th scope="col">Desk</th>
            <th scope="col">{other === "school" ? "Over school" : "Gesteld door"}</th>
            <th scope="col">Binnen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => {
            const o = other === "school" ? t.school : t.organisation;
            return (
              <tr key={t.id} data-reference={t.reference}>
                <td>
                  <Link href={`/desk/tickets/${t.reference}`}>{t.reference}</Link> {t.subject}
                  <span className="muted block">{t.requester.name}</span>
                </td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td>{deskLabel(t.deskId)}</td>
                <td>{o ? <Link href={`/desk/organisaties/${o.id}`}>{o.name}</Link> : "—"}</td>
                <td>{formatDateTime(t.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function OrganisationFacts({ o, counts }: { o: Org; counts: OrganisationPageData["counts"] }) {
  return (
    <dl className="facts">
      <dt>Soort</dt>
      <dd>
        {KIND_LABELS[o.kind]}
        {o.sector ? `, ${SECTOR_LABELS[o.sector]}` : ""}
      </dd>
      <dt>Code</dt>
      <dd>{o.code ?? "—"}</dd>
      <dt>Plaats</dt>
      <dd>{o.place ?? "—"}</dd>
      {o.bestuur && (
        <>
          <dt>Bestuur</dt>
          <dd>
            <Link href={`/desk/organisaties/${o.bestuur.id}`}>{o.bestuur.name}</Link>
          </dd>
        </>
      )}
      {o.municipality && (
        <>
          <dt>Gemeente</dt>
          <dd>
            <Link href={`/desk/organisaties/${o.municipality.id}`}>{o.municipality.name}</Link>
          </dd>
        </>
      )}
      <dt>E-maildomeinen</dt>
      <dd>{o.domains.length ? o.domains.join(", ") : "—"}</dd>
      <dt>Vragen</dt>
      <dd data-counts>
        {counts.by} gesteld ({counts.open} open)
        {o.kind === "school" ? `, ${counts.about} over deze school` : ""}
      </dd>
    </dl>
  );
}

export function SchoolsSection({ o, schools }: { o: Org; schools: OrganisationPageData["schools"] }) {
  if (o.kind !== "bestuur" && o.kind !== "gemeente") return null;
  return (
    <section aria-labelledby="schools-title">
      <h2 id="schools-title">{o.kind === "bestuur" ? "Scholen van dit bestuur" : "Scholen in deze gemeente"}</h2>
      {schools.length === 0 ? (
        <p className="muted">Geen scholen bekend.</p>
      ) : (
        <ul className="plain-list" data-schools>
          {schools.map((s) => (
            <li key={s.id}>
              <Link href={`/desk/organisaties/${s.id}`}>{s.name}</Link>{" "}
              <span className="muted">
                {s.code} {s.sector ? `(${s.sector})` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PeopleSection({ people }: { people: OrganisationPageData["people"] }) {
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">Mensen</h2>
      {people.length === 0 ? (
        <p className="muted">Nog niemand gekoppeld.</p>
      ) : (
        <ul className="plain-list">
          {people.map((p) => (
            <li key={p.email}>
              {p.name} <span className="muted">{p.email}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NotesSection({ o, notes }: { o: Org; notes: OrganisationPageData["notes"] }) {
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Notities</h2>
      {notes.length > 0 && (
        <ul className="plain-list">
          {notes.map((n) => (
            <li key={n.id}>
              <p>{n.body}</p>
              <span className="muted">
                {n.author ?? "Onbekend"}, {formatDateTime(n.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form action={noteForm}>
        <input type="hidden" name="organisationId" value={o.id} />
        <label htmlFor="note-body">Nieuwe notitie</label>
        <textarea id="note-body" name="body" rows={3} required minLength={2} maxLength={2000} />
        <button type="submit" className="button">
          Notitie opslaan
        </button>
      </form>
    </section>
  );
}

export function ManageSection({ o, candidates }: { o: Org; candidates: OrganisationSummary[] }) {
  return (
    <section aria-labelledby="manage-title">
      <h2 id="manage-title">Beheer</h2>
      <form action={sharedForm}>
        <input type="hidden" name="organisationId" value={o.id} />
        <input type="hidden" name="shared" value={o.shared ? "off" : "on"} />
        <p>
          Gedeeld: <strong>{o.shared ? "aan" : "uit"}</strong>. Als dit aan staat, zien bellers van deze organisatie ook
          elkaars vragen in Mijn vragen.
        </p>
        <button type="submit" className="button">
          {o.shared ? "Delen uitzetten" : "Delen aanzetten"}
        </button>
      </form>
      <form action={mergeForm}>
        <input type="hidden" name="duplicateId" value={o.id} />
        <label htmlFor="merge-into">Dubbel? Voeg deze organisatie samen met</label>
        <select id="merge-into" name="intoId" required defaultValue="">
          <option value="" disabled>
            Kies de organisatie die blijft
          </option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} {c.code ? `(${c.code})` : ""} {c.place ?? ""}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          Samenvoegen
        </button>
      </form>
    </section>
  );
}
