// The 404 page for every route (notFound() and unknown URLs): Dutch, inside the portal's layout (header, footer,
// lang="nl"), with a search box and the desks' phone numbers so a visitor is never stuck.
import type { Metadata } from "next";
import Link from "next/link";
import { listDesks } from "@/app/_modules/desks/service";

export const metadata: Metadata = { title: "Pagina niet gevonden", robots: { index: false, follow: false } };

export default async function NotFound() {
  const desks = await listDesks().catch(() => []);
  return (
    <div className="container article-body not-found">
      <h1>Deze pagina bestaat niet</h1>
      <p>De pagina die u zoekt, is er niet (meer). Misschien is de link oud of zit er een typefout in het adres.</p>
      <form role="search" action="/zoeken" method="get" aria-label="Zoeken in de veelgestelde vragen" className="card">
        <div className="field">
          <label htmlFor="nf-q">Zoek een antwoord</label>
          <input id="nf-q" name="q" type="search" maxLength={200} autoComplete="off" />
        </div>
        <button type="submit" className="btn">
          Zoeken
        </button>
      </form>
      <p>
        Of ga naar de <Link href="/">startpagina</Link>, of <Link href="/vraag">stel uw vraag</Link>.
      </p>
      {desks.length > 0 && (
        <>
          <h2>Liever bellen?</h2>
          <ul>
            {desks.map((d) => (
              <li key={d.id}>
                {d.name}: <a href={`tel:${d.phoneHref}`}>{d.phone}</a> ({d.hoursText})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
