"use client";
// The ticket's keyboard shortcuts, never while typing in a field or the editor: r reply, n note, e resolve,
// j / k the next / previous ticket of the queue the agent last looked at (kept in sessionStorage by the queue).
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { isTypingTarget, QUEUE_STORAGE_KEY } from "../../../QueueKeyboard";

export function useTicketShortcuts(opts: {
  reference: string;
  startWriting: (kind: "reply" | "note") => void;
  resolve: () => Promise<void>;
  announce: (message: string) => void;
}) {
  const router = useRouter();
  const { reference, startWriting, resolve, announce } = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === "r" || e.key === "n") {
        e.preventDefault();
        startWriting(e.key === "r" ? "reply" : "note");
      } else if (e.key === "e") {
        e.preventDefault();
        void resolve();
      } else if (e.key === "j" || e.key === "k") {
        const refs = lastQueueRefs();
        const i = refs.indexOf(reference);
        const next = i < 0 ? undefined : refs[e.key === "j" ? i + 1 : i - 1];
        e.preventDefault();
        if (next) {
          announce(`Naar vraag ${next}.`);
          router.push(`/desk/tickets/${next}`);
        } else
          announce(
            i < 0
              ? "Deze vraag staat niet in uw laatst bekeken lijst."
              : e.key === "j"
                ? "Dit is de laatste vraag van de lijst."
                : "Dit is de eerste vraag van de lijst.",
          );
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [reference, router, startWriting, resolve, announce]);
}

/** The references of the queue the agent last looked at, in its order (empty when unknown). */
function lastQueueRefs(): string[] {
  try {
    return (JSON.parse(sessionStorage.getItem(QUEUE_STORAGE_KEY) ?? "null") as { refs?: string[] } | null)?.refs ?? [];
  } catch {
    return [];
  }
}
