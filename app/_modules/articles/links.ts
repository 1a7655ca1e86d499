// Internal-link check for the editor: links to articles that do not exist or are not public.
// Non-blocking: the editor shows the findings next to the text.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NODE, isValidId, type JSONContent } from "@/app/_lib/tiptap/doc-types";

export type InternalLink = {
  slug: string;
  /** `article-link` = [[slug]] node; `href` = a link mark or link-like text pointing at /artikelen/slug. */
  via: "article-link" | "href";
  /** The linked text as the reader sees it (or the raw href). */
  text: string;
};

export type LinkFinding = InternalLink & {
  kind: "missing" | "not-published";
  message: string;
  /** The linked article, when it exists (for a "open" link in the editor). */
  articleId?: string;
  status?: string;
};

const ARTICLE_PATH = /^\/artikelen\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:[?#].*)?$/;
// Links pasted as text: Markdown "[x](/artikelen/slug)" or HTML href="/artikelen/slug".
const TEXT_LINK = /(?:\]\(|href=["'])(\/artikelen\/[a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:[?#][^)"'\s]*)?(?=[)"'])/g;

/** Slugs a site-relative href points at (`/artikelen/slug`), or null. */
export function articleSlugFromHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  const m = ARTICLE_PATH.exec(href.trim());
  return m ? m[1] : null;
}

/** Every internal article link of a document, in order (duplicates kept: each is a place to fix). */
export function collectInternalLinks(doc: JSONContent): InternalLink[] {
  const out: InternalLink[] = [];
  const walk = (n: JSONContent | undefined) => {
    if (!n || typeof n !== "object") return;
    if (n.type === NODE.articleLink && isValidId(n.attrs?.slug)) {
      const label = typeof n.attrs?.label === "string" && n.attrs.label ? n.attrs.label : `[[${n.attrs.slug}]]`;
      out.push({ slug: n.attrs.slug, via: "article-link", text: label });
    }
    if (n.type === "text") {
      for (const m of (n.text ?? "").matchAll(TEXT_LINK)) {
        const s = articleSlugFromHref(m[1]);
        if (s) out.push({ slug: s, via: "href", text: m[1] });
      }
    }
    // Sibling text nodes with the same link (e.g. partly bold) are one link for the reader.
    let prevHref: string | null = null;
    let prevEntry: InternalLink | null = null;
    for (const c of n.content ?? []) {
      const href = c.type === "text" ? c.marks?.find((m) => m.type === "link")?.attrs?.href : undefined;
      const slug = articleSlugFromHref(href);
      if (slug && href === prevHref && prevEntry) prevEntry.text += c.text ?? "";
      else if (slug) out.push((prevEntry = { slug, via: "href", text: c.text ?? "" }));
      prevHref = slug ? (href as string) : null;
      if (!slug) prevEntry = null;
      walk(c);
    }
  };
  walk(doc);
  return out;
}

const STATUS_WORDS: Record<string, string> = {
  draft: "een concept",
  in_review: "nog niet goedgekeurd",
  archived: "gearchiveerd",
};

/** Checks a document's internal links against the articles in the database. */
export async function checkInternalLinks(db: Db, opts: { doc: JSONContent }): Promise<LinkFinding[]> {
  const links = collectInternalLinks(opts.doc);
  if (links.length === 0) return [];
  const slugs = [...new Set(links.map((l) => l.slug))];
  const found = await db.article.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, title: true, status: true },
  });
  const bySlug = new Map(found.map((a) => [a.slug, a]));
  const findings: LinkFinding[] = [];
  for (const l of links) {
    const a = bySlug.get(l.slug);
    if (!a) {
      findings.push({
        ...l,
        kind: "missing",
        message: `Er is geen artikel met het webadres "${l.slug}". Controleer de link of kies een ander artikel.`,
      });
    } else if (a.status !== "published") {
      findings.push({
        ...l,
        kind: "not-published",
        articleId: a.id,
        status: a.status,
        message: `Het artikel "${a.title}" is ${STATUS_WORDS[a.status] ?? "niet gepubliceerd"}. Bezoekers kunnen deze link niet openen.`,
      });
    }
  }
  return findings;
}
