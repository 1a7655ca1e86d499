"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { closeAsCaller, replyAsCaller } from "@/app/_modules/tickets/actions";

/** Reply and close controls for the caller; nothing typed is lost on an error. */
export function CallerActions({ token, status }: { token: string; status: string }) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (status === "closed") return <div className="alert"><p>Deze vraag is gesloten. Heeft u een nieuwe vraag? <a href="/vraag">Stel uw vraag</a>.</p></div>;

  const send = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await replyAsCaller({ token, message });
      if (!r.ok) {
        setError(r.fieldErrors.message ?? r.error);
        return;
      }
      setError(null);
      setMessage("");
      setNotice(r.data.reopened ? "Uw reactie is verstuurd. Uw vraag is weer geopend." : "Uw reactie is verstuurd.");
      router.refresh();
    });
  };
  const close = () => {
    if (!window.confirm("Weet u zeker dat u deze vraag wilt sluiten?")) return;
    start(async () => {
      const r = await closeAsCaller({ token });
      if (!r.ok) setError(r.error);
      else router.refresh();
    });
  };
  return (
    <section aria-labelledby="reageren">
      <h2 id="reageren">Reageren</h2>
      <div aria-live="polite">{notice && <div className="alert alert-success" role="status"><p>{notice}</p></div>}</div>
      <form onSubmit={send} noValidate>
        <div className="field">
          <label htmlFor="reply">Uw reactie</label>
          <span className="hint" id="reply-hint">Zet geen BSN of onderwijsnummer in uw bericht.</span>
          <textarea id="reply" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={5000}
            aria-invalid={error ? true : undefined} aria-describedby={`reply-hint${error ? " reply-error" : ""}`} />
          <div aria-live="assertive">{error && <p id="reply-error" className="field-error">{error}</p>}</div>
        </div>
        <div className="btn-row">
          <button className="btn" type="submit" disabled={pending}>Reactie versturen</button>
          <button className="btn btn-secondary" type="button" onClick={close} disabled={pending}>Vraag sluiten</button>
        </div>
      </form>
    </section>
  );
}
