// A stored change diff (changes/diff-text.ts), shown as a list of removed and added lines per field.
import { parseDiffText } from "@/app/_modules/changes/diff-text";

export function ChangeDiff({ diff }: { diff: string }) {
  const lines = parseDiffText(diff);
  if (lines.length === 0) return <p className="muted">Er is geen vergelijking met een vorige versie.</p>;
  return (
    <div className="change-diff">
      {lines.map((l, i) =>
        l.kind === "section" ? (
          <h4 key={i}>{l.text}</h4>
        ) : l.kind === "removed" ? (
          <del key={i} className="diff-line diff-removed">
            <span className="visually-hidden">Weg: </span>
            {l.text}
          </del>
        ) : l.kind === "added" ? (
          <ins key={i} className="diff-line diff-added">
            <span className="visually-hidden">Nieuw: </span>
            {l.text}
          </ins>
        ) : (
          <span key={i} className="diff-line muted">
            {l.text}
          </span>
        ),
      )}
    </div>
  );
}
