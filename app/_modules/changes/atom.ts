// The Atom feed of public changes (/wat-is-er-veranderd/atom.xml), written with the `feed` library: one entry per
// change with title, date, the one-line summary and a link to the changed page (or the changes page).
import "server-only";
import { Feed } from "feed";
import type { PublicChange } from "./feed";

export const ATOM_PATH = "/wat-is-er-veranderd/atom.xml";
export const CHANGES_PATH = "/wat-is-er-veranderd";
export const FEED_TITLE = "Wat is er veranderd — Onderwijs Helpdesk";

/**
 * The library writes titles and summaries as `type="html"`: plain text must be HTML-escaped first, or a "<" or "&"
 * in a title would be read as markup by feed readers.
 */
const html = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The Atom XML for these changes (newest first) on a site at `baseUrl` (no trailing slash). */
export function atomFeed(baseUrl: string, changes: readonly PublicChange[], now = new Date()): string {
  const feed = new Feed({
    id: `${baseUrl}${CHANGES_PATH}`,
    title: FEED_TITLE,
    description: "Wijzigingen in de artikelen en regels van de helpdesks voor verzuim en leerplicht.",
    link: `${baseUrl}${CHANGES_PATH}`,
    language: "nl",
    updated: changes[0]?.createdAt ?? now,
    feedLinks: { atom: `${baseUrl}${ATOM_PATH}` },
    copyright: "Onderwijs Helpdesk",
    generator: false,
  });
  for (const c of changes) {
    feed.addItem({
      id: `${baseUrl}${CHANGES_PATH}#${c.id}`,
      title: html(c.title),
      link: `${baseUrl}${c.path ?? `${CHANGES_PATH}#${c.id}`}`,
      date: c.createdAt,
      published: c.createdAt,
      description: html(c.summary),
    });
  }
  return feed.atom1();
}
