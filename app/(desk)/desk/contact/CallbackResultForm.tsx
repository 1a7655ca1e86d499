"use client";
// The contact screen opened for a callback (?terugbellen=<id>): who to call, and a form for the call's result.
import Link from "next/link";
import { useRef, useState } from "react";
import { completeCallbackAction } from "./actions";
import type { OpenCallback } from "./contact-model";
import { contactFieldErrors, type FieldErrors } from "./field-errors";

export function CallbackResultForm({ callback: cb }: { callback: OpenCallback }) {
  const [cbResult, setCbResult] = useState("");
  const [cbResolve, setCbResolve] = useState(false);
  const [cbDone, setCbDone] = useState<{ reference: string; onTime: boolean } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const { err, describedBy } = contactFieldErrors(errors);

  return (
    <section aria-labelledby="cb-title" className="contact-screen">
      <h1 id="cb-title">Terugbellen</h1>
      <p>
        <strong>{cb.caller.name}</strong> ({cb.caller.organisation})
        {cb.caller.phone && (
          <>
            {" "}
            · <a href={`tel:${cb.caller.phone}`}>{cb.caller.phone}</a>
          </>
        )}
        <br />
        Vraag <Link href={`/desk/tickets/${cb.reference}`}>{cb.reference}</Link>: {cb.subject}
        <br />
        Terugbellen vóór {new Date(cb.dueAt).toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" })}
      </p>
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
        {cbDone && (
          <div className="alert alert-success">
            <p>
              Resultaat vastgelegd bij {cbDone.reference}
              {cbDone.onTime ? " (op tijd)." : " (te laat)."}{" "}
              <Link href="/desk/terugbellen">Terug naar Terugbellen</Link>
            </p>
          </div>
        )}
        {error && (
          <div className="alert alert-error">
            <p>{error}</p>
          </div>
        )}
      </div>
      {cb.done || cbDone ? (
        !cbDone && <p>Dit terugbelverzoek is al afgehandeld.</p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await completeCallbackAction({ callbackId: cb.id, result: cbResult, resolve: cbResolve });
            if (r.ok) setCbDone(r.data);
            else {
              setErrors(r.fieldErrors);
              setError(r.error);
            }
            setTimeout(() => statusRef.current?.focus(), 0);
          }}
        >
          <div className="field">
            <label htmlFor="cb-result">Wat is er besproken?</label>
            <textarea
              id="cb-result"
              rows={4}
              value={cbResult}
              onChange={(e) => setCbResult(e.target.value)}
              aria-describedby={describedBy("result")}
              autoFocus
            />
            {err("result")}
          </div>
          <div className="field checkbox">
            <input
              id="cb-resolve"
              type="checkbox"
              checked={cbResolve}
              onChange={(e) => setCbResolve(e.target.checked)}
            />
            <label htmlFor="cb-resolve">De vraag is hiermee opgelost</label>
          </div>
          <button type="submit" className="btn">
            Resultaat vastleggen
          </button>
        </form>
      )}
    </section>
  );
}
