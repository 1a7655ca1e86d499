"use client";
// The wizard's state: the react-hook-form form (the same zod schema as the server), the step, the draft kept in
// sessionStorage (nothing typed is lost on an error, on going back or on a reload), the live question analysis,
// the funnel events, and the submit with its per-field errors sent back to the step that has the field.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useForm, type FieldPath, type UseFormReturn } from "react-hook-form";
import { SERVER_ACTION_MAX_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from "@/app/_core/body-limit";
import { ATTACHMENT_LIMITS } from "@/app/_modules/storage/file-type";
import { lazyZodResolver } from "@/app/_components/forms/lazy-resolver";
import { submitWizard } from "./actions";
import {
  beacon,
  newRunId,
  ON_BEHALF_TYPES,
  STEP_FIELDS,
  STORAGE_KEY,
  type Done,
  type Triage,
  type Values,
} from "./wizard-model";

type Form = UseFormReturn<Values>;
const focusSoon = (ref: RefObject<HTMLElement | null>) => requestAnimationFrame(() => ref.current?.focus());

/** Restores a draft, keeps it in sessionStorage while typing, and reports the start and abandonment of a run. */
function useDraft(
  form: Form,
  initialQuestion: string | undefined,
  runId: RefObject<string>,
  doneRef: RefObject<boolean>,
) {
  const { setValue, watch } = form;
  useEffect(() => {
    runId.current = newRunId();
    void beacon(runId.current, "started");
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Partial<Values> | null;
      if (saved)
        for (const [k, v] of Object.entries(saved))
          if (k !== "website" && k !== "startedAt" && typeof v === "string" && v)
            setValue(k as FieldPath<Values>, v as never);
      if (initialQuestion) setValue("question", initialQuestion);
    } catch {}
    const onHide = () => {
      if (!doneRef.current)
        navigator.sendBeacon?.("/api/v1/deflection", JSON.stringify({ runId: runId.current, event: "abandoned" }));
    };
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [initialQuestion, setValue, runId, doneRef]);
  useEffect(() => {
    const sub = watch((v) => {
      const { website: _w, startedAt: _s, ...rest } = v;
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(rest));
      } catch {}
    });
    return () => sub.unsubscribe();
  }, [watch]);
}

/** The question analysis: asked while the question is typed (suggestions first) and before the review step. */
function useTriage(form: Form, step: number, runId: RefObject<string>) {
  const { getValues, setValue, watch } = form;
  const [triage, setTriage] = useState<Triage | null>(null);
  const shownFor = useRef("");
  const question = watch("question") ?? "";

  const runTriage = useCallback(async (): Promise<Triage | null> => {
    const v = getValues();
    if (!v.callerType || (v.question ?? "").trim().length < 3) return null;
    try {
      const res = await fetch("/api/v1/triage", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          callerType: v.callerType,
          sector: v.sector || undefined,
          question: v.question,
          // The organisation picked in the typeahead and the school the question is about route the preview too.
          organisationId: v.organisationId || undefined,
          aboutSchoolCode: (ON_BEHALF_TYPES.has(v.callerType) && v.aboutSchoolCode) || undefined,
        }),
      });
      if (!res.ok) return null;
      const t = (await res.json()) as Triage;
      setTriage(t);
      return t;
    } catch {
      return null;
    }
  }, [getValues]);

  useEffect(() => {
    if (step !== 1 || question.trim().length < 12) return;
    const timer = setTimeout(async () => {
      const t = await runTriage();
      if (!t) return;
      if (!getValues("topic") && t.topic) setValue("topic", t.topic, { shouldValidate: false });
      const key = t.suggestions.map((s) => s.slug).join(",");
      if (key && key !== shownFor.current) {
        shownFor.current = key;
        void beacon(runId.current, "suggestions_shown");
      }
    }, 450);
    return () => clearTimeout(timer);
  }, [question, step, runTriage, getValues, setValue, runId]);

  return { triage, runTriage };
}

/** The form data the server action gets: every text value, the run id and the files. */
function formData(v: Values, runId: string, files: File[]): FormData {
  const fd = new FormData();
  for (const [k, val] of Object.entries(v)) if (val !== undefined && val !== null) fd.set(k, String(val));
  if (!v.callerType || !ON_BEHALF_TYPES.has(v.callerType)) fd.delete("aboutSchoolCode");
  fd.set("runId", runId);
  for (const f of files) fd.append("attachments", f);
  return fd;
}

const tooLarge = (files: File[]) =>
  files.some((f) => f.size > ATTACHMENT_LIMITS.maxBytes) ||
  files.reduce((n, f) => n + f.size, 0) > SERVER_ACTION_MAX_BYTES - 1024 * 1024;

