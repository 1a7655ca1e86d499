"use client";
// What the agent fills in about the call besides the caller: the question, desk and topic (the analysis may fill
// these until the agent chooses), the outcome and its fields, and the linked articles.
import { useCallback, useState } from "react";
import { articlePreviewAction } from "./actions";
import { toLocalInput, type ContactScreenProps, type Outcome } from "./contact-model";

export type ContactDraft = {
  summary: string;
  notes: string;
  answer: string;
  deskId: string;
  /** The agent chose the desk: the analysis no longer changes it. */
  deskTouched: boolean;
  topic: string;
  /** The agent chose the topic: the analysis no longer changes it. */
  topicTouched: boolean;
  outcome: Outcome;
  reference: string;
  callbackDue: string;
  callbackAssignee: string;
  confirmMail: boolean;
  reason: string;
};

export type UpdateDraft = (patch: Partial<ContactDraft>) => void;

function initialDraft(props: ContactScreenProps): ContactDraft {
  const deskId = props.prefillDesk ?? props.desks[0]?.id ?? "po";
  const desk = props.desks.find((d) => d.id === deskId) ?? props.desks[0];
  return {
    summary: "",
    notes: "",
    answer: "",
    deskId,
    deskTouched: !!props.prefillDesk,
    topic: "",
    topicTouched: false,
    outcome: props.prefillReference ? "added" : "answered",
    reference: props.prefillReference ?? "",
    callbackDue: toLocalInput(desk?.defaultCallbackDue ?? new Date().toISOString()),
    callbackAssignee: "",
    confirmMail: false,
    reason: "",
  };
}

export function useContactDraft(props: ContactScreenProps) {
  const [draft, setDraft] = useState(() => initialDraft(props));
  const update: UpdateDraft = useCallback((patch) => setDraft((d) => ({ ...d, ...patch })), []);
  /** For the next contact: the question and outcome are emptied; desk, topic and callback settings stay. */
  const clearDraft = () =>
    update({
      summary: "",
      notes: "",
      answer: "",
      outcome: "answered",
      reference: "",
      reason: "",
      confirmMail: false,
      deskTouched: false,
      topicTouched: false,
    });
  return { draft, update, clearDraft };
}

/** The articles linked to the answer (at most 5) and the one shown in the preview. */
export function useLinkedArticles() {
  const [linked, setLinked] = useState<string[]>([]);
  const [previewed, setPreviewed] = useState<ArticlePreview | null>(null);
  const toggleLink = useCallback(
    (slug: string) => setLinked((l) => (l.includes(slug) ? l.filter((s) => s !== slug) : [...l, slug].slice(0, 5))),
    [],
  );
  const openPreview = async (slug: string) => {
    const r = await articlePreviewAction({ slug });
    if (r.ok && r.data) setPreviewed(r.data);
  };
  const clearArticles = () => {
    setLinked([]);
    setPreviewed(null);
  };
  return { linked, toggleLink, previewed, openPreview, closePreview: () => setPreviewed(null), clearArticles };
}

export type ArticlePreview = { slug: string; title: string; summary: string };
export type LinkedArticles = ReturnType<typeof useLinkedArticles>;
