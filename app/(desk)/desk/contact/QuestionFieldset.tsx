"use client";
// "Wat vraagt de beller?": summary, notes, desk and topic. Choosing a desk or topic stops the analysis changing it.
import type { RefObject } from "react";
import type { ContactDesk } from "./contact-model";
import type { ContactFieldErrors } from "./field-errors";
import type { ContactDraft, UpdateDraft } from "./useContactDraft";

export function QuestionFieldset({
  draft,
  update,
  desks,
  topics,
  summaryRef,
  fieldErrors: { err, describedBy },
}: {
  draft: ContactDraft;
  update: UpdateDraft;
  desks: ContactDesk[];
  topics: { id: string; label: string }[];
  summaryRef: RefObject<HTMLInputElement | null>;
  fieldErrors: ContactFieldErrors;
}) {
  return (
    <fieldset>
      <legend>Wat vraagt de beller?</legend>
      <div className="field">
        <label htmlFor="c-summary">Korte samenvatting</label>
        <input
          id="c-summary"
          ref={summaryRef}
          value={draft.summary}
          onChange={(e) => update({ summary: e.target.value })}
          maxLength={200}
          aria-describedby={describedBy("summary")}
        />
        {err("summary")}
      </div>
      <div className="field">
        <label htmlFor="c-notes">Notities</label>
        <textarea
          id="c-notes"
          rows={3}
          value={draft.notes}
          onChange={(e) => update({ notes: e.target.value })}
          aria-describedby={describedBy("notes")}
        />
        {err("notes")}
      </div>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="c-desk">Helpdesk</label>
          <select
            id="c-desk"
            value={draft.deskId}
            onChange={(e) => update({ deskId: e.target.value, deskTouched: true })}
          >
            {desks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-topic">Onderwerp</label>
          <select
            id="c-topic"
            value={draft.topic}
            onChange={(e) => update({ topic: e.target.value, topicTouched: true })}
          >
            <option value="">Nog niet bekend</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
