"use client";
// The ticket's settings: status, assignee, topic, tags (autocomplete; new tags by admins only), transfer to the
// other desk with a reason, merge into another ticket, and related tickets. Each form calls its server action
// and reloads the page's data; errors appear next to the field and are announced.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { transferSchema } from "@/app/_modules/tickets/desk-schema";
import {
  assignAction,
  linkAction,
  mergeAction,
  statusAction,
  tagsAction,
  topicAction,
  transferAction,
} from "../../actions";
import { AGENT_STATUS_LABELS, statusLabel } from "../../labels";

type Props = {
  reference: string;
  userId: string;
  status: string;
  deskId: string;
  permissions: {
    reply: boolean;
    note: boolean;
    statuses: string[];
    edit: boolean;
    transferTo: string[];
    createTags: boolean;
  };
  assigneeId: string | null;
  assignable: { id: string; name: string }[];
  topic: string | null;
  topics: { id: string; label: string }[];
  tags: string[];
  allTags: string[];
  links: { reference: string; subject: string; status: string }[];
  transferTargets: { id: string; label: string }[];
};

type Result = { ok: true } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** Runs an action, announces the outcome and reloads the data; returns the error (if any) for the field. */
function useRunner() {
  const router = useRouter();
  const [announce, setAnnounce] = useState("");
  const run = async (fn: () => Promise<Result>, done: string): Promise<Result> => {
    const r = await fn();
    if (r.ok) {
      setAnnounce(done);
      router.refresh();
    } else setAnnounce(r.error);
    return r;
  };
  return { run, announce, router };
}

function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="card side-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

