// Saving the article: a manual save or an autosave a short pause after the last change, with retries on a lost
// connection, field errors from the server, conflict detection (baseRevision) and one save at a time.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type MutableRefObject,
  type SetStateAction,
} from "react";
import type { JSONContent } from "@tiptap/core";
import type { UseFormGetValues, UseFormSetError, UseFormTrigger } from "react-hook-form";
import { saveArticle, type ArticleState, type StepResult } from "../../actions";
import { FORM_FIELDS } from "../../form-fields";
import type { ArticleFormValues } from "../../schema";
import { AUTOSAVE_MS, RETRY_SECONDS, removeBackup, type SaveState } from "./shared";

type Router = { replace(href: string): void };

/** What a save that did not go through shows above the form: the summary of wrong fields and the server's message. */
export function useErrorSummary() {
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [show, setShow] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  return {
    bodyError,
    setBodyError,
    serverError,
    setServerError,
    show,
    ref,
    /** Shows the summary and moves the focus to it. */
    focus() {
      setShow(true);
      requestAnimationFrame(() => ref.current?.focus());
    },
    /** After a save went through. */
    clear() {
      setServerError(null);
      setBodyError(null);
      setShow(false);
    },
  };
}

export function useAutosave(opts: {
  articleId: string | null;
  getValues: UseFormGetValues<ArticleFormValues>;
  trigger: UseFormTrigger<ArticleFormValues>;
  setError: UseFormSetError<ArticleFormValues>;
  summary: ReturnType<typeof useErrorSummary>;
  router: Router;
  latestKey: MutableRefObject<string>;
  savedKey: MutableRefObject<string>;
  bodyRef: MutableRefObject<JSONContent>;
  baseRevision: MutableRefObject<number | null>;
  setSaveState: Dispatch<SetStateAction<SaveState>>;
  setState: (s: ArticleState) => void;
  autosave: boolean;
  dirty: boolean;
  /** A browser copy is on offer: no autosave until the editor decided on it. */
  backupOffered: boolean;
  currentKey: string;
}) {
  const { articleId, getValues, trigger, setError, router, latestKey, savedKey, bodyRef, baseRevision } = opts;
  const { setSaveState, setState, summary } = opts;
  const { setBodyError } = summary;
  const focusSummary = summary.focus;

  const applyFieldErrors = useCallback(
    (fieldErrors: Record<string, string>) => {
      let body: string | null = null;
      for (const [path, msg] of Object.entries(fieldErrors)) {
        const k = path.split(".")[0];
        if (k === "body") body = msg;
        else if ((FORM_FIELDS as readonly string[]).includes(k))
          setError(k as keyof ArticleFormValues, { type: "server", message: msg });
      }
      setBodyError(body);
    },
    [setError, setBodyError],
  );
  const inFlight = useRef(false);
  const again = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);

  /** Saves the current fields; returns the new state, or null when it did not save. */
  const save = useCallback(
    async (o: { manual: boolean; note?: string }): Promise<ArticleState | null> => {
      if (retryTimer.current) clearTimeout(retryTimer.current);
      if (inFlight.current) {
        again.current = true;
        return null;
      }
      const v = getValues();
      // The schema (and zod) load here, not with the page; the form's lazy resolver has usually fetched it already.
      const { articleFormSchema } = await import("../../schema");
      const parsed = articleFormSchema.safeParse(v);
      if (!parsed.success) {
        setSaveState({ kind: "invalid" });
        if (o.manual) {
          await trigger();
          focusSummary();
        }
        return null;
      }
      const key = latestKey.current;
      const bodyNow = bodyRef.current;
      inFlight.current = true;
      setSaveState({ kind: "saving" });
      let result: Awaited<ReturnType<typeof saveArticle>> | null;
      try {
        result = await saveArticle({
          ...parsed.data,
          articleId,
          baseRevision: baseRevision.current,
          body: JSON.stringify(bodyNow),
          note: o.note || undefined,
        });
      } catch {
        result = null; // network down or server unreachable
      } finally {
        inFlight.current = false;
      }
      const retryable = !result || (!result.ok && Object.keys(result.fieldErrors).length === 0);
      if (retryable) {
        const n = attempt.current++;
        const seconds = RETRY_SECONDS[Math.min(n, RETRY_SECONDS.length - 1)];
        setSaveState({ kind: "retry", attempt: n + 1, seconds });
        retryTimer.current = setTimeout(() => void save({ manual: false, note: o.note }), seconds * 1000);
        return null;
      }
      attempt.current = 0;
      if (!result!.ok) {
        applyFieldErrors(result!.fieldErrors);
        summary.setServerError(result!.error);
        setSaveState({ kind: "error", message: result!.error });
        if (o.manual) focusSummary();
        return null;
      }
      const data = result!.data as StepResult;
      if (data.conflict !== undefined) {
        setSaveState({ kind: "conflict", message: data.conflict });
        return null;
      }
      const next = data.state!;
      summary.clear();
      baseRevision.current = next.revision;
      savedKey.current = key;
      setState(next);
      setSaveState({ kind: "saved", at: new Date(), revision: next.revision });
      if (!articleId) {
        // The new article now has an address; the backup of the new-article form is done with.
        removeBackup(null);
        router.replace(`/redactie/artikelen/${next.articleId}?opgeslagen=1`);
        return next;
      }
      if (key === latestKey.current) removeBackup(articleId);
      if (again.current) {
        again.current = false;
        void save({ manual: false });
      }
      return next;
    },
    // The callbacks and refs are stable or read at call time, as in the component this hook came from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [articleId, getValues, trigger, applyFieldErrors, router],
  );

  // Autosave: a short pause after the last change.
  const { autosave, dirty, backupOffered, currentKey } = opts;
  useEffect(() => {
    if (!autosave || !dirty || backupOffered) return;
    setSaveState((s) => (s.kind === "retry" || s.kind === "conflict" ? s : { kind: "dirty" }));
    const t = setTimeout(() => void save({ manual: false }), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [currentKey, autosave, dirty, backupOffered, save, setSaveState]);

  useEffect(
    () => () => {
      if (retryTimer.current) clearTimeout(retryTimer.current);
    },
    [],
  );

  /** Saves pending edits first, so a step never acts on an older version than the editor sees. */
  const ensureSaved = async (): Promise<boolean> => {
    for (let i = 0; i < 150 && inFlight.current; i++) await new Promise((r) => setTimeout(r, 100));
    if (latestKey.current === savedKey.current) return true;
    return !!(await save({ manual: true }));
  };

  return { save, ensureSaved };
}
