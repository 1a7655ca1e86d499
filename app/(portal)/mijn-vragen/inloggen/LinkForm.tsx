"use client";
import { useState, useTransition } from "react";
import { requestLoginLink } from "./actions";

const SEND_FAILED = "Versturen lukte niet. Controleer uw internetverbinding en probeer het opnieuw.";

/** Asks for a sign-in link by e-mail; errors are announced to screen readers. */
export function LinkForm({ returnTo }: { returnTo: string }) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await requestLoginLink({ email, terug: returnTo }).catch(() => ({
        ok: false as const,
        error: SEND_FAILED,
        fieldErrors: {} as Record<string, string>,
      }));
      if (!r.ok) {
        setFieldError(r.fieldErrors.email ?? null);
        setError(r.fieldErrors.email ? "Controleer uw e-mailadres." : r.error);
        return;
      }
      setError(null);
      setFieldError(null);
      setSentTo(email.trim());
    });
  };
  if (sentTo)
    return (
      <div className="alert alert-success" role="status">
        <p>
          <strong>Kijk in uw mailbox.</strong> Hoort <strong>{sentTo}</strong> bij vragen die u bij ons stelde? Dan
          vindt u ze na het inloggen. Wij hebben een e-mail gestuurd met een link om in te loggen. De link werkt 15
          minuten en één keer.
        </p>
        <p>
          Geen e-mail gekregen? Kijk ook in de map met ongewenste e-mail, of vraag over een paar minuten een nieuwe
          link.
        </p>
      </div>
    );
  return (
    <form onSubmit={submit} noValidate>
      <div aria-live="assertive">
        {error && (
          <div className="alert alert-error" role="alert">
            <p>{error}</p>
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor="caller-email">Uw e-mailadres</label>
        <span className="hint" id="caller-email-hint">
          Gebruik het e-mailadres waarmee u uw vraag stelde.
        </span>
        <input
          id="caller-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`caller-email-hint${fieldError ? " caller-email-error" : ""}`}
        />
        {fieldError && (
          <p id="caller-email-error" className="field-error">
            {fieldError}
          </p>
        )}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        {pending ? "Bezig met versturen…" : "Stuur mij een inloglink"}
      </button>
    </form>
  );
}