// The wizard's zod schema (the server action's own) loads after the page: see lazy-resolver.ts.
const wizardResolver = lazyZodResolver<Values, Values>(() =>
  import("@/app/_modules/tickets/schema").then((m) => m.wizardSchema),
);

export function useQuestionWizard(initialQuestion: string | undefined) {
  const router = useRouter();
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // What is shown in "Over welke school gaat het?" (a picked school's name, or what was typed); the code is the value.
  const [schoolText, setSchoolText] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const runId = useRef("");
  const doneRef = useRef(false);

  const form = useForm<Values>({
    resolver: wizardResolver,
    mode: "onTouched",
    defaultValues: {
      callerType: undefined,
      organisation: "",
      organisationId: "",
      schoolCode: "",
      sector: "",
      aboutSchoolCode: "",
      topic: "",
      question: initialQuestion ?? "",
      name: "",
      email: "",
      phone: "",
      website: "",
      startedAt: Date.now(),
    },
  });
  useDraft(form, initialQuestion, runId, doneRef);
  const { triage, runTriage } = useTriage(form, step, runId);

  const goTo = (n: number) => {
    setStep(n);
    setServerError(null);
    focusSoon(headingRef);
  };

  const next = async () => {
    const ok = await form.trigger(STEP_FIELDS[step]);
    if (!ok || (step === 0 && !schoolResolved())) return void focusSoon(summaryRef);
    if (step === 2) await runTriage();
    goTo(step + 1);
  };

  /** A school typed in "Over welke school gaat het?" must be picked from the list or be a BRIN code. */
  const schoolResolved = () => {
    const v = form.getValues();
    if (!v.callerType || !ON_BEHALF_TYPES.has(v.callerType) || !schoolText.trim() || v.aboutSchoolCode) return true;
    form.setError("aboutSchoolCode", {
      type: "manual",
      message: "Kies de school uit de lijst, of vul de BRIN-code van de school in (zoals 12AB).",
    });
    return false;
  };

  /** The server's per-field errors on their fields; back to the first step that has one. */
  const showServerErrors = (fieldErrors: Record<string, string>) => {
    let firstStep = -1;
    for (const [path, message] of Object.entries(fieldErrors)) {
      if (path === "attachments" || path.startsWith("attachments.")) setFileError(message);
      else form.setError(path as FieldPath<Values>, { type: "server", message });
      const s = STEP_FIELDS.findIndex(
        (fields) =>
          fields.includes(path as FieldPath<Values>) || (path.startsWith("attachments") && fields.includes("question")),
      );
      if (s >= 0 && (firstStep < 0 || s < firstStep)) firstStep = s;
    }
    if (firstStep >= 0 && firstStep !== step) goTo(firstStep);
    focusSoon(summaryRef);
  };

  const submit = async () => {
    if (!(await form.trigger())) {
      const errors = form.formState.errors as Record<string, unknown>;
      const first = STEP_FIELDS.findIndex((fields) => fields.some((f) => errors[f]));
      if (first >= 0 && first !== step) goTo(first);
      return void focusSoon(summaryRef);
    }
    // Checked again right before sending: the server refuses a larger post (413) without reading it.
    if (tooLarge(files)) {
      setFileError(UPLOAD_TOO_LARGE_MESSAGE);
      setServerError(UPLOAD_TOO_LARGE_MESSAGE);
      if (step !== 1) goTo(1);
      return void focusSoon(summaryRef);
    }
    setSubmitting(true);
    setServerError(null);
    const r = await submitWizard(formData(form.getValues(), runId.current, files)).catch(() => ({
      ok: false as const,
      error: "Versturen lukte niet. Controleer uw internetverbinding en probeer het opnieuw. Uw gegevens zijn bewaard.",
      fieldErrors: {} as Record<string, string>,
    }));
    setSubmitting(false);
    if (!r.ok) {
      setServerError(r.error);
      return showServerErrors(r.fieldErrors);
    }
    doneRef.current = true;
    setDone(r.data);
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {}
    focusSoon(headingRef);
  };

  /** The visitor found the answer in a suggested article: the run ends as answered. */
  const answered = () => {
    void beacon(runId.current, "answered");
    doneRef.current = true;
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {}
    router.push("/");
  };

  return {
    form,
    step,
    goTo,
    next,
    submit,
    submitting,
    done,
    serverError,
    triage,
    runTriage,
    schoolText,
    setSchoolText,
    files,
    setFiles,
    fileError,
    setFileError,
    headingRef,
    summaryRef,
    beacon: (event: string) => void beacon(runId.current, event),
    answered,
  };
}

export type QuestionWizardState = ReturnType<typeof useQuestionWizard>;
