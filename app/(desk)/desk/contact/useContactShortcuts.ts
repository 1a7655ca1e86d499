"use client";
// Screen-wide keys: Ctrl/Cmd+Enter saves, Alt+1..3 links the nth suggested article, Alt+N starts a new caller.
// Off once the contact is saved. Re-bound on every render so the handlers see the current form.
import { useEffect } from "react";

export function useContactShortcuts(opts: {
  enabled: boolean;
  save: () => Promise<void>;
  suggestions: { slug: string }[];
  toggleLink: (slug: string) => void;
  startNewCaller: () => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!opts.enabled) return;
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void opts.save();
      } else if (e.altKey && /^[1-3]$/.test(e.key)) {
        const s = opts.suggestions[Number(e.key) - 1];
        if (s) {
          e.preventDefault();
          opts.toggleLink(s.slug);
        }
      } else if (e.altKey && (e.key === "n" || e.key === "N")) {
        e.preventDefault();
        opts.startNewCaller();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
}