export function TicketSidebar(p: Props) {
  const { run, announce, router } = useRunner();
  const id = useId();
  const active = p.permissions.edit;

  // Status
  const [status, setStatus] = useState(p.permissions.statuses[0] ?? "");
  const [notify, setNotify] = useState(false);
  const [statusErr, setStatusErr] = useState<string | null>(null);
  const statusValue = p.permissions.statuses.includes(status) ? status : (p.permissions.statuses[0] ?? "");
  // Assignee
  const [assignee, setAssignee] = useState(p.assigneeId ?? "");
  const [assignErr, setAssignErr] = useState<string | null>(null);
  // Topic
  const [topic, setTopic] = useState(p.topic ?? "");
  const [topicErr, setTopicErr] = useState<string | null>(null);
  // Tags
  const [tagInput, setTagInput] = useState("");
  const [tagErr, setTagErr] = useState<string | null>(null);
  // Merge and links
  const [mergeRef, setMergeRef] = useState("");
  const [mergeErr, setMergeErr] = useState<string | null>(null);
  const [linkRef, setLinkRef] = useState("");
  const [linkErr, setLinkErr] = useState<string | null>(null);

  const saveTags = async (tags: string[], done: string) => {
    setTagErr(null);
    const r = await run(async () => {
      const x = await tagsAction({ reference: p.reference, tags });
      return x.ok ? { ok: true } : x;
    }, done);
    if (!r.ok) setTagErr(r.fieldErrors.tags ?? r.error);
    return r.ok;
  };

  const addTag = async (e: React.FormEvent) => {
    e.preventDefault();
    const name = tagInput.trim().toLowerCase().replace(/\s+/g, " ");
    if (!name) return setTagErr("Typ een tag.");
    if (p.tags.includes(name)) return setTagErr("Deze tag staat al op de vraag.");
    if (!p.permissions.createTags && !p.allTags.includes(name)) {
      return setTagErr(
        `De tag '${name}' bestaat nog niet. Kies een bestaande tag. Alleen een beheerder kan nieuwe tags maken.`,
      );
    }
    if (await saveTags([...p.tags, name], `Tag ${name} toegevoegd.`)) setTagInput("");
  };

  return (
    <>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announce}
      </p>

      <Card title="Behandeling" id={`${id}-handling`}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setAssignErr(null);
            const r = await run(
              async () => {
                const x = await assignAction({ reference: p.reference, assigneeId: assignee || null });
                return x.ok ? { ok: true } : x;
              },
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
              disabled={!active}
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
            <button type="submit" className="btn btn-secondary btn-small" disabled={!active}>
              Behandelaar opslaan
            </button>
            {p.assigneeId !== p.userId && active && p.status !== "closed" && (
              <button
                type="button"
                className="btn btn-small"
                onClick={async () => {
                  setAssignErr(null);
                  const r = await run(async () => {
                    const x = await assignAction({ reference: p.reference, assigneeId: p.userId });
                    return x.ok ? { ok: true } : x;
                  }, "U behandelt deze vraag nu.");
                  if (r.ok) setAssignee(p.userId);
                  else setAssignErr(r.fieldErrors.assigneeId ?? r.error);
                }}
              >
                Neem deze vraag
              </button>
            )}
          </div>
        </form>

        {p.permissions.statuses.length > 0 ? (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setStatusErr(null);
              const r = await run(
                async () => {
                  const x = await statusAction({
                    reference: p.reference,
                    status: statusValue as "open",
                    notifyCaller: notify,
                  });
                  return x.ok ? { ok: true } : x;
                },
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
                {p.permissions.statuses.map((s) => (
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
        ) : (
          <p className="muted">De status van deze vraag kan niet meer worden gewijzigd.</p>
        )}
      </Card>

      <Card title="Onderwerp en tags" id={`${id}-topic`}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setTopicErr(null);
            const r = await run(async () => {
              const x = await topicAction({ reference: p.reference, topic: topic || null });
              return x.ok ? { ok: true } : x;
            }, "Het onderwerp is opgeslagen.");
            if (!r.ok) setTopicErr(r.fieldErrors.topic ?? r.error);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-topic-select`}>Onderwerp</label>
            <select
              id={`${id}-topic-select`}
              value={topic}
              onChange={(e) => setTopic(e.target.value)}
              disabled={!active}
              aria-invalid={!!topicErr}
              aria-describedby={topicErr ? `${id}-topic-error` : undefined}
            >
              <option value="">Geen onderwerp</option>
              {p.topics.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-topic-error`} error={topicErr} />
          </div>
          <button type="submit" className="btn btn-secondary btn-small" disabled={!active}>
            Onderwerp opslaan
          </button>
        </form>

        <h3 className="side-sub">Tags</h3>
        {p.tags.length === 0 ? (
          <p className="muted">Nog geen tags.</p>
        ) : (
          <ul className="tag-list" aria-label="Tags van deze vraag">
            {p.tags.map((t) => (
              <li key={t}>
                <span className="tag">{t}</span>
                {active && (
                  <button
                    type="button"
                    className="linklike"
                    aria-label={`Tag ${t} verwijderen`}
                    onClick={() =>
                      void saveTags(
                        p.tags.filter((x) => x !== t),
                        `Tag ${t} verwijderd.`,
                      )
                    }
                  >
                    verwijderen
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {active && (
          <form onSubmit={addTag}>
            <div className="field">
              <label htmlFor={`${id}-tag`}>Tag toevoegen</label>
              <span id={`${id}-tag-hint`} className="hint">
                {p.permissions.createTags
                  ? "Kies een bestaande tag of typ een nieuwe."
                  : "Kies een bestaande tag. Alleen een beheerder kan nieuwe tags maken."}
              </span>
              <input
                id={`${id}-tag`}
                type="text"
                list={`${id}-tag-list`}
                value={tagInput}
                onChange={(e) => setTagInput(e.target.value)}
                autoComplete="off"
                maxLength={40}
                aria-invalid={!!tagErr}
                aria-describedby={`${id}-tag-hint${tagErr ? ` ${id}-tag-error` : ""}`}
              />
              <datalist id={`${id}-tag-list`}>
                {p.allTags
                  .filter((t) => !p.tags.includes(t))
                  .map((t) => (
                    <option key={t} value={t} />
                  ))}
              </datalist>
              <FieldError id={`${id}-tag-error`} error={tagErr} />
            </div>
            <button type="submit" className="btn btn-secondary btn-small">
              Tag toevoegen
            </button>
          </form>
        )}
      </Card>

      {p.transferTargets.length > 0 && (
        <TransferCard
          reference={p.reference}
          targets={p.transferTargets}
          onDone={(stillVisible, reference) =>
            stillVisible ? router.push(`/desk/tickets/${reference}`) : router.push("/desk?doorgestuurd=1")
          }
        />
      )}

      {active && (
        <Card title="Samenvoegen en koppelen" id={`${id}-merge`}>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setMergeErr(null);
              const x = await mergeAction({ reference: p.reference, intoReference: mergeRef });
              if (!x.ok) return setMergeErr(x.fieldErrors.intoReference ?? x.error);
              router.push(`/desk/tickets/${x.data.targetReference}?samengevoegd=${p.reference}`);
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

          <h3 className="side-sub">Gerelateerde vragen</h3>
          {p.links.length === 0 ? (
            <p className="muted">Geen gekoppelde vragen.</p>
          ) : (
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
                      void run(async () => {
                        const x = await linkAction({
                          reference: p.reference,
                          otherReference: l.reference,
                          remove: true,
                        });
                        return x.ok ? { ok: true } : x;
                      }, `Koppeling met ${l.reference} verwijderd.`)
                    }
                  >
                    koppeling verwijderen
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setLinkErr(null);
              const r = await run(async () => {
                const x = await linkAction({ reference: p.reference, otherReference: linkRef });
                return x.ok ? { ok: true } : x;
              }, `Vraag ${linkRef.toUpperCase()} is gekoppeld.`);
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
        </Card>
      )}
    </>
  );
}

const transferForm = transferSchema;
type TransferValues = z.input<typeof transferForm>;

function TransferCard({
  reference,
  targets,
  onDone,
}: {
  reference: string;
  targets: { id: string; label: string }[];
  onDone: (stillVisible: boolean, reference: string) => void;
}) {
  const id = useId();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TransferValues>({
    resolver: zodResolver(transferForm),
    defaultValues: { toDesk: targets[0]!.id as TransferValues["toDesk"], reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    const r = await transferAction({ reference, ...v });
    if (!r.ok) {
      for (const [k, msg] of Object.entries(r.fieldErrors))
        if (k === "toDesk" || k === "reason") form.setError(k, { message: msg });
      return setServerError(r.error);
    }
    // The ticket got the new desk's own number: go on under that one.
    onDone(r.data.stillVisible, r.data.reference);
  });
  return (
    <Card title="Doorsturen naar andere helpdesk" id={`${id}-transfer`}>
      <form onSubmit={onSubmit} noValidate>
        <div aria-live="polite">{serverError && <p className="alert alert-error">{serverError}</p>}</div>
        <div className="field">
          <label htmlFor={`${id}-desk`}>Naar helpdesk</label>
          <select
            id={`${id}-desk`}
            {...form.register("toDesk")}
            aria-invalid={!!errors.toDesk}
            aria-describedby={errors.toDesk ? `${id}-desk-error` : undefined}
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-desk-error`} error={errors.toDesk?.message} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reden</label>
          <span id={`${id}-reason-hint`} className="hint">
            De beller krijgt deze reden per e-mail. Schrijf hem dus voor de beller.
          </span>
          <textarea
            id={`${id}-reason`}
            rows={3}
            {...form.register("reason")}
            aria-invalid={!!errors.reason}
            aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ""}`}
          />
          <FieldError id={`${id}-reason-error`} error={errors.reason?.message} />
        </div>
        <button type="submit" className="btn btn-secondary btn-small" disabled={isSubmitting}>
          Doorsturen
        </button>
      </form>
    </Card>
  );
}
