// Key figures as tiles: a description list, so each number is read with its label. Tone only adds a coloured
// edge; the meaning is always in the words (label, value, hint), never in the colour alone.

export type StatTile = {
  label: string;
  /** Already formatted, e.g. "2,5 uur" or "87%". */
  value: string;
  /** A line of context, e.g. "p90: 6 uur · 120 tickets". */
  hint?: string;
  tone?: "neutral" | "good" | "warning" | "bad";
};

const EDGE: Record<NonNullable<StatTile["tone"]>, string> = {
  neutral: "var(--c-primary)",
  good: "var(--c-success)",
  warning: "#b26a00",
  bad: "var(--c-danger)",
};

/** KPI tiles (median first response, p90, SLA %, …) in a responsive grid. */
export function StatTiles({
  tiles,
  label,
}: {
  tiles: readonly StatTile[];
  /** Accessible name of the group. */ label?: string;
}) {
  const list = (
    <dl className="grid" style={{ margin: "1rem 0" }}>
      {tiles.map((t, i) => (
        <div key={i} className="card" style={{ borderLeft: `6px solid ${EDGE[t.tone ?? "neutral"]}` }}>
          <dt style={{ fontWeight: 600 }}>{t.label}</dt>
          <dd
            style={{
              margin: "0.25rem 0 0",
              fontSize: "1.8rem",
              fontWeight: 700,
              lineHeight: 1.2,
              fontVariantNumeric: "tabular-nums",
            }}
          >
            {t.value}
          </dd>
          {t.hint ? (
            <dd className="muted" style={{ margin: "0.25rem 0 0", fontSize: "0.95rem" }}>
              {t.hint}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
  // aria-label is not allowed on a bare <dl>; a labelled group carries the name instead.
  return label ? (
    <div role="group" aria-label={label}>
      {list}
    </div>
  ) : (
    list
  );
}
