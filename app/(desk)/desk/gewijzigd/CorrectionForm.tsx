"use client";
// The correction for one ticket: prefilled with what changed, the agent can edit it before sending.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { sendCorrectionAction } from "./actions";

export function CorrectionForm({ reference, text }: { reference: string; text: string }) {
  const id = useId();
  const router = useRouter();
  const [body, setBody] = useState(text);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  const send = () =>
    start(async () => {
      const r = await sendCorrectionAction({ reference, body }).catch(() => null);
      if (!r || !r.ok) {
        const field = r && !r.ok ? Object.values(r.fieldErrors ?? {})[0] : undefined;
        return setError(field ?? r?.error ?? "Dat lukte niet: er is geen verbinding. Probeer het opnieuw.");
      }
      setError(null);
      setDone(true);
      router.refresh();
    });
  if (done)
    return (
      <p className="alert alert-success" role="status">
        De correctie voor {reference} is verstuurd.
      </p>
    );
  return (
    <details className="correction">
      <summary>Stuur correctie</summary>
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
      <button type="button" className="btn" disabled={pending} onClick={send}>
        Stuur correctie
      </button>
    </details>
  );
}
