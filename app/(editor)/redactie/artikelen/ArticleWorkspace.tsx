"use client";
// The article workspace: fields + Tiptap editor, autosave with retries and a local backup, a preview
// that uses the public renderer, the plain-language and link checks beside the text, and the workflow.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { JSONContent } from "@tiptap/core";
import { ArticleEditor, type RuleOption } from "@/app/_components/editor/ArticleEditor";
import {
  checkDocPlainLanguage,
  checkPlainLanguage,
  type PlainLanguageKind,
} from "@/app/_modules/articles/plain-language";
import { MAX_QUESTIONS, questionIssues } from "@/app/_modules/articles/questions";
import {
  approveArticle,
  archiveArticle,
  checkLinks,
  previewArticle,
  rejectArticle,
  saveArticle,
  submitArticle,
  type ArticleState,
  type StepResult,
} from "../actions";
import type { Choices } from "../data";
import { articleFormSchema, FORM_FIELDS, FORM_LABELS, slugify, type ArticleFormValues } from "../schema";

export type WorkspaceProps = {
  /** Null for a new article. */
  state: ArticleState | null;
  currentUserId: string;
  values: ArticleFormValues;
  body: JSONContent;
  choices: Choices;
  rules: RuleOption[];
  defaultProtocolId: string;
  notice?: string | null;
};

type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date | null; revision: number }
  | { kind: "invalid" }
  | { kind: "retry"; attempt: number; seconds: number }
  | { kind: "conflict"; message: string }
  | { kind: "error"; message: string };

type Backup = { values: ArticleFormValues; body: JSONContent; baseRevision: number | null; at: string };
type LinkFinding = { slug: string; text: string; kind: string; message: string; articleId: string | null };

const STATUS_LABELS: Record<string, string> = {
  draft: "Concept",
  in_review: "Ter beoordeling",
  scheduled: "Ingepland",
  published: "Gepubliceerd",
  archived: "Gearchiveerd",
};
const KIND_LABELS: Record<PlainLanguageKind, string> = {
  "long-sentence": "Lange zin",
  "long-word": "Lang woord",
  passive: "Lijdende vorm",
  jargon: "Moeilijk woord",
};
const RETRY_SECONDS = [2, 5, 10, 30, 60];
const AUTOSAVE_MS = 1500;
const backupKey = (id: string | null) => `redactie-backup:${id ?? "nieuw"}`;
const time = (d: Date) =>
  d.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
