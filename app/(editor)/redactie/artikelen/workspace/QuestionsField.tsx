// "Ook gevraagd als": a controlled list in the form values (autosaved and revisioned like every field), with its
// own "add a question" input checked by the same rules as the server.
import { useState } from "react";
import type { FieldErrors } from "react-hook-form";
import { MAX_QUESTIONS, questionIssues } from "@/app/_modules/articles/questions";
import type { ArticleFormValues } from "../../schema";

type QuestionErrors = Record<number, { message?: string }> & { message?: string; root?: { message?: string } };

/** The questions' error messages: one per question, and one for the list as a whole. */
export function questionMessages(errors: FieldErrors<ArticleFormValues>, questions: string[]) {
  const questionErrors = errors.questions as QuestionErrors | undefined;
  const questionError = (i: number) => questionErrors?.[i]?.message;
  const listError = questionErrors?.message ?? questionErrors?.root?.message;
  return {
    questionError,
    listError,
    /** The first message, for the error summary. */
    first: (): string | undefined => listError ?? questions.map((_, i) => questionError(i)).find(Boolean),
  };
}

export function QuestionsField({
  questions,
  setQuestions,
  errors,
}: {
  questions: string[];
  setQuestions: (next: string[]) => void;
  errors: FieldErrors<ArticleFormValues>;
}) {
  const [newQuestion, setNewQuestion] = useState("");
  const [newQuestionError, setNewQuestionError] = useState<string | null>(null);
  const { questionError, listError } = questionMessages(errors, questions);
  const addQuestion = () => {
    const q = newQuestion.replace(/\s+/g, " ").trim();
    if (!q) {
      setNewQuestionError("Typ eerst de vraag.");
      return;
    }
    const issue = questionIssues([...questions, q]).find((i) => i.index === questions.length || i.index === null);
    if (issue) {
      setNewQuestionError(issue.message.replace(`Vraag ${questions.length + 1}`, "Deze vraag"));
      return;
    }
    setQuestions([...questions, q]);
    setNewQuestion("");
    setNewQuestionError(null);
  };

  return (
    <fieldset id="f-questions" className="field question-group" aria-describedby="questions-hint">
      <legend>Ook gevraagd als</legend>
      <span className="hint" id="questions-hint">
        Zo vragen scholen en bellers het in hun eigen woorden. De zoekfunctie vindt het artikel ook met deze vragen
        (minder zwaar dan de titel). Ze staan niet op de website. Elke vraag 5 tot 200 tekens, hoogstens {MAX_QUESTIONS}{" "}
        vragen.
      </span>
      {questions.length > 0 && (
        <ol className="question-list">
          {questions.map((q, i) => (
            <li key={i}>
              <label htmlFor={`f-question-${i}`} className="visually-hidden">
                Vraag {i + 1}
              </label>
              <input
                id={`f-question-${i}`}
                type="text"
                value={q}
                onChange={(e) => setQuestions(questions.map((x, j) => (j === i ? e.target.value : x)))}
                aria-invalid={!!questionError(i)}
                aria-describedby={questionError(i) ? `question-${i}-error` : undefined}
              />
              <button
                type="button"
                className="btn btn-small btn-secondary"
                onClick={() => setQuestions(questions.filter((_, j) => j !== i))}
              >
                Verwijderen<span className="visually-hidden"> vraag {i + 1}</span>
              </button>
              {questionError(i) && (
                <p id={`question-${i}-error`} className="field-error">
                  {questionError(i)}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {listError && (
        <p id="questions-error" className="field-error">
          {listError}
        </p>
      )}
      <div className="question-add">
        <label htmlFor="f-question-new">Nieuwe vraag</label>
        <input
          id="f-question-new"
          type="text"
          value={newQuestion}
          onChange={(e) => setNewQuestion(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              addQuestion();
            }
          }}
          aria-invalid={!!newQuestionError}
          aria-describedby={newQuestionError ? "question-new-error" : undefined}
        />
        <button type="button" className="btn btn-small btn-secondary" onClick={addQuestion}>
          Vraag toevoegen
        </button>
        {newQuestionError && (
          <p id="question-new-error" className="field-error" role="alert">
            {newQuestionError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
