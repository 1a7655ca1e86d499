"use client";
// "Behandeling": who handles the ticket (with "Neem deze vraag") and its status, with an optional mail to the caller.
import { useId, useState } from "react";
import { assignAction, statusAction } from "../../../actions";
import { AGENT_STATUS_LABELS, statusLabel } from "../../../labels";
import { FieldError, SideCard, withoutData, type RunAction } from "./shared";

export function HandlingCard(p: {
  reference: string;
  userId: string;
  status: string;
  canEdit: boolean;
  statuses: string[];
  assigneeId: string | null;
  assignable: { id: string; name: string }[];
  run: RunAction;
}) {
  const id = useId();
  return (
    <SideCard title="Behandeling" id={`${id}-handling`}>
      <AssigneeForm {...p} />
      <StatusForm reference={p.reference} status={p.status} statuses={p.statuses} run={p.run} />
    </SideCard>
  );
}

function AssigneeForm(p: {
  reference: string;
  userId: string;
  status: string;
  canEdit: boolean;
  assigneeId: string | null;
  assignable: { id: string; name: string }[];
  run: RunAction;
}) {
  const id = useId();
  const [assignee, setAssignee] = useState(p.assigneeId ?? "");
  const [assignErr, setAssignErr] = useState<string | null>(null);
  const assign = (assigneeId: string | null, announceOnSuccess: string) =>
    p.run(async () => withoutData(await assignAction({ reference: p.reference, assigneeId })), announceOnSuccess);

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setAssignErr(null);
        const r = await assign(
          assignee || null,
          assignee ? "De behandelaar is gewijzigd." : "De vraag heeft geen behandelaar meer.",
        );
        if (!r.ok) setAssignErr(r.fieldErrors.assigneeId ?? r.error);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-assignee`}>Behandelaar</label>
        <select
          id={`${id}-assignee`}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          disabled={!p.canEdit}
          aria-invalid={!!assignErr}
          aria-describedby={assignErr ? `${id}-assignee-error` : undefined}
        >
          <option value="">Niemand</option>
          {p.assignable.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id === p.userId ? `${a.name} (ik)` : a.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-assignee-error`} error={assignErr} />
      </div>
      <div className="btn-row">
        <button type="submit" className="btn btn-secondary btn-small" disabled={!p.canEdit}>
          Behandelaar opslaan
        </button>
        {p.assigneeId !== p.userId && p.canEdit && p.status !== "closed" && (
          <button
            type="button"
            className="btn btn-small"
            onClick={async () => {
              setAssignErr(null);
              const r = await assign(p.userId, "U behandelt deze vraag nu.");
              if (r.ok) setAssignee(p.userId);
              else setAssignErr(r.fieldErrors.assigneeId ?? r.error);
            }}
          >
            Neem deze vraag
          </button>
        )}
      </div>
    </form>
  );
}

/** The status form, kept mounted while the allowed statuses change so the choice survives a reload of the data. */
function StatusForm(p: { reference: string; status: string; statuses: string[]; run: RunAction }) {
  const id = useId();
  const [status, setStatus] = useState(p.statuses[0] ?? "");
  const [notify, setNotify] = useState(false);
  const [statusErr, setStatusErr] = useState<string | null>(null);
  // The list of allowed statuses changes with the ticket's status: fall back to its first entry.
  const statusValue = p.statuses.includes(status) ? status : (p.statuses[0] ?? "");

  if (p.statuses.length === 0) return <p className="muted">De status van deze vraag kan niet meer worden gewijzigd.</p>;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setStatusErr(null);
        const r = await p.run(
          async () =>
            withoutData(
              await statusAction({ reference: p.reference, status: statusValue as "open", notifyCaller: notify }),
            ),
          `De status is nu ${statusLabel(statusValue)}.`,
        );
        if (!r.ok) setStatusErr(r.fieldErrors.status ?? r.error);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-status`}>Status wijzigen (nu: {statusLabel(p.status)})</label>
        <select
          id={`${id}-status`}
          value={statusValue}
          onChange={(e) => setStatus(e.target.value)}
          aria-invalid={!!statusErr}
          aria-describedby={statusErr ? `${id}-status-error` : undefined}
        >
          {p.statuses.map((s) => (
            <option key={s} value={s}>
              {AGENT_STATUS_LABELS[s as keyof typeof AGENT_STATUS_LABELS] ?? s}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-status-error`} error={statusErr} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Beller een e-mail
        sturen over de nieuwe status
      </label>
      <button type="submit" className="btn btn-secondary btn-small">
        Status opslaan
      </button>
    </form>
  );
}
