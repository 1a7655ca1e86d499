"use client";
// "Opvolger": which article readers are sent to when this one has expired (issue #19).
import { useState } from "react";
import { setSuccessorAction } from "../../actions";

export function SuccessorForm(p: {
  articleId: string;
  current: string | null;
  choices: { id: string; title: string }[];
}) {
  const [value, setValue] = useState(p.current ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="card successor-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await setSuccessorAction({ articleId: p.articleId, successorId: value || null });
        setMessage(r.ok ? { ok: true, text: "De opvolger is opgeslagen." } : { ok: false, text: r.error });
      }}
    >
      <label htmlFor="f-successor">Opvolger als dit artikel verloopt</label>
      <select id="f-successor" value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">Het nieuwste geldige artikel over hetzelfde onderwerp</option>
        {p.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-secondary btn-small">
        Opvolger opslaan
      </button>
      <p role="status" className={message && !message.ok ? "field-error" : "muted"}>
        {message?.text}
      </p>
    </form>
  );
}
