"use client";
// The question analysis: who are you → your question (with matching articles first) → contact → review.
// react-hook-form with the same zod schema as the server; values are kept across steps and in sessionStorage,
// so nothing typed is lost on an error, on going back or on a reload.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, type FieldErrors, type FieldPath } from "react-hook-form";
import { z } from "zod";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";
import { SERVER_ACTION_MAX_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from "@/app/_core/body-limit";
import { ATTACHMENT_LIMITS, chosenFilesError } from "@/app/_modules/storage/file-type";
import { wizardSchema } from "@/app/_modules/tickets/schema";
import { CALLER_TYPE_LABELS, CALLER_TYPES } from "@/app/_modules/triage/schema";
import { deskWithArticle } from "@/app/_modules/desks/article";
import { submitWizard } from "./actions";
import { SuggestedArticles, type SuggestedArticle } from "./SuggestedArticles";

type Values = z.input<typeof wizardSchema>;
type Desk = { id: string; name: string; article?: string; phone: string; phoneHref: string; hoursText: string };
type Triage = {
  desk: "po" | "vo-mbo" | "out-of-scope" | "unknown";
  clarify?: string;
  topic: string;
  reasons: string[];
  suggestions: SuggestedArticle[];
  protocolHints: string[];
};

const STORAGE_KEY = "vraag-concept-v1";
const STEPS = ["Wie bent u?", "Uw vraag", "Uw gegevens", "Controleren en versturen"] as const;
const STEP_FIELDS: FieldPath<Values>[][] = [
  ["callerType", "organisation", "schoolCode", "sector"],
  ["topic", "question"],
  ["name", "email", "phone"],
  [],
];
const ABSENCE_TOPICS = new Set([
  "verzuim-melden",
  "soorten-verzuim",
  "te-laat-en-spijbelen",
  "ziekteverzuim",
  "verlof",
  "thuiszitters",
]);
const SECTOR_CHOICE = [
  { id: "po", label: "Primair onderwijs (basisschool, speciaal basisonderwijs)" },
  { id: "vo", label: "Voortgezet onderwijs" },
  { id: "mbo", label: "Middelbaar beroepsonderwijs (mbo)" },
];
const FIELD_LABELS: Partial<Record<string, string>> = {
  callerType: "Wie bent u?",
  organisation: "Naam van uw school of organisatie",
  schoolCode: "BRIN- of RIO-code",
  sector: "Sector",
  topic: "Onderwerp",
  question: "Uw vraag",
  name: "Uw naam",
  email: "E-mailadres",
  phone: "Telefoonnummer",
  attachments: "Bijlagen",
};

const newRunId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export function QuestionWizard({
  topics,
  desks,
  initialQuestion,
}: {
  topics: { id: string; label: string }[];
  desks: Desk[];
  initialQuestion?: string;
}) {
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [triage, setTriage] = useState<Triage | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<{ reference: string; deskId: string; followUpUrl: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const runId = useRef<string>("");
  const shownFor = useRef<string>("");

  const form = useForm<Values>({
    resolver: zodResolver(wizardSchema),
    mode: "onTouched",
    defaultValues: {
      callerType: undefined,
      organisation: "",
      schoolCode: "",
      sector: "",
      topic: "",
      question: initialQuestion ?? "",
      name: "",
      email: "",
      phone: "",
      website: "",
      startedAt: Date.now(),
    },
  });
  const { register, watch, trigger, setValue, getValues, formState, setError } = form;
  const errors = formState.errors as FieldErrors<Values>;
  const callerType = watch("callerType");
  const question = watch("question") ?? "";
  const sector = watch("sector");
  const topic = watch("topic");

  // Restore a draft and start a funnel run (page memory only, no cookie).
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
  }, [initialQuestion, setValue]);
  const doneRef = useRef(false);
  useEffect(() => {
    const sub = watch((v) => {
      const { website: _w, startedAt: _s, ...rest } = v;
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(rest));
      } catch {}
    });
    return () => sub.unsubscribe();
  }, [watch]);

  // Ask the triage engine while the question is typed: suggestions first, the desk for the review step.
  const runTriage = useCallback(async (): Promise<Triage | null> => {
    const v = getValues();
    if (!v.callerType || (v.question ?? "").trim().length < 3) return null;
    try {
      const res = await fetch("/api/v1/triage", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ callerType: v.callerType, sector: v.sector || undefined, question: v.question }),
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
  }, [question, step, runTriage, getValues, setValue]);

  const bsnWarning = useMemo(() => containsPersonalNumber(question), [question]);
  const isParent = callerType === "parent-or-student";
  const needsSector = callerType === "school-board" || callerType === "other";

  const goTo = (n: number) => {
    setStep(n);
    setServerError(null);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const next = async () => {
    const ok = await trigger(STEP_FIELDS[step]);
    if (!ok) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (step === 2) await runTriage();
    goTo(step + 1);
  };

  const onFiles = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    setFileError(null);
    const problem = chosenFilesError(chosen);
    if (problem) {
      setFiles([]);
      return setFileError(problem);
    }
    setFiles(chosen);
  };

  const submit = async () => {
    const ok = await trigger();
    if (!ok) {
      const first = STEP_FIELDS.findIndex((fields) =>
        fields.some((f) => (form.formState.errors as Record<string, unknown>)[f]),
      );
      if (first >= 0 && first !== step) goTo(first);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    // Checked again right before sending: the server refuses a larger post (413) without reading it.
    if (
      files.some((f) => f.size > ATTACHMENT_LIMITS.maxBytes) ||
      files.reduce((n, f) => n + f.size, 0) > SERVER_ACTION_MAX_BYTES - 1024 * 1024
    ) {
      setFileError(UPLOAD_TOO_LARGE_MESSAGE);
      setServerError(UPLOAD_TOO_LARGE_MESSAGE);
      if (step !== 1) goTo(1);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSubmitting(true);
    setServerError(null);
    const v = getValues();
    const fd = new FormData();
    for (const [k, val] of Object.entries(v)) if (val !== undefined && val !== null) fd.set(k, String(val));
    fd.set("runId", runId.current);
    for (const f of files) fd.append("attachments", f);
    const r = await submitWizard(fd).catch(() => ({
      ok: false as const,
      error: "Versturen lukte niet. Controleer uw internetverbinding en probeer het opnieuw. Uw gegevens zijn bewaard.",
      fieldErrors: {} as Record<string, string>,
    }));
    setSubmitting(false);
    if (r.ok) {
      doneRef.current = true;
      setDone(r.data);
      try {
        sessionStorage.removeItem(STORAGE_KEY);
      } catch {}
      requestAnimationFrame(() => headingRef.current?.focus());
      return;
    }
    setServerError(r.error);
    let firstStep = -1;
    for (const [path, message] of Object.entries(r.fieldErrors)) {
      if (path === "attachments" || path.startsWith("attachments.")) setFileError(message);
      else setError(path as FieldPath<Values>, { type: "server", message });
      const s = STEP_FIELDS.findIndex(
        (fields) =>
          fields.includes(path as FieldPath<Values>) || (path.startsWith("attachments") && fields.includes("question")),
      );
      if (s >= 0 && (firstStep < 0 || s < firstStep)) firstStep = s;
    }
    if (firstStep >= 0 && firstStep !== step) goTo(firstStep);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  if (done) {
    const desk = desks.find((d) => d.id === done.deskId);
    return (
      <section aria-labelledby="done-title">
        <h2 id="done-title" ref={headingRef} tabIndex={-1}>
          Uw vraag is verstuurd
        </h2>
        <div className="alert alert-success" role="status">
          <p>
            Uw referentie is <strong>{done.reference}</strong>. Wij hebben een bevestiging gemaild met een link om uw
            vraag te volgen.
          </p>
        </div>
        {desk && (
          <p>
            {deskWithArticle(desk.name, desk.article, true)} beantwoordt uw vraag. U krijgt in de regel binnen 1 werkdag
            een eerste reactie. Dringend? Bel <a href={`tel:${desk.phoneHref}`}>{desk.phone}</a> ({desk.hoursText}) en
            noem uw referentie.
          </p>
        )}
        <p>
          <a className="btn" href={done.followUpUrl}>
            Uw vraag volgen
          </a>
        </p>
      </section>
    );
  }

  const errorEntries = Object.entries(errors).filter(
    ([k]) => STEP_FIELDS[step]!.includes(k as FieldPath<Values>) || step === 3,
  );
  const err = (name: keyof Values) => (errors[name]?.message ? String(errors[name]!.message) : undefined);
  const fieldProps = (name: keyof Values, hint?: string) => ({
    id: name,
    "aria-invalid": err(name) ? true : undefined,
    "aria-describedby":
      [hint ? `${name}-hint` : null, err(name) ? `${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  const FieldError = ({ name }: { name: keyof Values }) =>
    err(name) ? (
      <p id={`${name}-error`} className="field-error">
        {err(name)}
      </p>
    ) : null;
  const deskInfo =
    triage && (triage.desk === "po" || triage.desk === "vo-mbo") ? desks.find((d) => d.id === triage.desk) : null;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void (step === 3 ? submit() : next());
      }}
      noValidate
    >
      <nav aria-label="Stappen">
        <ol className="plain-list" style={{ display: "flex", gap: "0.5rem 1.25rem", flexWrap: "wrap" }}>
          {STEPS.map((s, i) => (
            <li key={s} style={{ border: 0, padding: 0 }} aria-current={i === step ? "step" : undefined}>
              {i === step ? (
                <strong>
                  {i + 1}. {s}
                </strong>
              ) : (
                <span className="muted">
                  {i + 1}. {s}
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={headingRef} tabIndex={-1}>
        Stap {step + 1} van 4: {STEPS[step]}
      </h2>

      <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
        {(errorEntries.length > 0 || serverError) && (
          <div className="alert alert-error" role="alert">
            <p>
              <strong>{serverError ?? "Niet alle velden zijn goed ingevuld:"}</strong>
            </p>
            {errorEntries.length > 0 && (
              <ul>
                {errorEntries.map(([k, e]) => (
                  <li key={k}>
                    <a href={`#${k}`}>
                      {FIELD_LABELS[k] ?? k}: {String((e as { message?: string })?.message ?? "")}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      {/* Honeypot: invisible to people, filled by bots. */}
      <div
        aria-hidden="true"
        style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}
      >
        <label htmlFor="website">Website</label>
        <input id="website" type="text" tabIndex={-1} autoComplete="off" {...register("website")} />
      </div>

      {step === 0 && (
        <>
          <fieldset aria-describedby={err("callerType") ? "callerType-error" : undefined}>
            <legend>Wie bent u?</legend>
            {CALLER_TYPES.map((c) => (
              <label key={c} className="choice">
                <input
                  type="radio"
                  value={c}
                  {...register("callerType")}
                  id={c === CALLER_TYPES[0] ? "callerType" : undefined}
                />
                {CALLER_TYPE_LABELS[c]}
              </label>
            ))}
            <FieldError name="callerType" />
          </fieldset>
          {isParent ? (
            <div className="alert" role="status">
              <p>
                <strong>De helpdesks helpen alleen scholen, gemeenten en softwareleveranciers.</strong>
              </p>
              <p>
                Bent u ouder, leerling of student? Neem contact op met de school. Gaat het over leerplicht of verzuim?
                Dan helpt de leerplichtambtenaar van uw gemeente u verder.
              </p>
              <p>
                In de <Link href="/zoeken">veelgestelde vragen</Link> vindt u ook veel antwoorden, bijvoorbeeld over{" "}
                <Link href="/onderwerpen/verlof">verlof</Link> en{" "}
                <Link href="/onderwerpen/ziekteverzuim">ziekmelden</Link>.
              </p>
            </div>
          ) : (
            <>
              <div className="field">
                <label htmlFor="organisation">Naam van uw school of organisatie</label>
                <input
                  type="text"
                  autoComplete="organization"
                  {...register("organisation")}
                  {...fieldProps("organisation")}
                />
                <FieldError name="organisation" />
              </div>
              <div className="field">
                <label htmlFor="schoolCode">
                  BRIN- of RIO-code <span className="muted">(niet verplicht)</span>
                </label>
                <span className="hint" id="schoolCode-hint">
                  Bijvoorbeeld 12AB. Zo vinden wij uw school sneller.
                </span>
                <input
                  type="text"
                  style={{ maxWidth: "12rem" }}
                  {...register("schoolCode")}
                  {...fieldProps("schoolCode", "x")}
                />
                <FieldError name="schoolCode" />
              </div>
              {needsSector && (
                <fieldset>
                  <legend>
                    Over welke sector gaat uw vraag? <span className="muted">(niet verplicht)</span>
                  </legend>
                  {SECTOR_CHOICE.map((s) => (
                    <label key={s.id} className="choice">
                      <input
                        type="radio"
                        value={s.id}
                        {...register("sector")}
                        id={s.id === "po" ? "sector" : undefined}
                      />{" "}
                      {s.label}
                    </label>
                  ))}
                  <FieldError name="sector" />
                </fieldset>
              )}
            </>
          )}
        </>
      )}

      {step === 1 && (
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
            <FieldError name="topic" />
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
            <FieldError name="question" />
            <p className="muted" style={{ fontSize: "0.9rem" }}>
              {question.length} van 5.000 tekens
            </p>
          </div>
          <div className="field">
            <label htmlFor="attachments">
              Bijlagen <span className="muted">(niet verplicht)</span>
            </label>
            <span className="hint" id="attachments-hint">
              Maximaal 3 bestanden van 5 MB: png, jpg, pdf, txt of csv. Bijvoorbeeld een schermafbeelding van een
              foutmelding.
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
          <section aria-live="polite" aria-labelledby="suggestions-title">
            {triage && (
              <SuggestedArticles
                suggestions={triage.suggestions}
                onOpen={() => void beacon(runId.current, "article_opened")}
                onAnswered={() => {
                  void beacon(runId.current, "answered");
                  doneRef.current = true;
                  window.location.href = "/";
                }}
              />
            )}
            {(ABSENCE_TOPICS.has(topic ?? "") || (triage?.protocolHints.length ?? 0) > 0) && (
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
      )}

      {step === 2 && (
        <>
          <div className="field">
            <label htmlFor="name">Uw naam</label>
            <input type="text" autoComplete="name" {...register("name")} {...fieldProps("name")} />
            <FieldError name="name" />
          </div>
          <div className="field">
            <label htmlFor="email">E-mailadres</label>
            <span className="hint" id="email-hint">
              Hierop ontvangt u de bevestiging en ons antwoord.
            </span>
            <input type="email" autoComplete="email" {...register("email")} {...fieldProps("email", "x")} />
            <FieldError name="email" />
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
            <FieldError name="phone" />
          </div>
        </>
      )}

      {step === 3 && (
        <>
          {triage?.desk === "unknown" && (
            <fieldset>
              <legend>{triage.clarify ?? "Over welke sector gaat uw vraag?"}</legend>
              {SECTOR_CHOICE.map((s) => (
                <label key={s.id} className="choice">
                  <input
                    type="radio"
                    value={s.id}
                    {...register("sector", { onChange: () => void runTriage() })}
                    id={s.id === "po" ? "sector" : undefined}
                  />{" "}
                  {s.label}
                </label>
              ))}
              <FieldError name="sector" />
            </fieldset>
          )}
          {triage?.desk === "out-of-scope" && (
            <div className="alert alert-warning" role="status">
              <p>
                Uw vraag lijkt van een ouder of leerling te komen. De helpdesks helpen alleen scholen, gemeenten en
                softwareleveranciers. Neem contact op met de school of met de leerplichtambtenaar van uw gemeente.
              </p>
            </div>
          )}
          {deskInfo && (
            <div className="card" style={{ marginBottom: "1rem" }}>
              <h3>Uw vraag gaat naar: {deskInfo.name}</h3>
              {triage?.reasons.map((r, i) => (
                <p key={i}>{r}</p>
              ))}
              <p>
                Telefoon: <a href={`tel:${deskInfo.phoneHref}`}>{deskInfo.phone}</a>, {deskInfo.hoursText}.
              </p>
            </div>
          )}
          <dl className="card" style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.35rem 1rem" }}>
            <dt>Wie</dt>
            <dd style={{ margin: 0 }}>
              {callerType ? CALLER_TYPE_LABELS[callerType as keyof typeof CALLER_TYPE_LABELS] : "—"},{" "}
              {getValues("organisation")}
              {getValues("schoolCode") ? ` (${getValues("schoolCode")})` : ""}{" "}
              <button type="button" className="linklike" onClick={() => goTo(0)}>
                Wijzigen<span className="visually-hidden"> wie u bent</span>
              </button>
            </dd>
            <dt>Onderwerp</dt>
            <dd style={{ margin: 0 }}>
              {topics.find((t) => t.id === topic)?.label ?? "—"}{" "}
              <button type="button" className="linklike" onClick={() => goTo(1)}>
                Wijzigen<span className="visually-hidden"> onderwerp en vraag</span>
              </button>
            </dd>
            <dt>Vraag</dt>
            <dd style={{ margin: 0, whiteSpace: "pre-wrap" }}>{question}</dd>
            {files.length > 0 && (
              <>
                <dt>Bijlagen</dt>
                <dd style={{ margin: 0 }}>{files.map((f) => f.name).join(", ")}</dd>
              </>
            )}
            <dt>Contact</dt>
            <dd style={{ margin: 0 }}>
              {getValues("name")}, {getValues("email")}
              {getValues("phone") ? `, ${getValues("phone")}` : ""}{" "}
              <button type="button" className="linklike" onClick={() => goTo(2)}>
                Wijzigen<span className="visually-hidden"> contactgegevens</span>
              </button>
            </dd>
          </dl>
          {sector && needsSector && (
            <p className="muted">Sector: {SECTOR_CHOICE.find((s) => s.id === sector)?.label}</p>
          )}
        </>
      )}

      <div className="btn-row">
        {step > 0 && (
          <button type="button" className="btn btn-secondary" onClick={() => goTo(step - 1)}>
            Vorige stap
          </button>
        )}
        {step < 3 && !isParent && (
          <button type="submit" className="btn">
            Volgende stap
          </button>
        )}
        {step === 3 && (
          <button type="submit" className="btn" disabled={submitting || triage?.desk === "out-of-scope"}>
            {submitting ? "Bezig met versturen…" : "Vraag versturen"}
          </button>
        )}
      </div>
    </form>
  );
}

async function beacon(runId: string, event: string) {
  try {
    await fetch("/api/v1/deflection", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ runId, event }),
      keepalive: true,
    });
  } catch {}
}
