"use client";
// Webhooks in /desk/beheer: register (the secret is shown once), test, turn off/on, delete; and the delivery log
// with status, HTTP code, attempts, next try and error.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Errors, useCreateForm } from "./create-form";
import { createWebhookAction, deleteWebhookAction, pingWebhookAction, setWebhookEnabledAction } from "./actions";

type Hook = { id: string; url: string; events: string[]; enabled: boolean; secretHint: string };
type Delivery = {
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
type Result = { ok: true; data: unknown } | { ok: false; error: string; fieldErrors: Record<string, string> };

const STATUS_LABELS: Record<string, string> = {
  pending: "Wacht",
  retry: "Opnieuw proberen",
  sending: "Bezig",
  delivered: "Afgeleverd",
  failed: "Mislukt",
};
const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("nl-NL", { dateStyle: "short", timeStyle: "medium" }) : "–";

export function WebhookPanel(props: { hooks: Hook[]; deliveries: Delivery[]; eventLabels: Record<string, string> }) {
  const router = useRouter();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const {
    values: form,
    setValues: setForm,
    errors: err,
    onSubmit: createWebhook,
  } = useCreateForm({ url: "", secret: "", events: [] as string[] }, createWebhookAction, setSecret);
  const [rowError, setRowError] = useState<string | null>(null);
  const run = async (p: Promise<Result>) => {
    const r = await p;
    setRowError(r.ok ? null : r.error);
    router.refresh();
  };

  return (
    <section aria-labelledby="webhooks-title" className="report-section">
      <h2 id="webhooks-title">Webhooks</h2>
      <p>
        Wij sturen gebeurtenissen als JSON naar het webadres van een ander systeem, ondertekend met het geheim (kop{" "}
        <code>X-Portal-Signature</code>). Lukt het niet, dan proberen wij het later opnieuw (tot ongeveer 4 uur lang).
      </p>
      <div aria-live="polite">
        {secret && (
          <div className="alert alert-success" data-shown-once>
            <p>
              <strong>Webhook voor {secret.url} aangemaakt. Geef het ontvangende systeem dit geheim.</strong> Dit wordt
              maar één keer getoond.
            </p>
            <p>
              <code data-secret>{secret.secret}</code>
            </p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setSecret(null)}>
              Verbergen
            </button>
          </div>
        )}
        {rowError && (
          <div className="alert alert-error" role="alert">
            <p>{rowError}</p>
          </div>
        )}
      </div>
      {props.hooks.length === 0 ? (
        <p className="muted">Nog geen webhooks.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Webhooks</caption>
            <thead>
              <tr>
                <th scope="col">Webadres</th>
                <th scope="col">Gebeurtenissen</th>
                <th scope="col">Geheim</th>
                <th scope="col">Status</th>
                <th scope="col">Acties</th>
              </tr>
            </thead>
            <tbody>
              {props.hooks.map((h) => (
                <tr key={h.id} data-webhook-row={h.url}>
                  <td>
                    <code>{h.url}</code>
                  </td>
                  <td>{h.events.join(", ")}</td>
                  <td>
                    <code>{h.secretHint}</code>
                  </td>
                  <td data-webhook-status>{h.enabled ? "Aan" : "Uit"}</td>
                  <td>
                    <div className="btn-row">
                      {h.enabled && (
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          onClick={() => void run(pingWebhookAction({ id: h.id }))}
                        >
                          Testbericht<span className="visually-hidden"> naar {h.url}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        onClick={() => void run(setWebhookEnabledAction({ id: h.id, enabled: !h.enabled }))}
                      >
                        {h.enabled ? "Uitzetten" : "Aanzetten"}
                        <span className="visually-hidden"> {h.url}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        onClick={() => {
                          if (window.confirm(`Webhook ${h.url} en het logboek ervan verwijderen?`))
                            void run(deleteWebhookAction({ id: h.id }));
                        }}
                      >
                        Verwijderen<span className="visually-hidden"> {h.url}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card" onSubmit={createWebhook}>
        <h3>Nieuwe webhook</h3>
        <Errors {...err} />
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="wh-url">Webadres (https://…)</label>
            <input
              id="wh-url"
              type="url"
              value={form.url}
              onChange={(e) => setForm({ ...form, url: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="wh-secret">Geheim (optioneel, minstens 16 tekens)</label>
            <input
              id="wh-secret"
              autoComplete="off"
              value={form.secret}
              onChange={(e) => setForm({ ...form, secret: e.target.value })}
              aria-describedby="wh-secret-hint"
            />
            <span id="wh-secret-hint" className="muted">
              Leeg laten: wij maken een sterk geheim.
            </span>
          </div>
          <fieldset className="field">
            <legend>Gebeurtenissen</legend>
            {Object.entries(props.eventLabels).map(([k, v]) => (
              <label key={k} className="choice">
                <input
                  type="checkbox"
                  checked={form.events.includes(k)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      events: e.target.checked ? [...form.events, k] : form.events.filter((x) => x !== k),
                    })
                  }
                />{" "}
                {v} <code>{k}</code>
              </label>
            ))}
          </fieldset>
        </div>
        <button type="submit" className="btn">
          Webhook toevoegen
        </button>
      </form>

      <h3 id="deliveries-title">Logboek van verzendingen</h3>
      {props.deliveries.length === 0 ? (
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
              {props.deliveries.map((d) => (
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
    </section>
  );
}
