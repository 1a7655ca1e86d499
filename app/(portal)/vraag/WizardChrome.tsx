"use client";
// The frame around every step: the list of steps, the step heading, the error summary (focused and announced when
// a step does not validate), the honeypot, a field's error line and the buttons.
import type { RefObject } from "react";
import type { FieldErrors, FieldPath } from "react-hook-form";
import { FIELD_LABELS, STEP_FIELDS, STEPS, type Values } from "./wizard-model";

export function StepNav({ step }: { step: number }) {
  return (
    <nav aria-label="Stappen">
      <ol className="plain-list" style={{ display: "flex", gap: "0.5rem 1.25rem", flexWrap: "wrap" }}>
        {STEPS.map((s, i) => (
          <li key={s} style={{ border: 0, padding: 0 }} aria-current={i === step ? "step" : undefined}>
            {i === step ? (
              <strong>
                {i + 1}. {s}
              </strong>
            ) : (
              <span className="muted">
                {i + 1}. {s}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The errors of this step (all of them on the review step), each linking to its field, or the server's message. */
export function ErrorSummary({
  summaryRef,
  step,
  errors,
  serverError,
}: {
  summaryRef: RefObject<HTMLDivElement | null>;
  step: number;
  errors: FieldErrors<Values>;
  serverError: string | null;
}) {
  const entries = Object.entries(errors).filter(
    ([k]) => STEP_FIELDS[step]!.includes(k as FieldPath<Values>) || step === 3,
  );
  return (
    <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
      {(entries.length > 0 || serverError) && (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>{serverError ?? "Niet alle velden zijn goed ingevuld:"}</strong>
          </p>
          {entries.length > 0 && (
            <ul>
              {entries.map(([k, e]) => (
                <li key={k}>
                  {/* organisationId has no field of its own: its message belongs to the organisation field. */}
                  <a href={`#${k === "organisationId" ? "organisation" : k}`}>
                    {FIELD_LABELS[k] ?? k}: {String((e as { message?: string })?.message ?? "")}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** Invisible to people, filled by bots. */
export function Honeypot({ register }: { register: () => object }) {
  return (
    <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
      <label htmlFor="website">Website</label>
      <input id="website" type="text" tabIndex={-1} autoComplete="off" {...register()} />
    </div>
  );
}

export function FieldError({ name, message }: { name: string; message: string | undefined }) {
  return message ? (
    <p id={`${name}-error`} className="field-error">
      {message}
    </p>
  ) : null;
}
