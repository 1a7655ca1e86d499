"use client";
// The leave-request checker: kind, dates and school days → allowed or not, who decides, and why.
import { useEffect, useRef, useState } from "react";
import { useForm, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { LeaveCheckResult } from "@/app/_modules/protocol/check-service";
import { CHECK_LEAVE_KINDS, LEAVE_KIND_LABELS } from "@/app/_modules/protocol/check-input";
import { lazyZodResolver } from "@/app/_components/forms/lazy-resolver";
import type { LeaveCheckInput, LeaveCheckValues } from "@/app/_modules/protocol/check-forms";
import type { ProtocolOption } from "./AbsenceCheck";
import { checkLeaveRequest } from "./actions";
import { LeaveResult } from "./CheckResult";
import { describedBy, ErrorSummary, FieldError, flattenErrors, NETWORK_ERROR, type ServerResult } from "./form-bits";

const LABELS: Record<string, string> = {
  protocol: "Protocol",
  kind: "Soort verlof",
  start: "Eerste verlofdag",
  end: "Laatste verlofdag",
  schoolDays: "Aantal schooldagen",
  summerStart: "Zomervakantie, eerste dag",
  summerEnd: "Zomervakantie, laatste dag",
  earlierGewichtigeSchoolDays: "Eerder verlof om gewichtige omstandigheden",
};

/** The leave form and its answer. */
// The form's zod schema loads after the page (see lazy-resolver.ts).
const leaveResolver = lazyZodResolver<LeaveCheckValues, LeaveCheckInput>(() =>
  import("@/app/_modules/protocol/check-forms").then((m) => m.leaveCheckSchema),
);

export function LeaveCheck({ protocols, defaultProtocol }: { protocols: ProtocolOption[]; defaultProtocol: string }) {
  const form = useForm<LeaveCheckValues, unknown, LeaveCheckInput>({
    resolver: leaveResolver,
    mode: "onTouched",
    defaultValues: {
      protocol: defaultProtocol,
      kind: "vakantieverlof",
      start: "",
      end: "",
      schoolDays: "",
      summerStart: "",
      summerEnd: "",
      earlierVakantieverlofThisYear: false,
      adjoinsSchoolHoliday: false,
      earlierGewichtigeSchoolDays: "",
    },
  });
  const { register, handleSubmit, getValues, setError, watch, formState } = form;
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LeaveCheckResult | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const kind = watch("kind");
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const chosen = protocols.find((p) => p.id === watch("protocol"));
  const e = formState.errors;

  const submit = handleSubmit(
    async () => {
      setBusy(true);
      setServerError(null);
      const r: ServerResult<LeaveCheckResult> = await checkLeaveRequest(getValues()).catch(() => ({
        ok: false as const,
        error: NETWORK_ERROR,
        fieldErrors: {},
      }));
      setBusy(false);
      if (r.ok) return setResult(r.data);
      setResult(null);
      setServerError(r.error);
      for (const [path, message] of Object.entries(r.fieldErrors))
        setError(path as "start", { type: "server", message });
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    () => requestAnimationFrame(() => summaryRef.current?.focus()),
  );

  return (
    <>
      <form onSubmit={(ev) => void submit(ev)} noValidate aria-labelledby="leave-title">
        <h3 id="leave-title" className="visually-hidden">
          Gegevens van de aanvraag
        </h3>
        <ErrorSummary
          ref={summaryRef}
          errors={flattenErrors(e)}
          serverError={serverError}
          prefix="l"
          label={(p) => LABELS[p] ?? p}
        />
        <div className="field">
          <label htmlFor="l-protocol">Protocol</label>
          <span className="hint" id="l-protocol-hint">
            {chosen?.hint}
          </span>
          <select {...register("protocol")} {...describedBy("l-protocol", { hint: true, error: e.protocol?.message })}>
            {protocols.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldError id="l-protocol" message={e.protocol?.message} />
        </div>
        <fieldset aria-describedby={e.kind ? "l-kind-error" : undefined}>
          <legend>Soort verlof</legend>
          {CHECK_LEAVE_KINDS.map((k, i) => (
            <label key={k} className="choice">
              <input type="radio" value={k} {...register("kind")} id={i === 0 ? "l-kind" : undefined} />{" "}
              {LEAVE_KIND_LABELS[k]}
            </label>
          ))}
          <FieldError id="l-kind" message={e.kind?.message} />
        </fieldset>
        <div className="leave-dates">
          <div className="field">
            <label htmlFor="l-start">Eerste verlofdag</label>
            <input
              type="date"
              className="input-date"
              {...register("start")}
              {...describedBy("l-start", { error: e.start?.message })}
            />
            <FieldError id="l-start" message={e.start?.message} />
          </div>
          <div className="field">
            <label htmlFor="l-end">
              Laatste verlofdag <span className="muted">(niet verplicht)</span>
            </label>
            <input
              type="date"
              className="input-date"
              {...register("end")}
              {...describedBy("l-end", { error: e.end?.message })}
            />
            <FieldError id="l-end" message={e.end?.message} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="l-schoolDays">Aantal schooldagen</label>
          <span className="hint" id="l-schoolDays-hint">
            Alleen dagen waarop de leerling naar school had gemoeten. Leeg? Dan tellen wij maandag tot en met vrijdag
            tussen de eerste en de laatste verlofdag.
          </span>
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="input-number"
            {...register("schoolDays")}
            {...describedBy("l-schoolDays", { hint: true, error: e.schoolDays?.message })}
          />
          <FieldError id="l-schoolDays" message={e.schoolDays?.message} />
        </div>
        <SummerFields register={register} errors={e} />
        <EarlierLeaveFields register={register} errors={e} gewichtig={kind === "gewichtige-omstandigheden"} />
        <div className="btn-row">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? "Bezig met controleren…" : "Controleer verlof"}
          </button>
        </div>
      </form>
      {result && <LeaveResult ref={resultRef} result={result} />}
    </>
  );
}

type FieldsProps = { register: UseFormRegister<LeaveCheckValues>; errors: FieldErrors<LeaveCheckValues> };

/** The region's summer holiday, for the rule on the first school weeks. */
function SummerFields({ register, errors }: FieldsProps) {
  return (
    <fieldset>
      <legend>
        Zomervakantie <span className="muted">(niet verplicht)</span>
      </legend>
      <p className="hint" id="l-summer-hint">
        Vul de zomervakantie van uw regio in. Dan controleren wij ook of het verlof in de eerste lesweken van het
        schooljaar valt (wet), of binnen een strengere regel van de school.
      </p>
      <div className="leave-dates">
        <div className="field">
          <label htmlFor="l-summerStart">Eerste dag</label>
          <input
            type="date"
            className="input-date"
            {...register("summerStart")}
            {...describedBy("l-summerStart", { error: errors.summerStart?.message, extra: "l-summer-hint" })}
          />
          <FieldError id="l-summerStart" message={errors.summerStart?.message} />
        </div>
        <div className="field">
          <label htmlFor="l-summerEnd">Laatste dag</label>
          <input
            type="date"
            className="input-date"
            {...register("summerEnd")}
            {...describedBy("l-summerEnd", { error: errors.summerEnd?.message })}
          />
          <FieldError id="l-summerEnd" message={errors.summerEnd?.message} />
        </div>
      </div>
    </fieldset>
  );
}

/** Earlier leave this school year, and whether the leave adjoins a school holiday. */
function EarlierLeaveFields({ register, errors, gewichtig }: FieldsProps & { gewichtig: boolean }) {
  return (
    <fieldset>
      <legend>Eerder verlof en vakanties</legend>
      <label className="choice">
        <input type="checkbox" id="l-earlierVakantieverlofThisYear" {...register("earlierVakantieverlofThisYear")} />
        De leerling heeft dit schooljaar al vakantieverlof gehad
      </label>
      <label className="choice">
        <input type="checkbox" id="l-adjoinsSchoolHoliday" {...register("adjoinsSchoolHoliday")} />
        Het verlof sluit direct aan op een schoolvakantie
      </label>
      {gewichtig && (
        <div className="field">
          <label htmlFor="l-earlierGewichtigeSchoolDays">
            Schooldagen verlof om gewichtige omstandigheden dat de leerling dit schooljaar al kreeg
          </label>
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="input-number"
            {...register("earlierGewichtigeSchoolDays")}
            {...describedBy("l-earlierGewichtigeSchoolDays", { error: errors.earlierGewichtigeSchoolDays?.message })}
          />
          <FieldError id="l-earlierGewichtigeSchoolDays" message={errors.earlierGewichtigeSchoolDays?.message} />
        </div>
      )}
    </fieldset>
  );
}
