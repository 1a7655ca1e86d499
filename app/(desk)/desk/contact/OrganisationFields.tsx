"use client";
// The caller's organisation and the school the call is about, each a typeahead over the organisations (the agent's
// own search, not the public directory), and the chosen organisation's last tickets on the agent's desks.
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Combobox, type ComboOption } from "@/app/_components/Combobox";
import { organisationDetail, type OrganisationSummary } from "@/app/_modules/organisations/codes";
import { organisationTicketsAction, searchOrganisationsAction } from "./actions";
import type { CallerDetails } from "./contact-model";
import type { ContactFieldErrors } from "./field-errors";

type Found = OrganisationSummary;

function organisationSearch(kind?: "school") {
  return async (q: string): Promise<ComboOption<Found>[] | null> => {
    const r = await searchOrganisationsAction({ q, kind });
    if (!r.ok) return null;
    return r.data.map((o) => ({
      id: o.id,
      label: o.name,
      detail: organisationDetail(o),
      data: o,
    }));
  };
}

type Props = {
  caller: CallerDetails;
  setCaller: (c: CallerDetails) => void;
  fieldErrors: ContactFieldErrors;
};

/** "School of organisatie": typed freely, or chosen (then the caller and the ticket are linked to it). */
export function CallerOrganisationField({ caller, setCaller, fieldErrors: { err, describedBy } }: Props) {
  const search = useMemo(() => organisationSearch(), []);
  return (
    <div className="field">
      <label htmlFor="c-org">School of organisatie</label>
      <Combobox
        id="c-org"
        value={caller.organisation}
        search={search}
        listLabel="Gevonden organisaties"
        describedBy={describedBy("caller.organisation")}
        onInput={(text) => setCaller({ ...caller, organisation: text, organisationId: "" })}
        onPick={({ data: o }) =>
          setCaller({
            ...caller,
            organisation: o.name,
            organisationId: o.id,
            schoolCode: o.kind === "school" && o.code && !caller.schoolCode ? o.code : caller.schoolCode,
          })
        }
      />
      {err("caller.organisation")}
      {err("caller.organisationId")}
      {caller.organisationId && <OrganisationTickets id={caller.organisationId} name={caller.organisation} />}
    </div>
  );
}

/** "School waar het over gaat": a school from the list, for a municipality, vendor or bestuur asking about one. */
export function SchoolConcernedField({ caller, setCaller, fieldErrors: { err, describedBy } }: Props) {
  const search = useMemo(() => organisationSearch("school"), []);
  return (
    <div className="field">
      <label htmlFor="c-about">
        School waar het over gaat <span className="muted">(als de beller namens een school belt)</span>
      </label>
      <Combobox
        id="c-about"
        value={caller.schoolName}
        search={search}
        listLabel="Gevonden scholen"
        describedBy={describedBy("caller.schoolId")}
        onInput={(text) => setCaller({ ...caller, schoolName: text, schoolId: "" })}
        onPick={({ data: s }) =>
          setCaller({ ...caller, schoolName: `${s.name}${s.code ? ` (${s.code})` : ""}`, schoolId: s.id })
        }
      />
      {err("caller.schoolId")}
      {caller.schoolName.trim() && !caller.schoolId && (
        <p className="muted">Kies de school uit de lijst; een getypte naam wordt niet vastgelegd.</p>
      )}
    </div>
  );
}

type TicketRow = { reference: string; subject: string; status: string; createdAt: string };

/** The chosen organisation's last tickets, so the agent sees what it asked before. */
function OrganisationTickets({ id, name }: { id: string; name: string }) {
  const [rows, setRows] = useState<{ id: string; tickets: TicketRow[] } | null>(null);
  useEffect(() => {
    let live = true;
    void organisationTicketsAction({ id }).then((r) => {
      if (live && r.ok) setRows({ id, tickets: r.data });
    });
    return () => {
      live = false;
    };
  }, [id]);
  if (!rows || rows.id !== id) return null;
  return (
    <div className="org-last-tickets" data-organisation-tickets>
      {rows.tickets.length === 0 ? (
        <p className="muted">Nog geen vragen van of over {name}.</p>
      ) : (
        <ul className="recent-tickets" aria-label={`Laatste vragen van of over ${name}`}>
          {rows.tickets.map((t) => (
            <li key={t.reference}>
              <Link href={`/desk/tickets/${t.reference}`}>{t.reference}</Link> {t.subject}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/desk/organisaties/${id}`}>Organisatiepagina van {name}</Link>
      </p>
    </div>
  );
}
