"use client";
// Finds published articles by a search and hands the picked one back (the reply links to it).
import { useId, useState } from "react";
import { findArticlesAction } from "../../../actions";

export function ArticleFinder({ onPick }: { onPick: (a: { slug: string; title: string }) => void }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<{ slug: string; title: string; summary: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const find = async () => {
    setBusy(true);
    setError(null);
    const r = await findArticlesAction({ q });
    setBusy(false);
    if (!r.ok) {
      setHits(null);
      return setError(r.fieldErrors.q ?? r.error);
    }
    setHits(r.data);
  };
  return (
    <div className="article-finder">
      <div className="field inline-field">
        <label htmlFor={`${id}-q`}>Artikel zoeken om te linken</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-err` : undefined}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), void find())}
        />
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void find()} disabled={busy}>
          Zoeken
        </button>
      </div>
      {error && (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {hits && hits.length === 0 && <p className="muted">Geen artikelen gevonden.</p>}
        {hits && hits.length > 0 && (
          <ul className="plain-list article-hits" aria-label="Gevonden artikelen">
            {hits.map((h) => (
              <li key={h.slug}>
                <span className="block">
                  <strong>{h.title}</strong>
                </span>
                <span className="muted block">{h.summary}</span>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => onPick(h)}
                  aria-label={`Link naar ‘${h.title}’ invoegen`}
                >
                  Link invoegen
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
