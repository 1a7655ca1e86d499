"use client";
// The webhook delivery log: time, event, address, status, HTTP code, attempts, next try and the error or answer.

export type WebhookDelivery = {
  id: string;
  url: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

const STATUS_LABELS: Record<string, string> = {
  pending: "Wacht",
  retry: "Opnieuw proberen",
  sending: "Bezig",
  delivered: "Afgeleverd",
  failed: "Mislukt",
};
const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("nl-NL", { dateStyle: "short", timeStyle: "medium" }) : "–";

export function WebhookDeliveries({ deliveries }: { deliveries: WebhookDelivery[] }) {
  return (
    <>
      <h3 id="deliveries-title">Logboek van verzendingen</h3>
      {deliveries.length === 0 ? (
        <p className="muted">Nog niets verstuurd.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="deliveries-title">
            <thead>
              <tr>
                <th scope="col">Tijd</th>
                <th scope="col">Gebeurtenis</th>
                <th scope="col">Webadres</th>
                <th scope="col">Status</th>
                <th scope="col">HTTP</th>
                <th scope="col">Pogingen</th>
                <th scope="col">Volgende poging</th>
                <th scope="col">Fout of antwoord</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-delivery-row={d.event}>
                  <td>{when(d.createdAt)}</td>
                  <td>
                    <code>{d.event}</code>
                  </td>
                  <td>
                    <code>{d.url}</code>
                  </td>
                  <td data-delivery-status>{STATUS_LABELS[d.status] ?? d.status}</td>
                  <td data-delivery-http>{d.responseStatus ?? "–"}</td>
                  <td>{d.attempts}</td>
                  <td>{when(d.nextAttemptAt)}</td>
                  <td>
                    {d.lastError ??
                      (d.responseExcerpt ? <span className="muted">{d.responseExcerpt.slice(0, 200)}</span> : "–")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
