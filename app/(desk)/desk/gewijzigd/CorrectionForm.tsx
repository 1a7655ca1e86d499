"use client";
// The correction for one ticket: prefilled with what changed, the agent can edit it before sending.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { dismissChangedAction, sendCorrectionAction } from "./actions";

export function CorrectionForm({ reference, text }: { reference: string; text: string }) {
  const id = useId();
  const router = useRouter();
  const [body, setBody] = useState(text);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (what: "send" | "dismiss") =>
    start(async () => {
      const r = await (
        what === "send" ? sendCorrectionAction({ reference, body }) : dismissChangedAction({ reference })
      ).catch(() => null);
      if (!r || !r.ok) {
        const field = r && !r.ok ? Object.values(r.fieldErrors ?? {})[0] : undefined;
        return setError(field ?? r?.error ?? "Dat lukte niet: er is geen verbinding. Probeer het opnieuw.");
      }
      setError(null);
      // The ticket leaves the list: the page says what happened at the top.
      router.push(`/desk/gewijzigd?${what === "send" ? "verstuurd" : "afgehandeld"}=${encodeURIComponent(reference)}`);
    });
  return (
    <details className="correction">
      <summary>Correctie schrijven</summary>
      <div className="field">
        <label htmlFor={`${id}-body`}>Correctie aan de beller (u kunt de tekst aanpassen)</label>
        <textarea
          id={`${id}-body`}
          rows={10}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-err` : undefined}
        />
      </div>
      <span aria-live="assertive">
        {error && (
          <p id={`${id}-err`} className="field-error">
            {error}
          </p>
        )}
      </span>
      <div className="btn-row">
        <button type="button" className="btn" disabled={pending} onClick={() => run("send")}>
          Stuur correctie
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending}
          onClick={() => run("dismiss")}
          aria-label={`Geen correctie nodig voor ${reference}`}
        >
          Geen correctie nodig
        </button>
      </div>
    </details>
  );
}
