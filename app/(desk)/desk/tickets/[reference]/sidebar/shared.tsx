"use client";
// Pieces every card of the ticket sidebar shares: the card frame, the field error, and the runner that calls a
// server action, announces the outcome in the sidebar's one status region and reloads the page's data.
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";

/** What a sidebar action reports back: success, or the error for the field and the announcement. */
export type ActionOutcome = { ok: true } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** Runs a server action and returns its outcome without the payload (the sidebar only needs ok or the errors). */
export type RunAction = (fn: () => Promise<ActionOutcome>, announceOnSuccess: string) => Promise<ActionOutcome>;

/** Drops an action result's payload, keeping its errors. */
export const withoutData = <T,>(
  x: { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string> },
): ActionOutcome => (x.ok ? { ok: true } : x);

/** Runs an action, announces the outcome and reloads the data; returns the error (if any) for the field. */
export function useActionRunner() {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState("");
  const run: RunAction = async (fn, announceOnSuccess) => {
    const r = await fn();
    if (r.ok) {
      setAnnouncement(announceOnSuccess);
      router.refresh();
    } else setAnnouncement(r.error);
    return r;
  };
  return { run, announcement, router };
}

export function SideCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="card side-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}
