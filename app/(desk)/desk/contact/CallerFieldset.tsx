"use client";
// "Wie belt er?": the caller search (a combobox: arrows move, Enter picks or starts a new caller), the picked caller
// with their recent tickets, or the fields of a new caller; for both, the caller's organisation and the school the
// call is about (typeaheads, OrganisationFields.tsx).
import Link from "next/link";
import type { RefObject } from "react";
import type { CallerLookup } from "./useCallerLookup";
import type { ContactFieldErrors } from "./field-errors";
import { CallerOrganisationField, SchoolConcernedField } from "./OrganisationFields";

export function CallerFieldset({
  lookup,
  callerTypes,
  searchRef,
  fieldErrors,
  onAddToTicket,
}: {
  lookup: CallerLookup;
  callerTypes: { id: string; label: string }[];
  searchRef: RefObject<HTMLInputElement | null>;
  fieldErrors: ContactFieldErrors;
  onAddToTicket: (reference: string) => void;
}) {
  return (
    <fieldset>
      <legend>Wie belt er?</legend>
      {lookup.picked ? (
        <>
          <PickedCaller lookup={lookup} onAddToTicket={onAddToTicket} />
          <div className="filter-grid">
            <CallerOrganisationField caller={lookup.caller} setCaller={lookup.setCaller} fieldErrors={fieldErrors} />
            <SchoolConcernedField caller={lookup.caller} setCaller={lookup.setCaller} fieldErrors={fieldErrors} />
          </div>
        </>
      ) : lookup.newCaller ? (
        <NewCallerFields lookup={lookup} callerTypes={callerTypes} fieldErrors={fieldErrors} />
      ) : (
        <CallerSearch lookup={lookup} searchRef={searchRef} fieldErrors={fieldErrors} />
      )}
    </fieldset>
  );
}

function PickedCaller({ lookup, onAddToTicket }: { lookup: CallerLookup; onAddToTicket: (reference: string) => void }) {
  const picked = lookup.picked!;
  return (
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
              <button type="button" className="btn btn-link" onClick={() => onAddToTicket(t.reference)}>
                Gesprek toevoegen<span className="visually-hidden"> aan {t.reference}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-link" onClick={lookup.pickAnother}>
        Andere beller
      </button>
    </div>
  );
}

function NewCallerFields({
  lookup,
  callerTypes,
  fieldErrors: { err, describedBy },
}: {
  lookup: CallerLookup;
  callerTypes: { id: string; label: string }[];
  fieldErrors: ContactFieldErrors;
}) {
  const { caller, setCaller } = lookup;
  const text = (id: string, label: string, key: "name" | "phone" | "email" | "schoolCode", type?: "tel" | "email") => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={caller[key]}
        onChange={(e) => setCaller({ ...caller, [key]: e.target.value })}
        aria-describedby={describedBy(`caller.${key}`)}
      />
      {err(`caller.${key}`)}
    </div>
  );
  return (
    <div className="filter-grid" data-new-caller>
      {text("c-name", "Naam", "name")}
      <CallerOrganisationField caller={caller} setCaller={setCaller} fieldErrors={{ err, describedBy }} />
      <div className="field">
        <label htmlFor="c-type">Soort beller</label>
        <select
          id="c-type"
          value={caller.callerType}
          onChange={(e) => setCaller({ ...caller, callerType: e.target.value })}
          aria-describedby={describedBy("caller.callerType")}
        >
          <option value="">Kies…</option>
          {callerTypes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        {err("caller.callerType")}
      </div>
      <div className="field">
        <label htmlFor="c-sector">Sector (als u het weet)</label>
        <select id="c-sector" value={caller.sector} onChange={(e) => setCaller({ ...caller, sector: e.target.value })}>
          <option value="">Onbekend</option>
          <option value="po">po</option>
          <option value="vo">vo</option>
          <option value="mbo">mbo</option>
        </select>
      </div>
      {text("c-phone", "Telefoonnummer", "phone", "tel")}
      {text("c-email", "E-mailadres", "email", "email")}
      {text("c-school", "BRIN- of RIO-code", "schoolCode")}
      <SchoolConcernedField caller={caller} setCaller={setCaller} fieldErrors={{ err, describedBy }} />
    </div>
  );
}

function CallerSearch({
  lookup,
  searchRef,
  fieldErrors: { err, describedBy },
}: {
  lookup: CallerLookup;
  searchRef: RefObject<HTMLInputElement | null>;
  fieldErrors: ContactFieldErrors;
}) {
  const { hits, active, setActive, query } = lookup;
  return (
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
        onChange={(e) => lookup.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            if (hits[active]) lookup.pick(hits[active]!);
            else if (query.trim().length >= 2) lookup.startNewCaller();
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
              onClick={() => lookup.pick(h)}
              data-caller-hit
            >
              <strong>{h.name}</strong> · {h.organisation}
              <span className="muted block">{[h.email, h.phone, h.schoolCode].filter(Boolean).join(" · ")}</span>
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
      {lookup.searched && hits.length === 0 && (
        <p>Geen beller gevonden. Druk op Enter om een nieuwe beller in te vullen.</p>
      )}
      <button type="button" className="btn btn-secondary" onClick={lookup.startNewCaller}>
        Nieuwe beller
      </button>
    </div>
  );
}
