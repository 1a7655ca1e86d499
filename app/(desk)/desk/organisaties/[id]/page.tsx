// GET /desk/organisaties/[id] — an organisation for the agent: its details, tickets by it and about it (school
// concerned) on the agent's desks, its people, notes, its schools (bestuur) or the schools in it (municipality),
// the "shared" flag, and merging a duplicate into another organisation. A merged duplicate redirects.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { KIND_LABELS, SECTOR_LABELS } from "@/app/_modules/organisations/codes";
import { organisationPage, searchOrganisations } from "@/app/_modules/organisations/service";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";
import { StatusBadge } from "../../components";
import { deskLabel, formatDateTime } from "../../labels";
import { mergeForm, noteForm, sharedForm } from "../actions";
import "../../desk.css";

export const metadata: Metadata = { title: "Organisatie", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Row = {
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

function TicketTable({ rows, caption, other }: { rows: Row[]; caption: string; other: "school" | "organisation" }) {
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

export default async function OrganisationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requirePageRole(["agent"], `/desk/organisaties/${encodeURIComponent(id)}`);
  const sp = await searchParams;
  if (!/^[a-z0-9]{8,40}$/.test(id)) notFound();
  let page;
  try {
    page = await organisationPage(db(), { id, user });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  if ("redirectTo" in page) redirect(`/desk/organisaties/${page.redirectTo}`);
  const o = page.organisation;
  // Merge candidates: same kind, sharing the name's longest word.
  const word = o.name.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? "";
  const candidates = (await searchOrganisations(db(), { q: word, kinds: [o.kind], limit: 20 })).filter(
    (c) => c.id !== o.id,
  );
  const error = typeof sp.fout === "string" ? sp.fout.slice(0, 300) : null;
  return (
    <main id="inhoud" className="container desk" data-organisation={o.id}>
      <Breadcrumbs trail={[{ href: "/desk/organisaties", label: "Organisaties" }]} current={o.name} />
      <h1>{o.name}</h1>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {sp.gelukt && !error && (
        <p role="status" className="notice">
          Opgeslagen.
        </p>
      )}
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
          {page.counts.by} gesteld ({page.counts.open} open)
          {o.kind === "school" ? `, ${page.counts.about} over deze school` : ""}
        </dd>
      </dl>

      <section aria-labelledby="by-title">
        <h2 id="by-title">Vragen van deze organisatie</h2>
        <TicketTable
          rows={page.byTickets as Row[]}
          caption="Vragen van deze organisatie, nieuwste eerst"
          other="school"
        />
      </section>
      {o.kind === "school" && (
        <section aria-labelledby="about-title">
          <h2 id="about-title">Vragen over deze school (namens de school gesteld)</h2>
          <TicketTable
            rows={page.aboutTickets as Row[]}
            caption="Vragen die anderen over deze school stelden, nieuwste eerst"
            other="organisation"
          />
        </section>
      )}
      {(o.kind === "bestuur" || o.kind === "gemeente") && (
        <section aria-labelledby="schools-title">
          <h2 id="schools-title">{o.kind === "bestuur" ? "Scholen van dit bestuur" : "Scholen in deze gemeente"}</h2>
          {page.schools.length === 0 ? (
            <p className="muted">Geen scholen bekend.</p>
          ) : (
            <ul className="plain-list" data-schools>
              {page.schools.map((s) => (
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
      )}
      <section aria-labelledby="people-title">
        <h2 id="people-title">Mensen</h2>
        {page.people.length === 0 ? (
          <p className="muted">Nog niemand gekoppeld.</p>
        ) : (
          <ul className="plain-list">
            {page.people.map((p) => (
              <li key={p.email}>
                {p.name} <span className="muted">{p.email}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title">Notities</h2>
        {page.notes.length > 0 && (
          <ul className="plain-list">
            {page.notes.map((n) => (
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
      <section aria-labelledby="manage-title">
        <h2 id="manage-title">Beheer</h2>
        <form action={sharedForm}>
          <input type="hidden" name="organisationId" value={o.id} />
          <input type="hidden" name="shared" value={o.shared ? "off" : "on"} />
          <p>
            Gedeeld: <strong>{o.shared ? "aan" : "uit"}</strong>. Als dit aan staat, zien bellers van deze organisatie
            ook elkaars vragen in Mijn vragen.
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
      <p className="muted">Alleen vragen van uw desks ({user.desks.map(deskLabel).join(", ") || "alle"}) staan hier.</p>
    </main>
  );
}
