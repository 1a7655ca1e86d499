"use client";
// Keyboard work in the queue: j/k move through the list, Enter or o opens, / goes to the search field. Keys are
// ignored while typing in a field. The selection is announced in an aria-live region, and the list order is kept
// in sessionStorage so j/k on a ticket page go to the next or previous ticket of this list.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export const QUEUE_STORAGE_KEY = "desk-queue-v1";

/** True when the key press happens in a text field, select or the editor: shortcuts must not fire there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== "function") return false;
  return !!el.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='textbox']");
}

export function QueueKeyboard() {
  const router = useRouter();
  const [announce, setAnnounce] = useState("");
  const index = useRef(-1);

  useEffect(() => {
    const rows = () => Array.from(document.querySelectorAll<HTMLElement>("[data-ticket-row]"));
    try {
      sessionStorage.setItem(
        QUEUE_STORAGE_KEY,
        JSON.stringify({ refs: rows().map((r) => r.dataset.reference), url: location.pathname + location.search }),
      );
    } catch {}
    const select = (i: number) => {
      const list = rows();
      if (!list.length) return setAnnounce("Er staan geen vragen in deze lijst.");
      const next = Math.max(0, Math.min(list.length - 1, i));
      list.forEach((r, k) => r.classList.toggle("is-selected", k === next));
      index.current = next;
      const row = list[next]!;
      row.querySelector<HTMLAnchorElement>("a")?.focus();
      row.scrollIntoView({ block: "nearest" });
      setAnnounce(`Vraag ${next + 1} van ${list.length}: ${row.dataset.reference}, ${row.dataset.subject ?? ""}`);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const list = rows();
      if (index.current < 0) {
        const focused = list.findIndex((r) => r.contains(document.activeElement));
        if (focused >= 0) index.current = focused;
      }
      if (e.key === "j") {
        e.preventDefault();
        select(index.current + 1);
      } else if (e.key === "k") {
        e.preventDefault();
        select(index.current < 0 ? 0 : index.current - 1);
      } else if ((e.key === "o" || (e.key === "Enter" && e.target === document.body)) && index.current >= 0) {
        e.preventDefault();
        const ref = list[index.current]?.dataset.reference;
        if (ref) router.push(`/desk/tickets/${ref}`);
      } else if (e.key === "/") {
        const q = document.getElementById("desk-q");
        if (q) {
          e.preventDefault();
          q.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router]);

  return (
    <p className="visually-hidden" aria-live="polite" role="status">
      {announce}
    </p>
  );
}
