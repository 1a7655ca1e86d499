"use client";
// Step 2, "Uw vraag": the topic, the question (with the BSN warning and a character count), attachments, and the
// suggested articles and the verzuimcheck while the question is typed.
import { useMemo } from "react";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { chosenFilesError } from "@/app/_modules/storage/file-type";
import { SuggestedArticles } from "./SuggestedArticles";
import type { QuestionWizardState } from "./useQuestionWizard";
import { FieldError } from "./WizardChrome";
import { ABSENCE_TOPICS, fieldHelpers } from "./wizard-model";

export function StepQuestion({ w, topics }: { w: QuestionWizardState; topics: { id: string; label: string }[] }) {
  const { register, watch, formState } = w.form;
  const { err, fieldProps } = fieldHelpers(formState.errors);
  const question = watch("question") ?? "";
  const topic = watch("topic");
  const bsnWarning = useMemo(() => containsPersonalNumber(question), [question]);
  return (
    <>
      <div className="field">
        <label htmlFor="topic">Onderwerp</label>
        <select {...register("topic")} {...fieldProps("topic")}>
          <option value="">Kies een onderwerp</option>
          {topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldError message={err("topic")} name="topic" />
      </div>
      <div className="field">
        <label htmlFor="question">Uw vraag</label>
        <span className="hint" id="question-hint">
          Beschrijf wat u wilt weten en wat u al heeft geprobeerd. Noem geen namen, BSN of onderwijsnummer van
          leerlingen.
        </span>
        <textarea maxLength={5000} rows={7} {...register("question")} {...fieldProps("question", "x")} />
        <div aria-live="polite">
          {bsnWarning && !err("question") && (
            <p className="field-error" id="question-bsn">
              {PERSONAL_NUMBER_MESSAGE}
            </p>
          )}
        </div>
        <FieldError message={err("question")} name="question" />
        <p className="muted" style={{ fontSize: "0.9rem" }}>
          {question.length} van 5.000 tekens
        </p>
      </div>
      <AttachmentsField w={w} />
      <section aria-live="polite" aria-labelledby="suggestions-title">
        {w.triage && (
          <SuggestedArticles
            suggestions={w.triage.suggestions}
            onOpen={() => w.beacon("article_opened")}
            onAnswered={w.answered}
          />
        )}
        {(ABSENCE_TOPICS.has(topic ?? "") || (w.triage?.protocolHints.length ?? 0) > 0) && (
          <div className="alert">
            <p>
              Gaat uw vraag over het verzuim van een leerling? Met de{" "}
              <a href="/verzuimcheck" target="_blank" rel="noopener">
                verzuimcheck <span className="visually-hidden">(opent in een nieuw tabblad)</span>
              </a>{" "}
              ziet u meteen welke stap van het protocol aan de beurt is en of u moet melden.
            </p>
          </div>
        )}
      </section>
    </>
  );
}

function AttachmentsField({ w }: { w: QuestionWizardState }) {
  const { files, fileError } = w;
  const onFiles = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    w.setFileError(null);
    const problem = chosenFilesError(chosen);
    if (problem) {
      w.setFiles([]);
      return w.setFileError(problem);
    }
    w.setFiles(chosen);
  };
  return (
    <div className="field">
      <label htmlFor="attachments">
        Bijlagen <span className="muted">(niet verplicht)</span>
      </label>
      <span className="hint" id="attachments-hint">
        Maximaal 3 bestanden van 5 MB: png, jpg, pdf, txt of csv. Bijvoorbeeld een schermafbeelding van een foutmelding.
      </span>
      <input
        id="attachments"
        type="file"
        multiple
        accept=".png,.jpg,.jpeg,.pdf,.txt,.csv"
        aria-describedby={`attachments-hint${fileError ? " attachments-error" : ""}`}
        aria-invalid={fileError ? true : undefined}
        onChange={(e) => onFiles(e.target.files)}
      />
      {files.length > 0 && <p className="muted">Gekozen: {files.map((f) => f.name).join(", ")}</p>}
      {fileError && (
        <p id="attachments-error" className="field-error">
          {fileError}
        </p>
      )}
    </div>
  );
}
