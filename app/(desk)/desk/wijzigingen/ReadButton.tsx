"use client";
// "Gelezen" on one change, and "Alles gelezen" for the whole feed; the page reloads its data afterwards.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllRead, markChangeRead } from "./actions";

export function ReadButton({ changeId, title }: { changeId?: string; title?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const click = () =>
    start(async () => {
      const r = await (changeId ? markChangeRead({ changeId }) : markAllRead({})).catch(() => null);
      if (!r || !r.ok) return setError(r?.error ?? "Dat lukte niet: er is geen verbinding. Probeer het opnieuw.");
      setError(null);
      router.refresh();
    });
  return (
    <span className="change-read">
      <button
        type="button"
        className={changeId ? "btn btn-secondary btn-small" : "btn btn-small"}
        disabled={pending}
        onClick={click}
        aria-label={changeId && title ? `Markeer als gelezen: ${title}` : undefined}
      >
        {changeId ? "Gelezen" : "Alles gelezen"}
      </button>
      <span aria-live="assertive">{error && <span className="field-error">{error}</span>}</span>
    </span>
  );
}
