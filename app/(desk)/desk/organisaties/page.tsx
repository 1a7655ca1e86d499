// GET /desk/organisaties?q=&soort= — find an organisation by name, code (BRIN, GM…, KvK) or place, with its
// ticket counts on the agent's desks.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks } from "@/app/_core/session";
import { KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from "@/app/_modules/organisations/codes";
import { searchOrganisations, ticketCounts } from "@/app/_modules/organisations/service";
import "../desk.css";

export const metadata: Metadata = { title: "Organisaties" };
export const dynamic = "force-dynamic";

export default async function OrganisationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(["agent"], "/desk/organisaties");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const kind = ORGANISATION_KINDS.find((k) => k === sp.soort);
  const client = db();
  const looksLikeCode = /^[0-9]{2}[a-z]{2}([0-9]{2})?$|^gm[0-9]{4}$|^[0-9]{5}$|^[0-9]{8}$/i.test(q.replace(/\s/g, ""));
  const found = await searchOrganisations(client, {
    ...(looksLikeCode ? { code: q } : { q }),
    kinds: kind ? [kind] : undefined,
    limit: 100,
  });
  const counts = await ticketCounts(
    client,
    found.map((o) => o.id),
    visibleDesks(user),
  );
  return (
    <div className="container desk">
      <h1>Organisaties</h1>
      <form method="get" className="filters" role="search" aria-label="Organisaties zoeken">
        <label>
          Naam, code of plaats
          <input type="search" name="q" defaultValue={q} maxLength={100} />
        </label>
        <label>
          Soort
          <select name="soort" defaultValue={kind ?? ""}>
            <option value="">Alle soorten</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k as OrganisationKind]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Zoeken
        </button>
      </form>
      {found.length === 0 ? (
        <p>Geen organisaties gevonden.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-organisations>
            <caption className="visually-hidden">Organisaties, op naam</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Soort</th>
                <th scope="col">Code</th>
                <th scope="col">Plaats</th>
                <th scope="col">Vragen (open)</th>
                <th scope="col">Over deze school</th>
              </tr>
            </thead>
            <tbody>
              {found.map((o) => {
                const c = counts.get(o.id)!;
                return (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/desk/organisaties/${o.id}`}>{o.name}</Link>
                    </td>
                    <td>
                      {KIND_LABELS[o.kind]}
                      {o.sector ? ` (${o.sector})` : ""}
                    </td>
                    <td>{o.code ?? "—"}</td>
                    <td>{o.place ?? "—"}</td>
                    <td>
                      {c.asked} ({c.open})
                    </td>
                    <td>{o.kind === "school" ? c.about : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
