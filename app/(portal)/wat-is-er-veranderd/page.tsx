// GET /wat-is-er-veranderd — public list of what changed in the articles and rules, newest first, with a link to the
// Atom feed. Server component only (no client JavaScript).
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { ATOM_PATH } from "@/app/_modules/changes/atom";
import { listPublicChanges } from "@/app/_modules/changes/feed";

export const metadata: Metadata = {
  title: "Wat is er veranderd",
  description: "Welke artikelen en regels over verzuim en leerplicht zijn veranderd, en wanneer.",
};
export const dynamic = "force-dynamic";

const day = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

export default async function ChangesPage() {
  const changes = await listPublicChanges(db());
  return (
    <div className="container">
      <h1>Wat is er veranderd</h1>
      <p>
        Hier ziet u welke artikelen en regels wij hebben veranderd. De nieuwste wijziging staat bovenaan. Wilt u het
        bijhouden in uw eigen programma? Gebruik dan de <a href={ATOM_PATH}>Atom-feed</a>.
      </p>
      {changes.length === 0 ? (
        <p>Er zijn nog geen wijzigingen.</p>
      ) : (
        <ol className="plain-list changes-public">
          {changes.map((c) => (
            <li key={c.id} id={c.id}>
              <h2>{c.path ? <Link href={c.path}>{c.title}</Link> : c.title}</h2>
              <p className="muted">
                <time dateTime={c.createdAt.toISOString()}>{day.format(c.createdAt)}</time>
              </p>
              <p>{c.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
