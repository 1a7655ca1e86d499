"use client";
// Step 4, "Controleren en versturen": the sector question when the analysis cannot tell, the out-of-scope notice,
// the desk the question goes to (with why, and its phone and hours), and everything entered, each with "Wijzigen".
import { CALLER_TYPE_LABELS } from "@/app/_modules/triage/caller-types";
import type { QuestionWizardState } from "./useQuestionWizard";
import { FieldError } from "./WizardChrome";
import { fieldHelpers, ON_BEHALF_TYPES, SECTOR_CHOICE, type Desk } from "./wizard-model";

export function StepReview({
  w,
  desks,
  topics,
}: {
  w: QuestionWizardState;
  desks: Desk[];
  topics: { id: string; label: string }[];
}) {
  const { register, formState, watch } = w.form;
  const { err } = fieldHelpers(formState.errors);
  const { triage } = w;
  const callerType = watch("callerType");
  const sector = watch("sector");
  const deskInfo =
    triage && (triage.desk === "po" || triage.desk === "vo-mbo") ? desks.find((d) => d.id === triage.desk) : null;
  return (
    <>
      {triage?.desk === "unknown" && (
        <fieldset>
          <legend>{triage.clarify ?? "Over welke sector gaat uw vraag?"}</legend>
          {SECTOR_CHOICE.map((s) => (
            <label key={s.id} className="choice">
              <input
                type="radio"
                value={s.id}
                {...register("sector", { onChange: () => void w.runTriage() })}
                id={s.id === "po" ? "sector" : undefined}
              />{" "}
              {s.label}
            </label>
          ))}
          <FieldError message={err("sector")} name="sector" />
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
      <Summary w={w} topics={topics} />
      {sector && (callerType === "school-board" || callerType === "other") && (
        <p className="muted">Sector: {SECTOR_CHOICE.find((s) => s.id === sector)?.label}</p>
      )}
    </>
  );
}

function Summary({ w, topics }: { w: QuestionWizardState; topics: { id: string; label: string }[] }) {
  const { getValues, watch } = w.form;
  const callerType = watch("callerType");
  const question = watch("question") ?? "";
  const topic = watch("topic");
  const school = callerType && ON_BEHALF_TYPES.has(callerType) ? getValues("aboutSchoolCode") : "";
  const change = (step: number, what: string) => (
    <button type="button" className="linklike" onClick={() => w.goTo(step)}>
      Wijzigen<span className="visually-hidden"> {what}</span>
    </button>
  );
  return (
    <dl className="card" style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.35rem 1rem" }}>
      <dt>Wie</dt>
      <dd style={{ margin: 0 }}>
        {callerType ? CALLER_TYPE_LABELS[callerType as keyof typeof CALLER_TYPE_LABELS] : "—"},{" "}
        {getValues("organisation")}
        {getValues("schoolCode") ? ` (${getValues("schoolCode")})` : ""} {change(0, "wie u bent")}
      </dd>
      {school && (
        <>
          <dt>Over school</dt>
          <dd style={{ margin: 0 }}>
            {w.schoolText && w.schoolText.toUpperCase() !== school ? `${w.schoolText} (${school})` : school}
          </dd>
        </>
      )}
      <dt>Onderwerp</dt>
      <dd style={{ margin: 0 }}>
        {topics.find((t) => t.id === topic)?.label ?? "—"} {change(1, "onderwerp en vraag")}
      </dd>
      <dt>Vraag</dt>
      <dd style={{ margin: 0, whiteSpace: "pre-wrap" }}>{question}</dd>
      {w.files.length > 0 && (
        <>
          <dt>Bijlagen</dt>
          <dd style={{ margin: 0 }}>{w.files.map((f) => f.name).join(", ")}</dd>
        </>
      )}
      <dt>Contact</dt>
      <dd style={{ margin: 0 }}>
        {getValues("name")}, {getValues("email")}
        {getValues("phone") ? `, ${getValues("phone")}` : ""} {change(2, "contactgegevens")}
      </dd>
    </dl>
  );
}
