// The editors' article list: the table of articles, last updated first.
import Link from "next/link";
import type { EditorArticleRow } from "@/app/_modules/articles/workflow";

const day = (d: Date) =>
  d.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "short", year: "numeric" });

export function ArticleTable({ rows, topicLabel }: { rows: EditorArticleRow[]; topicLabel: Map<string, string> }) {
  if (rows.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table article-list">
        <caption className="visually-hidden">Artikelen, laatst bijgewerkt bovenaan</caption>
        <thead>
          <tr>
            <th scope="col">Titel</th>
            <th scope="col">Status</th>
            <th scope="col">Onderwerp</th>
            <th scope="col">Controleren vóór</th>
            <th scope="col">Bijgewerkt</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={r.href}>{r.title}</Link>
                <span className="muted slug">/{r.slug}</span>
              </th>
              <td>
                <span className={`status art-${r.hasPendingChanges ? "pending" : r.workingStatus}`}>
                  {r.statusLabel}
                </span>
              </td>
              <td>{topicLabel.get(r.topic) ?? r.topic}</td>
              <td>
                {r.reviewDueAt ? day(r.reviewDueAt) : <span className="muted">geen datum</span>}
                {r.pastReview && (
                  <>
                    {" "}
                    <span className="tag tag-overdue">verlopen</span>
                  </>
                )}
              </td>
              <td>{day(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
