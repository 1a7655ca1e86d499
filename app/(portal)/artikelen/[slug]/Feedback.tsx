"use client";
import { useState, useTransition } from "react";
import { sendFeedback } from "./actions";

/** "Was dit artikel nuttig?" — yes/no, then an optional comment. */
export function Feedback({ slug }: { slug: string }) {
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [comment, setComment] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (helpful === null) return;
    start(async () => {
      const r = await sendFeedback({ slug, helpful, comment });
      if (r.ok) {
        setDone(true);
        setError(null);
      } else setError(r.fieldErrors.comment ?? r.error);
    });
  };

  if (done)
    return (
      <div className="alert alert-success" role="status">
        <p>Bedankt voor uw reactie. Wij gebruiken die om onze antwoorden te verbeteren.</p>
      </div>
    );
  return (
    <form onSubmit={submit} className="aside-box" aria-labelledby="feedback-title">
      <h2 id="feedback-title">Was dit artikel nuttig?</h2>
      <div className="btn-row" style={{ marginTop: 0 }} role="group" aria-label="Was dit artikel nuttig?">
        <button
          type="button"
          className={`btn ${helpful === true ? "" : "btn-secondary"}`}
          aria-pressed={helpful === true}
          onClick={() => setHelpful(true)}
        >
          Ja
        </button>
        <button
          type="button"
          className={`btn ${helpful === false ? "" : "btn-secondary"}`}
          aria-pressed={helpful === false}
          onClick={() => setHelpful(false)}
        >
          Nee
        </button>
      </div>
      {helpful !== null && (
        <>
          <div className="field" style={{ marginTop: "1rem" }}>
            <label htmlFor="feedback-comment">
              {helpful ? "Wilt u nog iets kwijt? (niet verplicht)" : "Wat miste u? (niet verplicht)"}
            </label>
            <span className="hint" id="feedback-hint">
              Zet er geen namen of nummers van leerlingen in. Wij kunnen niet reageren op deze opmerking.
            </span>
            <textarea
              id="feedback-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={1000}
              style={{ minHeight: "5rem" }}
              aria-describedby={`feedback-hint${error ? " feedback-error" : ""}`}
              aria-invalid={error ? true : undefined}
            />
            <div aria-live="assertive">
              {error && (
                <p id="feedback-error" className="field-error">
                  {error}
                </p>
              )}
            </div>
          </div>
          <button type="submit" className="btn" disabled={pending}>
            Versturen
          </button>
        </>
      )}
    </form>
  );
}
