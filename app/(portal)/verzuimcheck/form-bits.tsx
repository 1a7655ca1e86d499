"use client";
// Small accessible form pieces shared by the verzuimcheck forms: field errors, the error summary, and a
// helper that flattens react-hook-form's nested errors into "events.0.date"-style paths.
import { forwardRef } from "react";
import type { FieldErrors } from "react-hook-form";

export type FlatError = { path: string; message: string };

/** Flattens nested react-hook-form errors to a list of { path, message }, in form order. */
export function flattenErrors(errors: FieldErrors, prefix = ""): FlatError[] {
  const out: FlatError[] = [];
  for (const [key, value] of Object.entries(errors ?? {})) {
    if (!value || key === "ref") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const v = value as { message?: unknown; type?: unknown };
    if (typeof v.message === "string" && v.message) out.push({ path, message: v.message });
    else if (typeof value === "object") out.push(...flattenErrors(value as FieldErrors, path));
  }
  return out;
}

/** The id of the control for an error path, e.g. ("d", "events.0.date") → "d-events-0-date". */
export const controlId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, "-")}`;

/** Props that tie a control to its hint and error (aria-invalid, aria-describedby). */
export function describedBy(id: string, opts: { hint?: boolean; error?: string; extra?: string }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null, opts.extra ?? null].filter(Boolean);
  return {
    id,
    "aria-invalid": opts.error ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

/** A field's error text, with the id aria-describedby points to. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={`${id}-error`} className="field-error">
      {message}
    </p>
  ) : null;
}

type SummaryProps = {
  errors: FlatError[];
  serverError: string | null;
  prefix: string;
  label: (path: string) => string;
  /** The control id of a path, when it is not prefix-path (e.g. a control outside the form). */
  idFor?: (path: string) => string | undefined;
};

/** The error summary above a form: a live region, focusable, with a link to each wrong field. */
export const ErrorSummary = forwardRef<HTMLDivElement, SummaryProps>(function ErrorSummary(
  { errors, serverError, prefix, label, idFor },
  ref,
) {
  return (
    <div ref={ref} tabIndex={-1} aria-live="assertive" className="error-summary-region">
      {(errors.length > 0 || serverError) && (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>{serverError ?? "Niet alle velden zijn goed ingevuld:"}</strong>
          </p>
          {errors.length > 0 && (
            <ul>
              {errors.map((e) => (
                <li key={e.path}>
                  <a href={`#${idFor?.(e.path) ?? controlId(prefix, e.path)}`}>
                    {label(e.path)}: {e.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
});

/** The protocol select is the summary's target for a "protocol" error. */
export const protocolControl = (path: string) => (path === "protocol" ? "protocol" : undefined);
export const NETWORK_ERROR = "De check lukte niet. Controleer uw internetverbinding en probeer het opnieuw.";

/** What a check's server action answers. */
export type ServerResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string> };
