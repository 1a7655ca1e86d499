// How the form's fields read their errors and register: per-field messages (server or zod), aria-describedby ids,
// the error summary's entries, the title filling the web address until it is edited, and the questions list.
import type { MutableRefObject } from "react";
import type { UseFormReturn } from "react-hook-form";
import { FORM_FIELDS, slugify } from "../../form-fields";
import type { ArticleFormValues } from "../../schema";
import { questionMessages } from "./QuestionsField";
import type { FieldHelpers } from "./shared";

export function useFormFields(
  form: UseFormReturn<ArticleFormValues>,
  values: ArticleFormValues,
  bodyError: string | null,
  slugTouched: MutableRefObject<boolean>,
) {
  const { register, formState, setValue } = form;
  const errors = formState.errors;
  const questions = values.questions ?? [];
  const setQuestions = (next: string[]) =>
    setValue("questions", next, { shouldDirty: true, shouldValidate: formState.isSubmitted || !!errors.questions });
  const questionsError = questionMessages(errors, questions).first;

  const fieldError: FieldHelpers["fieldError"] = (name) =>
    name === "questions" ? questionsError() : (errors[name]?.message as string | undefined);
  const described: FieldHelpers["described"] = (name, hint) =>
    [hint ? `${name}-hint` : null, fieldError(name as keyof ArticleFormValues) ? `${name}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const errorEntries = FORM_FIELDS.map(
    (f) => [f, f === "body" ? bodyError : fieldError(f as keyof ArticleFormValues)] as const,
  ).filter(([, m]) => !!m);
  const titleReg = register("title", {
    onChange: (e) => {
      if (!slugTouched.current) setValue("slug", slugify(e.target.value), { shouldValidate: false });
    },
  });
  const slugReg = register("slug", { onChange: () => (slugTouched.current = true) });
  return { errors, questions, setQuestions, fieldError, described, errorEntries, titleReg, slugReg };
}

export type FormFields = ReturnType<typeof useFormFields>;
