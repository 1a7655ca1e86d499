// Types, labels and small helpers shared by the article workspace's hooks and panels.
import type { JSONContent } from "@tiptap/core";
import type { PlainLanguageKind } from "@/app/_modules/articles/plain-language";
import type { ArticleFormValues } from "../../schema";

export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date | null; revision: number }
  | { kind: "invalid" }
  | { kind: "retry"; attempt: number; seconds: number }
  | { kind: "conflict"; message: string }
  | { kind: "error"; message: string };

export type Backup = { values: ArticleFormValues; body: JSONContent; baseRevision: number | null; at: string };
export type LinkFinding = { slug: string; text: string; kind: string; message: string; articleId: string | null };

export const STATUS_LABELS: Record<string, string> = {
  draft: "Concept",
  in_review: "Ter beoordeling",
  scheduled: "Ingepland",
  published: "Gepubliceerd",
  archived: "Gearchiveerd",
};
export const KIND_LABELS: Record<PlainLanguageKind, string> = {
  "long-sentence": "Lange zin",
  "long-word": "Lang woord",
  passive: "Lijdende vorm",
  jargon: "Moeilijk woord",
};
export const RETRY_SECONDS = [2, 5, 10, 30, 60];
export const AUTOSAVE_MS = 1500;
export const backupKey = (id: string | null) => `redactie-backup:${id ?? "nieuw"}`;
export const time = (d: Date) =>
  d.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString("nl-NL", {
    timeZone: "Europe/Amsterdam",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
export const keyOf = (values: ArticleFormValues, body: JSONContent) => JSON.stringify({ values, body });

/** The browser's copy of unsaved work for this article (or the new-article form), if any. */
export function readBackup(id: string | null): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

/** Forgets the browser's copy (best effort: blocked storage is no error). */
export function removeBackup(id: string | null): void {
  try {
    window.localStorage.removeItem(backupKey(id));
  } catch {}
}

/** Field error lookup and aria-describedby builder the form's fields share. */
export type FieldHelpers = {
  fieldError: (name: keyof ArticleFormValues) => string | undefined;
  described: (name: string, hint?: boolean) => string | undefined;
};
