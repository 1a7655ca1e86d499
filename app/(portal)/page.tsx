import Link from "next/link";
import { SearchCombobox } from "@/app/_components/SearchCombobox";
import { latestNews, mostRead, topicCounts } from "@/app/_modules/articles/service";
import { getTaxonomy } from "@/app/_modules/content/store";

export const dynamic = "force-dynamic";

const AUDIENCE_DOORS: { audience: string; label: string; text: string }[] = [
  {
    audience: "school-po",
    label: "Basisschool (po)",
    text: "Verzuim melden, verlof en inschrijving in het primair onderwijs.",
  },
  {
    audience: "school-vo",
    label: "School voor voortgezet onderwijs",
    text: "Te laat komen, spijbelen, verzuimmeldingen en verlof.",
  },
  { audience: "mbo-instelling", label: "Mbo-instelling", text: "Kwalificatieplicht, verzuim van studenten en RMC." },
  {
    audience: "gemeente-leerplicht",
    label: "Gemeente",
    text: "Leerplicht, RMC, overzichten en de jaarlijkse opschoning.",
  },
  {
    audience: "softwareleverancier",
    label: "Softwareleverancier",
    text: "Koppelingen, certificaten en foutmeldingen.",
  },
];

// GET / — the portal's front door: search first, then the most read questions and ways in.
export default async function HomePage() {
  const [taxonomy, popular, counts, news] = await Promise.all([
    getTaxonomy(),
    mostRead(6),
    topicCounts(),
    latestNews(3),
  ]);
  const topics = taxonomy.topics.filter((t) => (counts[t.id] ?? 0) > 0);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title">Vragen over verzuim, leerplicht en verlof</h1>
          <p className="lead">
            Voor scholen, gemeenten en softwareleveranciers. Zoek het antwoord hier. Vindt u het niet? Dan stelt u uw
            vraag aan de juiste helpdesk.
          </p>
          <div style={{ maxWidth: "44rem" }}>
            <SearchCombobox />
          </div>
        </div>
      </section>
      <div className="container">
        <section
          aria-labelledby="verzuimcheck-title"
          className="card"
          style={{ marginTop: "2rem", borderLeft: "6px solid var(--c-primary)" }}
        >
          <h2 id="verzuimcheck-title" style={{ marginTop: 0 }}>
            Moet u verzuim melden?
          </h2>
          <p>
            Vul in hoe vaak een leerling te laat was, spijbelde of ziek was. De verzuimcheck laat zien welke stap van
            het verzuimprotocol aan de beurt is, wie wat doet en of u het verzuim moet melden. U noemt geen naam en wij
            bewaren niets.
          </p>
          <p style={{ marginBottom: 0 }}>
            <Link className="btn" href="/verzuimcheck">
              Naar de verzuimcheck
            </Link>
          </p>
        </section>
        <section aria-labelledby="populair">
          <h2 id="populair">Meest gelezen vragen</h2>
          <ul className="grid plain-list">
            {popular.map((a) => (
              <li key={a.slug} className="card">
                <h3 style={{ fontSize: "1.05rem" }}>
                  <Link href={`/artikelen/${a.slug}`}>{a.title}</Link>
                </h3>
                <p className="muted" style={{ margin: 0 }}>
                  {a.summary}
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="voor-wie">
          <h2 id="voor-wie">Voor wie werkt u?</h2>
          <ul className="grid plain-list">
            {AUDIENCE_DOORS.map((d) => (
              <li key={d.audience} className="card">
                <h3 style={{ fontSize: "1.05rem" }}>
                  <Link href={`/zoeken?audience=${d.audience}`}>{d.label}</Link>
                </h3>
                <p className="muted" style={{ margin: 0 }}>
                  {d.text}
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="sectoren">
          <h2 id="sectoren">Per sector</h2>
          <ul className="plain-list" style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem 1.5rem" }}>
            {taxonomy.sectors.map((s) => (
              <li key={s.id} style={{ border: 0 }}>
                <Link href={`/zoeken?sector=${s.id}`}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="onderwerpen">
          <h2 id="onderwerpen">Onderwerpen</h2>
          <ul className="grid plain-list">
            {topics.map((t) => (
              <li key={t.id} className="card">
                <h3 style={{ fontSize: "1.05rem" }}>
                  <Link href={`/onderwerpen/${t.id}`}>{t.label}</Link> <span className="muted">({counts[t.id]})</span>
                </h3>
                {t.description && (
                  <p className="muted" style={{ margin: 0 }}>
                    {t.description}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
        {news.length > 0 && (
          <section aria-labelledby="nieuws">
            <h2 id="nieuws">Nieuws en praktijk</h2>
            <ul className="grid plain-list">
              {news.map((a) => (
                <li key={a.slug} className="card">
                  <h3 style={{ fontSize: "1.05rem" }}>
                    <Link href={`/artikelen/${a.slug}`}>{a.title}</Link>
                  </h3>
                  <p className="muted" style={{ margin: 0 }}>
                    {a.summary}
                  </p>
                </li>
              ))}
            </ul>
            <p>
              <Link href="/zoeken?type=nieuws">Alle nieuws- en praktijkverhalen</Link>
            </p>
          </section>
        )}
        <section aria-labelledby="niet-gevonden" className="card" style={{ marginTop: "2rem" }}>
          <h2 id="niet-gevonden">Staat uw vraag er niet bij?</h2>
          <p>
            Stel uw vraag via het formulier. Wij zoeken uit welke helpdesk u helpt en laten eerst zien welke artikelen
            passen. Liever bellen? De nummers en openingstijden staan onderaan deze pagina.
          </p>
          <p>
            <Link className="btn" href="/vraag">
              Stel uw vraag
            </Link>
          </p>
        </section>
      </div>
    </>
  );
}
