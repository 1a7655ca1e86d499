"use client";
// The question analysis: who are you → your question (with matching articles first) → contact → review.
// One component per step (StepWho, StepQuestion, StepContact, StepReview); the state lives in useQuestionWizard:
// react-hook-form with the same zod schema as the server, values kept across steps and in sessionStorage, so
// nothing typed is lost on an error, on going back or on a reload.
import { StepContact } from "./StepContact";
import { StepQuestion } from "./StepQuestion";
import { StepReview } from "./StepReview";
import { StepWho, useDropSchoolConcerned } from "./StepWho";
import { useQuestionWizard } from "./useQuestionWizard";
import { ErrorSummary, Honeypot, StepNav } from "./WizardChrome";
import { WizardDone } from "./WizardDone";
import { STEPS, type Desk } from "./wizard-model";

export function QuestionWizard({
  topics,
  desks,
  initialQuestion,
}: {
  topics: { id: string; label: string }[];
  desks: Desk[];
  initialQuestion?: string;
}) {
  const w = useQuestionWizard(initialQuestion);
  useDropSchoolConcerned(w);
  const { step, form } = w;
  if (w.done) return <WizardDone done={w.done} desks={desks} headingRef={w.headingRef} />;
  const isParent = form.watch("callerType") === "parent-or-student";
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void (step === 3 ? w.submit() : w.next());
      }}
      noValidate
    >
      <StepNav step={step} />
      <h2 ref={w.headingRef} tabIndex={-1}>
        Stap {step + 1} van 4: {STEPS[step]}
      </h2>
      <ErrorSummary summaryRef={w.summaryRef} step={step} errors={form.formState.errors} serverError={w.serverError} />
      <Honeypot register={() => form.register("website")} />

      {step === 0 && <StepWho w={w} />}
      {step === 1 && <StepQuestion w={w} topics={topics} />}
      {step === 2 && <StepContact w={w} />}
      {step === 3 && <StepReview w={w} desks={desks} topics={topics} />}

      <div className="btn-row">
        {step > 0 && (
          <button type="button" className="btn btn-secondary" onClick={() => w.goTo(step - 1)}>
            Vorige stap
          </button>
        )}
        {step < 3 && !isParent && (
          <button type="submit" className="btn">
            Volgende stap
          </button>
        )}
        {step === 3 && (
          <button type="submit" className="btn" disabled={w.submitting || w.triage?.desk === "out-of-scope"}>
            {w.submitting ? "Bezig met versturen…" : "Vraag versturen"}
          </button>
        )}
      </div>
    </form>
  );
}
