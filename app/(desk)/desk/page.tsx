import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { ticketScope } from "@/app/_modules/tickets/access";

export const metadata: Metadata = { title: "Werkbak" };

// GET /desk — the agent's queue.
export default async function DeskPage() {
  const user = await requirePageRole(["agent"], "/desk");
  const tickets = await db().ticket.findMany({
    where: { ...ticketScope(user), status: { in: ["new", "open", "waiting"] } },
    orderBy: [{ resolutionDueAt: "asc" }, { createdAt: "asc" }],
    take: 50,
    select: { reference: true, subject: true, status: true, createdAt: true, requester: { select: { organisation: true } } },
  });
  return (
    <div className="container">
      <h1>Werkbak</h1>
      {tickets.length === 0 ? (
        <p>Er staan geen open vragen in de werkbak.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Open vragen</caption>
          <thead><tr><th scope="col">Referentie</th><th scope="col">Onderwerp</th><th scope="col">Organisatie</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {tickets.map((t) => (
              <tr key={t.reference}>
                <td><Link href={`/desk/tickets/${t.reference}`}>{t.reference}</Link></td>
                <td>{t.subject}</td>
                <td>{t.requester.organisation}</td>
                <td>{t.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
