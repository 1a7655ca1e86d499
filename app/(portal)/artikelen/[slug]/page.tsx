import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  contentResolver,
  countView,
  getPublishedArticle,
  relatedArticles,
  renderBody,
} from "@/app/_modules/articles/service";
import { getTaxonomy } from "@/app/_modules/content/store";
import { labelOf } from "@/app/_modules/content/taxonomy";
import { listDesks } from "@/app/_modules/desks/service";
import { logSearchClick } from "@/app/_modules/search/service";
import { db } from "@/app/_core/db";
import { latestArticleChange } from "@/app/_modules/changes/feed";
import { Feedback } from "./Feedback";
import { ValidityNotice } from "./ValidityNotice";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";
import { articleColumns } from "@/app/_modules/articles/fields";
import { collectRuleRefs } from "@/app/_modules/articles/validate";
import type { ContentResolver, JSONContent } from "@/app/_lib/tiptap/doc-types";

type RuleSource = { key: string; basisText: string; label: string; url?: string };

/** The sources of the protocol rules an article embeds, once each, in order of appearance. */
function ruleSources(body: string, resolver: ContentResolver): RuleSource[] {
  let doc: JSONContent;
  try {
    doc = articleColumns.body.decode(body);
  } catch {
    return [];
  }
  const out = new Map<string, RuleSource>();
  for (const ref of collectRuleRefs(doc)) {
    let rule: ReturnType<ContentResolver["rule"]>;
    try {
      rule = resolver.rule(ref);
    } catch {
      rule = null;
    }
    const label = rule?.source?.label;
    if (!rule || !label) continue;
    const basisText = rule.basisText ?? (rule.basis === "law" ? "Wet" : "Schoolbeleid");
    const key = `${basisText}|${label}`;
    if (!out.has(key)) out.set(key, { key, basisText, label, url: rule.source?.url });
  }
  return [...out.values()];
}

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ z?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await getPublishedArticle((await params).slug);
  return a ? { title: a.title, description: a.summary } : { title: "Artikel niet gevonden" };
}

const day = (d: Date) =>
  d.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "long", year: "numeric" });

// GET /artikelen/[slug] — an article, rendered on the server from its Tiptap JSON with live protocol data.
export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { z } = await searchParams;
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  const [resolver, taxonomy, desks] = await Promise.all([contentResolver(), getTaxonomy(), listDesks()]);
  const [html, related, changed] = await Promise.all([
    renderBody(article.body, resolver),
    relatedArticles(article),
    latestArticleChange(db(), article.id, article.publishedAt, article.protocolRuleIds),
  ]);
  const fromRules = ruleSources(article.body, resolver);
  await countView(article.id);
  if (z && /^[a-z0-9]{20,40}$/.test(z)) await logSearchClick(z, article.slug).catch(() => {});
  // The desk for this article: PO for primary-only content, IPO for vo/mbo-only, else both.
  const forPo = article.sectors.includes("po") || article.sectors.includes("sectoroverstijgend");
  const forVoMbo = article.sectors.some((s) => s !== "po");
  const deskList = desks.filter((d) => (d.id === "po" ? forPo : forVoMbo));
  return (
    <div className="container">
      <Breadcrumbs
        trail={[
          { href: "/", label: "Home" },
          { href: `/onderwerpen/${article.topic}`, label: labelOf(taxonomy, "topics", article.topic) },
        ]}
        current={article.title}
      />
      <div className="article-layout">
        <article className="article-body" aria-labelledby="article-title">
          {article.type === "nieuws" && <p className="tag">Nieuws en praktijk</p>}
          <h1 id="article-title">{article.title}</h1>
          <p className="lead" style={{ fontSize: "1.1rem" }}>
            {article.summary}
          </p>
          <ValidityNotice article={article} />
          <p className="article-meta">
            {article.lastCheckedAt && (
              <>
                Laatst gecontroleerd op{" "}
                <time dateTime={article.lastCheckedAt.toISOString().slice(0, 10)}>{day(article.lastCheckedAt)}</time>
                .{" "}
              </>
            )}
            Voor: {article.audiences.map((a) => labelOf(taxonomy, "audiences", a)).join(", ")}.
          </p>
          {changed && (
            <p className="article-changed">
              Gewijzigd op <time dateTime={changed.createdAt.toISOString()}>{day(changed.createdAt)}</time>:{" "}
              {changed.summary} <Link href="/wat-is-er-veranderd">Alle wijzigingen</Link>
            </p>
          )}
          <div dangerouslySetInnerHTML={{ __html: html }} />
          {(article.sources.length > 0 || fromRules.length > 0) && (
            <section className="article-sources" id="bronnen" aria-labelledby="bronnen-title">
              <h2 id="bronnen-title">Bronnen</h2>
              {article.sources.length > 0 && (
                <ul>
                  {article.sources.map((src) => (
                    <li key={src.url}>
                      <a href={src.url} rel="noopener noreferrer">
                        {src.title}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {fromRules.length > 0 && (
                <>
                  <p>De regels in dit artikel komen uit:</p>
                  <ul>
                    {fromRules.map((src) => (
                      <li key={src.key}>
                        <strong>{src.basisText}:</strong>{" "}
                        {src.url ? (
                          <a href={src.url} rel="noopener noreferrer">
                            {src.label}
                          </a>
                        ) : (
                          src.label
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
        </article>
        <aside aria-label="Meer hulp">
          {related.length > 0 && (
            <section className="aside-box" aria-labelledby="related-title">
              <h2 id="related-title">Lees ook</h2>
              <ul>
                {related.map((r) => (
                  <li key={r.slug}>
                    <Link href={`/artikelen/${r.slug}`}>{r.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="aside-box" aria-labelledby="desk-title">
            <h2 id="desk-title">Vraag niet beantwoord?</h2>
            {deskList.map((d) => (
              <p key={d.id}>
                <strong>{d.name}</strong>
                <br />
                {d.id === "po" ? "Voor basisscholen" : "Voor vo, mbo, gemeenten en softwareleveranciers"}
                <br />
                <a href={`tel:${d.phoneHref}`}>{d.phone}</a>
                <br />
                <span className="muted">{d.hoursText}</span>
              </p>
            ))}
          </section>
          <Feedback slug={article.slug} />
        </aside>
      </div>
    </div>
  );
}
