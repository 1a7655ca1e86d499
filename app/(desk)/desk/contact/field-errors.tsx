// Per-field errors of the contact screen: the message under a field and the id its input points to.
import type { ReactNode } from "react";

export type FieldErrors = Record<string, string>;

/** `err(key)` renders the error under a field; `describedBy(key)` is that error's id for aria-describedby. */
export function contactFieldErrors(errors: FieldErrors) {
  const errorId = (k: string) => `e-${k.replace(/\./g, "-")}`;
  const err = (k: string): ReactNode =>
    errors[k] ? (
      <p className="field-error" id={errorId(k)}>
        {errors[k]}
      </p>
    ) : null;
  const describedBy = (k: string) => (errors[k] ? errorId(k) : undefined);
  return { err, describedBy };
}

export type ContactFieldErrors = ReturnType<typeof contactFieldErrors>;
