"use client";
// The answer of the verzuimcheck: the legal duty first (prominent), then totals and the reached steps as cards
// (title, threshold, what to do and who does it, basis badge, articles that explain the rule).
import { forwardRef } from "react";
import type { AbsenceCheckResult, LeaveCheckResult, StepCard } from "@/app/_modules/protocol/check-service";
import { dutchDate } from "@/app/_modules/protocol/check-input";
import { leaveVerdict } from "./leave-verdict";

const num = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");

function Articles({ items, label }: { items: StepCard["articles"]; label: string }) {
  if (items.length === 0) return null;
  return (
    <div className="step-articles">
      <p className="step-articles-title">{label}</p>
      <ul>
        {items.map((a) => (
          <li key={a.slug}>
            <a href={`/artikelen/${a.slug}`}>{a.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Actions({ step }: { step: StepCard }) {
  return (
    <ol className="step-actions">
      {step.actions.map((a, i) => (
        <li key={i}>
          <span className="step-action">{a.action}</span> <span className="step-actor">Wie: {a.actor}</span>
        </li>
      ))}
    </ol>
  );
}

/** Whose rule it is ("Wet" / "Schoolbeleid <school>"), linked to the law text or government page when there is one. */
function BasisBadge({ step }: { step: Pick<StepCard, "basis" | "basisBadge" | "source"> }) {
  const title = step.source.label ? `Bron: ${step.source.label}` : undefined;
  return step.source.url ? (
    <a className={`badge badge-${step.basis}`} href={step.source.url} title={title} rel="noopener noreferrer">
      {step.basisBadge}
    </a>
  ) : (
    <span className={`badge badge-${step.basis}`} title={title}>
      {step.basisBadge}
    </span>
  );
}

/** "Bron: …" under a step, linked when the source has an address. */
function SourceLine({ step }: { step: Pick<StepCard, "source"> }) {
  if (!step.source.label) return null;
  return (
    <p className="step-source">
      Bron:{" "}
      {step.source.url ? (
        <a href={step.source.url} rel="noopener noreferrer">
          {step.source.label}
        </a>
      ) : (
        step.source.label
      )}
    </p>
  );
}

/** One reached step as a card. */
export function StepCardView({ step, headingLevel = 4 }: { step: StepCard; headingLevel?: 4 | 5 }) {
  const H = headingLevel === 4 ? "h4" : "h5";
  return (
    <article
      className={`step-card step-${step.basis}${step.current ? " step-current" : ""}`}
      aria-labelledby={`step-${step.id}`}
      data-rule={step.id}
    >
      <H id={`step-${step.id}`} className="step-title">
        {step.title} <BasisBadge step={step} />
        {step.current ? (
          <span className="tag step-now">Nu aan de beurt</span>
        ) : (
          <span className="tag">Eerdere stap</span>
        )}
      </H>
      <p className="step-when">
        <strong>Wanneer:</strong> {step.thresholdText}
        {step.reachedOn ? <> (bereikt op {dutchDate(step.reachedOn)})</> : null}
      </p>
      <p className="step-what">
        <strong>Wat moet er gebeuren:</strong>
      </p>
      <Actions step={step} />
      <p className="step-explanation">{step.explanation}</p>
      <SourceLine step={step} />
      <Articles items={step.articles} label="Lees meer:" />
    </article>
  );
}

/** The result of a quick or detailed absence check. */
export const AbsenceResult = forwardRef<HTMLHeadingElement, { result: AbsenceCheckResult }>(function AbsenceResult(
  { result },
  ref,
) {
  const t = result.totals;
  return (
    <section className="check-result" aria-labelledby="result-title">
      <h3 id="result-title" ref={ref} tabIndex={-1}>
        Uitkomst
      </h3>
      <p className="muted">
        Protocol: {result.protocol.name}.{result.asOf ? <> Peildatum: {dutchDate(result.asOf)}.</> : null}
        {result.schoolYear ? (
          <>
            {" "}
            Schooljaar: {dutchDate(result.schoolYear.start)} tot en met {dutchDate(result.schoolYear.end)}.
          </>
        ) : null}
        {result.eventCount !== null ? <> Meldingen tot en met de peildatum: {result.eventCount}.</> : null}{" "}
        <VersionsApplied versions={result.protocolVersion} />
      </p>
      {result.versionNote ? (
        <p className="alert alert-warning" data-testid="version-note">
          {result.versionNote}
        </p>
      ) : null}

      {result.legalDuty.length > 0 && (
        <div className="alert alert-error legal-duty" role="alert" aria-labelledby="legal-duty-title">
          <h4 id="legal-duty-title">Wettelijke meldplicht: meld dit zonder uitstel</h4>
          <p>
            Dit is een plicht uit de Leerplichtwet. De school meldt dit <strong>zonder uitstel</strong> (onverwijld) bij
            DUO; volgens de Inspectie van het Onderwijs binnen 5 werkdagen. DUO stuurt de melding naar de
            leerplichtambtenaar. Geef bij de melding ook de einddatum door.
          </p>
          {result.legalDuty.map((s) => (
            <div key={s.id} className="legal-duty-rule">
              <p>
                <strong>{s.title}</strong> <BasisBadge step={s} />
              </p>
              <p>
                <strong>Wanneer:</strong> {s.thresholdText}
                {s.reachedOn ? <> (bereikt op {dutchDate(s.reachedOn)})</> : null}
              </p>
              <Actions step={s} />
              <Articles items={s.articles} label="Lees meer over deze meldplicht:" />
            </div>
          ))}
        </div>
      )}

      <h4>Totalen</h4>
      <dl className="totals">
        <div>
          <dt>Keer te laat</dt>
          <dd>{num(t.late)}</dd>
        </div>
        <div>
          <dt>Spijbelincidenten</dt>
          <dd>{num(t.truancy)}</dd>
        </div>
        <div>
          <dt>Ziekte-uren</dt>
          <dd>{num(t.sickHours)}</dd>
        </div>
        <div>
          <dt>Max. ongeoorloofde uren in 4 lesweken</dt>
          <dd>{num(t.maxUnexcusedHours28d)}</dd>
        </div>
        {result.mode === "detailed" && (
          <div>
            <dt>Langste reeks schooldagen ongeoorloofd afwezig</dt>
            <dd>{result.longestSchoolDaysInARow}</dd>
          </div>
        )}
      </dl>

      <h4>Stappen van het protocol</h4>
      {result.steps.length === 0 ? (
        <div className="alert alert-success">
          <p>
            Er is nog geen stap van het protocol bereikt. Blijf het verzuim registreren en houd contact met de leerling
            en de ouders.
          </p>
        </div>
      ) : (
        <>
          <p>
            Deze stappen zijn bereikt, in de volgorde van het protocol. Bij elke stap staat wat er moet gebeuren en wie
            dat doet. Zijn eerdere stappen nog niet gezet? Doe die dan ook.
          </p>
          <ol className="step-list">
            {result.steps.map((s) => (
              <li key={s.id}>
                <StepCardView step={s} />
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="muted">
        De check is een hulpmiddel. Uw school kan andere afspraken hebben; de wettelijke meldplicht geldt altijd. Er is
        niets bewaard.
      </p>
    </section>
  );
});

/** The result of a leave check. */
export const LeaveResult = forwardRef<HTMLHeadingElement, { result: LeaveCheckResult }>(function LeaveResult(
  { result },
  ref,
) {
  const verdict = leaveVerdict(result);
  return (
    <section className="check-result" aria-labelledby="leave-result-title">
      <h3 id="leave-result-title" ref={ref} tabIndex={-1}>
        Uitkomst verlofaanvraag
      </h3>
      <div
        className={`alert ${verdict.tone === "success" ? "alert-success" : verdict.tone === "warning" ? "alert-warning" : ""}`}
      >
        <p className="leave-verdict">
          <strong>{verdict.headline}</strong>
        </p>
        {result.deciderLabel && (
          <p>
            <strong>Wie beslist:</strong> {result.deciderLabel}.
          </p>
        )}
        {verdict.nextStep && <p>{verdict.nextStep}</p>}
        <p>
          Het verlof loopt van {dutchDate(result.period.first)} tot en met {dutchDate(result.period.last)} (
          {result.period.schoolDays} {result.period.schoolDays === 1 ? "schooldag" : "schooldagen"}).
        </p>
      </div>
      <h4>Waarom</h4>
      <ul>
        {result.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {result.rules.length > 0 && (
        <>
          <h4>Regels uit het protocol</h4>
          <ul className="plain-list">
            {result.rules.map((s) => (
              <li key={s.id}>
                <p className="step-title">
                  <strong>{s.title}</strong> <BasisBadge step={s} />
                </p>
                <p className="step-when">
                  <strong>Regel:</strong> {s.thresholdText}
                </p>
                <Articles items={s.articles} label="Lees meer:" />
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        Protocol: {result.protocol.name}. <VersionsApplied versions={result.protocolVersion} /> De check is een
        hulpmiddel; er is niets bewaard.
      </p>
    </section>
  );
});

/** "Regels die gelden van 1-8-2027 tot en met 31-7-2028." per protocol version applied. */
function VersionsApplied({
  versions,
}: {
  versions: { id: string; validFrom: string | null; validUntil: string | null }[];
}) {
  if (versions.length === 1 && !versions[0]!.validFrom && !versions[0]!.validUntil) return null;
  return (
    <span data-testid="versions-applied">
      {versions.map((v) => (
        <span key={v.id}>
          {"Regels die gelden "}
          {v.validFrom ? `vanaf ${dutchDate(v.validFrom)}` : "vanaf het begin"}
          {v.validUntil ? ` tot en met ${dutchDate(v.validUntil)}` : ""}
          {". "}
        </span>
      ))}
    </span>
  );
}
