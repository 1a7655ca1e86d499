// The blocks above the form: the error summary (links to the wrong fields), the offer of a browser copy, and the
// edit/preview tabs.
import type { RefObject } from "react";
import type { ArticleState } from "../../actions";
import { FORM_LABELS, type FORM_FIELDS } from "../../form-fields";
import { dateTime, type Backup } from "./shared";

export function ErrorSummary({
  uid,
  summaryRef,
  show,
  serverError,
  entries,
}: {
  uid: string;
  summaryRef: RefObject<HTMLDivElement | null>;
  show: boolean;
  serverError: string | null;
  entries: (readonly [(typeof FORM_FIELDS)[number], string | null | undefined])[];
}) {
  return (
    <div ref={summaryRef} tabIndex={-1} aria-live="assertive" className="error-summary-region">
      {show && (entries.length > 0 || serverError) && (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>{serverError ?? "Het artikel is niet opgeslagen. Verbeter deze velden:"}</strong>
          </p>
          {entries.length > 0 && (
            <ul>
              {entries.map(([f, m]) => (
                <li key={f}>
                  <a
                    href={`#${f === "body" ? `${uid}-editor` : f === "audiences" || f === "sectors" ? `fs-${f}` : `f-${f}`}`}
                  >
                    {FORM_LABELS[f]}: {m}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

export function BackupNotice({
  backup,
  state,
  onRestore,
  onDiscard,
}: {
  backup: Backup;
  state: ArticleState | null;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="alert alert-warning" role="region" aria-label="Niet opgeslagen kopie">
      <p>
        <strong>Er staat een kopie in deze browser die niet is opgeslagen</strong> (van {dateTime(backup.at)}).
        {backup.baseRevision !== null &&
          state &&
          backup.baseRevision !== state.revision &&
          " Het artikel is intussen ook door iemand anders gewijzigd: controleer de tekst na het terugzetten."}
      </p>
      <div className="btn-row">
        <button type="button" className="btn" onClick={onRestore}>
          Kopie terugzetten
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDiscard}>
          Kopie weggooien
        </button>
      </div>
    </div>
  );
}

export function EditorTabs({
  uid,
  tab,
  onChange,
}: {
  uid: string;
  tab: "edit" | "preview";
  onChange: (t: "edit" | "preview") => void;
}) {
  return (
    <div role="tablist" aria-label="Weergave" className="editor-tabs">
      {(["edit", "preview"] as const).map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`${uid}-tab-${t}`}
          aria-selected={tab === t}
          aria-controls={`${uid}-panel-${t}`}
          tabIndex={tab === t ? 0 : -1}
          onClick={() => onChange(t)}
          onKeyDown={(e) => {
            if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
              const next = t === "edit" ? "preview" : "edit";
              onChange(next);
              document.getElementById(`${uid}-tab-${next}`)?.focus();
            }
          }}
        >
          {t === "edit" ? "Bewerken" : "Voorbeeld"}
        </button>
      ))}
    </div>
  );
}
