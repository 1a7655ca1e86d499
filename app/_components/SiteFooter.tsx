import Link from "next/link";
import { listDesks } from "@/app/_modules/desks/service";

/** Footer with both desks' phone numbers and hours. */
export async function SiteFooter() {
  const desks = await listDesks();
  return (
    <footer className="site-footer">
      <div className="container">
        {desks.map((d) => (
          <section key={d.id} aria-labelledby={`footer-${d.id}`}>
            <h2 id={`footer-${d.id}`}>{d.name}</h2>
            <p className="muted">{d.serves}</p>
            <ul>
              <li>
                Telefoon: <a href={`tel:${d.phoneHref}`}>{d.phone}</a>
              </li>
              <li>Bereikbaar: {d.hoursText}</li>
            </ul>
          </section>
        ))}
        <section aria-labelledby="footer-over">
          <h2 id="footer-over">Over dit portaal</h2>
          <ul>
            <li>Ouders en leerlingen: neem contact op met de school of met de leerplichtambtenaar van uw gemeente.</li>
            <li>
              <Link href="/wat-is-er-veranderd">Wat is er veranderd</Link>
            </li>
            <li>
              <Link href="/toegankelijkheid">Toegankelijkheid</Link>
            </li>
            <li>
              <Link href="/privacy">Privacy</Link>
            </li>
            <li>
              <Link href="/inloggen">Inloggen voor medewerkers</Link>
            </li>
          </ul>
        </section>
      </div>
    </footer>
  );
}
