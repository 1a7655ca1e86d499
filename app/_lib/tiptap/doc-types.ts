// Shared types and small pure policies for article documents (Tiptap JSON).
// Imported by the editor extension list (browser) and by the server modules, so it must stay
// free of React, Next.js and Prisma.
import type { JSONContent } from "@tiptap/core";

export type { JSONContent };

/** The protocol a rule reference means when it names none (content/README.md). */
export const DEFAULT_PROTOCOL = "stellingwerf-college";

/** Custom node names; the string values are stored in the JSON, so never rename them. */
export const NODE = {
  callout: "callout",
  articleLink: "articleLink",
  protocolRule: "protocolRule",
  protocolThreshold: "protocolThreshold",
} as const;

export const CALLOUT_VARIANTS = ["info", "waarschuwing"] as const;
export type CalloutVariant = (typeof CALLOUT_VARIANTS)[number];

/** Slugs, rule ids and protocol ids: lower-case words joined by hyphens (e.g. `unexcused-16h-4w`). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for an id usable as slug, rule id or protocol id. */
export function isValidId(value: unknown): value is string {
  return typeof value === "string" && value.length <= 120 && ID_PATTERN.test(value);
}

/** Narrows an unknown value to a callout variant. */
export function isCalloutVariant(value: unknown): value is CalloutVariant {
  return typeof value === "string" && (CALLOUT_VARIANTS as readonly string[]).includes(value);
}

// Browsers ignore ASCII tab/newline inside URLs and trim control characters, so
// "java\tscript:" must be judged after removing them, or it slips past a scheme check.
const IGNORED_URL_CHARS = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * True when a link target is allowed in content: http(s), mailto, or a site-relative path `/…`
 * (not protocol-relative `//host`).
 */
export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length === 0 || href.length > 2048) return false;
  const compact = href.replace(IGNORED_URL_CHARS, "");
  if (compact !== href.trim()) return false; // hidden characters inside the URL: refuse rather than guess
  if (/^\/(?![/\\])/.test(compact)) return true;
  return /^(?:https?:\/\/[^\s/\\]|mailto:[^\s])/i.test(compact);
}

/** True for an absolute http(s) link that leaves the portal (gets rel="noopener noreferrer"). */
export function isExternalHref(href: string): boolean {
  return /^https?:\/\//i.test(href.trim());
}

/** A rule embedded in an article: `{{regel:id}}` or `{{regel:protocol/id}}`. */
export interface RuleRef {
  ruleId: string;
  /** Absent means the default protocol. */
  protocol?: string;
}

/** What the renderer needs to know about a protocol rule (built from `content/protocols/*.yaml`). */
export interface RuleView {
  id: string;
  protocolId: string;
  title: string;
  /** The threshold in words, e.g. "16 uur of meer binnen 4 weken". */
  thresholdText: string;
  actions: { action: string; actor: string }[];
  basis: "law" | "school";
  basisLabel: string;
  /** Whose rule it is as the reader sees it: "Wet" or "Schoolbeleid <school>". */
  basisText?: string;
  /** Where the rule comes from; `url` for a law text or government page. */
  source?: { label: string; url?: string };
  explanation: string;
}

/** Minimal view of a linked article. */
export interface ArticleRef {
  slug: string;
  title: string;
}

/** Looks up live data while rendering; returning null means "does not exist (any more)". */
export interface ContentResolver {
  rule(ref: RuleRef): RuleView | null;
  article(slug: string): ArticleRef | null;
}
