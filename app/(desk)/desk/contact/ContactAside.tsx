"use client";
// The side column of the contact screen: the live question analysis with suggested articles (link with Alt+1..3),
// the preview of an article, and the calls announced in the last minutes.
import { DESK_NAMES, type CallAnalysis, type ContactScreenProps } from "./contact-model";
import type { LinkedArticles } from "./useContactDraft";

export function ContactAside({
  analysis,
  suggestions,
  articles,
  topics,
  incoming,
}: {
  analysis: CallAnalysis | null;
  suggestions: { slug: string; title: string }[];
  articles: LinkedArticles;
  topics: ContactScreenProps["topics"];
  incoming: ContactScreenProps["incoming"];
}) {
  return (
    <aside className="contact-side" aria-label="Vraaganalyse en artikelen">
      <section aria-labelledby="an-title" aria-live="polite">
        <h2 id="an-title">Vraaganalyse</h2>
        {!analysis ? (
          <p className="muted">Kies de beller en typ de vraag: de analyse verschijnt hier.</p>
        ) : (
          <AnalysisResult analysis={analysis} suggestions={suggestions} articles={articles} topics={topics} />
        )}
      </section>
      {articles.previewed && (
        <section aria-labelledby="pv-title" className="article-preview">
          <h2 id="pv-title">{articles.previewed.title}</h2>
          <p>{articles.previewed.summary}</p>
          <p>
            <a href={`/artikelen/${articles.previewed.slug}`} target="_blank" rel="noreferrer">
              Heel artikel openen (nieuw tabblad)
            </a>
          </p>
          <button type="button" className="btn btn-secondary" onClick={articles.closePreview}>
            Sluiten
          </button>
        </section>
      )}
      <IncomingCalls incoming={incoming} />
    </aside>
  );
}

function AnalysisResult({
  analysis,
  suggestions,
  articles,
  topics,
}: {
  analysis: CallAnalysis;
  suggestions: { slug: string; title: string }[];
  articles: LinkedArticles;
  topics: ContactScreenProps["topics"];
}) {
  return (
    <div data-triage>
      <p>
        Voorstel:{" "}
        <strong data-triage-desk>
          {DESK_NAMES[analysis.desk] ?? (analysis.desk === "out-of-scope" ? "Buiten ons terrein" : "Nog onbekend")}
        </strong>
        {analysis.topic && <> · onderwerp {topics.find((t) => t.id === analysis.topic)?.label ?? analysis.topic}</>}
      </p>
      {analysis.clarify && <p>Vraag na: {analysis.clarify}</p>}
      {analysis.reasons.length > 0 && (
        <ul>
          {analysis.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {analysis.protocolHints.length > 0 && <p>Protocol: {analysis.protocolHints.join(", ")}</p>}
      {suggestions.length > 0 && (
        <>
          <h3>Artikelen</h3>
          <ol className="suggested-articles">
            {suggestions.map((s, i) => (
              <li key={s.slug} data-suggestion={s.slug}>
                <button type="button" className="btn btn-link" onClick={() => void articles.openPreview(s.slug)}>
                  {s.title}
                </button>{" "}
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-pressed={articles.linked.includes(s.slug)}
                  onClick={() => articles.toggleLink(s.slug)}
                >
                  {articles.linked.includes(s.slug) ? "Ontkoppelen" : "Koppelen"} <kbd>Alt+{i + 1}</kbd>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function IncomingCalls({ incoming }: { incoming: ContactScreenProps["incoming"] }) {
  return (
    <section aria-labelledby="in-title">
      <h2 id="in-title">Binnenkomende gesprekken</h2>
      {incoming.length === 0 ? (
        <p className="muted">Geen gesprekken aangemeld in de laatste minuten.</p>
      ) : (
        <ul>
          {incoming.map((c) => (
            <li key={c.id}>
              <a href={`/desk/contact?gesprek=${c.id}`}>{c.number}</a>{" "}
              <span className="muted">
                {new Date(c.at).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" })} ·{" "}
                {DESK_NAMES[c.deskId]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
