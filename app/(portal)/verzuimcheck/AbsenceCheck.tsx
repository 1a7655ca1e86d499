"use client";
// The absence part of the verzuimcheck: choose a protocol and a mode (quick counts or dated events), submit to a
// server action, show the answer. react-hook-form with the same zod schemas the server actions use.
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { AbsenceCheckResult } from "@/app/_modules/protocol/check-service";
import { lazyZodResolver } from "@/app/_components/forms/lazy-resolver";
import type { QuickCheckInput, QuickCheckValues } from "@/app/_modules/protocol/check-forms";
import { checkQuick } from "./actions";
import { AbsenceResult } from "./CheckResult";
import { DetailedForm } from "./DetailedForm";
import {
  describedBy,
  ErrorSummary,
  FieldError,
  flattenErrors,
  NETWORK_ERROR,
  protocolControl,
  type ServerResult,
} from "./form-bits";

export type ProtocolOption = { id: string; label: string; hint: string };

/** The protocol choice, the mode switch, both forms and the result. */
export function AbsenceCheck({
  protocols,
  defaultProtocol,
  today,
}: {
  protocols: ProtocolOption[];
  defaultProtocol: string;
  today: string;
}) {
  const [protocol, setProtocol] = useState(defaultProtocol);
  const [mode, setMode] = useState<"quick" | "detailed">("quick");
  const [result, setResult] = useState<AbsenceCheckResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const chosen = protocols.find((p) => p.id === protocol);

  const show = (r: AbsenceCheckResult) => setResult(r);
  // Focus moves to the answer once it is on screen, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  return (
    <>
      <div className="field">
        <label htmlFor="protocol">Protocol</label>
        <span className="hint" id="protocol-hint">
          {chosen?.hint}
        </span>
        <select
          id="protocol"
          aria-describedby="protocol-hint"
          value={protocol}
          onChange={(e) => {
            setProtocol(e.target.value);
            setResult(null);
          }}
        >
          {protocols.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="check-modes">
        <legend>Hoe wilt u het verzuim invullen?</legend>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="quick"
            checked={mode === "quick"}
            onChange={() => {
              setMode("quick");
              setResult(null);
            }}
          />
          <span>
            <strong>Snel:</strong> aantallen van dit schooljaar
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="detailed"
            checked={mode === "detailed"}
            onChange={() => {
              setMode("detailed");
              setResult(null);
            }}
          />
          <span>
            <strong>Precies:</strong> meldingen met datum, of geplakt uit uw administratie
          </span>
        </label>
      </fieldset>
      <div hidden={mode !== "quick"}>
        <QuickForm protocol={protocol} onResult={show} />
      </div>
      <div hidden={mode !== "detailed"}>
        <DetailedForm protocol={protocol} today={today} onResult={show} />
      </div>
      {result && <AbsenceResult ref={resultRef} result={result} />}
    </>
  );
}

// ---------------------------------------------------------------------------------------------

const QUICK_LABELS: Record<string, string> = {
  protocol: "Protocol",
  late: "Keer te laat",
  truancy: "Keer gespijbeld",
  unexcusedHoursLast4Weeks: "Uren ongeoorloofd afwezig in de laatste 4 lesweken",
  sickHours: "Uren ziek",
  weeksAbsentInARow: "Weken achter elkaar afwezig",
};

// The forms' zod schemas load after the page (see lazy-resolver.ts).
const quickResolver = lazyZodResolver<QuickCheckValues, QuickCheckInput>(() =>
  import("@/app/_modules/protocol/check-forms").then((m) => m.quickCheckSchema),
);

function QuickForm({ protocol, onResult }: { protocol: string; onResult: (r: AbsenceCheckResult) => void }) {
  const form = useForm<QuickCheckValues, unknown, QuickCheckInput>({
    resolver: quickResolver,
    mode: "onTouched",
    defaultValues: {
      protocol,
      late: "",
      truancy: "",
      unexcusedHoursLast4Weeks: "",
      sickHours: "",
      weeksAbsentInARow: "",
    },
  });
  const { register, handleSubmit, setValue, getValues, setError, formState } = form;
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => setValue("protocol", protocol), [protocol, setValue]);

  const errors = flattenErrors(formState.errors);
  const err = (name: keyof QuickCheckValues) => formState.errors[name]?.message;

  const submit = handleSubmit(
    async () => {
      setBusy(true);
      setServerError(null);
      const r: ServerResult<AbsenceCheckResult> = await checkQuick(getValues()).catch(() => ({
        ok: false as const,
        error: NETWORK_ERROR,
        fieldErrors: {},
      }));
      setBusy(false);
      if (r.ok) return onResult(r.data);
      setServerError(r.error);
      for (const [path, message] of Object.entries(r.fieldErrors))
        setError(path as keyof QuickCheckValues, { type: "server", message });
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    () => requestAnimationFrame(() => summaryRef.current?.focus()),
  );

  const numberInput = (
    name: Exclude<keyof QuickCheckValues, "protocol">,
    label: string,
    hint: string,
    decimal: boolean,
  ) => {
    const id = `q-${name}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
        <input
          type="text"
          inputMode={decimal ? "decimal" : "numeric"}
          autoComplete="off"
          className="input-number"
          {...register(name)}
          {...describedBy(id, { hint: true, error: err(name) })}
        />
        <FieldError id={id} message={err(name)} />
      </div>
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="quick-title">
      <h3 id="quick-title">Snel: aantallen invullen</h3>
      <p className="hint">Vul in wat u weet. Een leeg veld telt als 0.</p>
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        serverError={serverError}
        prefix="q"
        label={(p) => QUICK_LABELS[p] ?? p}
        idFor={protocolControl}
      />
      <div className="quick-grid">
        {numberInput("late", "Keer te laat dit schooljaar", "Bijvoorbeeld 9.", false)}
        {numberInput(
          "truancy",
          "Keer gespijbeld dit schooljaar",
          "Het aantal keer ongeoorloofd afwezig (spijbelincidenten).",
          false,
        )}
        {numberInput(
          "unexcusedHoursLast4Weeks",
          "Uren ongeoorloofd afwezig in de laatste 4 lesweken",
          "Zoals uw school ze telt: basisschool in klokuren, voortgezet onderwijs in lesuren (een les van 60 minuten of korter is 1 uur). Reken niets om. Bijvoorbeeld 17 of 1,5. Weken met alleen vakantie tellen niet mee.",
          true,
        )}
        {numberInput("sickHours", "Uren ziek gemeld dit schooljaar", "In klokuren.", true)}
        {numberInput(
          "weeksAbsentInARow",
          "Weken achter elkaar ongeoorloofd afwezig",
          "Hele weken zonder geldige reden niet op school.",
          false,
        )}
      </div>
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy}>
          {busy ? "Bezig met controleren…" : "Controleer"}
        </button>
      </div>
    </form>
  );
}
