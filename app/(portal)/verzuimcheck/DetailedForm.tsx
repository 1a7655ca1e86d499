"use client";
// The verzuimcheck's precise mode: dated events (typed or pasted from a school's administration) and school
// holidays, checked by the same zod schema as the server action.
import { useEffect, useMemo, useRef, useState } from "react";
import { useFieldArray, useForm, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { AbsenceCheckResult } from "@/app/_modules/protocol/check-service";
import { CHECK_EVENT_TYPES, EVENT_TYPE_LABELS, parsePastedEvents } from "@/app/_modules/protocol/check-input";
import { lazyZodResolver } from "@/app/_components/forms/lazy-resolver";
import type { DetailedCheckInput, DetailedCheckValues } from "@/app/_modules/protocol/check-forms";
import { checkDetailed } from "./actions";
import {
  describedBy,
  ErrorSummary,
  FieldError,
  flattenErrors,
  NETWORK_ERROR,
  protocolControl,
  type ServerResult,
} from "./form-bits";

// The form's zod schema loads after the page (see lazy-resolver.ts).
const detailedResolver = lazyZodResolver<DetailedCheckValues, DetailedCheckInput>(() =>
  import("@/app/_modules/protocol/check-forms").then((m) => m.detailedCheckSchema),
);

const DETAILED_LABEL = (path: string): string => {
  const m = /^events\.(\d+)\.(date|type|hours)$/.exec(path);
  if (m) return `Melding ${Number(m[1]) + 1}, ${{ date: "datum", type: "soort", hours: "uren" }[m[2] as "date"]}`;
  const h = /^holidays\.(\d+)\.(start|end)$/.exec(path);
  if (h) return `Vakantie ${Number(h[1]) + 1}, ${h[2] === "start" ? "eerste dag" : "laatste dag"}`;
  return (
    { protocol: "Protocol", asOf: "Peildatum", pasted: "Geplakte regels", events: "Meldingen", holidays: "Vakanties" }[
      path
    ] ?? path
  );
};

export function DetailedForm({
  protocol,
  today,
  onResult,
}: {
  protocol: string;
  today: string;
  onResult: (r: AbsenceCheckResult) => void;
}) {
  const form = useForm<DetailedCheckValues, unknown, DetailedCheckInput>({
    resolver: detailedResolver,
    mode: "onTouched",
    defaultValues: { protocol, asOf: today, events: [], pasted: "", holidays: [] },
  });
  const { register, control, handleSubmit, setValue, getValues, setError, setFocus, watch, formState } = form;
  const events = useFieldArray({ control, name: "events" });
  const holidays = useFieldArray({ control, name: "holidays" });
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => setValue("protocol", protocol), [protocol, setValue]);

  const pasted = watch("pasted") ?? "";
  const preview = useMemo(() => (pasted.trim() ? parsePastedEvents(pasted) : null), [pasted]);
  // Errors show once a field was left, or after a submit: a row just added is not "wrong" yet. (Adding a row
  // validates the whole field array, so the errors object alone would flag its empty fields at once.)
  const touched = formState.touchedFields as Record<string, unknown>;
  const wasTouched = (path: string) =>
    path
      .split(".")
      .reduce<unknown>(
        (o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined),
        touched,
      ) === true;
  const shown = (path: string, message: string | undefined) =>
    formState.isSubmitted || wasTouched(path) ? message : undefined;
  const errors = flattenErrors(formState.errors).filter((x) => formState.isSubmitted || wasTouched(x.path));
  const e = formState.errors;

  const submit = handleSubmit(
    async () => {
      setBusy(true);
      setServerError(null);
      const r: ServerResult<AbsenceCheckResult> = await checkDetailed(getValues()).catch(() => ({
        ok: false as const,
        error: NETWORK_ERROR,
        fieldErrors: {},
      }));
      setBusy(false);
      if (r.ok) return onResult(r.data);
      setServerError(r.error);
      for (const [path, message] of Object.entries(r.fieldErrors))
        setError(path as "pasted", { type: "server", message });
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    () => requestAnimationFrame(() => summaryRef.current?.focus()),
  );

  const addEvent = () => {
    events.append({ date: "", type: "unexcused", hours: "" }, { shouldFocus: false });
    requestAnimationFrame(() => setFocus(`events.${events.fields.length}.date`));
  };
  const addHoliday = () => {
    holidays.append({ start: "", end: "" }, { shouldFocus: false });
    requestAnimationFrame(() => setFocus(`holidays.${holidays.fields.length}.start`));
  };

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-labelledby="detailed-title">
      <h3 id="detailed-title">Precies: meldingen met datum</h3>
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        serverError={serverError}
        prefix="d"
        label={DETAILED_LABEL}
        idFor={protocolControl}
      />

      <div className="field">
        <label htmlFor="d-asOf">Peildatum</label>
        <span className="hint" id="d-asOf-hint">
          De dag waarop u kijkt. Standaard vandaag. Meldingen na deze dag tellen niet mee.
        </span>
        <input
          type="date"
          className="input-date"
          {...register("asOf")}
          {...describedBy("d-asOf", { hint: true, error: e.asOf?.message })}
        />
        <FieldError id="d-asOf" message={e.asOf?.message} />
      </div>

      <div className="field">
        <label htmlFor="d-pasted">
          Plak regels uit uw administratie <span className="muted">(niet verplicht)</span>
        </label>
        <span className="hint" id="d-pasted-hint">
          Eén melding per regel: datum, soort en uren. Gescheiden door een tab, een puntkomma of een komma, zoals een
          export uit Excel of uw leerlingadministratie. Bijvoorbeeld <code>2-3-2026;ongeoorloofd;1,5</code>. Soorten: te
          laat, ongeoorloofd (of gespijbeld), ziek, geoorloofd (of verlof). Een kopregel wordt overgeslagen. Zonder naam
          of leerlingnummer.
        </span>
        <textarea
          rows={8}
          spellCheck={false}
          className="paste-area"
          {...register("pasted")}
          {...describedBy("d-pasted", {
            hint: true,
            error: e.pasted?.message,
            extra: preview && preview.errors.length > 0 ? "d-pasted-lines" : undefined,
          })}
        />
        <FieldError id="d-pasted" message={e.pasted?.message} />
        {preview && <PastePreview preview={preview} />}
      </div>

      <EventRows
        fields={events.fields}
        register={register}
        errors={e}
        shown={shown}
        onRemove={(i) => events.remove(i)}
        onAdd={addEvent}
      />

      <HolidayRows
        fields={holidays.fields}
        register={register}
        errors={e}
        shown={shown}
        onRemove={(i) => holidays.remove(i)}
        onAdd={addHoliday}
      />

      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy}>
          {busy ? "Bezig met controleren…" : "Controleer"}
        </button>
      </div>
    </form>
  );
}

