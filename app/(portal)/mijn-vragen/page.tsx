import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { CALLER_ROLE } from "@/app/_core/session";
import { listCallerTickets } from "@/app/_modules/callers/tickets";
import { STATUS_LABELS, type TicketStatus } from "@/app/_modules/tickets/schema";

export const metadata: Metadata = { title: "Mijn vragen", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const fmt = (d: Date) => d.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" });

// GET /mijn-vragen — a signed-in caller's questions (matched by their verified e-mail address), newest first.
export default async function MyQuestionsPage() {
  const user = await requirePageRole([CALLER_ROLE], "/mijn-vragen");
  const tickets = await listCallerTickets(db(), { user });
  const colleagues = tickets.some((t) => !t.mine);
  return (
    <div className="container">
      <h1>Mijn vragen</h1>
      <p>
        U bent ingelogd als <strong>{user.email}</strong>. Hier staan de vragen die met dit e-mailadres zijn gesteld
        {colleagues ? ", en de vragen van collega's van uw organisatie" : ""}. De nieuwste vraag staat bovenaan.
      </p>
      {tickets.length === 0 ? (
        <div className="alert" role="status">
          <p>
            Wij hebben geen vragen gevonden met dit e-mailadres. Heeft u uw vraag met een ander e-mailadres gesteld? Log
            dan in met dat adres. Of <Link href="/vraag">stel een nieuwe vraag</Link>.
          </p>
        </div>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table className="data-table">
            <caption className="visually-hidden">Uw vragen, de nieuwste bovenaan</caption>
            <thead>
              <tr>
                <th scope="col">Vraag</th>
                <th scope="col">Referentie</th>
                <th scope="col">Status</th>
                <th scope="col">Helpdesk</th>
                <th scope="col">Gesteld op</th>
                {colleagues && <th scope="col">Gesteld door</th>}
              </tr>
            </thead>
            <tbody>
              {tickets.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link href={`/mijn-vragen/${t.reference}`}>{t.subject}</Link>
                  </td>
                  <td>{t.reference}</td>
                  <td>
                    <span className={`status status-${t.status}`}>{STATUS_LABELS[t.status as TicketStatus]}</span>
                  </td>
                  <td>{t.desk.name}</td>
                  <td>{fmt(t.createdAt)}</td>
                  {colleagues && <td>{t.mine ? "U" : t.askedBy}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link href="/vraag">Stel een nieuwe vraag</Link>
      </p>
    </div>
  );
}
