"use client";
// Restores an old revision as a new draft and opens it in the editor.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreArticleRevision } from "../../../actions";

/** "Terugzetten" for one revision row. */
export function RestoreButton({
  articleId,
  revision,
  baseRevision,
}: {
  articleId: string;
  revision: number;
  baseRevision: number;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await restoreArticleRevision({ articleId, revision, baseRevision });
      if (!r.ok) setError(r.error);
      else if (r.data.conflict !== undefined) setError(r.data.conflict);
      else router.push(`/redactie/artikelen/${articleId}?teruggezet=${revision}`);
    } catch {
      setError("Terugzetten is niet gelukt: er is geen verbinding. Probeer het opnieuw.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small btn-secondary" disabled={busy} onClick={restore}>
        Versie {revision} terugzetten
      </button>
      <span aria-live="polite">{error && <span className="field-error">{error}</span>}</span>
    </>
  );
}
