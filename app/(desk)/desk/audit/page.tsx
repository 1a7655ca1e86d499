// GET /desk/audit — the whole audit log for admins: newest first, filter by action, keyset paging.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { listAudit } from "@/app/_modules/tickets/desk/audit-trail";
import { AUDIT_ACTION_LABELS, auditActionLabel, formatDateTime } from "../labels";
import { AuditSide } from "../AuditChanges";
import "../desk.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Auditlog" };
export const dynamic = "force-dynamic";

const ACTION_PATTERN = /^[a-z_]+\.[a-z_]+$/;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(["admin"], "/desk/audit");
  const sp = await searchParams;
  const action = one(sp.actie);
  const actionFilter = action && ACTION_PATTERN.test(action) ? action : undefined;
  const cursor = one(sp.na);
  let page: Awaited<ReturnType<typeof listAudit>>;
  let cursorError: string | null = null;
  try {
    page = await listAudit(db(), { user, action: actionFilter, cursor: cursor ?? null, limit: 50 });
  } catch (e) {
    if (!isExpectedError(e) || e.status !== 400) throw e;
    cursorError = e.message;
    page = await listAudit(db(), { user, action: actionFilter, limit: 50 });
  }
  const href = (next?: string | null) => {
    const s = new URLSearchParams();
    if (actionFilter) s.set("actie", actionFilter);
    if (next) s.set("na", next);
    const q = s.toString();
    return q ? `/desk/audit?${q}` : "/desk/audit";
  };
  const ticketIds = [...new Set(page.items.map((e) => e.ticketId).filter((x): x is string => !!x))];
  const refs = new Map(
    (ticketIds.length
      ? await db().ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, reference: true } })
      : []
    ).map((t) => [t.id, t.reference]),
  );

  return (
    <div className="container desk">
      <Breadcrumbs trail={[{ href: "/desk", label: "Werkbak" }]} current="Auditlog" />
      <h1>Auditlog</h1>
      <p>Wie deed wat en wanneer, met de situatie ervoor en erna. De nieuwste gebeurtenissen staan bovenaan.</p>
      <form method="get" action="/desk/audit" className="audit-filter">
        <div className="field inline-field">
          <label htmlFor="audit-action">Soort gebeurtenis</label>
          <select id="audit-action" name="actie" defaultValue={actionFilter ?? ""}>
            <option value="">Alle gebeurtenissen</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-secondary btn-small">
            Filteren
          </button>
        </div>
      </form>
      {cursorError && (
        <p className="alert alert-warning" role="status">
          {cursorError}
        </p>
      )}
      {page.items.length === 0 ? (
        <p>Geen gebeurtenissen gevonden.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <caption className="visually-hidden">
              Auditlog{actionFilter ? `: ${auditActionLabel(actionFilter)}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Waarop</th>
                <th scope="col">Voor</th>
                <th scope="col">Na</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => {
                const ref = e.ticketId ? refs.get(e.ticketId) : undefined;
                return (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.createdAt)}</td>
                    <td>{e.actor?.name ?? "Beller of systeem"}</td>
                    <td>{auditActionLabel(e.action)}</td>
                    <td>
                      {ref ? (
                        <Link href={`/desk/tickets/${ref}`}>{ref}</Link>
                      ) : (
                        `${e.entityType} ${e.entityId.slice(0, 10)}`
                      )}
                    </td>
                    <td className="audit-json">
                      <AuditSide before={e.before} after={e.after} side="before" />
                    </td>
                    <td className="audit-json">
                      <AuditSide before={e.before} after={e.after} side="after" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pagina's" className="pager">
        {cursor && (
          <Link href={href()} className="btn btn-secondary">
            Naar de nieuwste
          </Link>
        )}
        {page.nextCursor && (
          <Link href={href(page.nextCursor)} className="btn btn-secondary" rel="next">
            Oudere gebeurtenissen
          </Link>
        )}
      </nav>
    </div>
  );
}
