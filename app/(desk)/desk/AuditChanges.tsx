// The fields an audit event changed, readably: one line per field in the "Voor" and the "Na" column.
import { auditChanges } from "./labels";

export function AuditSide({ before, after, side }: { before: unknown; after: unknown; side: "before" | "after" }) {
  const rows = auditChanges(before, after).filter((c) => c[side] !== "");
  if (!rows.length) return null;
  return (
    <ul className="audit-fields">
      {rows.map((c) => (
        <li key={c.field}>
          <span className="audit-field">{c.label}:</span> {c[side]}
        </li>
      ))}
    </ul>
  );
}
