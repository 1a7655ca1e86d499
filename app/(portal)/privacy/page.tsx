import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy" };

// GET /privacy — what the portal stores and why (AVG: collect the minimum).
export default function PrivacyPage() {
  return (
    <div className="container article-body">
      <h1>Privacy</h1>
      <p>Wij vragen en bewaren zo weinig mogelijk gegevens. Alleen wat nodig is om uw vraag te beantwoorden.</p>
      <h2>Wat wij bewaren</h2>
      <ul>
        <li>Als u een vraag stelt: uw naam, e-mailadres, eventueel uw telefoonnummer, uw organisatie en uw vraag.</li>
        <li>
          Als u zoekt: de zoekwoorden en het aantal resultaten, zonder gegevens over u. Reeksen van zes of meer cijfers
          halen wij eruit.
        </li>
        <li>Als u een artikel beoordeelt: alleen ja of nee en uw opmerking, niet wie u bent.</li>
      </ul>
      <h2>Wat u niet moet sturen</h2>
      <p>
        Zet nooit een burgerservicenummer (BSN) of onderwijsnummer van een leerling in uw vraag of in de naam van een
        bijlage. Het formulier houdt zo&apos;n nummer tegen. Noem liever de schoolcode (BRIN) of het nummer van de
        melding.
      </p>
      <h2>Geen volgcookies</h2>
      <p>
        Dit portaal gebruikt geen cookies om u te volgen. Alleen medewerkers die inloggen krijgen een cookie om ingelogd
        te blijven.
      </p>
    </div>
  );
}
