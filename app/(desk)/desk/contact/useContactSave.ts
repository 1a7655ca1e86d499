"use client";
// Saving the contact: builds what logContactAction gets (only the fields the chosen outcome uses), keeps the result
// or the per-field errors, and moves focus to the status region so both are announced.
import { useState, type RefObject } from "react";
import { logContactAction } from "./actions";
import type { CallerDetails } from "./contact-model";
import type { FieldErrors } from "./field-errors";
import type { ContactDraft } from "./useContactDraft";

/** The action's input: the fields of other outcomes are sent empty, the caller only when the outcome needs one. */
export function contactPayload(opts: {
  startedAt: number;
  draft: ContactDraft;
  linked: string[];
  caller: CallerDetails | undefined;
}) {
  const { draft: d, linked } = opts;
  const needsCaller = d.outcome !== "out_of_scope" && d.outcome !== "added";
  return {
    startedAt: new Date(opts.startedAt).toISOString(),
    outcome: d.outcome,
    deskId: d.deskId,
    summary: d.summary,
    notes: d.notes,
    topic: d.topic,
    answer: d.outcome === "answered" ? d.answer : "",
    articleSlugs: d.outcome === "answered" ? linked : [],
    caller: needsCaller ? opts.caller : undefined,
    reference: d.outcome === "added" ? d.reference : "",
    callbackDueAt: d.outcome === "callback" && d.callbackDue ? new Date(d.callbackDue).toISOString() : undefined,
    callbackAssigneeId: d.outcome === "callback" ? d.callbackAssignee : "",
    confirmMail: d.outcome === "followup" ? d.confirmMail : false,
    reason: d.outcome === "transferred" ? d.reason : "",
  };
}

export function useContactSave(statusRef: RefObject<HTMLDivElement | null>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ reference: string | null; outcome: string } | null>(null);

  const save = async (payload: () => ReturnType<typeof contactPayload>) => {
    if (saving) return;
    setSaving(true);
    setError(null);
    const r = await logContactAction(payload());
    setSaving(false);
    if (r.ok) {
      setDone(r.data);
      setErrors({});
    } else {
      setErrors(r.fieldErrors);
      setError(r.error);
    }
    setTimeout(() => statusRef.current?.focus(), 0);
  };

  const clearResult = () => {
    setErrors({});
    setError(null);
    setDone(null);
  };

  return { save, saving, errors, error, done, clearResult };
}
