"use client";
// The error page for an unexpected failure while rendering a page: Dutch, inside the portal's layout (the footer
// lists the desks' phone numbers), with a retry, a search box and the way to the desks. Never shows technical detail.
import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container article-body error-page">
      <h1>Er ging iets mis aan onze kant</h1>
      <p>Deze pagina kon niet worden getoond. Dat ligt niet aan u. Probeer het opnieuw, of zoek zelf een antwoord.</p>
      <p>
        <button type="button" className="btn" onClick={() => reset()}>
          Opnieuw proberen
        </button>
      </p>
      <form role="search" action="/zoeken" method="get" aria-label="Zoeken in de veelgestelde vragen" className="card">
        <div className="field">
          <label htmlFor="err-q">Zoek een antwoord</label>
          <input id="err-q" name="q" type="search" maxLength={200} autoComplete="off" />
        </div>
        <button type="submit" className="btn btn-secondary">
          Zoeken
        </button>
      </form>
      <p>
        Lukt het niet? Bel de helpdesk: de telefoonnummers staan onderaan deze pagina. Of ga naar de{" "}
        <Link href="/">startpagina</Link>.
      </p>
    </div>
  );
}
