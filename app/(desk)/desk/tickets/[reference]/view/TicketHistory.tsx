// Below a ticket: its audit trail (folded) and the help for the keyboard shortcuts.
import { AuditSide } from "../../../AuditChanges";
import { auditActionLabel, formatDateTime } from "../../../labels";

type AuditEntry = {
  id: string;
  createdAt: Date;
  actor: { name: string } | null;
  action: string;
  before: unknown;
  after: unknown;
};

export function TicketAuditTrail({ reference, audit }: { reference: string; audit: AuditEntry[] }) {
  return (
    <section aria-labelledby="audit-title" className="ticket-audit">
      <details>
        <summary>
          <h2 id="audit-title" className="inline-heading">
            Geschiedenis van deze vraag ({audit.length})
          </h2>
        </summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Auditlog van {reference}</caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Voor</th>
                <th scope="col">Na</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.createdAt)}</td>
                  <td>{e.actor?.name ?? "Beller of systeem"}</td>
                  <td>{auditActionLabel(e.action)}</td>
                  <td className="audit-json">
                    <AuditSide before={e.before} after={e.after} side="before" />
                  </td>
                  <td className="audit-json">
                    <AuditSide before={e.before} after={e.after} side="after" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

export function ShortcutHelp() {
  return (
    <section aria-labelledby="keys-title" className="shortcut-help">
      <h2 id="keys-title">Sneltoetsen</h2>
      <p>Sneltoetsen werken niet als u in een veld of in de teksteditor typt.</p>
      <dl>
        <dt>
          <kbd>r</kbd>
        </dt>
        <dd>Antwoord aan de beller schrijven</dd>
        <dt>
          <kbd>n</kbd>
        </dt>
        <dd>Interne notitie schrijven</dd>
        <dt>
          <kbd>e</kbd>
        </dt>
        <dd>Vraag op ‘opgelost’ zetten</dd>
        <dt>
          <kbd>j</kbd> / <kbd>k</kbd>
        </dt>
        <dd>Volgende of vorige vraag uit de werkbak</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>Uit de teksteditor naar de pagina (daarna werken de sneltoetsen weer)</dd>
      </dl>
    </section>
  );
}
