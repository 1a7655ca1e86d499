"use client";
// "Artikel van deze vraag" (issue #19): on a resolved ticket an agent makes an article draft from the question and
// the answer ("Maak artikelconcept"), or links the ticket to a draft a colleague already made on the same topic.
// Editors take it from there (four eyes); the card shows the article and where it is in that workflow.
import { useState } from "react";
import { articleDraftAction, linkArticleDraftAction } from "../../../actions";
import { FieldError, SideCard, withoutData, type RunAction } from "./shared";

export type DraftArticle = { id: string; title: string; slug: string; status: string; workingStatus: string };

const WORKING_LABEL: Record<string, string> = {
  draft: "concept",
  in_review: "wacht op beoordeling",
  scheduled: "ingepland",
  published: "gepubliceerd",
  archived: "gearchiveerd",
};

export function ArticleDraftCard(p: {
  reference: string;
  resolved: boolean;
  isEditor: boolean;
  linked: DraftArticle[];
  joinable: DraftArticle[];
  run: RunAction;
}) {
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState("");
  const [busy, setBusy] = useState(false);
  const go = async (fn: () => Promise<{ ok: boolean; error?: string }>) => {
    setBusy(true);
    const r = await fn();
    setBusy(false);
    setError(r.ok ? null : (r.error ?? null));
  };

  return (
    <SideCard title="Artikel van deze vraag" id="article-draft-title">
      {p.linked.length > 0 ? (
        <ul className="plain-list" data-testid="ticket-articles">
          {p.linked.map((a) => (
            <li key={a.id}>
              {p.isEditor ? <a href={`/redactie/artikelen/${a.id}`}>{a.title}</a> : <strong>{a.title}</strong>} (
              {WORKING_LABEL[a.workingStatus] ?? a.workingStatus})
              {a.status === "published" && (
                <>
                  {" "}
                  · <a href={`/artikelen/${a.slug}`}>bekijk artikel</a>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : !p.resolved ? (
        <p className="muted">Is de vraag opgelost? Dan kunt u er een artikelconcept van maken voor de redactie.</p>
      ) : (
        <>
          <p className="muted">
            Maak van de vraag en uw antwoord een concept voor de redactie. Namen, e-mailadressen, telefoonnummers en
            BSN&apos;s halen wij eruit. Controleer het concept daarna wel.
          </p>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={busy}
            aria-describedby={error ? "article-draft-error" : undefined}
            onClick={() =>
              go(() =>
                p.run(
                  async () => withoutData(await articleDraftAction({ reference: p.reference })),
                  "Het artikelconcept is gemaakt.",
                ),
              )
            }
          >
            Maak artikelconcept
          </button>
          {p.joinable.length > 0 && (
            <form
              className="stack-sm"
              onSubmit={(e) => {
                e.preventDefault();
                void go(() =>
                  p.run(
                    async () =>
                      withoutData(await linkArticleDraftAction({ reference: p.reference, articleId: choice })),
                    "De vraag is aan het concept gekoppeld.",
                  ),
                );
              }}
            >
              <label htmlFor="article-draft-choice">Of koppel aan een bestaand concept</label>
              <select id="article-draft-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="">Kies een concept</option>
                {p.joinable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn btn-secondary" disabled={busy}>
                Koppel
              </button>
            </form>
          )}
          <FieldError id="article-draft-error" error={error} />
        </>
      )}
    </SideCard>
  );
}
