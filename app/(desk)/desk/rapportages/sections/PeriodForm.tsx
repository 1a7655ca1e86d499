// "Periode kiezen": the report's period (from, to) and, for agents of both desks, which desks. A wrong period shows
// its errors and the default period.
import { deskLabel } from "../../labels";

export function PeriodForm({
  period,
  fieldErrors,
  desks,
  chosen,
}: {
  period: { from: string; to: string };
  fieldErrors: Record<string, string>;
  desks: readonly string[];
  chosen: string[];
}) {
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const dateField = (key: "from" | "to", label: string) => (
    <div className="field">
      <label htmlFor={`period-${key}`}>{label}</label>
      <input
        id={`period-${key}`}
        name={key}
        type="date"
        defaultValue={period[key]}
        aria-invalid={!!fieldErrors[key]}
        aria-describedby={fieldErrors[key] ? `period-${key}-error` : undefined}
      />
      {fieldErrors[key] && (
        <p id={`period-${key}-error`} className="field-error">
          {fieldErrors[key]}
        </p>
      )}
    </div>
  );
  return (
    <form method="get" action="/desk/rapportages" className="card period-form" noValidate>
      <h2 id="period-title">Periode kiezen</h2>
      <div aria-live="polite">
        {hasErrors && (
          <div className="alert alert-error">
            <p>De periode klopt niet. U ziet nu de standaardperiode (de laatste 8 weken).</p>
            <ul>
              {Object.entries(fieldErrors).map(([k, m]) => (
                <li key={k}>
                  <a href={`#period-${k === "to" ? "to" : k === "desk" ? "desk" : "from"}`}>{m}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="period-fields">
        {dateField("from", "Van")}
        {dateField("to", "Tot en met")}
        {desks.length > 1 && (
          <fieldset className="field" id="period-desk">
            <legend>Helpdesk</legend>
            {desks.map((d) => (
              <label key={d} className="choice">
                <input type="checkbox" name="desk" value={d} defaultChecked={chosen.includes(d)} /> {deskLabel(d)}
              </label>
            ))}
            <span className="hint">Niets aangevinkt: alle helpdesks.</span>
          </fieldset>
        )}
      </div>
      <button type="submit" className="btn">
        Toon rapportage
      </button>
    </form>
  );
}
