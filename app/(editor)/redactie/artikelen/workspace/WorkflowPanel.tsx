// The "Status" card beside the text: where the article stands, the note for the next step and the step buttons.
import Link from "next/link";
import type { ArticleState } from "../../actions";
import { dateTime, STATUS_LABELS } from "./shared";
import type { WorkflowSteps } from "./useWorkflowSteps";

export function WorkflowPanel({
  uid,
  state,
  working,
  currentUserId,
  steps,
}: {
  uid: string;
  state: ArticleState | null;
  working: string;
  currentUserId: string;
  steps: WorkflowSteps;
}) {
  const articleId = state?.articleId ?? null;
  const live = state?.liveSlug ?? null;
  const isSubmitter = !!state && state.submittedById === currentUserId && working === "in_review";
  const { busy, note, setNote, noteError, publishAt, setPublishAt, workflowMsg } = steps;
  return (
    <section className="card" aria-labelledby={`${uid}-wf`}>
      <h2 id={`${uid}-wf`}>Status</h2>
      <p>
        <span className={`status art-${state ? working : "draft"}`}>
          {state ? STATUS_LABELS[working] : "Nieuw, nog niet opgeslagen"}
        </span>
        {state && state.status === "published" && working !== "published" && (
          <>
            {" "}
            <span className="tag">online staat de vorige versie</span>
          </>
        )}
      </p>
      {live && (
        <p>
          Online: <Link href={`/artikelen/${live}`}>/artikelen/{live}</Link>
        </p>
      )}
      {working === "in_review" && state?.submittedBy && <p>Aangeboden door {state.submittedBy}.</p>}
      {working === "scheduled" && state?.scheduledAt && <p>Wordt gepubliceerd op {dateTime(state.scheduledAt)}.</p>}
      {state?.status === "published" && working === "draft" && (
        <p className="hint">De online versie blijft staan tot een andere redacteur uw wijziging goedkeurt.</p>
      )}

      {articleId && working !== "archived" && (
        <div className="field">
          <label htmlFor={`${uid}-note`}>Notitie bij de volgende stap</label>
          <span className="hint" id={`${uid}-note-hint`}>
            Bijvoorbeeld wat u hebt veranderd, of wat er beter moet.
          </span>
          <textarea
            id={`${uid}-note`}
            rows={2}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={!!noteError}
            aria-describedby={`${uid}-note-hint${noteError ? ` ${uid}-note-error` : ""}`}
          />
          {noteError && (
            <p id={`${uid}-note-error`} className="field-error">
              {noteError}
            </p>
          )}
        </div>
      )}

      <div className="workflow-buttons">
        {articleId && working === "draft" && (
          <button type="button" className="btn" disabled={busy} onClick={steps.onSubmitForReview}>
            Ter beoordeling aanbieden
          </button>
        )}
        {articleId && working === "in_review" && state?.canApprove && (
          <>
            <ChangeNoteFields uid={uid} steps={steps} />
            <button type="button" className="btn" disabled={busy} onClick={() => steps.onApprove(false)}>
              Goedkeuren en publiceren
            </button>
            <div className="field">
              <label htmlFor={`${uid}-at`}>Of publiceren op</label>
              <input
                id={`${uid}-at`}
                type="datetime-local"
                value={publishAt}
                onChange={(e) => setPublishAt(e.target.value)}
              />
            </div>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => steps.onApprove(true)}>
              Goedkeuren en inplannen
            </button>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => steps.onReject(false)}>
              Terugsturen naar de schrijver
            </button>
          </>
        )}
        {articleId && working === "in_review" && !state?.canApprove && (
          <>
            <p className="alert alert-warning four-eyes">
              {isSubmitter
                ? "U hebt dit artikel zelf aangeboden. Een andere redacteur of een beheerder moet het goedkeuren (vier ogen)."
                : state?.wroteIt
                  ? "U hebt aan deze versie meegeschreven. Een redacteur of beheerder die er niet aan schreef, moet het goedkeuren (vier ogen)."
                  : "Dit artikel wacht op goedkeuring door een andere redacteur."}
            </p>
            {isSubmitter && (
              <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => steps.onReject(true)}>
                Aanbieding intrekken
              </button>
            )}
          </>
        )}
        {articleId && working === "scheduled" && (
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => steps.onReject(false)}>
            Inplanning intrekken
          </button>
        )}
        {articleId && working !== "archived" && (
          <button type="button" className="btn btn-secondary btn-archive" disabled={busy} onClick={steps.onArchive}>
            {state?.status === "published" ? "Offline halen (archiveren)" : "Archiveren"}
          </button>
        )}
        {!articleId && <p className="hint">Sla het artikel eerst op. Daarna kunt u het laten beoordelen.</p>}
      </div>
      <div aria-live="polite">
        {workflowMsg && <p className={`alert alert-${workflowMsg.kind}`}>{workflowMsg.text}</p>}
      </div>
    </section>
  );
}

/** When approving: what the public reads on "Wat is er veranderd" and what the desk reads on /desk/wijzigingen. */
function ChangeNoteFields({ uid, steps }: { uid: string; steps: WorkflowSteps }) {
  const { changeSummary, setChangeSummary, deskNote, setDeskNote, changeErrors } = steps;
  const field = (
    id: "summary" | "desknote",
    label: string,
    hint: string,
    value: string,
    set: (v: string) => void,
    error: string | undefined,
    max: number,
  ) => (
    <div className="field">
      <label htmlFor={`${uid}-${id}`}>{label}</label>
      <span className="hint" id={`${uid}-${id}-hint`}>
        {hint}
      </span>
      <textarea
        id={`${uid}-${id}`}
        rows={2}
        value={value}
        maxLength={max}
        onChange={(e) => set(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={`${uid}-${id}-hint${error ? ` ${uid}-${id}-error` : ""}`}
      />
      {error && (
        <p id={`${uid}-${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
  return (
    <fieldset className="change-note">
      <legend>Wat is er veranderd?</legend>
      {field(
        "summary",
        "Samenvatting van de wijziging (openbaar)",
        "Eén zin voor de website, bijvoorbeeld: De termijn is nu 8 weken. Leeg laten mag: dan noemen wij de velden die veranderd zijn.",
        changeSummary,
        setChangeSummary,
        changeErrors.changeSummary,
        300,
      )}
      {field(
        "desknote",
        "Wat betekent dit voor de desk? (alleen voor medewerkers)",
        "Bijvoorbeeld wat medewerkers aan de telefoon anders zeggen. Mag leeg blijven.",
        deskNote,
        setDeskNote,
        changeErrors.deskNote,
        500,
      )}
    </fieldset>
  );
}
