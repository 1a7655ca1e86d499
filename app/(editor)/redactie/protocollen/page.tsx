// GET /redactie/protocollen — the protocols with every rule's versions and the articles that render each rule.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";
import { protocolOverview } from "@/app/_modules/protocol/overview";
import { getProtocols } from "@/app/_modules/protocol/store";
import { dutchDate } from "@/app/_modules/protocol/check-input";
import { RuleVersionForm } from "./RuleVersionForm";
import "../editor.css";

export const metadata: Metadata = { title: "Redactie: protocollen" };
export const dynamic = "force-dynamic";

const period = (from: string | null, until: string | null) =>
  `${from ? `vanaf ${dutchDate(from)}` : "vanaf het begin"}${until ? ` tot en met ${dutchDate(until)}` : ""}`;

export default async function ProtocolsPage() {
  await requirePageRole(["editor"], "/redactie/protocollen");
  const protocols = await protocolOverview(db(), await getProtocols());
  return (
    <>
      <Breadcrumbs trail={[{ href: "/redactie", label: "Artikelen" }]} current="Protocollen" />
      <h1>Protocollen</h1>
      <p>
        Per regel ziet u de versies met de periode waarin ze gelden, en de artikelen die de regel tonen. Verandert een
        regel, dan veranderen die artikelen mee. Met “Nieuwe versie” zet u een andere drempel vanaf een datum na
        vandaag, bijvoorbeeld voor het nieuwe schooljaar.
      </p>
      {protocols.map((p) => (
        <section key={p.id} aria-labelledby={`p-${p.id}`}>
          <h2 id={`p-${p.id}`}>{p.name}</h2>
          <p className="muted">
            Versies van het protocol: {p.versions.map((v) => period(v.validFrom, v.validUntil)).join("; ")}.
          </p>
          <table>
            <caption className="visually-hidden">Regels van {p.name}</caption>
            <thead>
              <tr>
                <th scope="col">Regel</th>
                <th scope="col">Versies</th>
                <th scope="col">Artikelen met deze regel</th>
              </tr>
            </thead>
            <tbody>
              {p.rules.map((r) => (
                <tr key={r.id} data-rule={r.id}>
                  <th scope="row">{r.id}</th>
                  <td>
                    <ul>
                      {r.versions.map((v) => (
                        <li key={v.versionKey}>
                          {v.title}: {v.thresholdText} ({period(v.validFrom, v.validUntil)})
                        </li>
                      ))}
                    </ul>
                    {Object.keys(r.threshold).length > 0 && (
                      <RuleVersionForm protocolId={p.id} ruleId={r.id} threshold={r.threshold} />
                    )}
                  </td>
                  <td>
                    {r.articles.length === 0 ? (
                      "Geen"
                    ) : (
                      <ul>
                        {r.articles.map((a) => (
                          <li key={a.slug}>
                            <Link href={`/artikelen/${a.slug}`}>{a.title}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
