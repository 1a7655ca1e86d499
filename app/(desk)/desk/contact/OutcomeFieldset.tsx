"use client";
// "Uitkomst": the outcome of the call and the fields that outcome needs (answer and linked articles, callback
// deadline and who calls back, confirmation mail, transfer reason, the existing ticket's reference).
import { DESK_NAMES, OUTCOMES, type ContactDesk } from "./contact-model";
import type { ContactFieldErrors } from "./field-errors";
import type { ContactDraft, UpdateDraft } from "./useContactDraft";

type OutcomeProps = {
  draft: ContactDraft;
  update: UpdateDraft;
  fieldErrors: ContactFieldErrors;
};

export function OutcomeFieldset({
  draft,
  update,
  desk,
  linked,
  fieldErrors,
}: OutcomeProps & { desk: ContactDesk | undefined; linked: string[] }) {
  const { err } = fieldErrors;
  const fields = { draft, update, fieldErrors };
  return (
    <fieldset className="outcomes">
      <legend>Uitkomst</legend>
      {OUTCOMES.map((o) => (
        <div key={o.id} className="radio">
          <input
            type="radio"
            id={`o-${o.id}`}
            name="outcome"
            value={o.id}
            checked={draft.outcome === o.id}
            onChange={() => update({ outcome: o.id })}
          />
          <label htmlFor={`o-${o.id}`}>
            {o.label} <span className="muted">— {o.hint}</span>
          </label>
        </div>
      ))}
      {err("outcome")}
      {draft.outcome === "answered" && <AnswerFields {...fields} linked={linked} />}
      {draft.outcome === "callback" && <CallbackFields {...fields} desk={desk} />}
      {draft.outcome === "followup" && <FollowUpFields {...fields} />}
      {draft.outcome === "transferred" && <TransferFields {...fields} />}
      {draft.outcome === "added" && <ExistingTicketFields {...fields} />}
      {draft.outcome === "out_of_scope" && (
        <p className="muted">Alleen de samenvatting wordt bewaard, voor de rapportages. Typ geen persoonsgegevens.</p>
      )}
    </fieldset>
  );
}

function AnswerFields({
  draft,
  update,
  fieldErrors: { err, describedBy },
  linked,
}: OutcomeProps & { linked: string[] }) {
  return (
    <div className="field">
      <label htmlFor="c-answer">Antwoord (optioneel)</label>
      <textarea
        id="c-answer"
        rows={3}
        value={draft.answer}
        onChange={(e) => update({ answer: e.target.value })}
        aria-describedby={describedBy("answer")}
      />
      {err("answer")}
      {linked.length > 0 && <p data-linked>Gekoppeld: {linked.join(", ")}</p>}
      {err("articleSlugs")}
    </div>
  );
}

function CallbackFields({
  draft,
  update,
  fieldErrors: { err, describedBy },
  desk,
}: OutcomeProps & { desk: ContactDesk | undefined }) {
  return (
    <div className="filter-grid">
      <div className="field">
        <label htmlFor="c-due">Terugbellen vóór</label>
        <input
          id="c-due"
          type="datetime-local"
          value={draft.callbackDue}
          onChange={(e) => update({ callbackDue: e.target.value })}
          aria-describedby={describedBy("callbackDueAt")}
        />
        {err("callbackDueAt")}
      </div>
      <div className="field">
        <label htmlFor="c-assignee">Wie belt terug?</label>
        <select
          id="c-assignee"
          value={draft.callbackAssignee}
          onChange={(e) => update({ callbackAssignee: e.target.value })}
          aria-describedby={describedBy("callbackAssigneeId")}
        >
          <option value="">De helpdesk</option>
          {desk?.colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {err("callbackAssigneeId")}
      </div>
    </div>
  );
}

function FollowUpFields({ draft, update, fieldErrors: { err, describedBy } }: OutcomeProps) {
  return (
    <div className="field checkbox">
      <input
        id="c-confirm"
        type="checkbox"
        checked={draft.confirmMail}
        onChange={(e) => update({ confirmMail: e.target.checked })}
        aria-describedby={describedBy("caller.email")}
      />
      <label htmlFor="c-confirm">De beller wil een bevestiging per e-mail</label>
      {err("caller.email")}
    </div>
  );
}

function TransferFields({ draft, update, fieldErrors: { err, describedBy } }: OutcomeProps) {
  return (
    <div className="field">
      <label htmlFor="c-reason">Waarom naar {DESK_NAMES[draft.deskId === "po" ? "vo-mbo" : "po"]}?</label>
      <input
        id="c-reason"
        value={draft.reason}
        onChange={(e) => update({ reason: e.target.value })}
        aria-describedby={describedBy("reason")}
      />
      {err("reason")}
    </div>
  );
}

function ExistingTicketFields({ draft, update, fieldErrors: { err, describedBy } }: OutcomeProps) {
  return (
    <div className="field">
      <label htmlFor="c-reference">Kenmerk van de vraag</label>
      <input
        id="c-reference"
        value={draft.reference}
        onChange={(e) => update({ reference: e.target.value })}
        placeholder="PO-2026-000123"
        aria-describedby={describedBy("reference")}
      />
      {err("reference")}
    </div>
  );
}
