"use client";
// The actions on one search of the content-gap report: add it as an "ook gevraagd als" question to an article
// (picked with a typeahead over the titles), or add a synonym group. After success the page reloads: the search
// leaves the open list and shows under "Afgehandeld".
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { addQuestionFromGap, addSynonymFromGap, removeSynonym } from "./actions";

type Errors = Record<string, string>;

/** Capital first letter and a question mark, as an editor would write the caller's question. */
const asQuestion = (q: string) => {
  const t = q.trim();
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : t;
};

export function GapActions({ query, days, datalistId }: { query: string; days: number; datalistId: string }) {
  const router = useRouter();
  const uid = useId();
  const [question, setQuestion] = useState(asQuestion(query));
  const [articleTitle, setArticleTitle] = useState("");
  const [term, setTerm] = useState(query);
  const [others, setOthers] = useState("");
  const [busy, setBusy] = useState<null | "question" | "synonym">(null);
  const [errors, setErrors] = useState<{ question: Errors; synonym: Errors }>({ question: {}, synonym: {} });

  const done = () =>
    router.push(
      `/redactie/hiaten?${new URLSearchParams({ dagen: String(days), afgehandeld: query }).toString()}#gap-handled`,
    );

  const run = async (
    kind: "question" | "synonym",
    fn: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors: Errors }>,
  ) => {
    setBusy(kind);
    setErrors((e) => ({ ...e, [kind]: {} }));
    try {
      const r = await fn();
      if (r.ok) {
        done();
        return;
      }
      setErrors((e) => ({ ...e, [kind]: Object.keys(r.fieldErrors).length ? r.fieldErrors : { _: r.error } }));
    } catch {
      setErrors((e) => ({ ...e, [kind]: { _: "Dat is niet gelukt: er is geen verbinding. Probeer het opnieuw." } }));
    } finally {
      setBusy(null);
    }
  };

  const q = errors.question;
  const s = errors.synonym;
  const qOther = q._ ?? q.normalized;
  const sOther = s._ ?? s.normalized ?? s.terms;
  return (
    <details className="gap-actions">
      <summary>
        Afhandelen<span className="visually-hidden">: ‘{query}’</span>
      </summary>
      <form
        className="gap-form"
        noValidate
        aria-labelledby={`${uid}-qh`}
        onSubmit={(e) => {
          e.preventDefault();
          void run("question", () => addQuestionFromGap({ normalized: query, question, articleTitle }));
        }}
      >
        <h3 id={`${uid}-qh`}>Toevoegen als vraag bij artikel …</h3>
        <p className="hint">
          De zoekfunctie vindt het artikel daarna ook met deze vraag. Een andere redacteur keurt de wijziging goed.
        </p>
        <label htmlFor={`${uid}-q`}>Vraag</label>
        <input
          id={`${uid}-q`}
          type="text"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          aria-invalid={!!q.question}
          aria-describedby={q.question ? `${uid}-q-err` : undefined}
        />
        {q.question && (
          <p id={`${uid}-q-err`} className="field-error">
            {q.question}
          </p>
        )}
        <label htmlFor={`${uid}-a`}>Artikel</label>
        <span className="hint" id={`${uid}-a-hint`}>
          Typ een deel van de titel en kies het artikel.
        </span>
        <input
          id={`${uid}-a`}
          type="text"
          list={datalistId}
          autoComplete="off"
          value={articleTitle}
          onChange={(e) => setArticleTitle(e.target.value)}
          aria-invalid={!!q.articleTitle}
          aria-describedby={`${uid}-a-hint${q.articleTitle ? ` ${uid}-a-err` : ""}`}
        />
        {q.articleTitle && (
          <p id={`${uid}-a-err`} className="field-error">
            {q.articleTitle}
          </p>
        )}
        <button type="submit" className="btn btn-small" disabled={busy !== null}>
          Vraag toevoegen
        </button>
        <div aria-live="polite">{qOther && <p className="alert alert-error">{qOther}</p>}</div>
      </form>
      <form
        className="gap-form"
        noValidate
        aria-labelledby={`${uid}-sh`}
        onSubmit={(e) => {
          e.preventDefault();
          void run("synonym", () => addSynonymFromGap({ normalized: query, term, others }));
        }}
      >
        <h3 id={`${uid}-sh`}>Synoniem toevoegen …</h3>
        <p className="hint">
          Voor een woord dat bezoekers gebruiken en dat in de artikelen anders heet. Het werkt meteen in de zoekfunctie.
        </p>
        <label htmlFor={`${uid}-t`}>Woord van de bezoeker</label>
        <input
          id={`${uid}-t`}
          type="text"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          aria-invalid={!!s.term}
          aria-describedby={s.term ? `${uid}-t-err` : undefined}
        />
        {s.term && (
          <p id={`${uid}-t-err`} className="field-error">
            {s.term}
          </p>
        )}
        <label htmlFor={`${uid}-o`}>Betekent hetzelfde als</label>
        <span className="hint" id={`${uid}-o-hint`}>
          Het woord uit de artikelen. Meer woorden? Zet er een komma tussen.
        </span>
        <input
          id={`${uid}-o`}
          type="text"
          value={others}
          onChange={(e) => setOthers(e.target.value)}
          aria-invalid={!!s.others}
          aria-describedby={`${uid}-o-hint${s.others ? ` ${uid}-o-err` : ""}`}
        />
        {s.others && (
          <p id={`${uid}-o-err`} className="field-error">
            {s.others}
          </p>
        )}
        <button type="submit" className="btn btn-small btn-secondary" disabled={busy !== null}>
          Synoniem toevoegen
        </button>
        <div aria-live="polite">{sOther && <p className="alert alert-error">{sOther}</p>}</div>
      </form>
    </details>
  );
}

/** "Verwijderen" for one editor synonym group. */
export function RemoveSynonymButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const r = await removeSynonym({ id });
            if (!r.ok) setError(r.error);
            else router.refresh();
          } catch {
            setError("Verwijderen is niet gelukt: er is geen verbinding. Probeer het opnieuw.");
          } finally {
            setBusy(false);
          }
        }}
      >
        Verwijderen<span className="visually-hidden">: {label}</span>
      </button>
      <span aria-live="polite">{error && <span className="field-error">{error}</span>}</span>
    </>
  );
}
