"use client";
// Pieces the administration forms share: role and desk choices, the date format, a checkbox list toggle and the
// one-time display of a password link or a new token.
export const ROLE_LABELS: Record<string, string> = {
  agent: "Helpdeskmedewerker",
  editor: "Redacteur",
  admin: "Beheerder",
};
export const DESK_CHOICES = [
  { id: "po", label: "PO" },
  { id: "vo-mbo", label: "VO/MBO" },
];

/** A date and time in Dutch, or "–". */
export const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" }) : "–";

/** Adds `v` to or removes it from a checkbox list. */
export const toggle = (list: string[], v: string, on: boolean) =>
  on ? [...new Set([...list, v])] : list.filter((x) => x !== v);

/** Something shown once (a password link, a token): the title says what it is. */
export type ShownOnce = { title: string; value: string };

export function ShownOnceAlert({ shown, onHide }: { shown: ShownOnce | null; onHide: () => void }) {
  return (
    <div aria-live="polite">
      {shown && (
        <div className="alert alert-success" data-shown-once>
          <p>
            <strong>{shown.title}.</strong> Dit wordt maar één keer getoond.
          </p>
          <p>
            <code data-secret>{shown.value}</code>
          </p>
          <button type="button" className="btn btn-secondary btn-small" onClick={onHide}>
            Verbergen
          </button>
        </div>
      )}
    </div>
  );
}

/** The "Helpdesks" checkboxes of a create form. */
export function DeskCheckboxes({ desks, onChange }: { desks: string[]; onChange: (desks: string[]) => void }) {
  return (
    <fieldset className="field">
      <legend>Helpdesks</legend>
      {DESK_CHOICES.map((d) => (
        <label key={d.id} className="choice">
          <input
            type="checkbox"
            checked={desks.includes(d.id)}
            onChange={(e) => onChange(toggle(desks, d.id, e.target.checked))}
          />{" "}
          {d.label}
        </label>
      ))}
    </fieldset>
  );
}
