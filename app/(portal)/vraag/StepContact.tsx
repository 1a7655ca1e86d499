"use client";
// Step 3, "Uw gegevens": name, e-mail address (for the confirmation and the answer) and an optional phone number.
import type { QuestionWizardState } from "./useQuestionWizard";
import { FieldError } from "./WizardChrome";
import { fieldHelpers } from "./wizard-model";

export function StepContact({ w }: { w: QuestionWizardState }) {
  const { register, formState } = w.form;
  const { err, fieldProps } = fieldHelpers(formState.errors);
  return (
    <>
      <div className="field">
        <label htmlFor="name">Uw naam</label>
        <input type="text" autoComplete="name" {...register("name")} {...fieldProps("name")} />
        <FieldError message={err("name")} name="name" />
      </div>
      <div className="field">
        <label htmlFor="email">E-mailadres</label>
        <span className="hint" id="email-hint">
          Hierop ontvangt u de bevestiging en ons antwoord.
        </span>
        <input type="email" autoComplete="email" {...register("email")} {...fieldProps("email", "x")} />
        <FieldError message={err("email")} name="email" />
      </div>
      <div className="field">
        <label htmlFor="phone">
          Telefoonnummer <span className="muted">(niet verplicht)</span>
        </label>
        <input
          type="tel"
          autoComplete="tel"
          style={{ maxWidth: "16rem" }}
          {...register("phone")}
          {...fieldProps("phone")}
        />
        <FieldError message={err("phone")} name="phone" />
      </div>
    </>
  );
}
