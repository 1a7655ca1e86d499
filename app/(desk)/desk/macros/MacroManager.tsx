"use client";
// Create, edit and delete macros. One form (react-hook-form with the server's macroSchema) for new and edited
// macros; the list below shows every macro with its desk.
import { useRouter } from "next/navigation";
import { useRef, useState, type RefObject } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import { macroSchema } from "@/app/_modules/tickets/desk-schema";
import { deleteMacroAction, saveMacroAction } from "../actions";
import { formatDateTime } from "../labels";

type Macro = {
  id: string;
  deskId: "po" | "vo-mbo" | null;
  title: string;
  body: string;
  updatedAt: string;
  createdBy: string | null;
  /** Linked articles changed after the macro was last edited. */
  changedArticles?: { slug: string; title: string; changedAt: string; published: boolean }[];
};
type FormValues = { deskId: "" | "po" | "vo-mbo"; title: string; body: string };

const DESK_CHOICES = [
  { id: "", label: "Beide helpdesks" },
  { id: "po", label: "Alleen BRON PO" },
  { id: "vo-mbo", label: "Alleen IPO (VO/MBO)" },
] as const;

// The form holds "" for "both desks"; the schema (and server) wants null, so the resolver maps before it validates
// with the server's own macroSchema.
const toInput = (v: FormValues, id?: string) => ({
  id,
  deskId: v.deskId === "" ? null : v.deskId,
  title: v.title,
  body: v.body,
});

/** The macro form's resolver: validates with the server's macroSchema after mapping "" to null. */
const resolveMacro = async (values: FormValues) => {
  const r = macroSchema.safeParse(toInput(values));
  if (r.success) return { values, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const i of r.error.issues) errors[String(i.path[0])] ??= { type: "validation", message: i.message };
  return { values: {}, errors };
};

export function MacroManager({ macros }: { macros: Macro[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<Macro | null>(null);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<FormValues>({
    resolver: resolveMacro,
    defaultValues: { deskId: "", title: "", body: "" },
  });

  const startEdit = (m: Macro | null) => {
    setEditing(m);
    setMessage(null);
    form.reset(m ? { deskId: m.deskId ?? "", title: m.title, body: m.body } : { deskId: "", title: "", body: "" });
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const onSubmit = form.handleSubmit(async (v) => {
    const r = await saveMacroAction(toInput(v, editing?.id));
    if (!r.ok) {
      for (const [k, msg] of Object.entries(r.fieldErrors))
        if (k === "title" || k === "body" || k === "deskId") form.setError(k, { message: msg });
      return setMessage({ kind: "error", text: r.error });
    }
    setMessage({ kind: "success", text: editing ? "De macro is opgeslagen." : "De macro is aangemaakt." });
    setEditing(null);
    form.reset({ deskId: "", title: "", body: "" });
    router.refresh();
  });

  const remove = async (m: Macro) => {
    if (!window.confirm(`Macro ‘${m.title}’ verwijderen?`)) return;
    const r = await deleteMacroAction({ id: m.id });
    setMessage(
      r.ok ? { kind: "success", text: `Macro ‘${m.title}’ is verwijderd.` } : { kind: "error", text: r.error },
    );
    if (r.ok) router.refresh();
  };
  return (
    <>
      <div aria-live="polite" role="status">
        {message && <p className={`alert alert-${message.kind}`}>{message.text}</p>}
      </div>
      <MacroFormCard
        form={form}
        editing={editing}
        headingRef={headingRef}
        onSubmit={onSubmit}
        onCancel={() => startEdit(null)}
      />
      <MacroList macros={macros} onEdit={startEdit} onRemove={(m) => void remove(m)} />
    </>
  );
}

/** The one form for a new or an edited macro. */
function MacroFormCard({
  form,
  editing,
  headingRef,
  onSubmit,
  onCancel,
}: {
  form: UseFormReturn<FormValues>;
  editing: Macro | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { errors, isSubmitting } = form.formState;
  const errorIds = (name: keyof FormValues, hint?: string) =>
    [hint, errors[name] ? `macro-${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <section className="card" aria-labelledby="macro-form-title">
      <h2 id="macro-form-title" ref={headingRef} tabIndex={-1}>
        {editing ? `Macro bewerken: ${editing.title}` : "Nieuwe macro"}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="macro-title">Titel</label>
          <input
            id="macro-title"
            type="text"
            {...form.register("title")}
            maxLength={120}
            aria-invalid={!!errors.title}
            aria-describedby={errorIds("title")}
          />
          {errors.title && (
            <p id="macro-title-error" className="field-error">
              {errors.title.message}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="macro-desk">Voor helpdesk</label>
          <select
            id="macro-desk"
            {...form.register("deskId")}
            aria-invalid={!!errors.deskId}
            aria-describedby={errorIds("deskId")}
          >
            {DESK_CHOICES.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
          {errors.deskId && (
            <p id="macro-deskId-error" className="field-error">
              {errors.deskId.message}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="macro-body">Tekst</label>
          <span id="macro-body-hint" className="hint">
            Laat een lege regel tussen alinea’s. Plaatshouders: {"{{naam}}"}, {"{{referentie}}"}, {"{{desk}}"}.
          </span>
          <textarea
            id="macro-body"
            rows={8}
            {...form.register("body")}
            aria-invalid={!!errors.body}
            aria-describedby={errorIds("body", "macro-body-hint")}
          />
          {errors.body && (
            <p id="macro-body-error" className="field-error">
              {errors.body.message}
            </p>
          )}
        </div>
        <div className="btn-row">
          <button type="submit" className="btn" disabled={isSubmitting}>
            {editing ? "Macro opslaan" : "Macro aanmaken"}
          </button>
          {editing && (
            <button type="button" className="btn btn-secondary" onClick={onCancel}>
              Annuleren
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function MacroList({
  macros,
  onEdit,
  onRemove,
}: {
  macros: Macro[];
  onEdit: (m: Macro) => void;
  onRemove: (m: Macro) => void;
}) {
  return (
    <>
      <h2>Alle macro’s ({macros.length})</h2>
      {macros.length === 0 ? (
        <p>Er zijn nog geen macro’s.</p>
      ) : (
        <ul className="plain-list macro-list">
          {macros.map((m) => (
            <li key={m.id}>
              <h3 className="macro-title">{m.title}</h3>
              <p className="muted">
                {DESK_CHOICES.find((d) => d.id === (m.deskId ?? ""))?.label} · gewijzigd {formatDateTime(m.updatedAt)}
                {m.createdBy ? ` · gemaakt door ${m.createdBy}` : ""}
              </p>
              {m.changedArticles && m.changedArticles.length > 0 && (
                <div className="alert alert-warning macro-article-changed">
                  <p>Een gelinkt artikel is veranderd nadat deze macro is gewijzigd. Kijk of de tekst nog klopt:</p>
                  <ul>
                    {m.changedArticles.map((a) => (
                      <li key={a.slug}>
                        <a href={`/artikelen/${a.slug}`}>{a.title}</a> –{" "}
                        {a.published ? "aangepast op" : "niet meer gepubliceerd sinds"} {formatDateTime(a.changedAt)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="msg-body macro-body">{m.body}</div>
              <div className="btn-row">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => onEdit(m)}
                  aria-label={`Macro ${m.title} bewerken`}
                >
                  Bewerken
                </button>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => onRemove(m)}
                  aria-label={`Macro ${m.title} verwijderen`}
                >
                  Verwijderen
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
