"use client";
import Link from "next/link";
import { useState } from "react";
import { setPasswordAction } from "./actions";

export function PasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div className="alert alert-success" role="status">
        <p>
          Uw wachtwoord is opgeslagen. <Link href="/inloggen">Log nu in</Link>.
        </p>
      </div>
    );
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (password !== repeat) return setError("De twee wachtwoorden zijn niet gelijk.");
        const r = await setPasswordAction({ token, password });
        if (r.ok) setDone(true);
        else setError(r.fieldErrors.password ?? r.error);
      }}
    >
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="pw">Nieuw wachtwoord</label>
        <input
          id="pw"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="pw2">Herhaal het wachtwoord</label>
        <input
          id="pw2"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </div>
      <button type="submit" className="btn">
        Wachtwoord opslaan
      </button>
    </form>
  );
}
