"use client";
// The contact screen: who is calling, what they ask (with the live question analysis and suggested articles),
// and the outcome. Keyboard first: the caller search has focus, Enter picks the highlighted caller and moves to the
// summary, Alt+1..3 links a suggested article, Ctrl+Enter saves. The call timer starts when the screen opens.
// Opened for a callback (?terugbellen=<id>) it records the callback's result instead.
import Link from "next/link";
import { useEffect, useRef, useState, type RefObject } from "react";
import { CallbackResultForm } from "./CallbackResultForm";
import { CallerFieldset } from "./CallerFieldset";
import { ContactAside } from "./ContactAside";
import { clock, type ContactScreenProps } from "./contact-model";
import { contactFieldErrors } from "./field-errors";
import { OutcomeFieldset } from "./OutcomeFieldset";
import { QuestionFieldset } from "./QuestionFieldset";
import { useCallAnalysis } from "./useCallAnalysis";
import { useCallerLookup } from "./useCallerLookup";
import { useContactDraft, useLinkedArticles } from "./useContactDraft";
import { contactPayload, useContactSave } from "./useContactSave";
import { useContactShortcuts } from "./useContactShortcuts";

export function ContactScreen(props: ContactScreenProps) {
  if (props.callback) return <CallbackResultForm callback={props.callback} />;
  return <ContactLogger {...props} />;
}

/** The call timer: when the call started and the time now, ticking every second. */
function useCallTimer() {
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return { startedAt, elapsed: now - startedAt, restart: () => setStartedAt(Date.now()) };
}

/** The status region: the saved contact (with "Nieuw contact") or the error; focused after saving. */
function ContactStatus({
  statusRef,
  done,
  error,
  onNext,
}: {
  statusRef: RefObject<HTMLDivElement | null>;
  done: { reference: string | null; outcome: string } | null;
  error: string | null;
  onNext: () => void;
}) {
  return (
    <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
      {done && (
        <div className="alert alert-success" data-contact-done>
          <p>
            Vastgelegd: {done.outcome}
            {done.reference && (
              <>
                {" "}
                — <Link href={`/desk/tickets/${done.reference}`}>{done.reference}</Link>
              </>
            )}
            .
          </p>
          <button type="button" className="btn btn-secondary" onClick={onNext}>
            Nieuw contact
          </button>
        </div>
      )}
      {error && (
        <div className="alert alert-error">
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}

function ContactLogger(props: ContactScreenProps) {
  const timer = useCallTimer();
  const searchRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const lookup = useCallerLookup({ prefillNumber: props.prefillNumber, searchRef, summaryRef });
  const { draft, update, clearDraft } = useContactDraft(props);
  const articles = useLinkedArticles();
  const { analysis, suggestions, clearAnalysis } = useCallAnalysis({
    draft,
    update,
    who: lookup.who,
    desks: props.desks,
  });
  const result = useContactSave(statusRef);
  const desk = props.desks.find((d) => d.id === draft.deskId) ?? props.desks[0];
  const fieldErrors = contactFieldErrors(result.errors);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const save = () =>
    result.save(() =>
      contactPayload({
        startedAt: timer.startedAt,
        draft,
        linked: articles.linked,
        caller: lookup.picked || lookup.newCaller ? lookup.who : undefined,
      }),
    );

  const startNextContact = () => {
    timer.restart();
    lookup.clearCaller();
    clearDraft();
    clearAnalysis();
    articles.clearArticles();
    result.clearResult();
    setTimeout(() => searchRef.current?.focus(), 0);
  };

  useContactShortcuts({
    enabled: !result.done,
    save,
    suggestions,
    toggleLink: articles.toggleLink,
    startNewCaller: lookup.startNewCaller,
  });

  return (
    <div className="contact-layout">
      <section aria-labelledby="contact-title" className="contact-screen">
        <div className="contact-head">
          <h1 id="contact-title">Contact vastleggen</h1>
          <span className="call-timer" role="timer" aria-label="Gespreksduur">
            {clock(timer.elapsed)}
          </span>
        </div>

        <ContactStatus statusRef={statusRef} done={result.done} error={result.error} onNext={startNextContact} />

        {!result.done && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            noValidate
          >
            <CallerFieldset
              lookup={lookup}
              callerTypes={props.callerTypes}
              searchRef={searchRef}
              fieldErrors={fieldErrors}
              onAddToTicket={(reference) => update({ outcome: "added", reference })}
            />
            <QuestionFieldset
              draft={draft}
              update={update}
              desks={props.desks}
              topics={props.topics}
              summaryRef={summaryRef}
              fieldErrors={fieldErrors}
            />
            <OutcomeFieldset
              draft={draft}
              update={update}
              desk={desk}
              linked={articles.linked}
              fieldErrors={fieldErrors}
            />
            <div className="btn-row">
              <button type="submit" className="btn" disabled={result.saving}>
                Vastleggen
              </button>
              <span className="muted">Ctrl+Enter</span>
            </div>
          </form>
        )}
      </section>

      <ContactAside
        analysis={analysis}
        suggestions={suggestions}
        articles={articles}
        topics={props.topics}
        incoming={props.incoming}
      />
    </div>
  );
}