/** What the pasted lines read as: how many events, the header line, and each line that cannot be read. */
function PastePreview({ preview }: { preview: ReturnType<typeof parsePastedEvents> }) {
  return (
    <div className="paste-preview">
      <p className="muted">
        {preview.events.length === 1 ? "1 melding gelezen" : `${preview.events.length} meldingen gelezen`}
        {preview.headerLine !== null ? `; regel ${preview.headerLine} is een kopregel en is overgeslagen` : ""}
        {preview.errors.length > 0
          ? `; ${preview.errors.length === 1 ? "1 regel kan" : `${preview.errors.length} regels kunnen`} niet worden gelezen`
          : ""}
        .
      </p>
      {preview.errors.length > 0 && (
        <ul id="d-pasted-lines" className="line-issues">
          {preview.errors.map((x) => (
            <li key={x.line} className="field-error">
              <span>
                Regel {x.line} (<code>{x.text}</code>): {x.message}
              </span>
            </li>
          ))}
        </ul>
      )}
      {preview.notes.length > 0 && (
        <ul className="line-notes">
          {preview.notes.map((x) => (
            <li key={x.line}>
              Regel {x.line}: {x.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type RowsProps = {
  fields: { id: string }[];
  register: UseFormRegister<DetailedCheckValues>;
  errors: FieldErrors<DetailedCheckValues>;
  /** The message once the field was left or the form submitted (see DetailedForm). */
  shown: (path: string, message: string | undefined) => string | undefined;
  onRemove: (index: number) => void;
  onAdd: () => void;
};

/** The typed events: one row per event with date, kind and hours. */
function EventRows({ fields, register, errors, shown, onRemove, onAdd }: RowsProps) {
  return (
    <fieldset className="row-group">
      <legend>
        Meldingen invullen <span className="muted">(niet verplicht)</span>
      </legend>
      {fields.length === 0 && <p className="hint">Nog geen meldingen. Voeg er een toe, of plak regels hierboven.</p>}
      <ol className="plain-list rows">
        {fields.map((f, i) => {
          const re = errors.events?.[i];
          const id = (k: string) => `d-events-${i}-${k}`;
          return (
            <li key={f.id} className="event-row">
              <span className="row-label">Melding {i + 1}</span>
              <div className="row-field">
                <label htmlFor={id("date")}>Datum</label>
                <input
                  type="date"
                  {...register(`events.${i}.date`)}
                  {...describedBy(id("date"), { error: shown(`events.${i}.date`, re?.date?.message) })}
                />
                <FieldError id={id("date")} message={shown(`events.${i}.date`, re?.date?.message)} />
              </div>
              <div className="row-field">
                <label htmlFor={id("type")}>Soort</label>
                <select
                  {...register(`events.${i}.type`)}
                  {...describedBy(id("type"), { error: shown(`events.${i}.type`, re?.type?.message) })}
                >
                  {CHECK_EVENT_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {EVENT_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
                <FieldError id={id("type")} message={shown(`events.${i}.type`, re?.type?.message)} />
              </div>
              <div className="row-field row-hours">
                <label htmlFor={id("hours")}>Uren</label>
                <input
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  {...register(`events.${i}.hours`)}
                  {...describedBy(id("hours"), { error: shown(`events.${i}.hours`, re?.hours?.message) })}
                />
                <FieldError id={id("hours")} message={shown(`events.${i}.hours`, re?.hours?.message)} />
              </div>
              <button type="button" className="btn btn-secondary btn-small row-remove" onClick={() => onRemove(i)}>
                Verwijder<span className="visually-hidden"> melding {i + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-secondary btn-small" onClick={onAdd}>
        Melding toevoegen
      </button>
    </fieldset>
  );
}

/** The school holidays: one row per holiday with its first and last day. */
function HolidayRows({ fields, register, errors, shown, onRemove, onAdd }: RowsProps) {
  return (
    <fieldset className="row-group">
      <legend>
        Schoolvakanties <span className="muted">(niet verplicht)</span>
      </legend>
      <p className="hint">
        Een week met alleen vakantie telt niet mee als lesweek. Vakantiedagen onderbreken geen reeks.
      </p>
      <ol className="plain-list rows">
        {fields.map((f, i) => {
          const he = errors.holidays?.[i];
          const id = (k: string) => `d-holidays-${i}-${k}`;
          return (
            <li key={f.id} className="holiday-row">
              <span className="row-label">Vakantie {i + 1}</span>
              <div className="row-field">
                <label htmlFor={id("start")}>Eerste dag</label>
                <input
                  type="date"
                  {...register(`holidays.${i}.start`)}
                  {...describedBy(id("start"), { error: shown(`holidays.${i}.start`, he?.start?.message) })}
                />
                <FieldError id={id("start")} message={shown(`holidays.${i}.start`, he?.start?.message)} />
              </div>
              <div className="row-field">
                <label htmlFor={id("end")}>Laatste dag</label>
                <input
                  type="date"
                  {...register(`holidays.${i}.end`)}
                  {...describedBy(id("end"), { error: shown(`holidays.${i}.end`, he?.end?.message) })}
                />
                <FieldError id={id("end")} message={shown(`holidays.${i}.end`, he?.end?.message)} />
              </div>
              <button type="button" className="btn btn-secondary btn-small row-remove" onClick={() => onRemove(i)}>
                Verwijder<span className="visually-hidden"> vakantie {i + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-secondary btn-small" onClick={onAdd}>
        Vakantie toevoegen
      </button>
    </fieldset>
  );
}
