// GET /desk/terugbellen — the callback queue: open callback requests of the agent's desks, most urgent first, with
// an SLA badge on the due time; "Terugbellen" opens the contact screen for the callback.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { listCallbacks } from "@/app/_modules/contact/service";
import { deskLabel, formatDateTime } from "../labels";
import "../desk.css";

export const metadata: Metadata = { title: "Terugbellen" };
export const dynamic = "force-dynamic";

const CALLBACK_STATE = { ok: "Op tijd", "at-risk": "Bijna te laat", breached: "Te laat" } as const;

export default async function CallbacksPage() {
  const user = await requirePageRole(["agent"], "/desk/terugbellen");
  const rows = await listCallbacks(db(), user);
  return (
    <div className="container desk">
      <h1>Terugbellen</h1>
      {rows.length === 0 ? (
        <p>Er staan geen terugbelverzoeken open.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-callbacks>
            <caption className="visually-hidden">Open terugbelverzoeken, de meest dringende eerst</caption>
            <thead>
              <tr>
                <th scope="col">Beller</th>
                <th scope="col">Vraag</th>
                <th scope="col">Terugbellen vóór</th>
                <th scope="col">Voor</th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-callback-row data-reference={r.ticket.reference}>
                  <td>
                    {r.ticket.requester.name}
                    <span className="muted block">{r.ticket.requester.organisation}</span>
                    {r.ticket.requester.phone && (
                      <a href={`tel:${r.ticket.requester.phone}`} className="block">
                        {r.ticket.requester.phone}
                      </a>
                    )}
                  </td>
                  <td>
                    <Link href={`/desk/tickets/${r.ticket.reference}`}>{r.ticket.reference}</Link> {r.ticket.subject}
                  </td>
                  <td>
                    {formatDateTime(r.dueAt)}
                    <span className="block">
                      <span className={`sla-badge sla-${r.state}`} data-callback-state={r.state}>
                        {r.state === "breached" ? (
                          <span aria-hidden="true">⚠ </span>
                        ) : r.state === "at-risk" ? (
                          <span aria-hidden="true">⏰ </span>
                        ) : null}
                        {CALLBACK_STATE[r.state]}
                      </span>
                    </span>
                  </td>
                  <td>{r.assignee ? (r.assignee.id === user.id ? "Ik" : r.assignee.name) : deskLabel(r.deskId)}</td>
                  <td>
                    <Link className="btn btn-secondary" href={`/desk/contact?terugbellen=${r.id}`}>
                      Terugbellen
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
