// The workflow steps of the side panel (submit, approve or schedule, send back or withdraw, archive): each saves
// pending edits first where it must, names the revision it acts on and reports in one message line.
import { useState, type Dispatch, type MutableRefObject, type SetStateAction } from "react";
import {
  approveArticle,
  archiveArticle,
  rejectArticle,
  submitArticle,
  type ArticleState,
  type StepResult,
} from "../../actions";
import { dateTime, type SaveState } from "./shared";

export type WorkflowMessage = { kind: "success" | "error"; text: string };

export function useWorkflowSteps(opts: {
  uid: string;
  articleId: string | null;
  baseRevision: MutableRefObject<number | null>;
  setState: (s: ArticleState) => void;
  setSaveState: Dispatch<SetStateAction<SaveState>>;
  ensureSaved: () => Promise<boolean>;
  notice?: string | null;
}) {
  const { uid, articleId, baseRevision, setState, setSaveState, ensureSaved } = opts;
  const [workflowMsg, setWorkflowMsg] = useState<WorkflowMessage | null>(
    opts.notice ? { kind: "success", text: opts.notice } : null,
  );
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [publishAt, setPublishAt] = useState("");
  // For "Wat is er veranderd" when approving: a public one-line summary and a note for the desk.
  const [changeSummary, setChangeSummary] = useState("");
  const [deskNote, setDeskNote] = useState("");
  const [changeErrors, setChangeErrors] = useState<{ changeSummary?: string; deskNote?: string }>({});
  const [busy, setBusy] = useState(false);

  const runStep = async (
    label: string,
    fn: () => Promise<Awaited<ReturnType<typeof submitArticle>>>,
    success: (s: ArticleState) => string,
  ) => {
    setBusy(true);
    setWorkflowMsg(null);
    try {
      const r = await fn();
      if (!r.ok) {
        if (r.fieldErrors.note) setNoteError(r.fieldErrors.note);
        setChangeErrors({ changeSummary: r.fieldErrors.changeSummary, deskNote: r.fieldErrors.deskNote });
        setWorkflowMsg({
          kind: "error",
          text: r.fieldErrors.note ?? r.fieldErrors.changeSummary ?? r.fieldErrors.deskNote ?? r.error,
        });
        return;
      }
      const d = r.data as StepResult;
      if (d.conflict !== undefined) {
        setWorkflowMsg({ kind: "error", text: d.conflict });
        return;
      }
      baseRevision.current = d.state!.revision;
      setState(d.state!);
      setNote("");
      setNoteError(null);
      setChangeSummary("");
      setDeskNote("");
      setChangeErrors({});
      setSaveState({ kind: "saved", at: new Date(), revision: d.state!.revision });
      setWorkflowMsg({ kind: "success", text: success(d.state!) });
    } catch {
      setWorkflowMsg({ kind: "error", text: `${label} is niet gelukt: er is geen verbinding. Probeer het opnieuw.` });
    } finally {
      setBusy(false);
    }
  };

  const onSubmitForReview = async () => {
    if (!articleId || !(await ensureSaved())) return;
    await runStep(
      "Aanbieden",
      () => submitArticle({ articleId, baseRevision: baseRevision.current, note: note || undefined }),
      () => "Het artikel staat nu ter beoordeling. Een andere redacteur of een beheerder moet het goedkeuren.",
    );
  };
  const onApprove = async (scheduled: boolean) => {
    if (!articleId) return;
    if (scheduled && !publishAt) {
      setWorkflowMsg({ kind: "error", text: "Vul een datum en tijd in om de publicatie in te plannen." });
      return;
    }
    await runStep(
      "Goedkeuren",
      () =>
        approveArticle({
          articleId,
          baseRevision: baseRevision.current,
          note: note || undefined,
          changeSummary: changeSummary || undefined,
          deskNote: deskNote || undefined,
          ...(scheduled ? { publishAt, tzOffset: new Date(publishAt).getTimezoneOffset() } : {}),
        }),
      (s) =>
        s.workingStatus === "scheduled" && s.scheduledAt
          ? `Goedgekeurd. Het artikel wordt gepubliceerd op ${dateTime(s.scheduledAt)}.`
          : "Gepubliceerd. Het artikel staat nu op de website en is te vinden met zoeken.",
    );
  };
  const onReject = async (withdraw: boolean) => {
    if (!articleId) return;
    const text = note.trim() || (withdraw ? "Ingetrokken door de schrijver" : "");
    if (!text) {
      setNoteError("Schrijf in de notitie kort wat er beter moet.");
      document.getElementById(`${uid}-note`)?.focus();
      return;
    }
    await runStep(
      "Terugsturen",
      () => rejectArticle({ articleId, baseRevision: baseRevision.current, note: text }),
      () => "Het artikel is weer een concept.",
    );
  };
  const onArchive = async () => {
    if (!articleId) return;
    if (!window.confirm("Weet u zeker dat u dit artikel wilt archiveren? Het verdwijnt dan van de website.")) return;
    await runStep(
      "Archiveren",
      () => archiveArticle({ articleId, baseRevision: baseRevision.current, note: note || undefined }),
      () => "Het artikel is gearchiveerd en staat niet meer op de website.",
    );
  };

  return {
    workflowMsg,
    note,
    setNote,
    noteError,
    publishAt,
    setPublishAt,
    changeSummary,
    setChangeSummary,
    deskNote,
    setDeskNote,
    changeErrors,
    busy,
    onSubmitForReview,
    onApprove,
    onReject,
    onArchive,
  };
}

export type WorkflowSteps = ReturnType<typeof useWorkflowSteps>;
