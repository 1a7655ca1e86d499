"use client";
// The administration screens: staff accounts and API tokens. A password link and a new token are shown once.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Errors, NO_ERRORS, useCreateForm, type FormErrors } from "./create-form";
import {
  createTokenAction,
  createUserAction,
  deactivateUserAction,
  reactivateUserAction,
  resetLinkAction,
  revokeTokenAction,
  updateUserAction,
} from "./actions";

type User = { id: string; name: string; email: string; role: string; active: boolean; desks: string[] };
type Token = {
  id: string;
  name: string;
  prefix: string;
  desks: string[];
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const ROLE_LABELS: Record<string, string> = { agent: "Helpdeskmedewerker", editor: "Redacteur", admin: "Beheerder" };
const DESKS = [
  { id: "po", label: "PO" },
  { id: "vo-mbo", label: "VO/MBO" },
];
const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" }) : "–";

function UserRow({ u, meId, onLink }: { u: User; meId: string; onLink: (name: string, link: string) => void }) {
  const router = useRouter();
  const [role, setRole] = useState(u.role);
  const [desks, setDesks] = useState(u.desks);
  const [err, setErr] = useState<FormErrors>(NO_ERRORS);
  const run = async (
    p: Promise<{ ok: true; data: unknown } | { ok: false; error: string; fieldErrors: Record<string, string> }>,
    after?: (d: unknown) => void,
  ) => {
    const r = await p;
    if (r.ok) {
      setErr(NO_ERRORS);
      after?.(r.data);
      router.refresh();
    } else setErr({ error: r.error, fieldErrors: r.fieldErrors });
  };
  return (
    <tr data-user-row={u.email}>
      <td>
        {u.name}
        <span className="muted block">{u.email}</span>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${u.id}`}>
          Rol van {u.name}
        </label>
        <select id={`role-${u.id}`} value={role} onChange={(e) => setRole(e.target.value)}>
          {Object.entries(ROLE_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </td>
      <td>
        <fieldset className="inline-choices">
          <legend className="visually-hidden">Helpdesks van {u.name}</legend>
          {DESKS.map((d) => (
            <label key={d.id} className="choice">
              <input
                type="checkbox"
                checked={desks.includes(d.id)}
                onChange={(e) => setDesks(e.target.checked ? [...desks, d.id] : desks.filter((x) => x !== d.id))}
              />{" "}
              {d.label}
            </label>
          ))}
        </fieldset>
      </td>
      <td>{u.active ? "Actief" : <strong>Uitgezet</strong>}</td>
      <td>
        <div className="btn-row">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => void run(updateUserAction({ userId: u.id, role, desks }))}
          >
            Opslaan<span className="visually-hidden"> voor {u.name}</span>
          </button>
          {u.id !== meId &&
            (u.active ? (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={() => void run(deactivateUserAction({ userId: u.id }))}
              >
                Uitzetten<span className="visually-hidden"> {u.name}</span>
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={() => void run(reactivateUserAction({ userId: u.id }))}
              >
                Aanzetten<span className="visually-hidden"> {u.name}</span>
              </button>
            ))}
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => void run(resetLinkAction({ userId: u.id }), (link) => onLink(u.name, link as string))}
          >
            Wachtwoordlink<span className="visually-hidden"> voor {u.name}</span>
          </button>
        </div>
        <Errors {...err} />
      </td>
    </tr>
  );
}

export function AdminPanel(props: {
  meId: string;
  users: User[];
  tokens: Token[];
  scopeLabels: Record<string, string>;
}) {
  const router = useRouter();
  const [shown, setShown] = useState<{ title: string; value: string } | null>(null);
  const {
    values: nu,
    setValues: setNu,
    errors: nuErr,
    onSubmit: createUser,
  } = useCreateForm({ name: "", email: "", role: "agent", desks: [] as string[] }, createUserAction, (d, sent) =>
    setShown({
      title: `Account aangemaakt. Stuur ${sent.name} deze eenmalige link om een wachtwoord te kiezen (24 uur geldig)`,
      value: d.resetLink,
    }),
  );
  const {
    values: nt,
    setValues: setNt,
    errors: ntErr,
    onSubmit: createToken,
  } = useCreateForm(
    { name: "", desks: [] as string[], scopes: [] as string[], expiresAt: "" },
    createTokenAction,
    (d) => setShown({ title: `Token "${d.name}" aangemaakt. Kopieer hem nu`, value: d.token }),
  );
  const onLink = (name: string, link: string) =>
    setShown({ title: `Eenmalige wachtwoordlink voor ${name} (24 uur geldig)`, value: link });
  const toggle = (list: string[], v: string, on: boolean) =>
    on ? [...new Set([...list, v])] : list.filter((x) => x !== v);

  return (
    <>
      <div aria-live="polite">
        {shown && (
          <div className="alert alert-success" data-shown-once>
            <p>
              <strong>{shown.title}.</strong> Dit wordt maar één keer getoond.
            </p>
            <p>
              <code data-secret>{shown.value}</code>
            </p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setShown(null)}>
              Verbergen
            </button>
          </div>
        )}
      </div>

      <section aria-labelledby="users-title" className="report-section">
        <h2 id="users-title">Medewerkers</h2>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Accounts van medewerkers</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Rol</th>
                <th scope="col">Helpdesks</th>
                <th scope="col">Status</th>
                <th scope="col">Acties</th>
              </tr>
            </thead>
            <tbody>
              {props.users.map((u) => (
                <UserRow key={u.id} u={u} meId={props.meId} onLink={onLink} />
              ))}
            </tbody>
          </table>
        </div>
        <form className="card" onSubmit={createUser}>
          <h3>Nieuwe medewerker</h3>
          <Errors {...nuErr} />
          <div className="filter-grid">
            <div className="field">
              <label htmlFor="nu-name">Naam</label>
              <input id="nu-name" value={nu.name} onChange={(e) => setNu({ ...nu, name: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="nu-email">E-mailadres</label>
              <input
                id="nu-email"
                type="email"
                value={nu.email}
                onChange={(e) => setNu({ ...nu, email: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="nu-role">Rol</label>
              <select id="nu-role" value={nu.role} onChange={(e) => setNu({ ...nu, role: e.target.value })}>
                {Object.entries(ROLE_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>Helpdesks</legend>
              {DESKS.map((d) => (
                <label key={d.id} className="choice">
                  <input
                    type="checkbox"
                    checked={nu.desks.includes(d.id)}
                    onChange={(e) => setNu({ ...nu, desks: toggle(nu.desks, d.id, e.target.checked) })}
                  />{" "}
                  {d.label}
                </label>
              ))}
            </fieldset>
          </div>
          <button type="submit" className="btn">
            Account aanmaken
          </button>
        </form>
      </section>

      <section aria-labelledby="tokens-title" className="report-section">
        <h2 id="tokens-title">API-tokens</h2>
        <p>
          Andere systemen (schoolsoftware, de telefooncentrale) gebruiken een token:{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
        {props.tokens.length === 0 ? (
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
                {props.tokens.map((t) => (
                  <tr key={t.id} data-token-row={t.name}>
                    <td>
                      {t.name}
                      <span className="muted block">
                        <code>{t.prefix}…</code>
                      </span>
                    </td>
                    <td>{t.desks.join(", ")}</td>
                    <td>{t.scopes.map((s) => props.scopeLabels[s] ?? s).join(", ")}</td>
                    <td>{when(t.expiresAt)}</td>
                    <td>{when(t.lastUsedAt)}</td>
                    <td data-token-status>
                      {t.revokedAt
                        ? "Ingetrokken"
                        : t.expiresAt && new Date(t.expiresAt) < new Date()
                          ? "Verlopen"
                          : "Actief"}
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
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form className="card" onSubmit={createToken}>
          <h3>Nieuw token</h3>
          <Errors {...ntErr} />
          <div className="filter-grid">
            <div className="field">
              <label htmlFor="nt-name">Naam van het systeem</label>
              <input id="nt-name" value={nt.name} onChange={(e) => setNt({ ...nt, name: e.target.value })} />
            </div>
            <fieldset className="field">
              <legend>Helpdesks</legend>
              {DESKS.map((d) => (
                <label key={d.id} className="choice">
                  <input
                    type="checkbox"
                    checked={nt.desks.includes(d.id)}
                    onChange={(e) => setNt({ ...nt, desks: toggle(nt.desks, d.id, e.target.checked) })}
                  />{" "}
                  {d.label}
                </label>
              ))}
            </fieldset>
            <fieldset className="field">
              <legend>Rechten</legend>
              {Object.entries(props.scopeLabels).map(([k, v]) => (
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
      </section>
    </>
  );
}
