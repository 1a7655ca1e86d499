"use client";
// Webhooks in /desk/beheer: register (the secret is shown once), test, turn off/on, delete; and the delivery log
// with status, HTTP code, attempts, next try and error.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { WebhookDeliveries, type WebhookDelivery } from "./WebhookDeliveries";
import { Errors, useCreateForm } from "./create-form";
import { createWebhookAction, deleteWebhookAction, pingWebhookAction, setWebhookEnabledAction } from "./actions";

type Hook = { id: string; url: string; events: string[]; enabled: boolean; secretHint: string };
type Result = { ok: true; data: unknown } | { ok: false; error: string; fieldErrors: Record<string, string> };

export function WebhookPanel(props: {
  hooks: Hook[];
  deliveries: WebhookDelivery[];
  eventLabels: Record<string, string>;
}) {
  const router = useRouter();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
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
        <WebhookTable hooks={props.hooks} run={run} />
      )}
      <NewWebhookForm eventLabels={props.eventLabels} onCreated={setSecret} />
      <WebhookDeliveries deliveries={props.deliveries} />
    </section>
  );
}

function WebhookTable({ hooks, run }: { hooks: Hook[]; run: (p: Promise<Result>) => Promise<void> }) {
  return (
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
          {hooks.map((h) => (
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
  );
}

function NewWebhookForm({
  eventLabels,
  onCreated,
}: {
  eventLabels: Record<string, string>;
  onCreated: (created: { url: string; secret: string }) => void;
}) {
  const {
    values: form,
    setValues: setForm,
    errors: err,
    onSubmit: createWebhook,
  } = useCreateForm({ url: "", secret: "", events: [] as string[] }, createWebhookAction, onCreated);
  return (
    <form className="card" onSubmit={createWebhook}>
      <h3>Nieuwe webhook</h3>
      <Errors {...err} />
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="wh-url">Webadres (https://…)</label>
          <input id="wh-url" type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
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
          {Object.entries(eventLabels).map(([k, v]) => (
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
  );
}
