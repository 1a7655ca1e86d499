// The editors' article list: the search and filter form (title or address, audience, sector, topic).
import Link from "next/link";
import type { EditorStatusFilter } from "@/app/_modules/articles/workflow";
import type { taxonomyChoices } from "../data";

type Props = {
  status: EditorStatusFilter;
  q: string;
  audience: string;
  sector: string;
  topic: string;
  choices: Awaited<ReturnType<typeof taxonomyChoices>>;
};

export function ArticleFilterForm({ status, q, audience, sector, topic, choices }: Props) {
  return (
    <form
      method="get"
      action="/redactie"
      className="filter-bar"
      role="search"
      aria-label="Artikelen zoeken en filteren"
    >
      {status !== "all" && <input type="hidden" name="status" value={status} />}
      <div className="field">
        <label htmlFor="f-q">Zoek op titel of webadres</label>
        <input id="f-q" name="q" type="search" defaultValue={q} />
      </div>
      <div className="field">
        <label htmlFor="f-aud">Doelgroep</label>
        <select id="f-aud" name="doelgroep" defaultValue={audience}>
          <option value="">Alle doelgroepen</option>
          {choices.audiences.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sec">Sector</label>
        <select id="f-sec" name="sector" defaultValue={sector}>
          <option value="">Alle sectoren</option>
          {choices.sectors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-top">Onderwerp</label>
        <select id="f-top" name="onderwerp" defaultValue={topic}>
          <option value="">Alle onderwerpen</option>
          {choices.topics.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="btn-row">
        <button type="submit" className="btn">
          Filteren
        </button>
        {(q || audience || sector || topic) && (
          <Link href={status === "all" ? "/redactie" : `/redactie?status=${status}`}>Filters wissen</Link>
        )}
      </div>
    </form>
  );
}
