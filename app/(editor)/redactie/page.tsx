// GET /redactie?status=&q=&doelgroep=&sector=&onderwerp= — the editors' article list with filters.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import {
  listArticlesForEditor,
  WORKING_STATUS_LABELS,
  type EditorArticleRow,
  type EditorStatusFilter,
} from "@/app/_modules/articles/workflow";
import { taxonomyChoices } from "./data";
import { ArticleFilterForm } from "./list/ArticleFilterForm";
import { ArticleTable } from "./list/ArticleTable";
import "./editor.css";

export const metadata: Metadata = { title: "Redactie: artikelen" };
export const dynamic = "force-dynamic";

type SP = Record<string, string | string[] | undefined>;

const STATUS_FILTERS: { id: EditorStatusFilter; label: string }[] = [
  { id: "all", label: "Alle" },
  { id: "draft", label: WORKING_STATUS_LABELS.draft },
  { id: "in_review", label: WORKING_STATUS_LABELS.in_review },
  { id: "scheduled", label: WORKING_STATUS_LABELS.scheduled },
  { id: "published", label: WORKING_STATUS_LABELS.published },
  { id: "archived", label: WORKING_STATUS_LABELS.archived },
  { id: "past-review", label: "Controle verlopen" },
  { id: "pending-changes", label: "Gepubliceerd met wijziging" },
];

const matches = (r: EditorArticleRow, s: EditorStatusFilter) =>
  s === "all"
    ? true
    : s === "past-review"
      ? r.pastReview
      : s === "pending-changes"
        ? r.hasPendingChanges
        : r.workingStatus === s;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim().slice(0, 120) : "");

export default async function EditorHome({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePageRole(["editor"], "/redactie");
  const sp = await searchParams;
  const choices = await taxonomyChoices();
  const known = (list: { id: string }[], v: string) => (list.some((e) => e.id === v) ? v : "");
  const status = (STATUS_FILTERS.find((f) => f.id === one(sp.status))?.id ?? "all") as EditorStatusFilter;
  const q = one(sp.q);
  const audience = known(choices.audiences, one(sp.doelgroep));
  const sector = known(choices.sectors, one(sp.sector));
  const topic = known(choices.topics, one(sp.onderwerp));
  const base = {
    user,
    q: q || undefined,
    audience: audience || undefined,
    sector: sector || undefined,
    topic: topic || undefined,
  };
  const all = await listArticlesForEditor(db(), { ...base, status: "all" });
  const rows = all.filter((r) => matches(r, status));
  const topicLabel = new Map(choices.topics.map((t) => [t.id, t.label]));
  const href = (s: EditorStatusFilter) => {
    const p = new URLSearchParams();
    if (s !== "all") p.set("status", s);
    for (const [k, v] of [
      ["q", q],
      ["doelgroep", audience],
      ["sector", sector],
      ["onderwerp", topic],
    ])
      if (v) p.set(k, v);
    const t = p.toString();
    return `/redactie${t ? `?${t}` : ""}`;
  };
  const current = STATUS_FILTERS.find((f) => f.id === status)!;

  return (
    <div className="container redactie">
      <div className="redactie-head">
        <h1>Artikelen</h1>
        <div className="btn-row">
          <Link className="btn" href="/redactie/artikelen/nieuw">
            Nieuw artikel
          </Link>
          <Link className="btn btn-secondary" href="/redactie/hiaten">
            Wat ontbreekt er?
          </Link>
        </div>
      </div>

      <nav aria-label="Filter op status" className="status-filter">
        <ul>
          {STATUS_FILTERS.map((f) => (
            <li key={f.id}>
              <Link href={href(f.id)} aria-current={f.id === status ? "page" : undefined}>
                {f.label} <span className="count">({all.filter((r) => matches(r, f.id)).length})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <ArticleFilterForm status={status} q={q} audience={audience} sector={sector} topic={topic} choices={choices} />

      <p role="status" className="muted">
        {rows.length === 1 ? "1 artikel" : `${rows.length} artikelen`} met status ‘{current.label.toLowerCase()}’
        {q ? ` voor ‘${q}’` : ""}.
      </p>

      <ArticleTable rows={rows} topicLabel={topicLabel} />
    </div>
  );
}
