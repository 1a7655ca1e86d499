"use client";
// "Samenvoegen en koppelen": merge a duplicate into another ticket of the same caller, and link related tickets.
import Link from "next/link";
import { useId, useState } from "react";
import { linkAction, mergeAction } from "../../../actions";
import { statusLabel } from "../../../labels";
import { FieldError, SideCard, withoutData, type RunAction } from "./shared";

type LinkedTicket = { reference: string; subject: string; status: string };

export function MergeLinksCard(p: {
  reference: string;
  links: LinkedTicket[];
  run: RunAction;
  onMerged: (targetReference: string) => void;
}) {
  const id = useId();
  return (
    <SideCard title="Samenvoegen en koppelen" id={`${id}-merge`}>
      <MergeForm reference={p.reference} onMerged={p.onMerged} />
      <h3 className="side-sub">Gerelateerde vragen</h3>
      <LinkedTickets reference={p.reference} links={p.links} run={p.run} />
      <LinkForm reference={p.reference} run={p.run} />
    </SideCard>
  );
}

function MergeForm(p: { reference: string; onMerged: (targetReference: string) => void }) {
  const id = useId();
  const [mergeRef, setMergeRef] = useState("");
  const [mergeErr, setMergeErr] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setMergeErr(null);
        const x = await mergeAction({ reference: p.reference, intoReference: mergeRef });
        if (!x.ok) return setMergeErr(x.fieldErrors.intoReference ?? x.error);
        p.onMerged(x.data.targetReference);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-merge-ref`}>Dubbele vraag: samenvoegen met vraag</label>
        <span id={`${id}-merge-hint`} className="hint">
          Alleen bij dezelfde beller. Deze vraag wordt gesloten; het nummer verwijst daarna naar de andere vraag.
        </span>
        <input
          id={`${id}-merge-ref`}
          type="text"
          value={mergeRef}
          onChange={(e) => setMergeRef(e.target.value)}
          placeholder="IPO-2026-000123"
          autoComplete="off"
          maxLength={40}
          aria-invalid={!!mergeErr}
          aria-describedby={`${id}-merge-hint${mergeErr ? ` ${id}-merge-error` : ""}`}
        />
        <FieldError id={`${id}-merge-error`} error={mergeErr} />
      </div>
      <button type="submit" className="btn btn-secondary btn-small">
        Samenvoegen
      </button>
    </form>
  );
}

function LinkedTickets(p: { reference: string; links: LinkedTicket[]; run: RunAction }) {
  if (p.links.length === 0) return <p className="muted">Geen gekoppelde vragen.</p>;
  return (
    <ul className="plain-list">
      {p.links.map((l) => (
        <li key={l.reference}>
          <Link href={`/desk/tickets/${l.reference}`}>{l.reference}</Link>{" "}
          <span className={`status status-${l.status}`}>{statusLabel(l.status)}</span>
          <span className="block">{l.subject}</span>
          <button
            type="button"
            className="linklike"
            aria-label={`Koppeling met ${l.reference} verwijderen`}
            onClick={() =>
              void p.run(
                async () =>
                  withoutData(await linkAction({ reference: p.reference, otherReference: l.reference, remove: true })),
                `Koppeling met ${l.reference} verwijderd.`,
              )
            }
          >
            koppeling verwijderen
          </button>
        </li>
      ))}
    </ul>
  );
}

function LinkForm(p: { reference: string; run: RunAction }) {
  const id = useId();
  const [linkRef, setLinkRef] = useState("");
  const [linkErr, setLinkErr] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setLinkErr(null);
        const r = await p.run(
          async () => withoutData(await linkAction({ reference: p.reference, otherReference: linkRef })),
          `Vraag ${linkRef.toUpperCase()} is gekoppeld.`,
        );
        if (r.ok) setLinkRef("");
        else setLinkErr(r.fieldErrors.otherReference ?? r.error);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-link-ref`}>Vraag koppelen (vraagnummer)</label>
        <input
          id={`${id}-link-ref`}
          type="text"
          value={linkRef}
          onChange={(e) => setLinkRef(e.target.value)}
          placeholder="PO-2026-000123"
          autoComplete="off"
          maxLength={40}
          aria-invalid={!!linkErr}
          aria-describedby={linkErr ? `${id}-link-error` : undefined}
        />
        <FieldError id={`${id}-link-error`} error={linkErr} />
      </div>
      <button type="submit" className="btn btn-secondary btn-small">
        Koppelen
      </button>
    </form>
  );
}
