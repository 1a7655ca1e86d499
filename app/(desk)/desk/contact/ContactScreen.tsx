"use client";
// The contact screen: who is calling, what they ask (with the live question analysis and suggested articles),
// and the outcome. Keyboard first: the caller search has focus, Enter picks the highlighted caller and moves to the
// summary, Alt+1..3 links a suggested article, Ctrl+Enter saves. The call timer starts when the screen opens.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { articlePreviewAction, completeCallbackAction, logContactAction, searchCallersAction } from "./actions";

type Desk = { id: string; name: string; defaultCallbackDue: string; colleagues: { id: string; name: string }[] };
type CallerHit = {
  key: string;
  name: string;
  email: string;
  phone: string | null;
  organisation: string;
  callerType: string;
  schoolCode: string | null;
  tickets: { reference: string; subject: string; status: string; createdAt: string }[];
};
type Caller = {
  name: string;
  email: string;
  phone: string;
  organisation: string;
  callerType: string;
  schoolCode: string;
  sector: string;
};
type Triage = {
  desk: string;
  topic: string;
  reasons: string[];
  suggestions: { slug: string; title: string }[];
  protocolHints: string[];
  clarify?: string;
};
type Outcome = "answered" | "callback" | "followup" | "transferred" | "out_of_scope" | "added";

const OUTCOMES: { id: Outcome; label: string; hint: string }[] = [
  { id: "answered", label: "Beantwoord", hint: "tijdens het gesprek opgelost" },
  { id: "callback", label: "Terugbellen", hint: "wij bellen terug" },
  { id: "followup", label: "Vervolg", hint: "open vraag voor verder werk" },
  { id: "transferred", label: "Doorverbonden", hint: "hoort bij de andere helpdesk" },
  { id: "out_of_scope", label: "Buiten ons terrein", hint: "bijvoorbeeld een ouder" },
  { id: "added", label: "Bij bestaande vraag", hint: "gesprek over een vraag die er al is" },
];

const EMPTY_CALLER: Caller = {
  name: "",
  email: "",
  phone: "",
  organisation: "",
  callerType: "",
  schoolCode: "",
  sector: "",
};
const DESK_NAMES: Record<string, string> = { po: "Helpdesk PO", "vo-mbo": "Helpdesk VO/MBO" };

const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

