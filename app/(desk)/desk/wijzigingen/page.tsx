// GET /desk/wijzigingen — what changed in articles, protocols and desk settings, newest first, with the diff and
// the editor's note for the desk; filter by topic and kind; agents mark items as read (per person).
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks } from "@/app/_core/session";
import { FEED_PAGE, listDeskChanges, unreadChangeCount, type ChangeItem } from "@/app/_modules/changes/feed";
import { CHANGE_KINDS, type ChangeKind } from "@/app/_modules/changes/record";
import { getTaxonomy } from "@/app/_modules/content/store";
import { deskLabel, formatDateTime } from "../labels";
import { ChangeDiff } from "./ChangeDiff";
import { ReadButton } from "./ReadButton";
import "../desk.css";

export const metadata: Metadata = { title: "Wijzigingen" };
export const dynamic = "force-dynamic";

const KIND_LABELS: Record<ChangeKind, string> = {
  article: "Artikel",
  protocol: "Protocol",
  desk: "Instelling van de helpdesk",
};
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function ChangesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(["agent"], "/desk/wijzigingen");
  const sp = await searchParams;
  const taxonomy = await getTaxonomy();
  const topicParam = one(sp.onderwerp);
  const topic = taxonomy.topics.some((t) => t.id === topicParam) ? topicParam : undefined;
  const kindParam = one(sp.soort);
  const kind = (CHANGE_KINDS as readonly string[]).includes(kindParam ?? "") ? (kindParam as ChangeKind) : undefined;
  const unreadOnly = one(sp.ongelezen) === "1";
  const afterParam = one(sp.na);
  const afterId = afterParam && /^[a-z0-9]{10,40}$/.test(afterParam) ? afterParam : undefined;
  const reader = { userId: user.id, deskIds: visibleDesks(user) };
  const [items, unread] = await Promise.all([
    listDeskChanges(db(), reader, { topic, kind, unreadOnly, afterId }),
    unreadChangeCount(db(), reader),
  ]);
  const slugs = await articleSlugs(items);
  const older = (last: string) => {
    const q = new URLSearchParams();
    if (topic) q.set("onderwerp", topic);
    if (kind) q.set("soort", kind);
    if (unreadOnly) q.set("ongelezen", "1");
    q.set("na", last);
    return `/desk/wijzigingen?${q.toString()}`;
  };
  const topicLabel = (id: string) => taxonomy.topics.find((t) => t.id === id)?.label ?? id;

  return (
    <div className="container desk">
      <Breadcrumbs trail={[{ href: "/desk", label: "Werkbak" }]} current="Wijzigingen" />
      <h1>Wat is er veranderd</h1>
      <p>
        Wijzigingen in artikelen, protocollen en instellingen van de helpdesk. De nieuwste staan bovenaan. Markeer een
        wijziging als gelezen als u hem kent.
      </p>
      <p className="changes-unread" role="status">
        {unread === 0
          ? "U hebt alles gelezen."
          : `U hebt ${unread} ${unread === 1 ? "ongelezen wijziging" : "ongelezen wijzigingen"}.`}{" "}
        {unread > 0 && <ReadButton />}
      </p>
      <form method="get" action="/desk/wijzigingen" className="audit-filter">
        <div className="field inline-field">
          <label htmlFor="changes-topic">Onderwerp</label>
          <select id="changes-topic" name="onderwerp" defaultValue={topic ?? ""}>
            <option value="">Alle onderwerpen</option>
            {taxonomy.topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          <label htmlFor="changes-kind">Soort</label>
          <select id="changes-kind" name="soort" defaultValue={kind ?? ""}>
            <option value="">Alles</option>
            {CHANGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" name="ongelezen" value="1" defaultChecked={unreadOnly} /> Alleen ongelezen
          </label>
          <button type="submit" className="btn btn-secondary btn-small">
            Filteren
          </button>
        </div>
      </form>
      {items.length === 0 ? (
        <p>Er zijn geen wijzigingen{topic || kind || unreadOnly ? " met deze filter" : ""}.</p>
      ) : (
        <ol className="changes-list">
          {items.map((c) => (
            <li key={c.id} className={`card change-item${c.read ? " change-read-item" : ""}`}>
              <h2>
                {c.kind === "article" && slugs.has(c.refId) ? (
                  <Link href={`/artikelen/${slugs.get(c.refId)}`}>{c.title}</Link>
                ) : (
                  c.title
                )}{" "}
                {!c.read && <span className="tag tag-new">Nieuw</span>}
              </h2>
              <p className="muted">
                {KIND_LABELS[c.kind]}
                {c.kind === "desk" ? ` ${deskLabel(c.refId)}` : ""}
                {c.topic ? ` · ${topicLabel(c.topic)}` : ""} · {formatDateTime(c.createdAt)}
                {c.actorName ? ` · ${c.actorName}` : ""}
                {c.isPublic ? " · ook op de website" : " · alleen voor medewerkers"}
              </p>
              <p>{c.summary}</p>
              {c.deskNote && (
                <p className="alert alert-warning change-desk-note">
                  <strong>Wat betekent dit voor de desk:</strong> {c.deskNote}
                </p>
              )}
              {c.diff && (
                <details>
                  <summary>Bekijk wat er veranderd is</summary>
                  <ChangeDiff diff={c.diff} />
                </details>
              )}
              {c.read ? <p className="muted">Gelezen</p> : <ReadButton changeId={c.id} title={c.title} />}
            </li>
          ))}
        </ol>
      )}
      {items.length === FEED_PAGE && (
        <p>
          <Link href={older(items[items.length - 1]!.id)}>Oudere wijzigingen</Link>
        </p>
      )}
    </div>
  );
}

/** Slugs of the published articles among the items, for links to the page. */
async function articleSlugs(items: ChangeItem[]): Promise<Map<string, string>> {
  const ids = items.filter((i) => i.kind === "article").map((i) => i.refId);
  if (ids.length === 0) return new Map();
  const rows = await db().article.findMany({
    where: { id: { in: ids }, status: "published" },
    select: { id: true, slug: true },
  });
  return new Map(rows.map((r) => [r.id, r.slug]));
}
