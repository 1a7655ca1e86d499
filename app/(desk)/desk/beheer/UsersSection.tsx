"use client";
// "Medewerkers": every staff account with its role, desks and state (save, switch off/on, password link), and the
// form for a new account (its password link is shown once).
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  createUserAction,
  deactivateUserAction,
  reactivateUserAction,
  resetLinkAction,
  updateUserAction,
} from "./actions";
import { DESK_CHOICES, DeskCheckboxes, ROLE_LABELS, type ShownOnce } from "./admin-parts";
import { Errors, NO_ERRORS, useCreateForm, type FormErrors } from "./create-form";

export type StaffUser = { id: string; name: string; email: string; role: string; active: boolean; desks: string[] };

export function UsersSection({
  meId,
  users,
  show,
}: {
  meId: string;
  users: StaffUser[];
  show: (shown: ShownOnce) => void;
}) {
  const onLink = (name: string, link: string) =>
    show({ title: `Eenmalige wachtwoordlink voor ${name} (24 uur geldig)`, value: link });
  return (
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
            {users.map((u) => (
              <UserRow key={u.id} u={u} meId={meId} onLink={onLink} />
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm show={show} />
    </section>
  );
}

function UserRow({ u, meId, onLink }: { u: StaffUser; meId: string; onLink: (name: string, link: string) => void }) {
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
          {DESK_CHOICES.map((d) => (
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

function NewUserForm({ show }: { show: (shown: ShownOnce) => void }) {
  const {
    values: nu,
    setValues: setNu,
    errors: nuErr,
    onSubmit: createUser,
  } = useCreateForm({ name: "", email: "", role: "agent", desks: [] as string[] }, createUserAction, (d, sent) =>
    show({
      title: `Account aangemaakt. Stuur ${sent.name} deze eenmalige link om een wachtwoord te kiezen (24 uur geldig)`,
      value: d.resetLink,
    }),
  );
  return (
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
        <DeskCheckboxes desks={nu.desks} onChange={(desks) => setNu({ ...nu, desks })} />
      </div>
      <button type="submit" className="btn">
        Account aanmaken
      </button>
    </form>
  );
}
