"use client";
// What the three "new …" forms of /desk/beheer (user, API token, webhook) share: their values, the server's errors,
// and one submit that shows what was created, resets the form and refreshes the page.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

export type FormErrors = { error: string | null; fieldErrors: Record<string, string> };
type Result<D> = { ok: true; data: D } | { ok: false; error: string; fieldErrors: Record<string, string> };

export const NO_ERRORS: FormErrors = { error: null, fieldErrors: {} };

/** A create form: `onCreated` gets the server's answer and the values that were sent, before the form is reset. */
export function useCreateForm<F, D>(
  initial: F,
  create: (values: F) => Promise<Result<D>>,
  onCreated: (data: D, values: F) => void,
) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create(values);
    if (r.ok) {
      setErrors(NO_ERRORS);
      onCreated(r.data, values);
      setValues(initial);
      router.refresh();
    } else setErrors({ error: r.error, fieldErrors: r.fieldErrors });
  };
  return { values, setValues, errors, onSubmit };
}

export function Errors({ error, fieldErrors }: FormErrors) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{error}</p>
      {Object.keys(fieldErrors).length > 0 && (
        <ul>
          {Object.entries(fieldErrors).map(([k, m]) => (
            <li key={k}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
