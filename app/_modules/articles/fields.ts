// The article's fields, defined once: their limits and zod schemas (used by the editor form, content-file front
// matter and the workflow's server check), the review date's three spellings, and the codecs of the article's JSON
// string columns (used by the workflow, snapshots, the public service, the search document and the seed).
// Pure and browser-safe (zod only): the editor's client form imports it as well as the server modules.
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { decodeOr, jsonColumn, trustedJsonColumn } from "@/app/_lib/json-column";

export const ARTICLE_STATUSES = ["draft", "in_review", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_TYPES = ["faq", "nieuws"] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

/** Limits of the text fields, the same for the form, content files and the server. */
export const ARTICLE_LIMITS = {
  slugMax: 120,
  titleMin: 5,
  titleMax: 160,
  summaryMin: 10,
  summaryMax: 400,
  sourcesMax: 20,
} as const;

/** Lowercase words joined by single dashes: the form of a slug and of every taxonomy id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A calendar day as it travels in forms, snapshots and content files. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Messages of the field schemas; a missing message is zod's own (content files), or the check is left out where noted. */
export type ArticleFieldMessages = {
  /** When given, an empty slug is refused with this message before the other checks. */
  slugEmpty?: string;
  slugLong?: string;
  slug?: string;
  titleShort?: string;
  titleLong?: string;
  summaryShort?: string;
  summaryLong?: string;
  type?: string;
  audiences?: string;
  sectors?: string;
  /** When given, an empty topic is refused with this message (content files leave it to the taxonomy check). */
  topic?: string;
  day?: string;
};

/**
 * The article's field schemas with the caller's messages: Dutch for the editor form, English for content files.
 * trim: the form and the server trim what people type; content files are taken as written.
 */
export function articleFieldSchemas(m: ArticleFieldMessages, opts: { trim: boolean }) {
  const text = () => (opts.trim ? z.string().trim() : z.string());
  const L = ARTICLE_LIMITS;
  return {
    slug: (m.slugEmpty ? text().min(1, m.slugEmpty) : text()).max(L.slugMax, m.slugLong).regex(SLUG_PATTERN, m.slug),
    title: text().min(L.titleMin, m.titleShort).max(L.titleMax, m.titleLong),
    summary: text().min(L.summaryMin, m.summaryShort).max(L.summaryMax, m.summaryLong),
    type: z.enum(ARTICLE_TYPES, m.type ? { message: m.type } : undefined),
    audiences: z.array(z.string()).min(1, m.audiences),
    sectors: z.array(z.string()).min(1, m.sectors),
    topic: m.topic ? z.string().min(1, m.topic) : z.string(),
    day: z.string().regex(DAY_PATTERN, m.day),
  };
}

/** One source of an article: a law text, a page of DUO, the Inspectie, the Rijksoverheid, a Kamerstuk … */
export const articleSourceSchema = z.strictObject({
  title: z.string().trim().min(3, "expected the title of the source").max(200),
  url: z
    .string()
    .max(500)
    .regex(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i, "expected an https:// address"),
});
export type ArticleSource = z.infer<typeof articleSourceSchema>;

// ---------------------------------------------------------------------------------------------
// The review date: one value, three spellings.
//   form and revision snapshot: reviewDueAt, "YYYY-MM-DD" (the form: "" for none; the snapshot: null)
//   database row:               Article.reviewDueAt, a Date at midnight UTC
//   content file front matter:  reviewDue, "YYYY-MM-DD"

/** The front-matter key of the review date in content files. */
export const REVIEW_DUE_FILE_KEY = "reviewDue";

/** A day ("YYYY-MM-DD") as the Date stored in a row (midnight UTC); none stays null. */
export function dayToDate(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

/** A stored Date as its day ("YYYY-MM-DD"); none stays null. */
export function dateToDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** Whether a "YYYY-MM-DD" string names a day that exists (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

// ---------------------------------------------------------------------------------------------
// Codecs of the JSON string columns of Article (and of a revision's snapshot, in snapshot.ts)

const stringList = (name: string) => jsonColumn(name, z.array(z.string()));

/** Stored sources, keeping only well-formed https entries (a hand-edited row cannot break the page). */
const storedSources = z
  .array(z.unknown())
  .transform((list) =>
    list.filter(
      (s): s is { title: string; url: string } =>
        !!s &&
        typeof (s as { title?: unknown }).title === "string" &&
        typeof (s as { url?: unknown }).url === "string" &&
        /^https:\/\//.test((s as { url: string }).url),
    ),
  );

export const articleColumns = {
  audiences: stringList("Article.audiences"),
  sectors: stringList("Article.sectors"),
  /** "Ook gevraagd als". */
  questions: stringList("Article.questions"),
  /** Rule ids the body embeds (unique, sorted, without protocol). */
  protocolRuleIds: stringList("Article.protocolRuleIds"),
  sources: jsonColumn("Article.sources", storedSources),
  /** Tiptap JSON, checked by validateDoc before it is stored. */
  body: trustedJsonColumn<JSONContent>(),
};

/** The stored sources of an article; a row that cannot be read shows none. */
export const decodeSources = (text: string | null | undefined): ArticleSource[] =>
  decodeOr(articleColumns.sources, text, []);
