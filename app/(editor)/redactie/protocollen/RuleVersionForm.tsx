"use client";
// "Nieuwe versie vanaf <datum>" for one rule: the date, the rule's threshold field(s) and a note. After saving, the
// page reloads and shows the new version in the list.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { addProtocolRuleVersion } from "./actions";

/** Dutch labels of the threshold fields a rule can have. */
const LABELS: Record<string, string> = {
  count: "Aantal keer",
  hours: "Aantal uur",
  windowDays: "Binnen dagen",
  schoolDays: "Schooldagen achter elkaar",
  maxSchoolDays: "Hoogstens schooldagen",
  moreThanSchoolDays: "Meer dan schooldagen",
};

export function RuleVersionForm(props: { protocolId: string; ruleId: string; threshold: Record<string, number> }) {
  const router = useRouter();
  const uid = useId();
  const [validFrom, setValidFrom] = useState("");
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(props.threshold).map(([k, v]) => [k, String(v)])),
  );
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setSaved(false);
    try {
      const r = await addProtocolRuleVersion({
        protocolId: props.protocolId,
        ruleId: props.ruleId,
        validFrom,
        threshold: values,
        note,
      });
      if (r.ok) {
        setSaved(true);
        router.refresh();
      } else setErrors(Object.keys(r.fieldErrors).length ? r.fieldErrors : { _: r.error });
    } catch {
      setErrors({ _: "Dat is niet gelukt: er is geen verbinding. Probeer het opnieuw." });
    } finally {
      setBusy(false);
    }
  };

  const other = errors._ ?? errors.threshold ?? errors.ruleId ?? errors.protocolId;
  return (
    <details className="rule-version">
      <summary>
        Nieuwe versie<span className="visually-hidden"> van {props.ruleId}</span>
      </summary>
      <form
        noValidate
        data-rule-version={props.ruleId}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`${uid}-from`}>Nieuwe versie vanaf</label>
        <input
          id={`${uid}-from`}
          type="date"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          aria-invalid={!!errors.validFrom}
          aria-describedby={errors.validFrom ? `${uid}-from-err` : undefined}
        />
        {errors.validFrom && (
          <p id={`${uid}-from-err`} className="field-error">
            {errors.validFrom}
          </p>
        )}
        {Object.keys(values).map((k) => (
          <div key={k}>
            <label htmlFor={`${uid}-${k}`}>{LABELS[k] ?? k}</label>
            <input
              id={`${uid}-${k}`}
              type="text"
              inputMode="numeric"
              value={values[k]}
              onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
              aria-invalid={!!errors[`threshold.${k}`]}
              aria-describedby={errors[`threshold.${k}`] ? `${uid}-${k}-err` : undefined}
            />
            {errors[`threshold.${k}`] && (
              <p id={`${uid}-${k}-err`} className="field-error">
                {errors[`threshold.${k}`]}
              </p>
            )}
          </div>
        ))}
        <label htmlFor={`${uid}-note`}>Toelichting (voor de desk)</label>
        <input id={`${uid}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
        {errors.note && <p className="field-error">{errors.note}</p>}
        {other && (
          <p className="field-error" role="alert">
            {other}
          </p>
        )}
        {saved && <p role="status">De nieuwe versie is opgeslagen.</p>}
        <button type="submit" disabled={busy}>
          Versie opslaan
        </button>
      </form>
    </details>
  );
}
