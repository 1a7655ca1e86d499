"use client";
// Step 2 of the wizard: articles that may already answer the question, each with why it is suggested.
export type SuggestedArticle = { slug: string; title: string; reason?: string };

export function SuggestedArticles({
  suggestions,
  onOpen,
  onAnswered,
}: {
  suggestions: SuggestedArticle[];
  onOpen: () => void;
  onAnswered: () => void;
}) {
  if (suggestions.length === 0) return null;
  return (
    <div className="card">
      <h3 id="suggestions-title">Misschien staat uw antwoord hier al</h3>
      <ul>
        {suggestions.map((s) => (
          <li key={s.slug}>
            <a
              href={`/artikelen/${s.slug}`}
              target="_blank"
              rel="noopener"
              onClick={onOpen}
              aria-describedby={s.reason ? `why-${s.slug}` : undefined}
            >
              {s.title} <span className="visually-hidden">(opent in een nieuw tabblad)</span>
            </a>
            {s.reason && (
              <p
                id={`why-${s.slug}`}
                className="muted suggestion-reason"
                style={{ margin: "0.15rem 0 0", fontSize: "0.9rem" }}
              >
                {s.reason}
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="muted" style={{ marginBottom: 0 }}>
        Heeft een artikel uw vraag beantwoord? Dan hoeft u niets te versturen.{" "}
        <button type="button" className="linklike" onClick={onAnswered}>
          Mijn vraag is beantwoord
        </button>
      </p>
    </div>
  );
}
