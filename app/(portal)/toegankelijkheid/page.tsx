import type { Metadata } from "next";

export const metadata: Metadata = { title: "Toegankelijkheid" };

// GET /toegankelijkheid — accessibility statement (WCAG 2.1 AA, EN 301 549).
export default function AccessibilityPage() {
  return (
    <div className="container article-body">
      <h1>Toegankelijkheid</h1>
      <p>
        Iedereen moet dit portaal kunnen gebruiken. Daarom bouwen wij het volgens de richtlijnen van WCAG 2.1 op niveau
        A en AA (de Europese norm EN 301 549).
      </p>
      <h2>Wat wij doen</h2>
      <ul>
        <li>
          U kunt alles met alleen het toetsenbord bedienen. Met de link &lsquo;Naar de inhoud&rsquo; slaat u het menu
          over.
        </li>
        <li>Formulieren melden fouten per veld. Een schermlezer leest die fouten voor.</li>
        <li>Teksten schrijven wij in eenvoudig Nederlands (taalniveau B1).</li>
        <li>De pagina&apos;s werken op een telefoon, een tablet en een computer, en bij een grote tekstinstelling.</li>
        <li>Wij testen elke wijziging automatisch met de toegankelijkheidstest axe.</li>
      </ul>
      <h2>Loopt u ergens tegenaan?</h2>
      <p>
        Bel dan de helpdesk die bij uw school of organisatie hoort. De telefoonnummers staan onderaan elke pagina. Wij
        lossen het probleem zo snel mogelijk op.
      </p>
    </div>
  );
}
