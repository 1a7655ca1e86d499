import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";

export const metadata: Metadata = { title: "Redactie" };

const STATUS_LABEL: Record<string, string> = { draft: "Concept", in_review: "Ter review", published: "Gepubliceerd", archived: "Gearchiveerd" };

// GET /redactie — the editors' article list.
export default async function EditorHome() {
  await requirePageRole(["editor"], "/redactie");
  const articles = await db().article.findMany({ orderBy: { updatedAt: "desc" }, select: { slug: true, title: true, status: true, updatedAt: true } });
  return (
    <div className="container">
      <h1>Artikelen</h1>
      <table className="data-table">
        <caption className="visually-hidden">Alle artikelen</caption>
        <thead><tr><th scope="col">Titel</th><th scope="col">Status</th><th scope="col">Bijgewerkt</th></tr></thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.slug}>
              <td><Link href={`/artikelen/${a.slug}`}>{a.title}</Link></td>
              <td>{STATUS_LABEL[a.status] ?? a.status}</td>
              <td>{a.updatedAt.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