const dateTime = (iso: string) =>
  new Date(iso).toLocaleString("nl-NL", {
    timeZone: "Europe/Amsterdam",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
const keyOf = (values: ArticleFormValues, body: JSONContent) => JSON.stringify({ values, body });

function readBackup(id: string | null): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

/** The editor page's client part; see the file comment. */
export function ArticleWorkspace(props: WorkspaceProps) {
  const router = useRouter();
  const uid = useId();
  const [state, setState] = useState<ArticleState | null>(props.state);
  const [body, setBody] = useState<JSONContent>(props.body);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>(
    props.state ? { kind: "saved", at: null, revision: props.state.revision } : { kind: "idle" },
  );
  const [backup, setBackup] = useState<Backup | null>(null);
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  const [workflowMsg, setWorkflowMsg] = useState<{ kind: "success" | "error"; text: string } | null>(
    props.notice ? { kind: "success", text: props.notice } : null,
  );
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [publishAt, setPublishAt] = useState("");
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const form = useForm<ArticleFormValues>({
    resolver: zodResolver(articleFormSchema),
    defaultValues: props.values,
    mode: "onTouched",
  });
  const { register, formState, setValue, getValues, setError, trigger, reset, control } = form;
  const errors = formState.errors;
  const values = useWatch({ control }) as ArticleFormValues;

  const articleId = state?.articleId ?? null;
  const currentKey = keyOf(values, body);
  const savedKey = useRef(keyOf(props.values, props.body));
  const baseRevision = useRef<number | null>(props.state?.revision ?? null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const slugTouched = useRef(!!props.state);
  const latestKey = useRef(currentKey);
  latestKey.current = currentKey;
  const bodyRef = useRef(body);
  bodyRef.current = body;

  const working = state?.workingStatus ?? "draft";
  // A save takes an article in review back to draft; that must be a deliberate click, never an autosave.
  const autosave = !!state && working !== "in_review" && working !== "scheduled";
  const dirty = currentKey !== savedKey.current;

  // Offer a local copy that differs from what the server has (closed tab, failed saves).
  const backupPending = useRef(true);
  useEffect(() => {
    const b = readBackup(props.state?.articleId ?? null);
    if (b && keyOf(b.values, b.body) !== keyOf(props.values, props.body)) setBackup(b);
    else backupPending.current = false;
    // Only on mount: later the backup is ours.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Every change goes to localStorage at once, so a closed tab or a failed request loses nothing.
  useEffect(() => {
    if (backup || backupPending.current) return; // do not overwrite a copy the editor has not decided on yet
    try {
      if (currentKey === savedKey.current) window.localStorage.removeItem(backupKey(articleId));
      else
        window.localStorage.setItem(
          backupKey(articleId),
          JSON.stringify({
            values,
            body,
            baseRevision: baseRevision.current,
            at: new Date().toISOString(),
          } satisfies Backup),
        );
    } catch {
      // Storage full or blocked: the server save still runs.
    }
  }, [currentKey, articleId, backup, values, body]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latestKey.current !== savedKey.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const applyFieldErrors = useCallback(
    (fieldErrors: Record<string, string>) => {
      let body: string | null = null;
      for (const [path, msg] of Object.entries(fieldErrors)) {
        const k = path.split(".")[0];
        if (k === "body") body = msg;
        else if ((FORM_FIELDS as readonly string[]).includes(k))
          setError(k as keyof ArticleFormValues, { type: "server", message: msg });
      }
      setBodyError(body);
    },
    [setError],
  );

  const focusSummary = () => {
    setShowSummary(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  /** Saves the current fields; returns the new state, or null when it did not save. */
  const save = useCallback(
    async (opts: { manual: boolean; note?: string }): Promise<ArticleState | null> => {
      if (retryTimer.current) clearTimeout(retryTimer.current);
      if (inFlight.current) {
        again.current = true;
        return null;
      }
      const v = getValues();
      const parsed = articleFormSchema.safeParse(v);
      if (!parsed.success) {
        setSaveState({ kind: "invalid" });
        if (opts.manual) {
          await trigger();
          focusSummary();
        }
        return null;
      }
      const key = latestKey.current;
      const bodyNow = bodyRef.current;
      inFlight.current = true;
      setSaveState({ kind: "saving" });
      let result: Awaited<ReturnType<typeof saveArticle>> | null;
      try {
        result = await saveArticle({
          ...parsed.data,
          articleId,
          baseRevision: baseRevision.current,
          body: JSON.stringify(bodyNow),
          note: opts.note || undefined,
        });
      } catch {
        result = null; // network down or server unreachable
      } finally {
        inFlight.current = false;
      }
      const retryable = !result || (!result.ok && Object.keys(result.fieldErrors).length === 0);
      if (retryable) {
        const n = attempt.current++;
        const seconds = RETRY_SECONDS[Math.min(n, RETRY_SECONDS.length - 1)];
        setSaveState({ kind: "retry", attempt: n + 1, seconds });
        retryTimer.current = setTimeout(() => void save({ manual: false, note: opts.note }), seconds * 1000);
        return null;
      }
      attempt.current = 0;
      if (!result!.ok) {
        applyFieldErrors(result!.fieldErrors);
        setServerError(result!.error);
        setSaveState({ kind: "error", message: result!.error });
        if (opts.manual) focusSummary();
        return null;
      }
      const data = result!.data as StepResult;
      if (data.conflict !== undefined) {
        setSaveState({ kind: "conflict", message: data.conflict });
        return null;
      }
      const next = data.state!;
      setServerError(null);
      setBodyError(null);
      setShowSummary(false);
      baseRevision.current = next.revision;
      savedKey.current = key;
      setState(next);
      setSaveState({ kind: "saved", at: new Date(), revision: next.revision });
      if (!articleId) {
        // The new article now has an address; the backup of the new-article form is done with.
        try {
          window.localStorage.removeItem(backupKey(null));
        } catch {}
        router.replace(`/redactie/artikelen/${next.articleId}?opgeslagen=1`);
        return next;
      }
      if (key === latestKey.current) {
        try {
          window.localStorage.removeItem(backupKey(articleId));
        } catch {}
      }
      if (again.current) {
        again.current = false;
        void save({ manual: false });
      }
      return next;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [articleId, getValues, trigger, applyFieldErrors, router],
  );

  // Autosave: a short pause after the last change.
  useEffect(() => {
    if (!autosave || !dirty || backup) return;
    setSaveState((s) => (s.kind === "retry" || s.kind === "conflict" ? s : { kind: "dirty" }));
    const t = setTimeout(() => void save({ manual: false }), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [currentKey, autosave, dirty, backup, save]);

  useEffect(
    () => () => {
      if (retryTimer.current) clearTimeout(retryTimer.current);
    },
    [],
  );

  // ---- checks beside the text
  const deferredBody = useDeferredValue(body);
  const docFindings = useMemo(() => checkDocPlainLanguage(deferredBody), [deferredBody]);
  const fieldFindings = useMemo(
    () => [
      ...checkPlainLanguage(values.title ?? "").map((f) => ({ ...f, where: "Titel" })),
      ...checkPlainLanguage(values.summary ?? "").map((f) => ({ ...f, where: "Samenvatting" })),
    ],
    [values.title, values.summary],
  );
  const [links, setLinks] = useState<LinkFinding[] | null>(null);
  useEffect(() => {
    const t = setTimeout(async () => {
      try {
        const r = await checkLinks({ body: JSON.stringify(deferredBody) });
        if (r.ok) setLinks(r.data);
      } catch {
        // Checked again on the next change.
      }
    }, 1200);
    return () => clearTimeout(t);
  }, [deferredBody]);

  const showInText = (from: number, to: number) => {
    const dom = document.querySelector(`#${CSS.escape(uid)}-editor .ProseMirror`) as
      (HTMLElement & { editor?: { chain: () => any } }) | null;
    setTab("edit");
    dom?.editor?.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
  };

  // ---- preview
  const [preview, setPreview] = useState<{ html: string | null; message: string | null } | null>(null);
  useEffect(() => {
    if (tab !== "preview") return;
    let live = true;
    setPreview(null);
    previewArticle({ body: JSON.stringify(body) })
      .then((r) => live && setPreview(r.ok ? r.data : { html: null, message: r.error }))
      .catch(
        () =>
          live && setPreview({ html: null, message: "Het voorbeeld kon niet worden geladen. Probeer het opnieuw." }),
      );
    return () => {
      live = false;
    };
  }, [tab, body]);

  // ---- workflow
  const runStep = async (
    label: string,
    fn: () => Promise<Awaited<ReturnType<typeof submitArticle>>>,
    success: (s: ArticleState) => string,
  ) => {
    setBusy(true);
    setWorkflowMsg(null);
    try {
      const r = await fn();
      if (!r.ok) {
        if (r.fieldErrors.note) setNoteError(r.fieldErrors.note);
        setWorkflowMsg({ kind: "error", text: r.fieldErrors.note ?? r.error });
        return;
      }
      const d = r.data as StepResult;
      if (d.conflict !== undefined) {
        setWorkflowMsg({ kind: "error", text: d.conflict });
        return;
      }
      baseRevision.current = d.state!.revision;
      setState(d.state!);
      setNote("");
      setNoteError(null);
      setSaveState({ kind: "saved", at: new Date(), revision: d.state!.revision });
      setWorkflowMsg({ kind: "success", text: success(d.state!) });
    } catch {
      setWorkflowMsg({ kind: "error", text: `${label} is niet gelukt: er is geen verbinding. Probeer het opnieuw.` });
    } finally {
      setBusy(false);
    }
  };

  /** Saves pending edits first, so a step never acts on an older version than the editor sees. */
  const ensureSaved = async (): Promise<boolean> => {
    for (let i = 0; i < 150 && inFlight.current; i++) await new Promise((r) => setTimeout(r, 100));
    if (latestKey.current === savedKey.current) return true;
    return !!(await save({ manual: true }));
  };

  const onSubmitForReview = async () => {
    if (!articleId || !(await ensureSaved())) return;
    await runStep(
      "Aanbieden",
      () => submitArticle({ articleId, baseRevision: baseRevision.current, note: note || undefined }),
      () => "Het artikel staat nu ter beoordeling. Een andere redacteur of een beheerder moet het goedkeuren.",
    );
  };
  const onApprove = async (scheduled: boolean) => {
    if (!articleId) return;
    if (scheduled && !publishAt) {
      setWorkflowMsg({ kind: "error", text: "Vul een datum en tijd in om de publicatie in te plannen." });
      return;
    }
    await runStep(
      "Goedkeuren",
      () =>
        approveArticle({
          articleId,
          baseRevision: baseRevision.current,
          note: note || undefined,
          ...(scheduled ? { publishAt, tzOffset: new Date(publishAt).getTimezoneOffset() } : {}),
        }),
      (s) =>
        s.workingStatus === "scheduled" && s.scheduledAt
          ? `Goedgekeurd. Het artikel wordt gepubliceerd op ${dateTime(s.scheduledAt)}.`
          : "Gepubliceerd. Het artikel staat nu op de website en is te vinden met zoeken.",
    );
  };
  const onReject = async (withdraw: boolean) => {
    if (!articleId) return;
    const text = note.trim() || (withdraw ? "Ingetrokken door de schrijver" : "");
    if (!text) {
      setNoteError("Schrijf in de notitie kort wat er beter moet.");
      document.getElementById(`${uid}-note`)?.focus();
      return;
    }
    await runStep(
      "Terugsturen",
      () => rejectArticle({ articleId, baseRevision: baseRevision.current, note: text }),
      () => "Het artikel is weer een concept.",
    );
  };
  const onArchive = async () => {
    if (!articleId) return;
    if (!window.confirm("Weet u zeker dat u dit artikel wilt archiveren? Het verdwijnt dan van de website.")) return;
    await runStep(
      "Archiveren",
      () => archiveArticle({ articleId, baseRevision: baseRevision.current, note: note || undefined }),
      () => "Het artikel is gearchiveerd en staat niet meer op de website.",
    );
  };

  const restoreBackup = () => {
    if (!backup) return;
    reset({ ...backup.values, questions: backup.values.questions ?? [] }); // copies from before the questions field
    setBody(backup.body);
    backupPending.current = false;
    setBackup(null);
    setSaveState({ kind: "dirty" });
  };
  const discardBackup = () => {
    try {
      window.localStorage.removeItem(backupKey(articleId));
    } catch {}
    backupPending.current = false;
    setBackup(null);
  };

  // ---- "ook gevraagd als": a controlled list in the form values (autosaved and revisioned like every field)
  const questions = values.questions ?? [];
  const [newQuestion, setNewQuestion] = useState("");
  const [newQuestionError, setNewQuestionError] = useState<string | null>(null);
  const setQuestions = (next: string[]) =>
    setValue("questions", next, { shouldDirty: true, shouldValidate: formState.isSubmitted || !!errors.questions });
  const questionErrors = errors.questions as
    (Record<number, { message?: string }> & { message?: string; root?: { message?: string } }) | undefined;
  const questionError = (i: number) => questionErrors?.[i]?.message;
  const questionsError = (): string | undefined =>
    questionErrors?.message ?? questionErrors?.root?.message ?? questions.map((_, i) => questionError(i)).find(Boolean);
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

  // ---- rendering helpers
  const fieldError = (name: keyof ArticleFormValues) =>
    name === "questions" ? questionsError() : (errors[name]?.message as string | undefined);
  const described = (name: string, hint?: boolean) =>
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
  const isSubmitter = !!state && state.submittedById === props.currentUserId && working === "in_review";
  const live = state?.liveSlug ?? null;

  return (
    <div className="redactie-editor">
      <div ref={summaryRef} tabIndex={-1} aria-live="assertive" className="error-summary-region">
        {showSummary && (errorEntries.length > 0 || serverError) && (
          <div className="alert alert-error" role="alert">
            <p>
              <strong>{serverError ?? "Het artikel is niet opgeslagen. Verbeter deze velden:"}</strong>
            </p>
            {errorEntries.length > 0 && (
              <ul>
                {errorEntries.map(([f, m]) => (
                  <li key={f}>
                    <a
                      href={`#${f === "body" ? `${uid}-editor` : f === "audiences" || f === "sectors" ? `fs-${f}` : `f-${f}`}`}
                    >
                      {FORM_LABELS[f]}: {m}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      {backup && (
        <div className="alert alert-warning" role="region" aria-label="Niet opgeslagen kopie">
          <p>
            <strong>Er staat een kopie in deze browser die niet is opgeslagen</strong> (van {dateTime(backup.at)}).
            {backup.baseRevision !== null &&
              state &&
              backup.baseRevision !== state.revision &&
              " Het artikel is intussen ook door iemand anders gewijzigd: controleer de tekst na het terugzetten."}
          </p>
          <div className="btn-row">
            <button type="button" className="btn" onClick={restoreBackup}>
              Kopie terugzetten
            </button>
            <button type="button" className="btn btn-secondary" onClick={discardBackup}>
              Kopie weggooien
            </button>
          </div>
        </div>
      )}

      <SaveStatus
        state={saveState}
        autosave={autosave}
        isNew={!articleId}
        onRetry={() => void save({ manual: true })}
      />

      <div role="tablist" aria-label="Weergave" className="editor-tabs">
        {(["edit", "preview"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`${uid}-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`${uid}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                const next = t === "edit" ? "preview" : "edit";
                setTab(next);
                document.getElementById(`${uid}-tab-${next}`)?.focus();
              }
            }}
          >
            {t === "edit" ? "Bewerken" : "Voorbeeld"}
          </button>
        ))}
      </div>

      <div className={`two-col editor-grid${tab === "preview" ? " is-preview" : ""}`}>
        <div>
          <div role="tabpanel" id={`${uid}-panel-edit`} aria-labelledby={`${uid}-tab-edit`} hidden={tab !== "edit"}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save({ manual: true, note }).then((r) => r && setNote(""));
              }}
              noValidate
            >
              <div className="field">
                <label htmlFor="f-title">Titel</label>
                <input
                  id="f-title"
                  type="text"
                  {...titleReg}
                  aria-invalid={!!fieldError("title")}
                  aria-describedby={described("title")}
                />
                {fieldError("title") && (
                  <p id="title-error" className="field-error">
                    {fieldError("title")}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor="f-slug">Webadres</label>
                <span className="hint" id="slug-hint">
                  Het artikel komt op /artikelen/{values.slug || "…"}. Kleine letters, cijfers en streepjes.
                </span>
                <input
                  id="f-slug"
                  type="text"
                  {...slugReg}
                  aria-invalid={!!fieldError("slug")}
                  aria-describedby={described("slug", true)}
                />
                {fieldError("slug") && (
                  <p id="slug-error" className="field-error">
                    {fieldError("slug")}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor="f-summary">Samenvatting</label>
                <span className="hint" id="summary-hint">
                  Eén of twee zinnen. Deze tekst staat in de zoekresultaten.
                </span>
                <textarea
                  id="f-summary"
                  rows={3}
                  {...register("summary")}
                  aria-invalid={!!fieldError("summary")}
                  aria-describedby={described("summary", true)}
                />
                {fieldError("summary") && (
                  <p id="summary-error" className="field-error">
                    {fieldError("summary")}
                  </p>
                )}
              </div>
              <fieldset id="f-questions" className="field question-group" aria-describedby="questions-hint">
                <legend>Ook gevraagd als</legend>
                <span className="hint" id="questions-hint">
                  Zo vragen scholen en bellers het in hun eigen woorden. De zoekfunctie vindt het artikel ook met deze
                  vragen (minder zwaar dan de titel). Ze staan niet op de website. Elke vraag 5 tot 200 tekens,
                  hoogstens {MAX_QUESTIONS} vragen.
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
                {(questionErrors?.message ?? questionErrors?.root?.message) && (
                  <p id="questions-error" className="field-error">
                    {questionErrors?.message ?? questionErrors?.root?.message}
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
              <div className="field-row">
                <div className="field">
                  <label htmlFor="f-type">Soort artikel</label>
                  <select
                    id="f-type"
                    {...register("type")}
                    aria-invalid={!!fieldError("type")}
                    aria-describedby={described("type")}
                  >
                    <option value="faq">Veelgestelde vraag</option>
                    <option value="nieuws">Nieuws en praktijk</option>
                  </select>
                  {fieldError("type") && (
                    <p id="type-error" className="field-error">
                      {fieldError("type")}
                    </p>
                  )}
                </div>
                <div className="field">
                  <label htmlFor="f-topic">Onderwerp</label>
                  <select
                    id="f-topic"
                    {...register("topic")}
                    aria-invalid={!!fieldError("topic")}
                    aria-describedby={described("topic")}
                  >
                    <option value="">Kies een onderwerp</option>
                    {props.choices.topics.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                  {fieldError("topic") && (
                    <p id="topic-error" className="field-error">
                      {fieldError("topic")}
                    </p>
                  )}
                </div>
                <div className="field">
                  <label htmlFor="f-reviewDueAt">Controleren vóór</label>
                  <input
                    id="f-reviewDueAt"
                    type="date"
                    {...register("reviewDueAt")}
                    aria-invalid={!!fieldError("reviewDueAt")}
                    aria-describedby={described("reviewDueAt")}
                  />
                  {fieldError("reviewDueAt") && (
                    <p id="reviewDueAt-error" className="field-error">
                      {fieldError("reviewDueAt")}
                    </p>
                  )}
                </div>
              </div>
              <div className="field-row">
                {(["audiences", "sectors"] as const).map((list) => (
                  <fieldset
                    key={list}
                    id={`fs-${list}`}
                    className="field checkbox-group"
                    aria-invalid={!!fieldError(list)}
                    aria-describedby={fieldError(list) ? `${list}-error` : undefined}
                  >
                    <legend>{FORM_LABELS[list]}</legend>
                    {props.choices[list].map((c) => (
                      <label key={c.id} className="check">
                        <input type="checkbox" value={c.id} {...register(list)} /> {c.label}
                      </label>
                    ))}
                    {fieldError(list) && (
                      <p id={`${list}-error`} className="field-error">
                        {fieldError(list)}
                      </p>
                    )}
                  </fieldset>
                ))}
              </div>

              <div className="field" id={`${uid}-editor`} tabIndex={-1}>
                <p className="label" id={`${uid}-body-label`}>
                  Tekst
                </p>
                <ArticleEditor
                  value={body}
                  onChange={setBody}
                  rules={props.rules}
                  defaultProtocol={props.defaultProtocolId}
                  label="Tekst van het artikel"
                />
                {bodyError && (
                  <p id="body-error" className="field-error">
                    {bodyError}
                  </p>
                )}
              </div>

              <div className="btn-row">
                <button type="submit" className="btn" disabled={saveState.kind === "saving"}>
                  {!articleId
                    ? "Concept opslaan"
                    : working === "in_review" || working === "scheduled"
                      ? "Wijziging opslaan (wordt weer concept)"
                      : "Nu opslaan"}
                </button>
                {articleId && (
                  <Link href={`/redactie/artikelen/${articleId}/versies`}>Versies bekijken en vergelijken</Link>
                )}
              </div>
            </form>
          </div>

          <div
            role="tabpanel"
            id={`${uid}-panel-preview`}
            aria-labelledby={`${uid}-tab-preview`}
            hidden={tab !== "preview"}
            className="preview-panel"
          >
            {tab === "preview" && (
              <>
                <p className="muted preview-note">
                  Zo ziet het artikel eruit op de website. Protocolregels en links naar andere artikelen komen uit de
                  actuele gegevens.
                </p>
                {!preview && <p role="status">Voorbeeld wordt geladen…</p>}
                {preview?.message && (
                  <div className="alert alert-error" role="alert">
                    <p>{preview.message}</p>
                  </div>
                )}
                {preview?.html !== undefined && preview?.html !== null && (
                  <div className="article-layout">
                    <article className="article-body" aria-labelledby={`${uid}-preview-title`}>
                      {values.type === "nieuws" && <p className="tag">Nieuws en praktijk</p>}
                      <h1 id={`${uid}-preview-title`}>{values.title || "(nog geen titel)"}</h1>
                      <p className="lead" style={{ fontSize: "1.1rem" }}>
                        {values.summary}
                      </p>
                      <p className="article-meta">
                        Laatst gecontroleerd op{" "}
                        {new Date().toLocaleDateString("nl-NL", {
                          timeZone: "Europe/Amsterdam",
                          day: "numeric",
                          month: "long",
                          year: "numeric",
                        })}
                        . Voor:{" "}
                        {(values.audiences ?? [])
                          .map((a) => props.choices.audiences.find((c) => c.id === a)?.label ?? a)
                          .join(", ")}
                        .
                      </p>
                      <div dangerouslySetInnerHTML={{ __html: preview.html }} />
                    </article>
                    <aside aria-label="Meer hulp (voorbeeld)">
                      <p className="muted">
                        Op de website staan hier ‘Lees ook’, de contactgegevens van de helpdesk en ‘Was dit artikel
                        nuttig?’.
                      </p>
                    </aside>
                  </div>
                )}
              </>
            )}
          </div>
        </div>

        <aside className="editor-side" aria-label="Status en controles">
          <section className="card" aria-labelledby={`${uid}-wf`}>
            <h2 id={`${uid}-wf`}>Status</h2>
            <p>
              <span className={`status art-${state ? working : "draft"}`}>
                {state ? STATUS_LABELS[working] : "Nieuw, nog niet opgeslagen"}
              </span>
              {state && state.status === "published" && working !== "published" && (
                <>
                  {" "}
                  <span className="tag">online staat de vorige versie</span>
                </>
              )}
            </p>
            {live && (
              <p>
                Online: <Link href={`/artikelen/${live}`}>/artikelen/{live}</Link>
              </p>
            )}
            {working === "in_review" && state?.submittedBy && <p>Aangeboden door {state.submittedBy}.</p>}
            {working === "scheduled" && state?.scheduledAt && (
              <p>Wordt gepubliceerd op {dateTime(state.scheduledAt)}.</p>
            )}
            {state?.status === "published" && working === "draft" && (
              <p className="hint">De online versie blijft staan tot een andere redacteur uw wijziging goedkeurt.</p>
            )}

            {articleId && working !== "archived" && (
              <div className="field">
                <label htmlFor={`${uid}-note`}>Notitie bij de volgende stap</label>
                <span className="hint" id={`${uid}-note-hint`}>
                  Bijvoorbeeld wat u hebt veranderd, of wat er beter moet.
                </span>
                <textarea
                  id={`${uid}-note`}
                  rows={2}
                  value={note}
                  maxLength={2000}
                  onChange={(e) => setNote(e.target.value)}
                  aria-invalid={!!noteError}
                  aria-describedby={`${uid}-note-hint${noteError ? ` ${uid}-note-error` : ""}`}
                />
                {noteError && (
                  <p id={`${uid}-note-error`} className="field-error">
                    {noteError}
                  </p>
                )}
              </div>
            )}

            <div className="workflow-buttons">
              {articleId && working === "draft" && (
                <button type="button" className="btn" disabled={busy} onClick={onSubmitForReview}>
                  Ter beoordeling aanbieden
                </button>
              )}
              {articleId && working === "in_review" && state?.canApprove && (
                <>
                  <button type="button" className="btn" disabled={busy} onClick={() => onApprove(false)}>
                    Goedkeuren en publiceren
                  </button>
                  <div className="field">
                    <label htmlFor={`${uid}-at`}>Of publiceren op</label>
                    <input
                      id={`${uid}-at`}
                      type="datetime-local"
                      value={publishAt}
                      onChange={(e) => setPublishAt(e.target.value)}
                    />
                  </div>
                  <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => onApprove(true)}>
                    Goedkeuren en inplannen
                  </button>
                  <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => onReject(false)}>
                    Terugsturen naar de schrijver
                  </button>
                </>
              )}
              {articleId && working === "in_review" && !state?.canApprove && (
                <>
                  <p className="alert alert-warning four-eyes">
                    {isSubmitter
                      ? "U hebt dit artikel zelf aangeboden. Een andere redacteur of een beheerder moet het goedkeuren (vier ogen)."
                      : state?.wroteIt
                        ? "U hebt aan deze versie meegeschreven. Een redacteur of beheerder die er niet aan schreef, moet het goedkeuren (vier ogen)."
                        : "Dit artikel wacht op goedkeuring door een andere redacteur."}
                  </p>
                  {isSubmitter && (
                    <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => onReject(true)}>
                      Aanbieding intrekken
                    </button>
                  )}
                </>
              )}
              {articleId && working === "scheduled" && (
                <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => onReject(false)}>
                  Inplanning intrekken
                </button>
              )}
              {articleId && working !== "archived" && (
                <button type="button" className="btn btn-secondary btn-archive" disabled={busy} onClick={onArchive}>
                  {state?.status === "published" ? "Offline halen (archiveren)" : "Archiveren"}
                </button>
              )}
              {!articleId && <p className="hint">Sla het artikel eerst op. Daarna kunt u het laten beoordelen.</p>}
            </div>
            <div aria-live="polite">
              {workflowMsg && <p className={`alert alert-${workflowMsg.kind}`}>{workflowMsg.text}</p>}
            </div>
          </section>

          <section className="card checks" aria-labelledby={`${uid}-b1`}>
            <h2 id={`${uid}-b1`}>Leesbaarheid (B1)</h2>
            <p className="hint">Tips, geen regels: u kunt het artikel ook zonder deze aanpassingen opslaan.</p>
            {docFindings.length + fieldFindings.length === 0 ? (
              <p>Geen opmerkingen. Goed leesbaar!</p>
            ) : (
              <>
                <p>
                  {docFindings.length + fieldFindings.length}{" "}
                  {docFindings.length + fieldFindings.length === 1 ? "opmerking" : "opmerkingen"}.
                </p>
                <ul className="plain-list finding-list">
                  {fieldFindings.map((f, i) => (
                    <li key={`f${i}`}>
                      <span className={`finding-kind kind-${f.kind}`}>{KIND_LABELS[f.kind]}</span>{" "}
                      <span className="muted">in {f.where}</span>
                      <q>{f.text.length > 80 ? `${f.text.slice(0, 80)}…` : f.text}</q>
                      <span className="finding-msg">{f.message}</span>
                    </li>
                  ))}
                  {docFindings.slice(0, 40).map((f, i) => (
                    <li key={`d${i}`}>
                      <span className={`finding-kind kind-${f.kind}`}>{KIND_LABELS[f.kind]}</span>
                      <q>{f.text.length > 80 ? `${f.text.slice(0, 80)}…` : f.text}</q>
                      <span className="finding-msg">{f.message}</span>
                      <button type="button" className="btn-link" onClick={() => showInText(f.from, f.to)}>
                        Aanwijzen in de tekst
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section className="card checks" aria-labelledby={`${uid}-links`}>
            <h2 id={`${uid}-links`}>Links naar artikelen</h2>
            {links === null ? (
              <p className="muted">Wordt gecontroleerd…</p>
            ) : links.length === 0 ? (
              <p>Alle links naar andere artikelen werken.</p>
            ) : (
              <ul className="plain-list finding-list">
                {links.map((l, i) => (
                  <li key={i}>
                    <span className="finding-kind kind-link">
                      {l.kind === "missing" ? "Bestaat niet" : "Niet online"}
                    </span>
                    <q>{l.text}</q>
                    <span className="finding-msg">{l.message}</span>
                    {l.articleId && <Link href={`/redactie/artikelen/${l.articleId}`}>Artikel openen</Link>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

function SaveStatus({
  state,
  autosave,
  isNew,
  onRetry,
}: {
  state: SaveState;
  autosave: boolean;
  isNew: boolean;
  onRetry: () => void;
}) {
  let text: string;
  let tone = "";
  switch (state.kind) {
    case "idle":
      text = isNew ? "Nog niet opgeslagen. Uw tekst wordt wel bewaard in deze browser." : "";
      break;
    case "dirty":
      text = autosave ? "Wijzigingen worden zo opgeslagen…" : "Niet opgeslagen wijzigingen. Klik op opslaan.";
      break;
    case "saving":
      text = "Bezig met opslaan…";
      break;
    case "saved":
      text = state.at
        ? `Alles is opgeslagen (versie ${state.revision}, ${time(state.at)}).`
        : `Alles is opgeslagen (versie ${state.revision}).`;
      tone = "ok";
      break;
    case "invalid":
      text = "Nog niet opgeslagen: vul eerst de velden met een melding in. Uw tekst is bewaard in deze browser.";
      tone = "warn";
      break;
    case "retry":
      text = `Opslaan is niet gelukt (poging ${state.attempt}). Wij proberen het over ${state.seconds} seconden opnieuw. Uw tekst is bewaard in deze browser.`;
      tone = "warn";
      break;
    case "conflict":
      text = state.message;
      tone = "error";
      break;
    case "error":
      text = `Niet opgeslagen: ${state.message}`;
      tone = "error";
      break;
  }
  return (
    <div className={`save-status ${tone}`}>
      <p role="status" aria-live="polite">
        {text}
      </p>
      {state.kind === "retry" && (
        <button type="button" className="btn btn-small btn-secondary" onClick={onRetry}>
          Nu opnieuw proberen
        </button>
      )}
      {state.kind === "conflict" && (
        <button type="button" className="btn btn-small btn-secondary" onClick={() => window.location.reload()}>
          Nieuwste versie laden
        </button>
      )}
    </div>
  );
}
