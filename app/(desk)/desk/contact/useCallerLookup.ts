"use client";
// "Wie belt er?": the debounced caller search, the highlighted hit, the picked caller or the new caller being typed,
// and `who` — the caller the contact is saved with.
import { useCallback, useEffect, useState, type RefObject } from "react";
import { searchCallersAction } from "./actions";
import { EMPTY_CALLER, type CallerDetails, type CallerHit } from "./contact-model";

export function useCallerLookup(opts: {
  prefillNumber: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  summaryRef: RefObject<HTMLInputElement | null>;
}) {
  const { searchRef, summaryRef } = opts;
  const [query, setQuery] = useState(opts.prefillNumber ?? "");
  const [hits, setHits] = useState<CallerHit[]>([]);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState(false);
  const [picked, setPicked] = useState<CallerHit | null>(null);
  const [newCaller, setNewCaller] = useState(false);
  const [caller, setCaller] = useState<CallerDetails>({ ...EMPTY_CALLER, phone: opts.prefillNumber ?? "" });

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

  // A picked caller keeps their details; the organisation and the school concerned are chosen for this call.
  const who: CallerDetails = picked
    ? {
        ...caller,
        name: picked.name,
        email: picked.email,
        phone: picked.phone ?? "",
        callerType: picked.callerType,
        schoolCode: picked.schoolCode ?? "",
      }
    : caller;

  const pick = useCallback(
    (h: CallerHit) => {
      setPicked(h);
      setNewCaller(false);
      setCaller((c) => ({
        ...EMPTY_CALLER,
        sector: c.sector,
        organisation: h.linkedOrganisation?.name ?? h.organisation,
        organisationId: h.linkedOrganisation?.id ?? "",
      }));
      setTimeout(() => summaryRef.current?.focus(), 0);
    },
    [summaryRef],
  );

  /** Opens the new-caller fields, filling in what was typed in the search as name, phone number or e-mail. */
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

  /** "Andere beller": back to the search. */
  const pickAnother = () => {
    setPicked(null);
    setTimeout(() => searchRef.current?.focus(), 0);
  };

  /** Empties the search and the caller for the next contact (the caller that follows gets no prefilled number). */
  const clearCaller = () => {
    setQuery("");
    setHits([]);
    setPicked(null);
    setNewCaller(false);
    setCaller(EMPTY_CALLER);
  };

  return {
    query,
    setQuery,
    hits,
    active,
    setActive,
    searched,
    picked,
    newCaller,
    caller,
    setCaller,
    who,
    pick,
    startNewCaller,
    pickAnother,
    clearCaller,
  };
}

export type CallerLookup = ReturnType<typeof useCallerLookup>;
