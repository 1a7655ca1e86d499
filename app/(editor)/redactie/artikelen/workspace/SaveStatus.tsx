// The line under the error summary that says whether everything is saved, with retry and reload buttons.
import { time, type SaveState } from "./shared";

export function SaveStatus({
  state,
  autosave,
  isNew,
  onRetry,
}: {
  state: SaveState;
  autosave: boolean;
  isNew: boolean;
  onRetry: () => void;
}) {
  let text: string;
  let tone = "";
  switch (state.kind) {
    case "idle":
      text = isNew ? "Nog niet opgeslagen. Uw tekst wordt wel bewaard in deze browser." : "";
      break;
    case "dirty":
      text = autosave ? "Wijzigingen worden zo opgeslagen…" : "Niet opgeslagen wijzigingen. Klik op opslaan.";
      break;
    case "saving":
      text = "Bezig met opslaan…";
      break;
    case "saved":
      text = state.at
        ? `Alles is opgeslagen (versie ${state.revision}, ${time(state.at)}).`
        : `Alles is opgeslagen (versie ${state.revision}).`;
      tone = "ok";
      break;
    case "invalid":
      text = "Nog niet opgeslagen: vul eerst de velden met een melding in. Uw tekst is bewaard in deze browser.";
      tone = "warn";
      break;
    case "retry":
      text = `Opslaan is niet gelukt (poging ${state.attempt}). Wij proberen het over ${state.seconds} seconden opnieuw. Uw tekst is bewaard in deze browser.`;
      tone = "warn";
      break;
    case "conflict":
      text = state.message;
      tone = "error";
      break;
    case "error":
      text = `Niet opgeslagen: ${state.message}`;
      tone = "error";
      break;
  }
  return (
    <div className={`save-status ${tone}`}>
      <p role="status" aria-live="polite">
        {text}
      </p>
      {state.kind === "retry" && (
        <button type="button" className="btn btn-small btn-secondary" onClick={onRetry}>
          Nu opnieuw proberen
        </button>
      )}
      {state.kind === "conflict" && (
        <button type="button" className="btn btn-small btn-secondary" onClick={() => window.location.reload()}>
          Nieuwste versie laden
        </button>
      )}
    </div>
  );
}
