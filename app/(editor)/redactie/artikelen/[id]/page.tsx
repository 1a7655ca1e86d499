// GET /redactie/artikelen/[id] — edit an article: fields, text, preview, checks and workflow buttons.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { getArticleForEditor } from "@/app/_modules/articles/workflow";
import { articleTickets } from "@/app/_modules/articles/from-ticket";
import { successorChoices } from "@/app/_modules/articles/successor";
import { SuccessorForm } from "./SuccessorForm";
import { ruleOptions, taxonomyChoices } from "../../data";
import type { ArticleFormValues } from "../../schema";
import { ArticleWorkspace } from "../ArticleWorkspace";
import "../../editor.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Redactie: artikel bewerken" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageRole(["editor"], `/redactie/artikelen/${encodeURIComponent(id)}`);
  const sp = await searchParams;
  const article = await getArticleForEditor(db(), { user, articleId: id }).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [choices, rules, tickets, successor] = await Promise.all([
    taxonomyChoices(),
    ruleOptions(),
    articleTickets(db(), id),
    successorChoices(db(), { user, articleId: id }),
  ]);
  const f = article.fields;
  const values: ArticleFormValues = {
    title: f.title,
    slug: f.slug,
    summary: f.summary,
    type: f.type === "nieuws" ? "nieuws" : "faq",
    audiences: f.audiences,
    sectors: f.sectors,
    topic: f.topic,
    reviewDueAt: f.reviewDueAt ?? "",
    validFrom: f.validFrom ?? "",
    validUntil: f.validUntil ?? "",
    questions: f.questions,
  };
  const restored = typeof sp.teruggezet === "string" && /^\d+$/.test(sp.teruggezet) ? Number(sp.teruggezet) : null;
  const notice = restored
    ? `Versie ${restored} is teruggezet als nieuw concept (versie ${article.revision}).`
    : sp.opgeslagen
      ? "Het artikel is opgeslagen als concept."
      : null;
  return (
    <div className="container redactie">
      <Breadcrumbs trail={[{ href: "/redactie", label: "Artikelen" }]} current={f.title} />
      <h1>Artikel bewerken</h1>
      {tickets.length > 0 && (
        <section
          className="alert alert-info from-tickets"
          aria-labelledby="from-tickets-title"
          data-testid="article-tickets"
        >
          <h2 id="from-tickets-title">
            Gemaakt uit {tickets.length === 1 ? "de vraag" : `${tickets.length} vragen`} van de helpdesk
          </h2>
          <ul>
            {tickets.map((t) => (
              <li key={t.reference}>
                <strong>{t.reference}</strong>: {t.subject}
              </li>
            ))}
          </ul>
          <p className="muted">
            Namen, e-mailadressen, telefoonnummers en BSN&apos;s zijn weggehaald. Lees het concept toch na.
          </p>
        </section>
      )}
      <ArticleWorkspace
        key={`${article.id}:${article.revision}`}
        state={{
          articleId: article.id,
          revision: article.revision,
          workingStatus: article.workingStatus,
          status: article.status,
          canApprove: article.canApprove,
          wroteIt: article.wroteIt,
          submittedBy: article.submittedBy?.name ?? null,
          submittedById: article.submittedBy?.id ?? null,
          scheduledAt: article.scheduledAt?.toISOString() ?? null,
          liveSlug: article.liveSlug,
        }}
        currentUserId={user.id}
        values={values}
        body={article.fields.body}
        choices={choices}
        rules={rules.rules}
        defaultProtocolId={rules.defaultProtocolId}
        notice={notice}
      />
      {(values.validUntil || successor.current) && (
        <SuccessorForm articleId={article.id} current={successor.current} choices={successor.choices} />
      )}
    </div>
  );
}
