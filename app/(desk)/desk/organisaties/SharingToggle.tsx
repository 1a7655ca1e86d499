"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setSharing } from "./sharing-actions";

/**
 * The organisation's "Mijn vragen" sharing switch (off by default): when on, its callers who signed in with an
 * address on one of its e-mail domains also see and answer their colleagues' questions.
 */
export function SharingToggle({ organisationId, shared }: { organisationId: string; shared: boolean }) {
  const router = useRouter();
  const [on, setOn] = useState(shared);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const change = (next: boolean) =>
    start(async () => {
      const r = await setSharing({ organisationId, shared: next }).catch(() => null);
      if (!r || !r.ok) return setError(r?.error ?? "Opslaan lukte niet. Probeer het opnieuw.");
      setError(null);
      setOn(r.data.shared);
      router.refresh();
    });
  return (
    <div className="field">
      <label>
        <input type="checkbox" checked={on} disabled={pending} onChange={(e) => change(e.target.checked)} />{" "}
        Collega&apos;s zien elkaars vragen bij Mijn vragen
      </label>
      <span className="hint">
        Alleen voor wie inlogt met een e-mailadres van een domein van deze organisatie. Elke keer dat iemand de vraag
        van een collega bekijkt, komt in het logboek.
      </span>
      <div aria-live="assertive">{error && <p className="field-error">{error}</p>}</div>
    </div>
  );
}
