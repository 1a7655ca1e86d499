// Macros that link articles (/artikelen/<slug>): which of those articles were published again after the macro was
// last edited, so whoever keeps the macros sees that its text may be out of date (issue #19).
import "server-only";
import type { Db } from "@/app/_core/db";
import { linkedArticleSlugs } from "./record";

export type MacroArticleChange = { slug: string; title: string; changedAt: Date; published: boolean };

/** Per macro id: the linked articles that changed (a published revision, or withdrawn) after the macro's updatedAt. */
export async function macroArticleChanges(
  db: Db,
  macros: readonly { id: string; body: string; updatedAt: Date }[],
): Promise<Record<string, MacroArticleChange[]>> {
  const slugsOf = new Map(macros.map((m) => [m.id, linkedArticleSlugs(m.body)]));
  const slugs = [...new Set([...slugsOf.values()].flat())];
  const out: Record<string, MacroArticleChange[]> = Object.fromEntries(macros.map((m) => [m.id, []]));
  if (slugs.length === 0) return out;
  const articles = await db.article.findMany({
    where: { slug: { in: slugs } },
    select: {
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      revisions: {
        where: { status: "published" },
        orderBy: { number: "desc" },
        take: 1,
        select: { createdAt: true },
      },
    },
  });
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  for (const m of macros) {
    for (const slug of slugsOf.get(m.id) ?? []) {
      const a = bySlug.get(slug);
      if (!a) continue;
      const published = a.status === "published";
      const changedAt = published ? a.revisions[0]?.createdAt : a.updatedAt;
      if (changedAt && changedAt > m.updatedAt) out[m.id]!.push({ slug, title: a.title, changedAt, published });
    }
  }
  return out;
}
