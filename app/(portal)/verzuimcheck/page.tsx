// GET /verzuimcheck — for school staff: which steps of the absence protocol a pupil's absence reaches, who acts,
// whether the school must report; and whether a leave request can be granted. No names asked, nothing stored.
import type { Metadata } from "next";
import { defaultProtocol, protocolList } from "@/app/_modules/protocol/engine/definition";
import { todayInAmsterdam } from "@/app/_modules/protocol/check-input";
import { getProtocols } from "@/app/_modules/protocol/store";
import { AbsenceCheck, type ProtocolOption } from "./AbsenceCheck";
import { LeaveCheck } from "./LeaveCheck";
import "./verzuimcheck.css";

export const metadata: Metadata = {
  title: "Verzuimcheck",
  description:
    "Zie welke stap van het verzuimprotocol aan de beurt is, wie wat doet en of de school moet melden bij de leerplichtambtenaar.",
};
export const dynamic = "force-dynamic";

export default async function VerzuimcheckPage() {
  const protocols = await getProtocols();
  const def = defaultProtocol(protocols);
  const options: ProtocolOption[] = protocolList(protocols)
    .map((p) => ({
      id: p.id,
      label: p.id === def.id ? `${p.name} (standaard)` : p.extends ? p.name : `${p.name} (alleen de wet)`,
      hint: p.extends
        ? `${p.description ?? p.name} Wettelijke regels hebben het label Wet, afspraken van de school het label Schoolbeleid.`
        : `${p.description ?? p.name} Zonder de extra stappen die een school zelf afspreekt.`,
    }))
    .sort((a, b) => Number(b.id === def.id) - Number(a.id === def.id));
  return (
    <div className="container verzuimcheck">
      <h1>Verzuimcheck</h1>
      <p className="lead">
        Voor mentoren, afdelingsleiders en de leerlingenadministratie. Zie welke stap van het verzuimprotocol aan de
        beurt is, wat er moet gebeuren en wie dat doet. En of de school moet melden bij de leerplichtambtenaar.
      </p>
      <div className="alert" id="privacy-hint">
        <p>
          <strong>U hoeft geen naam, BSN of leerlingnummer in te vullen.</strong> De check werkt alleen met aantallen,
          datums en uren, en bewaart niets.
        </p>
      </div>
      <nav aria-label="Op deze pagina" className="check-nav">
        <ul>
          <li>
            <a href="#verzuim-title">Verzuim van een leerling controleren</a>
          </li>
          <li>
            <a href="#verlof-title">Verlofaanvraag controleren</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="verzuim-title" className="check-section">
        <h2 id="verzuim-title" tabIndex={-1}>
          Verzuim van een leerling controleren
        </h2>
        <AbsenceCheck protocols={options} defaultProtocol={def.id} today={todayInAmsterdam()} />
      </section>
      <section aria-labelledby="verlof-title" className="check-section">
        <h2 id="verlof-title" tabIndex={-1}>
          Verlofaanvraag controleren
        </h2>
        <p>Mag de school dit verlof geven, en wie beslist erover?</p>
        <LeaveCheck protocols={options} defaultProtocol={def.id} />
      </section>
    </div>
  );
}
