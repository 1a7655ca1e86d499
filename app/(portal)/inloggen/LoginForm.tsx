"use client";
import { useActionState } from "react";
import { login, type LoginState } from "./actions";

/** The login form; errors are announced to screen readers. */
export function LoginForm({ returnTo }: { returnTo: string }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(login, {});
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <div aria-live="assertive">
        {state.error && (
          <div className="alert alert-error" role="alert">
            <p>{state.error}</p>
          </div>
        )}
      </div>
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="field">
        <label htmlFor="email">E-mailadres</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={fe.email ? true : undefined}
          aria-describedby={fe.email ? "email-error" : undefined}
        />
        {fe.email && (
          <p id="email-error" className="field-error">
            {fe.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Wachtwoord</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fe.password ? true : undefined}
          aria-describedby={fe.password ? "password-error" : undefined}
        />
        {fe.password && (
          <p id="password-error" className="field-error">
            {fe.password}
          </p>
        )}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        {pending ? "Bezig met inloggen…" : "Inloggen"}
      </button>
    </form>
  );
}
