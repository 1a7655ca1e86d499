"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { chosenFilesError } from "@/app/_modules/storage/file-type";
import { closeMyTicket, replyOnMyTicket } from "../../mijn-vragen/actions";
import { closeAsCaller, replyAsCaller } from "./actions";

const SEND_FAILED = "Versturen lukte niet. Controleer uw internetverbinding en probeer het opnieuw.";

/**
 * Reply and close controls for the caller; nothing typed is lost on an error. The target is the private follow-up
 * link's token, or a reference on "Mijn vragen" (signed in).
 */
export function CallerActions({
  target,
  status,
}: {
  target: { token: string } | { reference: string };
  status: string;
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  if (status === "closed")
    return (
      <div className="alert">
        <p>
          Deze vraag is gesloten. Heeft u een nieuwe vraag? <a href="/vraag">Stel uw vraag</a>.
        </p>
      </div>
    );

  const onFiles = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    const problem = chosenFilesError(chosen);
    setFileError(problem);
    setFiles(problem ? [] : chosen);
  };
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    // Checked before sending: the server refuses a larger post without reading it.
    const problem = chosenFilesError(files);
    if (problem) return setFileError(problem);
    start(async () => {
      const fd = new FormData();
      if ("token" in target) fd.set("token", target.token);
      else fd.set("reference", target.reference);
      fd.set("message", message);
      for (const f of files) fd.append("attachments", f);
      const r = await ("token" in target ? replyAsCaller(fd) : replyOnMyTicket(fd)).catch(() => ({
        ok: false as const,
        error: SEND_FAILED,
        fieldErrors: {} as Record<string, string>,
      }));
      if (!r.ok) {
        const fileIssue = Object.entries(r.fieldErrors).find(([k]) => k.startsWith("attachments"));
        setFileError(fileIssue ? fileIssue[1] : null);
        setError(r.fieldErrors.message ?? (fileIssue ? null : r.error));
        return;
      }
      setError(null);
      setFileError(null);
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
      setMessage("");
      setNotice(r.data.reopened ? "Uw reactie is verstuurd. Uw vraag is weer geopend." : "Uw reactie is verstuurd.");
      router.refresh();
    });
  };
  const close = () => {
    if (!window.confirm("Weet u zeker dat u deze vraag wilt sluiten?")) return;
    start(async () => {
      const r = await ("token" in target ? closeAsCaller({ token: target.token }) : closeMyTicket(target));
      if (!r.ok) setError(r.error);
      else router.refresh();
    });
  };
  return (
    <section aria-labelledby="reageren">
      <h2 id="reageren">Reageren</h2>
      <div aria-live="polite">
        {notice && (
          <div className="alert alert-success" role="status">
            <p>{notice}</p>
          </div>
        )}
      </div>
      <form onSubmit={send} noValidate>
        <div className="field">
          <label htmlFor="reply">Uw reactie</label>
          <span className="hint" id="reply-hint">
            Zet geen BSN of onderwijsnummer in uw bericht.
          </span>
          <textarea
            id="reply"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            maxLength={5000}
            aria-invalid={error ? true : undefined}
            aria-describedby={`reply-hint${error ? " reply-error" : ""}`}
          />
          <div aria-live="assertive">
            {error && (
              <p id="reply-error" className="field-error">
                {error}
              </p>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor="reply-attachments">
            Bijlagen <span className="muted">(niet verplicht)</span>
          </label>
          <span className="hint" id="reply-attachments-hint">
            Maximaal 3 bestanden van 5 MB: png, jpg, pdf, txt of csv. Zet geen BSN of onderwijsnummer in een bestand.
          </span>
          <input
            id="reply-attachments"
            ref={fileInput}
            type="file"
            multiple
            accept=".png,.jpg,.jpeg,.pdf,.txt,.csv"
            onChange={(e) => onFiles(e.target.files)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`reply-attachments-hint${fileError ? " reply-attachments-error" : ""}`}
          />
          {files.length > 0 && <p className="muted">Gekozen: {files.map((f) => f.name).join(", ")}</p>}
          <div aria-live="assertive">
            {fileError && (
              <p id="reply-attachments-error" className="field-error">
                {fileError}
              </p>
            )}
          </div>
        </div>
        <div className="btn-row">
          <button className="btn" type="submit" disabled={pending}>
            Reactie versturen
          </button>
          <button className="btn btn-secondary" type="button" onClick={close} disabled={pending}>
            Vraag sluiten
          </button>
        </div>
      </form>
    </section>
  );
}
