// The browser's copy of unsaved work: written to localStorage on every change, offered back when it differs from
// what the server has (closed tab, failed saves), and a warning before leaving with unsaved changes.
import { useEffect, useRef, useState, type MutableRefObject } from "react";
import type { JSONContent } from "@tiptap/core";
import type { ArticleFormValues } from "../../schema";
import { backupKey, keyOf, readBackup, removeBackup, type Backup } from "./shared";

export function useLocalBackup(opts: {
  /** The article the page opened with (null: the new-article form). */
  initialId: string | null;
  initialValues: ArticleFormValues;
  initialBody: JSONContent;
  articleId: string | null;
  values: ArticleFormValues;
  body: JSONContent;
  currentKey: string;
  savedKey: MutableRefObject<string>;
  latestKey: MutableRefObject<string>;
  baseRevision: MutableRefObject<number | null>;
}) {
  const { articleId, values, body, currentKey, savedKey, latestKey, baseRevision } = opts;
  const [backup, setBackup] = useState<Backup | null>(null);

  // Offer a local copy that differs from what the server has (closed tab, failed saves).
  const backupPending = useRef(true);
  useEffect(() => {
    const b = readBackup(opts.initialId);
    if (b && keyOf(b.values, b.body) !== keyOf(opts.initialValues, opts.initialBody)) setBackup(b);
    else backupPending.current = false;
    // Only on mount: later the backup is ours.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Every change goes to localStorage at once, so a closed tab or a failed request loses nothing.
  useEffect(() => {
    if (backup || backupPending.current) return; // do not overwrite a copy the editor has not decided on yet
    try {
      if (currentKey === savedKey.current) window.localStorage.removeItem(backupKey(articleId));
      else
        window.localStorage.setItem(
          backupKey(articleId),
          JSON.stringify({
            values,
            body,
            baseRevision: baseRevision.current,
            at: new Date().toISOString(),
          } satisfies Backup),
        );
    } catch {
      // Storage full or blocked: the server save still runs.
    }
  }, [currentKey, articleId, backup, values, body, savedKey, baseRevision]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latestKey.current !== savedKey.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [latestKey, savedKey]);

  return {
    backup,
    /** Hands the offered copy to the caller (who puts it in the form) and stops offering it. */
    take(): Backup | null {
      const b = backup;
      backupPending.current = false;
      setBackup(null);
      return b;
    },
    /** Throws the offered copy away. */
    discard() {
      removeBackup(articleId);
      backupPending.current = false;
      setBackup(null);
    },
  };
}
