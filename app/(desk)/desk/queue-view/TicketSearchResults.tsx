// The results of a ticket search on the queue page, with the matched text highlighted.
import Link from "next/link";
import type { searchTickets } from "@/app/_modules/tickets/ticket-search";
import { Highlighted, StatusBadge } from "../components";
import { deskLabel, formatDateTime } from "../labels";

export function TicketSearchResults({ q, search }: { q: string; search: Awaited<ReturnType<typeof searchTickets>> }) {
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Zoekresultaten voor “{q}”</h2>
      <p role="status">
        {search.hits.length === 0
          ? "Geen vragen gevonden. Probeer andere woorden of een vraagnummer."
          : `${search.hits.length} ${search.hits.length === 1 ? "vraag" : "vragen"} gevonden.`}
      </p>
      {search.hits.length > 0 && (
        <ol className="plain-list search-hits" data-queue-list>
          {search.hits.map((h) => (
            <li key={h.id} data-ticket-row data-reference={h.reference} data-subject={h.subject}>
              <p className="hit-head">
                <Link href={`/desk/tickets/${h.reference}`}>
                  {h.reference}: {h.subject}
                </Link>{" "}
                <StatusBadge status={h.status} />
              </p>
              <p className="muted">
                {h.organisation} · {h.requesterName} · {deskLabel(h.deskId)} · bijgewerkt {formatDateTime(h.updatedAt)}
              </p>
              {h.snippetHtml && (
                <p className="hit-snippet">
                  <Highlighted html={h.snippetHtml} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
