// GET /redactie/artikelen/nieuw?onderwerp=&titel=&zoekvraag=&regel= — a new article, optionally prefilled from the gap report.
import type { Metadata } from "next";
import type { JSONContent } from "@tiptap/core";
import { requirePageRole } from "@/app/_core/guard";
import { isValidId } from "@/app/_lib/tiptap/doc-types";
import { dateToDay } from "@/app/_modules/articles/fields";
import { questionIssues } from "@/app/_modules/articles/questions";
import { ruleOptions, taxonomyChoices } from "../../data";
import { slugify, type ArticleFormValues } from "../../schema";
import { ArticleWorkspace } from "../ArticleWorkspace";
import "../../editor.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Redactie: nieuw artikel" };
export const dynamic = "force-dynamic";

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim().slice(0, 160) : "");

export default async function NewArticlePage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePageRole(["editor"], "/redactie/artikelen/nieuw");
  const sp = await searchParams;
  const [choices, rules] = await Promise.all([taxonomyChoices(), ruleOptions()]);
  const topic = choices.topics.some((t) => t.id === one(sp.onderwerp)) ? one(sp.onderwerp) : "";
  const raw = one(sp.titel) || one(sp.zoekvraag);
  const gapQuery = one(sp.zoekvraag);
  const title = raw ? raw.charAt(0).toUpperCase() + raw.slice(1) : "";
  // A rule from the gap report ("id" or "protocol/id") starts the text, so the article embeds it.
  const [p, r] = one(sp.regel).includes("/") ? one(sp.regel).split("/", 2) : [rules.defaultProtocolId, one(sp.regel)];
  const rule =
    isValidId(r) && rules.rules.some((o) => o.protocolId === p && o.id === r)
      ? { ruleId: r, protocol: p === rules.defaultProtocolId ? null : p }
      : null;
  const body: JSONContent = {
    type: "doc",
    content: [...(rule ? [{ type: "protocolRule", attrs: rule }] : []), { type: "paragraph" }],
  };
  const review = new Date();
  review.setUTCFullYear(review.getUTCFullYear() + 1);
  const values: ArticleFormValues = {
    title,
    slug: slugify(title),
    summary: "",
    type: "faq",
    audiences: [],
    sectors: [],
    topic,
    reviewDueAt: dateToDay(review)!,
    validFrom: "",
    validUntil: "",
    // The search that found nothing is how callers ask: it starts the "ook gevraagd als" list.
    questions: gapQuery && questionIssues([gapQuery]).length === 0 ? [gapQuery] : [],
  };
  const fromGap = !!(topic || raw || rule);
  return (
    <div className="container redactie">
      <Breadcrumbs
        trail={[
          { href: "/redactie", label: "Artikelen" },
          fromGap && { href: "/redactie/hiaten", label: "Wat ontbreekt er?" },
        ]}
        current="Nieuw artikel"
      />
      <h1>Nieuw artikel</h1>
      {one(sp.zoekvraag) && (
        <p className="alert">
          Bezoekers zochten op ‘{one(sp.zoekvraag)}’ en vonden niets. Schrijf een artikel dat deze vraag beantwoordt.
        </p>
      )}
      <ArticleWorkspace
        state={null}
        currentUserId={user.id}
        values={values}
        body={body}
        choices={choices}
        rules={rules.rules}
        defaultProtocolId={rules.defaultProtocolId}
      />
    </div>
  );
}
