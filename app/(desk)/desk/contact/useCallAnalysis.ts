"use client";
// Live question analysis, the same as the wizard's (POST /api/v1/triage): debounced on the summary and notes, and it
// proposes the desk and topic until the agent picks them.
import { useEffect, useMemo, useState } from "react";
import type { CallAnalysis, CallerDetails, ContactDesk } from "./contact-model";
import type { ContactDraft, UpdateDraft } from "./useContactDraft";

export function useCallAnalysis({
  draft,
  update,
  who,
  desks,
}: {
  draft: ContactDraft;
  update: UpdateDraft;
  who: CallerDetails;
  desks: ContactDesk[];
}) {
  const [analysis, setAnalysis] = useState<CallAnalysis | null>(null);
  const { summary, notes, deskTouched, topicTouched } = draft;

  useEffect(() => {
    const question = [summary, notes].filter(Boolean).join(". ");
    if (question.trim().length < 10 || !who.callerType) {
      setAnalysis(null);
      return;
    }
    const ctl = new AbortController();
    const id = setTimeout(async () => {
      try {
        const res = await fetch("/api/v1/triage", {
          method: "POST",
          headers: { "content-type": "application/json" },
          signal: ctl.signal,
          body: JSON.stringify({
            callerType: who.callerType,
            sector: who.sector || undefined,
            question: question.slice(0, 2000),
          }),
        });
        if (!res.ok) return;
        const t = (await res.json()) as CallAnalysis;
        setAnalysis(t);
        if (!deskTouched && desks.some((d) => d.id === t.desk)) update({ deskId: t.desk });
        if (!topicTouched && t.topic) update({ topic: t.topic });
      } catch {
        // aborted or offline: the analysis is a help, not a requirement
      }
    }, 350);
    return () => {
      clearTimeout(id);
      ctl.abort();
    };
  }, [summary, notes, who.callerType, who.sector, deskTouched, topicTouched, desks, update]);

  // The first three suggested articles: Alt+1..3 link them.
  const suggestions = useMemo(() => analysis?.suggestions.slice(0, 3) ?? [], [analysis]);
  return { analysis, suggestions, clearAnalysis: () => setAnalysis(null) };
}