export function ContactScreen(props: {
  desks: Desk[];
  callerTypes: { id: string; label: string }[];
  topics: { id: string; label: string }[];
  incoming: { id: string; number: string; at: string; deskId: string }[];
  prefillNumber: string | null;
  prefillDesk: string | null;
  prefillReference: string | null;
  callback: {
    id: string;
    reference: string;
    subject: string;
    dueAt: string;
    done: boolean;
    caller: { name: string; organisation: string; phone: string | null };
  } | null;
}) {
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [query, setQuery] = useState(props.prefillNumber ?? "");
  const [hits, setHits] = useState<CallerHit[]>([]);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState(false);
  const [picked, setPicked] = useState<CallerHit | null>(null);
  const [newCaller, setNewCaller] = useState(false);
  const [caller, setCaller] = useState<Caller>({ ...EMPTY_CALLER, phone: props.prefillNumber ?? "" });
  const [summary, setSummary] = useState("");
  const [notes, setNotes] = useState("");
  const [answer, setAnswer] = useState("");
  const [deskId, setDeskId] = useState(props.prefillDesk ?? props.desks[0]?.id ?? "po");
  const [deskTouched, setDeskTouched] = useState(!!props.prefillDesk);
  const [topic, setTopic] = useState("");
  const [topicTouched, setTopicTouched] = useState(false);
  const [triage, setTriage] = useState<Triage | null>(null);
  const [linked, setLinked] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ slug: string; title: string; summary: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(props.prefillReference ? "added" : "answered");
  const [reference, setReference] = useState(props.prefillReference ?? "");
  const desk = props.desks.find((d) => d.id === deskId) ?? props.desks[0];
  const [callbackDue, setCallbackDue] = useState(() =>
    toLocalInput(desk?.defaultCallbackDue ?? new Date().toISOString()),
  );
  const [callbackAssignee, setCallbackAssignee] = useState("");
  const [confirmMail, setConfirmMail] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ reference: string | null; outcome: string } | null>(null);
  const [cbResult, setCbResult] = useState("");
  const [cbResolve, setCbResolve] = useState(false);
  const [cbDone, setCbDone] = useState<{ reference: string; onTime: boolean } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    if (!props.callback) searchRef.current?.focus();
  }, [props.callback]);

  // Caller search, debounced.
  useEffect(() => {
    if (picked || newCaller) return;
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      setSearched(false);
      return;
    }
    const id = setTimeout(async () => {
      const r = await searchCallersAction({ q });
      if (r.ok) {
        setHits(r.data);
        setActive(0);
        setSearched(true);
      }
    }, 200);
    return () => clearTimeout(id);
  }, [query, picked, newCaller]);

  const who: Caller = picked
    ? {
        name: picked.name,
        email: picked.email,
        phone: picked.phone ?? "",
        organisation: picked.organisation,
        callerType: picked.callerType,
        schoolCode: picked.schoolCode ?? "",
        sector: caller.sector,
      }
    : caller;

  // Live question analysis, the same as the wizard's (POST /api/v1/triage).
  useEffect(() => {
    const question = [summary, notes].filter(Boolean).join(". ");
    if (question.trim().length < 10 || !who.callerType) {
      setTriage(null);
      return;
    }
    const ctl = new AbortController();
    const id = setTimeout(async () => {
      try {
        const res = await fetch("/api/v1/triage", {
          method: "POST",
          headers: { "content-type": "application/json" },
          signal: ctl.signal,
          body: JSON.stringify({
            callerType: who.callerType,
            sector: who.sector || undefined,
            question: question.slice(0, 2000),
          }),
        });
        if (!res.ok) return;
        const t = (await res.json()) as Triage;
        setTriage(t);
        if (!deskTouched && props.desks.some((d) => d.id === t.desk)) setDeskId(t.desk);
        if (!topicTouched && t.topic) setTopic(t.topic);
      } catch {
        // aborted or offline: the analysis is a help, not a requirement
      }
    }, 350);
    return () => {
      clearTimeout(id);
      ctl.abort();
    };
  }, [summary, notes, who.callerType, who.sector, deskTouched, topicTouched, props.desks]);

  const pick = useCallback((h: CallerHit) => {
    setPicked(h);
    setNewCaller(false);
    setTimeout(() => summaryRef.current?.focus(), 0);
  }, []);

  const startNewCaller = () => {
    setPicked(null);
    setNewCaller(true);
    const q = query.trim();
    const looksLikePhone = /^[+0-9][0-9 ()-]{5,}$/.test(q);
    const looksLikeMail = q.includes("@");
    setCaller((c) => ({
      ...c,
      name: looksLikePhone || looksLikeMail ? c.name : q,
      phone: looksLikePhone ? q : c.phone,
      email: looksLikeMail ? q : c.email,
    }));
    setTimeout(() => document.getElementById("c-name")?.focus(), 0);
  };

  const toggleLink = useCallback(
    (slug: string) => setLinked((l) => (l.includes(slug) ? l.filter((s) => s !== slug) : [...l, slug].slice(0, 5))),
    [],
  );

  const openPreview = async (slug: string) => {
    const r = await articlePreviewAction({ slug });
    if (r.ok && r.data) setPreview(r.data);
  };

  const reset = () => {
    setStartedAt(Date.now());
    setQuery("");
    setHits([]);
    setPicked(null);
    setNewCaller(false);
    setCaller(EMPTY_CALLER);
    setSummary("");
    setNotes("");
    setAnswer("");
    setTriage(null);
    setLinked([]);
    setPreview(null);
    setOutcome("answered");
    setReference("");
    setReason("");
    setConfirmMail(false);
    setErrors({});
    setError(null);
    setDone(null);
    setDeskTouched(false);
    setTopicTouched(false);
    setTimeout(() => searchRef.current?.focus(), 0);
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    const needsCaller = outcome !== "out_of_scope" && outcome !== "added";
    const r = await logContactAction({
      startedAt: new Date(startedAt).toISOString(),
      outcome,
      deskId,
      summary,
      notes,
      topic,
      answer: outcome === "answered" ? answer : "",
      articleSlugs: outcome === "answered" ? linked : [],
      caller: needsCaller && (picked || newCaller) ? who : undefined,
      reference: outcome === "added" ? reference : "",
      callbackDueAt: outcome === "callback" && callbackDue ? new Date(callbackDue).toISOString() : undefined,
      callbackAssigneeId: outcome === "callback" ? callbackAssignee : "",
      confirmMail: outcome === "followup" ? confirmMail : false,
      reason: outcome === "transferred" ? reason : "",
    });
    setSaving(false);
    if (r.ok) {
      setDone(r.data);
      setErrors({});
      setTimeout(() => statusRef.current?.focus(), 0);
    } else {
      setErrors(r.fieldErrors);
      setError(r.error);
      setTimeout(() => statusRef.current?.focus(), 0);
    }
  };

  // Screen-wide keys: Ctrl/Cmd+Enter saves, Alt+1..3 links the nth suggested article, Alt+N starts a new caller.
  const suggestions = useMemo(() => triage?.suggestions.slice(0, 3) ?? [], [triage]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (props.callback || done) return;
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void save();
      } else if (e.altKey && /^[1-3]$/.test(e.key)) {
        const s = suggestions[Number(e.key) - 1];
        if (s) {
          e.preventDefault();
          toggleLink(s.slug);
        }
      } else if (e.altKey && (e.key === "n" || e.key === "N")) {
        e.preventDefault();
        startNewCaller();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const err = (k: string) =>
    errors[k] ? (
      <p className="field-error" id={`e-${k.replace(/\./g, "-")}`}>
        {errors[k]}
      </p>
    ) : null;
  const describedBy = (k: string) => (errors[k] ? `e-${k.replace(/\./g, "-")}` : undefined);

  if (props.callback) {
    const cb = props.callback;
    return (
      <section aria-labelledby="cb-title" className="contact-screen">
        <h1 id="cb-title">Terugbellen</h1>
        <p>
          <strong>{cb.caller.name}</strong> ({cb.caller.organisation})
          {cb.caller.phone && (
            <>
              {" "}
              · <a href={`tel:${cb.caller.phone}`}>{cb.caller.phone}</a>
            </>
          )}
          <br />
          Vraag <Link href={`/desk/tickets/${cb.reference}`}>{cb.reference}</Link>: {cb.subject}
          <br />
          Terugbellen vóór {new Date(cb.dueAt).toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" })}
        </p>
        <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
          {cbDone && (
            <div className="alert alert-success">
              <p>
                Resultaat vastgelegd bij {cbDone.reference}
                {cbDone.onTime ? " (op tijd)." : " (te laat)."}{" "}
                <Link href="/desk/terugbellen">Terug naar Terugbellen</Link>
              </p>
            </div>
          )}
          {error && (
            <div className="alert alert-error">
              <p>{error}</p>
            </div>
          )}
        </div>
        {cb.done || cbDone ? (
          !cbDone && <p>Dit terugbelverzoek is al afgehandeld.</p>
        ) : (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await completeCallbackAction({ callbackId: cb.id, result: cbResult, resolve: cbResolve });
              if (r.ok) setCbDone(r.data);
              else {
                setErrors(r.fieldErrors);
                setError(r.error);
              }
              setTimeout(() => statusRef.current?.focus(), 0);
            }}
          >
            <div className="field">
              <label htmlFor="cb-result">Wat is er besproken?</label>
              <textarea
                id="cb-result"
                rows={4}
                value={cbResult}
                onChange={(e) => setCbResult(e.target.value)}
                aria-describedby={describedBy("result")}
                autoFocus
              />
              {err("result")}
            </div>
            <div className="field checkbox">
              <input
                id="cb-resolve"
                type="checkbox"
                checked={cbResolve}
                onChange={(e) => setCbResolve(e.target.checked)}
              />
              <label htmlFor="cb-resolve">De vraag is hiermee opgelost</label>
            </div>
            <button type="submit" className="btn">
              Resultaat vastleggen
            </button>
          </form>
        )}
      </section>
    );
  }

  return (
    <div className="contact-layout">
      <section aria-labelledby="contact-title" className="contact-screen">
        <div className="contact-head">
          <h1 id="contact-title">Contact vastleggen</h1>
          <span className="call-timer" role="timer" aria-label="Gespreksduur">
            {clock(now - startedAt)}
          </span>
        </div>

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
              <button type="button" className="btn btn-secondary" onClick={reset}>
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

        {!done && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            noValidate
          >
            <fieldset>
              <legend>Wie belt er?</legend>
              {picked ? (
                <div className="picked-caller" data-picked-caller>
                  <p>
                    <strong>{picked.name}</strong> · {picked.organisation}
                    {picked.email && <> · {picked.email}</>}
                    {picked.phone && <> · {picked.phone}</>}
                  </p>
                  {picked.tickets.length > 0 && (
                    <ul className="recent-tickets" aria-label="Recente vragen van deze beller">
                      {picked.tickets.map((t) => (
                        <li key={t.reference}>
                          <Link href={`/desk/tickets/${t.reference}`}>{t.reference}</Link> {t.subject}{" "}
                          <button
                            type="button"
                            className="btn btn-link"
                            onClick={() => {
                              setOutcome("added");
                              setReference(t.reference);
                            }}
                          >
                            Gesprek toevoegen<span className="visually-hidden"> aan {t.reference}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                  <button
                    type="button"
                    className="btn btn-link"
                    onClick={() => {
                      setPicked(null);
                      setTimeout(() => searchRef.current?.focus(), 0);
                    }}
                  >
                    Andere beller
                  </button>
                </div>
              ) : newCaller ? (
                <div className="filter-grid" data-new-caller>
                  <div className="field">
                    <label htmlFor="c-name">Naam</label>
                    <input
                      id="c-name"
                      value={caller.name}
                      onChange={(e) => setCaller({ ...caller, name: e.target.value })}
                      aria-describedby={describedBy("caller.name")}
                    />
                    {err("caller.name")}
                  </div>
                  <div className="field">
                    <label htmlFor="c-org">School of organisatie</label>
                    <input
                      id="c-org"
                      value={caller.organisation}
                      onChange={(e) => setCaller({ ...caller, organisation: e.target.value })}
                      aria-describedby={describedBy("caller.organisation")}
                    />
                    {err("caller.organisation")}
                  </div>
                  <div className="field">
                    <label htmlFor="c-type">Soort beller</label>
                    <select
                      id="c-type"
                      value={caller.callerType}
                      onChange={(e) => setCaller({ ...caller, callerType: e.target.value })}
                      aria-describedby={describedBy("caller.callerType")}
                    >
                      <option value="">Kies…</option>
                      {props.callerTypes.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                    {err("caller.callerType")}
                  </div>
                  <div className="field">
                    <label htmlFor="c-sector">Sector (als u het weet)</label>
                    <select
                      id="c-sector"
                      value={caller.sector}
                      onChange={(e) => setCaller({ ...caller, sector: e.target.value })}
                    >
                      <option value="">Onbekend</option>
                      <option value="po">po</option>
                      <option value="vo">vo</option>
                      <option value="mbo">mbo</option>
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="c-phone">Telefoonnummer</label>
                    <input
                      id="c-phone"
                      type="tel"
                      value={caller.phone}
                      onChange={(e) => setCaller({ ...caller, phone: e.target.value })}
                      aria-describedby={describedBy("caller.phone")}
                    />
                    {err("caller.phone")}
                  </div>
                  <div className="field">
                    <label htmlFor="c-email">E-mailadres</label>
                    <input
                      id="c-email"
                      type="email"
                      value={caller.email}
                      onChange={(e) => setCaller({ ...caller, email: e.target.value })}
                      aria-describedby={describedBy("caller.email")}
                    />
                    {err("caller.email")}
                  </div>
                  <div className="field">
                    <label htmlFor="c-school">BRIN- of RIO-code</label>
                    <input
                      id="c-school"
                      value={caller.schoolCode}
                      onChange={(e) => setCaller({ ...caller, schoolCode: e.target.value })}
                      aria-describedby={describedBy("caller.schoolCode")}
                    />
                    {err("caller.schoolCode")}
                  </div>
                </div>
              ) : (
                <div className="field caller-search">
                  <label htmlFor="c-search">Zoek beller op naam, e-mail, telefoonnummer of schoolcode</label>
                  <input
                    id="c-search"
                    ref={searchRef}
                    value={query}
                    autoComplete="off"
                    role="combobox"
                    aria-expanded={hits.length > 0}
                    aria-controls={hits.length > 0 ? "c-hits" : undefined}
                    aria-activedescendant={hits[active] ? `hit-${active}` : undefined}
                    aria-describedby={describedBy("caller.name")}
                    onChange={(e) => setQuery(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === "ArrowDown") {
                        e.preventDefault();
                        setActive((a) => Math.min(a + 1, hits.length - 1));
                      } else if (e.key === "ArrowUp") {
                        e.preventDefault();
                        setActive((a) => Math.max(a - 1, 0));
                      } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
                        e.preventDefault();
                        if (hits[active]) pick(hits[active]!);
                        else if (query.trim().length >= 2) startNewCaller();
                      }
                    }}
                  />
                  {err("caller.name")}
                  <p className="muted">Enter kiest de gemarkeerde beller. Alt+N: nieuwe beller.</p>
                  {hits.length > 0 && (
                    <ul id="c-hits" role="listbox" className="caller-hits" aria-label="Gevonden bellers">
                      {hits.map((h, i) => (
                        <li
                          key={h.key}
                          id={`hit-${i}`}
                          role="option"
                          aria-selected={i === active}
                          className={i === active ? "active" : undefined}
                          onClick={() => pick(h)}
                          data-caller-hit
                        >
                          <strong>{h.name}</strong> · {h.organisation}
                          <span className="muted block">
                            {[h.email, h.phone, h.schoolCode].filter(Boolean).join(" · ")}
                          </span>
                          {h.tickets.length > 0 && (
                            <span className="block recent-tickets">
                              {h.tickets.map((t) => (
                                <span key={t.reference} className="recent-ticket">
                                  {t.reference} {t.subject}
                                </span>
                              ))}
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {searched && hits.length === 0 && (
                    <p>Geen beller gevonden. Druk op Enter om een nieuwe beller in te vullen.</p>
                  )}
                  <button type="button" className="btn btn-secondary" onClick={startNewCaller}>
                    Nieuwe beller
                  </button>
                </div>
              )}
            </fieldset>

            <fieldset>
              <legend>Wat vraagt de beller?</legend>
              <div className="field">
                <label htmlFor="c-summary">Korte samenvatting</label>
                <input
                  id="c-summary"
                  ref={summaryRef}
                  value={summary}
                  onChange={(e) => setSummary(e.target.value)}
                  maxLength={200}
                  aria-describedby={describedBy("summary")}
                />
                {err("summary")}
              </div>
              <div className="field">
                <label htmlFor="c-notes">Notities</label>
                <textarea
                  id="c-notes"
                  rows={3}
                  value={notes}
                  onChange={(e) => setNotes(e.target.value)}
                  aria-describedby={describedBy("notes")}
                />
                {err("notes")}
              </div>
              <div className="filter-grid">
                <div className="field">
                  <label htmlFor="c-desk">Helpdesk</label>
                  <select
                    id="c-desk"
                    value={deskId}
                    onChange={(e) => {
                      setDeskId(e.target.value);
                      setDeskTouched(true);
                    }}
                  >
                    {props.desks.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="c-topic">Onderwerp</label>
                  <select
                    id="c-topic"
                    value={topic}
                    onChange={(e) => {
                      setTopic(e.target.value);
                      setTopicTouched(true);
                    }}
                  >
                    <option value="">Nog niet bekend</option>
                    {props.topics.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            </fieldset>

            <fieldset className="outcomes">
              <legend>Uitkomst</legend>
              {OUTCOMES.map((o) => (
                <div key={o.id} className="radio">
                  <input
                    type="radio"
                    id={`o-${o.id}`}
                    name="outcome"
                    value={o.id}
                    checked={outcome === o.id}
                    onChange={() => setOutcome(o.id)}
                  />
                  <label htmlFor={`o-${o.id}`}>
                    {o.label} <span className="muted">— {o.hint}</span>
                  </label>
                </div>
              ))}
              {err("outcome")}
              {outcome === "answered" && (
                <div className="field">
                  <label htmlFor="c-answer">Antwoord (optioneel)</label>
                  <textarea
                    id="c-answer"
                    rows={3}
                    value={answer}
                    onChange={(e) => setAnswer(e.target.value)}
                    aria-describedby={describedBy("answer")}
                  />
                  {err("answer")}
                  {linked.length > 0 && <p data-linked>Gekoppeld: {linked.join(", ")}</p>}
                  {err("articleSlugs")}
                </div>
              )}
              {outcome === "callback" && (
                <div className="filter-grid">
                  <div className="field">
                    <label htmlFor="c-due">Terugbellen vóór</label>
                    <input
                      id="c-due"
                      type="datetime-local"
                      value={callbackDue}
                      onChange={(e) => setCallbackDue(e.target.value)}
                      aria-describedby={describedBy("callbackDueAt")}
                    />
                    {err("callbackDueAt")}
                  </div>
                  <div className="field">
                    <label htmlFor="c-assignee">Wie belt terug?</label>
                    <select
                      id="c-assignee"
                      value={callbackAssignee}
                      onChange={(e) => setCallbackAssignee(e.target.value)}
                      aria-describedby={describedBy("callbackAssigneeId")}
                    >
                      <option value="">De helpdesk</option>
                      {desk?.colleagues.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                    {err("callbackAssigneeId")}
                  </div>
                </div>
              )}
              {outcome === "followup" && (
                <div className="field checkbox">
                  <input
                    id="c-confirm"
                    type="checkbox"
                    checked={confirmMail}
                    onChange={(e) => setConfirmMail(e.target.checked)}
                    aria-describedby={describedBy("caller.email")}
                  />
                  <label htmlFor="c-confirm">De beller wil een bevestiging per e-mail</label>
                  {err("caller.email")}
                </div>
              )}
              {outcome === "transferred" && (
                <div className="field">
                  <label htmlFor="c-reason">Waarom naar {DESK_NAMES[deskId === "po" ? "vo-mbo" : "po"]}?</label>
                  <input
                    id="c-reason"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    aria-describedby={describedBy("reason")}
                  />
                  {err("reason")}
                </div>
              )}
              {outcome === "added" && (
                <div className="field">
                  <label htmlFor="c-reference">Kenmerk van de vraag</label>
                  <input
                    id="c-reference"
                    value={reference}
                    onChange={(e) => setReference(e.target.value)}
                    placeholder="PO-2026-000123"
                    aria-describedby={describedBy("reference")}
                  />
                  {err("reference")}
                </div>
              )}
              {outcome === "out_of_scope" && (
                <p className="muted">
                  Alleen de samenvatting wordt bewaard, voor de rapportages. Typ geen persoonsgegevens.
                </p>
              )}
            </fieldset>

            <div className="btn-row">
              <button type="submit" className="btn" disabled={saving}>
                Vastleggen
              </button>
              <span className="muted">Ctrl+Enter</span>
            </div>
          </form>
        )}
      </section>

      <aside className="contact-side" aria-label="Vraaganalyse en artikelen">
        <section aria-labelledby="an-title" aria-live="polite">
          <h2 id="an-title">Vraaganalyse</h2>
          {!triage ? (
            <p className="muted">Kies de beller en typ de vraag: de analyse verschijnt hier.</p>
          ) : (
            <div data-triage>
              <p>
                Voorstel:{" "}
                <strong data-triage-desk>
                  {DESK_NAMES[triage.desk] ?? (triage.desk === "out-of-scope" ? "Buiten ons terrein" : "Nog onbekend")}
                </strong>
                {triage.topic && (
                  <> · onderwerp {props.topics.find((t) => t.id === triage.topic)?.label ?? triage.topic}</>
                )}
              </p>
              {triage.clarify && <p>Vraag na: {triage.clarify}</p>}
              {triage.reasons.length > 0 && (
                <ul>
                  {triage.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
              {triage.protocolHints.length > 0 && <p>Protocol: {triage.protocolHints.join(", ")}</p>}
              {suggestions.length > 0 && (
                <>
                  <h3>Artikelen</h3>
                  <ol className="suggested-articles">
                    {suggestions.map((s, i) => (
                      <li key={s.slug} data-suggestion={s.slug}>
                        <button type="button" className="btn btn-link" onClick={() => void openPreview(s.slug)}>
                          {s.title}
                        </button>{" "}
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-pressed={linked.includes(s.slug)}
                          onClick={() => toggleLink(s.slug)}
                        >
                          {linked.includes(s.slug) ? "Ontkoppelen" : "Koppelen"} <kbd>Alt+{i + 1}</kbd>
                        </button>
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </div>
          )}
        </section>
        {preview && (
          <section aria-labelledby="pv-title" className="article-preview">
            <h2 id="pv-title">{preview.title}</h2>
            <p>{preview.summary}</p>
            <p>
              <a href={`/artikelen/${preview.slug}`} target="_blank" rel="noreferrer">
                Heel artikel openen (nieuw tabblad)
              </a>
            </p>
            <button type="button" className="btn btn-secondary" onClick={() => setPreview(null)}>
              Sluiten
            </button>
          </section>
        )}
        <section aria-labelledby="in-title">
          <h2 id="in-title">Binnenkomende gesprekken</h2>
          {props.incoming.length === 0 ? (
            <p className="muted">Geen gesprekken aangemeld in de laatste minuten.</p>
          ) : (
            <ul>
              {props.incoming.map((c) => (
                <li key={c.id}>
                  <a href={`/desk/contact?gesprek=${c.id}`}>{c.number}</a>{" "}
                  <span className="muted">
                    {new Date(c.at).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" })} ·{" "}
                    {DESK_NAMES[c.deskId]}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}
