"use client";
// "Doorsturen naar andere helpdesk": moves the ticket to the other desk with a reason the caller receives by mail.
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { transferSchema } from "@/app/_modules/tickets/desk-schema";
import { transferAction } from "../../../actions";
import { FieldError, SideCard } from "./shared";

type TransferValues = z.input<typeof transferSchema>;

export function TransferCard({
  reference,
  targets,
  onDone,
}: {
  reference: string;
  targets: { id: string; label: string }[];
  onDone: (stillVisible: boolean, reference: string) => void;
}) {
  const id = useId();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TransferValues>({
    resolver: zodResolver(transferSchema),
    defaultValues: { toDesk: targets[0]!.id as TransferValues["toDesk"], reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    const r = await transferAction({ reference, ...v });
    if (!r.ok) {
      for (const [k, msg] of Object.entries(r.fieldErrors))
        if (k === "toDesk" || k === "reason") form.setError(k, { message: msg });
      return setServerError(r.error);
    }
    // The ticket got the new desk's own number: go on under that one.
    onDone(r.data.stillVisible, r.data.reference);
  });
  return (
    <SideCard title="Doorsturen naar andere helpdesk" id={`${id}-transfer`}>
      <form onSubmit={onSubmit} noValidate>
        <div aria-live="polite">{serverError && <p className="alert alert-error">{serverError}</p>}</div>
        <div className="field">
          <label htmlFor={`${id}-desk`}>Naar helpdesk</label>
          <select
            id={`${id}-desk`}
            {...form.register("toDesk")}
            aria-invalid={!!errors.toDesk}
            aria-describedby={errors.toDesk ? `${id}-desk-error` : undefined}
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-desk-error`} error={errors.toDesk?.message} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reden</label>
          <span id={`${id}-reason-hint`} className="hint">
            De beller krijgt deze reden per e-mail. Schrijf hem dus voor de beller.
          </span>
          <textarea
            id={`${id}-reason`}
            rows={3}
            {...form.register("reason")}
            aria-invalid={!!errors.reason}
            aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ""}`}
          />
          <FieldError id={`${id}-reason-error`} error={errors.reason?.message} />
        </div>
        <button type="submit" className="btn btn-secondary btn-small" disabled={isSubmitting}>
          Doorsturen
        </button>
      </form>
    </SideCard>
  );
}
