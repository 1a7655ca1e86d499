// Sections of /redactie/hiaten from the desks' work (issue #19): questions agents answered without an article, and
// the median days from a topic's first question to its first article.
import Link from "next/link";
import type { AnsweredTopic, TimeToArticle } from "@/app/_modules/articles/answered-gaps";

const day = (d: Date) =>
  d.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "short", year: "numeric" });

export function AnsweredTable({ rows }: { rows: AnsweredTopic[] }) {
  return (
    <table className="table" data-testid="answered-without-article">
      <caption className="visually-hidden">Vragen die agents beantwoordden zonder artikel</caption>
      <thead>
        <tr>
          <th scope="col">Onderwerp</th>
          <th scope="col">Vraag (zelfde woorden)</th>
          <th scope="col">Aantal</th>
          <th scope="col">Vragen</th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((t) =>
          t.questions.map((q, i) => (
            <tr key={`${t.topic}|${q.key}`}>
              {i === 0 && (
                <th scope="rowgroup" rowSpan={t.questions.length}>
                  {t.label} ({t.tickets})
                </th>
              )}
              <td>{q.subject}</td>
              <td>{q.tickets}</td>
              <td>
                {q.references.slice(0, 5).map((r, j) => (
                  <span key={r}>
                    {j > 0 && ", "}
                    <Link href={`/desk/tickets/${r}`}>{r}</Link>
                  </span>
                ))}
                {q.references.length > 5 && ` en ${q.references.length - 5} meer`}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

export function TimeToArticleTable({ data }: { data: TimeToArticle }) {
  return (
    <>
      <p data-testid="median-days">
        <strong>Mediaan:</strong>{" "}
        {data.medianDays === null ? "nog niet te berekenen" : `${data.medianDays.toLocaleString("nl-NL")} dagen`} van de
        eerste vraag over een onderwerp zonder artikel tot het eerste gepubliceerde artikel.
      </p>
      <table className="table">
        <caption className="visually-hidden">Dagen van eerste vraag tot artikel per onderwerp</caption>
        <thead>
          <tr>
            <th scope="col">Onderwerp</th>
            <th scope="col">Eerste vraag</th>
            <th scope="col">Eerste artikel</th>
            <th scope="col">Dagen</th>
          </tr>
        </thead>
        <tbody>
          {data.topics.map((t) => (
            <tr key={t.topic}>
              <th scope="row">{t.label}</th>
              <td>{day(t.firstTicketAt)}</td>
              <td>{t.firstPublishedAt ? day(t.firstPublishedAt) : "nog geen artikel"}</td>
              <td>{t.firstPublishedAt ? t.days : `${t.days} (wacht nog)`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
