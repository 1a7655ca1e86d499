import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listTopicArticles } from "@/app/_modules/articles/service";
import { getTaxonomy } from "@/app/_modules/content/store";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { topic } = await params;
  const t = (await getTaxonomy()).topics.find((x) => x.id === topic);
  return { title: t ? t.label : "Onderwerp niet gevonden" };
}

// GET /onderwerpen/[topic] — the published articles of one topic.
export default async function TopicPage({ params }: Props) {
  const { topic } = await params;
  const t = (await getTaxonomy()).topics.find((x) => x.id === topic);
  if (!t) notFound();
  const articles = await listTopicArticles(topic);
  return (
    <div className="container">
      <Breadcrumbs trail={[{ href: "/", label: "Home" }]} current={t.label} />
      <h1>{t.label}</h1>
      {t.description && <p className="lead">{t.description}</p>}
      {articles.length === 0 ? (
        <p>
          Over dit onderwerp zijn nog geen artikelen. <Link href="/zoeken">Zoek in alle vragen</Link>.
        </p>
      ) : (
        <ul className="plain-list">
          {articles.map((a) => (
            <li key={a.slug}>
              <h2 style={{ fontSize: "1.15rem", margin: "0 0 0.25rem" }}>
                <Link href={`/artikelen/${a.slug}`}>{a.title}</Link>
              </h2>
              <p style={{ margin: 0 }}>
                {a.type === "nieuws" && <span className="tag">Nieuws en praktijk</span>} {a.summary}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
