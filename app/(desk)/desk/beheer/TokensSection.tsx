"use client";
// "API-tokens": the tokens other systems use (desks, scopes, expiry, last use, state; revoke), and the form for a
// new token (shown once).
import { useRouter } from "next/navigation";
import { createTokenAction, revokeTokenAction } from "./actions";
import { DeskCheckboxes, toggle, when, type ShownOnce } from "./admin-parts";
import { Errors, useCreateForm } from "./create-form";

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  desks: string[];
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function TokensSection({
  tokens,
  scopeLabels,
  show,
}: {
  tokens: ApiToken[];
  scopeLabels: Record<string, string>;
  show: (shown: ShownOnce) => void;
}) {
  return (
    <section aria-labelledby="tokens-title" className="report-section">
      <h2 id="tokens-title">API-tokens</h2>
      <p>
        Andere systemen (schoolsoftware, de telefooncentrale) gebruiken een token:{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {tokens.length === 0 ? (
        <p className="muted">Nog geen tokens.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">API-tokens</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Helpdesks</th>
                <th scope="col">Rechten</th>
                <th scope="col">Verloopt</th>
                <th scope="col">Laatst gebruikt</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <TokenRow key={t.id} t={t} scopeLabels={scopeLabels} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewTokenForm scopeLabels={scopeLabels} show={show} />
    </section>
  );
}

function TokenRow({ t, scopeLabels }: { t: ApiToken; scopeLabels: Record<string, string> }) {
  const router = useRouter();
  return (
    <tr data-token-row={t.name}>
      <td>
        {t.name}
        <span className="muted block">
          <code>{t.prefix}…</code>
        </span>
      </td>
      <td>{t.desks.join(", ")}</td>
      <td>{t.scopes.map((s) => scopeLabels[s] ?? s).join(", ")}</td>
      <td>{when(t.expiresAt)}</td>
      <td>{when(t.lastUsedAt)}</td>
      <td data-token-status>
        {t.revokedAt ? "Ingetrokken" : t.expiresAt && new Date(t.expiresAt) < new Date() ? "Verlopen" : "Actief"}
      </td>
      <td>
        {!t.revokedAt && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={async () => {
              const r = await revokeTokenAction({ id: t.id });
              if (r.ok) router.refresh();
            }}
          >
            Intrekken<span className="visually-hidden"> {t.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function NewTokenForm({
  scopeLabels,
  show,
}: {
  scopeLabels: Record<string, string>;
  show: (shown: ShownOnce) => void;
}) {
  const {
    values: nt,
    setValues: setNt,
    errors: ntErr,
    onSubmit: createToken,
  } = useCreateForm(
    { name: "", desks: [] as string[], scopes: [] as string[], expiresAt: "" },
    createTokenAction,
    (d) => show({ title: `Token "${d.name}" aangemaakt. Kopieer hem nu`, value: d.token }),
  );
  return (
    <form className="card" onSubmit={createToken}>
      <h3>Nieuw token</h3>
      <Errors {...ntErr} />
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="nt-name">Naam van het systeem</label>
          <input id="nt-name" value={nt.name} onChange={(e) => setNt({ ...nt, name: e.target.value })} />
        </div>
        <DeskCheckboxes desks={nt.desks} onChange={(desks) => setNt({ ...nt, desks })} />
        <fieldset className="field">
          <legend>Rechten</legend>
          {Object.entries(scopeLabels).map(([k, v]) => (
            <label key={k} className="choice">
              <input
                type="checkbox"
                checked={nt.scopes.includes(k)}
                onChange={(e) => setNt({ ...nt, scopes: toggle(nt.scopes, k, e.target.checked) })}
              />{" "}
              {v} <code>{k}</code>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="nt-exp">Verloopt op (optioneel)</label>
          <input
            id="nt-exp"
            type="date"
            value={nt.expiresAt}
            onChange={(e) => setNt({ ...nt, expiresAt: e.target.value })}
          />
        </div>
      </div>
      <button type="submit" className="btn">
        Token aanmaken
      </button>
    </form>
  );
}
