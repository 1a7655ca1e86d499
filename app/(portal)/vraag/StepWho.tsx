"use client";
// Step 1, "Wie bent u?": the kind of caller; for parents the way to the school instead. Others name their school
// or organisation (a typeahead over the directory; free text stays possible), its code, the sector for a bestuur
// or "Anders", and — for a municipality, a vendor or a bestuur — the school the question is about.
import Link from "next/link";
import { useEffect, useMemo } from "react";
import { useController } from "react-hook-form";
import { Combobox } from "@/app/_components/Combobox";
import { CALLER_TYPE_LABELS, CALLER_TYPES } from "@/app/_modules/triage/caller-types";
import { directorySearch } from "./directory-search";
import type { QuestionWizardState } from "./useQuestionWizard";
import { FieldError } from "./WizardChrome";
import { fieldHelpers, KIND_FOR_CALLER, ON_BEHALF_TYPES, SECTOR_CHOICE } from "./wizard-model";

const BRIN = /^[0-9]{2}[A-Z]{2}([0-9]{2})?$/;

export function StepWho({ w }: { w: QuestionWizardState }) {
  const { register, watch, formState } = w.form;
  const { err, fieldProps } = fieldHelpers(formState.errors);
  const callerType = watch("callerType");
  if (callerType === "parent-or-student")
    return (
      <>
        <CallerTypeChoice w={w} />
        <ParentNotice />
      </>
    );
  const needsSector = callerType === "school-board" || callerType === "other";
  return (
    <>
      <CallerTypeChoice w={w} />
      <OrganisationField w={w} />
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
        <FieldError message={err("schoolCode")} name="schoolCode" />
      </div>
      {needsSector && (
        <fieldset>
          <legend>
            Over welke sector gaat uw vraag? <span className="muted">(niet verplicht)</span>
          </legend>
          {SECTOR_CHOICE.map((s) => (
            <label key={s.id} className="choice">
              <input type="radio" value={s.id} {...register("sector")} id={s.id === "po" ? "sector" : undefined} />{" "}
              {s.label}
            </label>
          ))}
          <FieldError message={err("sector")} name="sector" />
        </fieldset>
      )}
      {callerType && ON_BEHALF_TYPES.has(callerType) && <SchoolConcernedField w={w} />}
    </>
  );
}

function CallerTypeChoice({ w }: { w: QuestionWizardState }) {
  const { register, formState } = w.form;
  const { err } = fieldHelpers(formState.errors);
  return (
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
      <FieldError message={err("callerType")} name="callerType" />
    </fieldset>
  );
}

function ParentNotice() {
  return (
    <div className="alert" role="status">
      <p>
        <strong>De helpdesks helpen alleen scholen, gemeenten en softwareleveranciers.</strong>
      </p>
      <p>
        Bent u ouder, leerling of student? Neem contact op met de school. Gaat het over leerplicht of verzuim? Dan helpt
        de leerplichtambtenaar van uw gemeente u verder.
      </p>
      <p>
        In de <Link href="/zoeken">veelgestelde vragen</Link> vindt u ook veel antwoorden, bijvoorbeeld over{" "}
        <Link href="/onderwerpen/verlof">verlof</Link> en <Link href="/onderwerpen/ziekteverzuim">ziekmelden</Link>.
      </p>
    </div>
  );
}

/** "Naam van uw school of organisatie": typed freely, or picked from the directory (then its id and code go along). */
function OrganisationField({ w }: { w: QuestionWizardState }) {
  const { control, setValue, getValues, watch, formState } = w.form;
  const { field } = useController({ control, name: "organisation" });
  const { err, fieldProps } = fieldHelpers(formState.errors);
  const kind = KIND_FOR_CALLER[watch("callerType") as keyof typeof KIND_FOR_CALLER];
  const search = useMemo(() => directorySearch(kind), [kind]);
  const props = fieldProps("organisation", "x");
  return (
    <div className="field">
      <label htmlFor="organisation">Naam van uw school of organisatie</label>
      <span className="hint" id="organisation-hint">
        Typ een deel van de naam, de plaats of de code en kies uit de lijst. Staat uw organisatie er niet bij? Typ dan
        de naam helemaal.
      </span>
      <Combobox
        id="organisation"
        inputRef={field.ref}
        value={field.value ?? ""}
        search={search}
        listLabel="Gevonden organisaties"
        autoComplete="organization"
        invalid={!!props["aria-invalid"]}
        describedBy={props["aria-describedby"]}
        onInput={(text) => {
          field.onChange(text);
          setValue("organisationId", "");
        }}
        onPick={({ data: o }) => {
          field.onChange(o.name);
          setValue("organisationId", o.id);
          if (o.kind === "school" && o.code && !getValues("schoolCode"))
            setValue("schoolCode", o.code, { shouldValidate: true });
        }}
        onBlur={field.onBlur}
      />
      <FieldError message={err("organisation") ?? err("organisationId")} name="organisation" />
    </div>
  );
}

/** "Over welke school gaat het?": a school from the directory, or its BRIN code typed in. */
function SchoolConcernedField({ w }: { w: QuestionWizardState }) {
  const { setValue, watch, formState, clearErrors } = w.form;
  const { err, fieldProps } = fieldHelpers(formState.errors);
  const search = useMemo(() => directorySearch("school"), []);
  const code = watch("aboutSchoolCode") ?? "";
  const props = fieldProps("aboutSchoolCode", "x");
  return (
    <div className="field">
      <label htmlFor="aboutSchoolCode">
        Over welke school gaat het? <span className="muted">(niet verplicht)</span>
      </label>
      <span className="hint" id="aboutSchoolCode-hint">
        Vraagt u iets namens of over één school? Typ de naam, de plaats of de BRIN-code en kies de school uit de lijst.
        Dan komt uw vraag bij de helpdesk van die school.
      </span>
      <Combobox
        id="aboutSchoolCode"
        value={w.schoolText || code}
        search={search}
        listLabel="Gevonden scholen"
        invalid={!!props["aria-invalid"]}
        describedBy={props["aria-describedby"]}
        onInput={(text) => {
          w.setSchoolText(text);
          const typed = text.toUpperCase().replace(/[\s.-]/g, "");
          setValue("aboutSchoolCode", BRIN.test(typed) ? typed : "");
          clearErrors("aboutSchoolCode");
        }}
        onPick={({ data: s }) => {
          w.setSchoolText(`${s.name}${s.place ? `, ${s.place}` : ""}`);
          setValue("aboutSchoolCode", s.code ?? "", { shouldValidate: true });
        }}
      />
      <FieldError message={err("aboutSchoolCode")} name="aboutSchoolCode" />
    </div>
  );
}

/** Drops the school concerned when the caller type no longer asks about one (so no hidden value is sent). */
export function useDropSchoolConcerned(w: QuestionWizardState) {
  const callerType = w.form.watch("callerType");
  const { setValue, getValues } = w.form;
  const { setSchoolText } = w;
  useEffect(() => {
    // Not before a caller type is known: a restored draft sets it after the school.
    if (!callerType || ON_BEHALF_TYPES.has(callerType)) return;
    if (getValues("aboutSchoolCode")) setValue("aboutSchoolCode", "");
    setSchoolText("");
  }, [callerType, getValues, setValue, setSchoolText]);
}
