"use client";
// "Helpdesks" on /desk/beheer: phone number, opening hours and SLA terms per desk. A saved change is audited and
// appears for that desk's agents on /desk/wijzigingen.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateDeskSettingsAction } from "./actions";
import { toggle } from "./admin-parts";

export type DeskSettingsRow = {
  id: string;
  name: string;
  phone: string;
  days: number[];
  open: string;
  close: string;
  firstResponseBusinessDays: number;
  resolutionBusinessDays: number;
};

const DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

export function DeskSettingsSection({ desks }: { desks: DeskSettingsRow[] }) {
  return (
    <section className="card" aria-labelledby="desk-settings-title">
      <h2 id="desk-settings-title">Helpdesks</h2>
      <p className="hint">
        Telefoonnummer, openingstijden en termijnen. Medewerkers van de helpdesk zien elke wijziging bij Wijzigingen.
      </p>
      {desks.map((d) => (
        <DeskForm key={d.id} desk={d} />
      ))}
    </section>
  );
}

function DeskForm({ desk }: { desk: DeskSettingsRow }) {
  const router = useRouter();
  const [v, setV] = useState(desk);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const id = (f: string) => `desk-${desk.id}-${f}`;
  const described = (f: string) => (errors[f] ? { "aria-invalid": true, "aria-describedby": `${id(f)}-error` } : {});
  const err = (f: string) =>
    errors[f] ? (
      <p id={`${id(f)}-error`} className="field-error">
        {errors[f]}
      </p>
    ) : null;
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await updateDeskSettingsAction({ ...v, deskId: desk.id }).catch(() => null);
      if (!r) return setMsg({ kind: "error", text: "Opslaan lukte niet: er is geen verbinding. Probeer het opnieuw." });
      if (!r.ok) {
        setErrors(r.fieldErrors);
        return setMsg({ kind: "error", text: r.error });
      }
      setErrors({});
      setMsg({
        kind: "success",
        text: r.data.changed
          ? "Opgeslagen. De medewerkers zien de wijziging bij Wijzigingen."
          : "Er was niets veranderd.",
      });
      router.refresh();
    });
  };
  return (
    <form onSubmit={save} aria-labelledby={id("title")} noValidate>
      <h3 id={id("title")}>{desk.name}</h3>
      <div className="field">
        <label htmlFor={id("phone")}>Telefoonnummer</label>
        <input
          id={id("phone")}
          value={v.phone}
          onChange={(e) => setV({ ...v, phone: e.target.value })}
          {...described("phone")}
        />
        {err("phone")}
      </div>
      <fieldset className="field" {...described("days")}>
        <legend>Open op</legend>
        {DAYS.map((name, i) => (
          <label key={name} className="choice">
            <input
              type="checkbox"
              checked={v.days.includes(i + 1)}
              onChange={(e) =>
                setV({
                  ...v,
                  days: toggle(v.days.map(String), String(i + 1), e.target.checked)
                    .map(Number)
                    .sort(),
                })
              }
            />{" "}
            {name}
          </label>
        ))}
        {err("days")}
      </fieldset>
      <div className="field inline-field">
        <label htmlFor={id("open")}>Van</label>
        <input
          id={id("open")}
          type="time"
          value={v.open}
          onChange={(e) => setV({ ...v, open: e.target.value })}
          {...described("open")}
        />
        <label htmlFor={id("close")}>tot</label>
        <input
          id={id("close")}
          type="time"
          value={v.close}
          onChange={(e) => setV({ ...v, close: e.target.value })}
          {...described("close")}
        />
      </div>
      {err("open")}
      {err("close")}
      <div className="field">
        <label htmlFor={id("first")}>Eerste reactie binnen (werkdagen)</label>
        <input
          id={id("first")}
          type="number"
          min={1}
          max={30}
          value={v.firstResponseBusinessDays}
          onChange={(e) => setV({ ...v, firstResponseBusinessDays: Number(e.target.value) })}
          {...described("firstResponseBusinessDays")}
        />
        {err("firstResponseBusinessDays")}
      </div>
      <div className="field">
        <label htmlFor={id("resolution")}>Oplossing binnen (werkdagen)</label>
        <input
          id={id("resolution")}
          type="number"
          min={1}
          max={90}
          value={v.resolutionBusinessDays}
          onChange={(e) => setV({ ...v, resolutionBusinessDays: Number(e.target.value) })}
          {...described("resolutionBusinessDays")}
        />
        {err("resolutionBusinessDays")}
      </div>
      <button type="submit" className="btn" disabled={pending}>
        Opslaan
      </button>
      <div aria-live="polite">{msg && <p className={`alert alert-${msg.kind}`}>{msg.text}</p>}</div>
    </form>
  );
}
